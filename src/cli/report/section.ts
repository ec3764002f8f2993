/**
 * A report is a list of sections; each analysis contributes one (a file under `sections/`,
 * listed in `sections/index.ts`). A section builds blocks once; the text and HTML renderers
 * lay them out, and its `json` goes into `report --json`.
 */
import type { Rational } from '../../field/rational.js';
import type { Dataset } from '../../network/json-io.js';
import type { ReluNet } from '../../network/relu-net.js';

export interface ReportInput {
  net?: ReluNet<Rational>;
  netFile?: string;
  data?: Dataset<Rational>;
  dataFile?: string;
  /** Significant digits of decimal approximations. */
  digits: number;
}

export type Block =
  | { kind: 'text'; text: string }
  | { kind: 'table'; header: readonly string[]; rows: readonly (readonly string[])[] }
  | { kind: 'note'; text: string }
  | { kind: 'svg'; svg: string; caption: string };

/**
 * A headline fact for the summary at the top of the report (`sse` = `621/256 (~2.43)`). `tone`
 * marks what a reader should notice: `good` (a clean answer), `warn` (a tie, a reduction, a
 * budget that ran out). Sections without a headline are summarised by their first sentence.
 */
export interface Fact {
  label: string;
  value: string;
  tone?: 'good' | 'warn';
}

export interface SectionOutput {
  title: string;
  blocks: Block[];
  json: Record<string, unknown>;
  headline?: readonly Fact[];
}

export interface ReportSection {
  /** Stable name, listed in `report --json` under `sections`. */
  readonly id: string;
  applies(input: ReportInput): boolean;
  build(input: ReportInput): SectionOutput;
}
