/**
 * `npm run bench`: runs every benchmark module in turn and prints its tables to stdout
 * (progress goes to stderr). A benchmark is a module exporting `run(reporter, options)`;
 * adding one is one import and one line in BENCHES.
 *
 * Flags: `--budget <seconds>` (time budget per slow baseline measurement, default 25),
 * `--only <name>` (run one benchmark).
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { run as runLinalg } from './linalg.js';
import { run as runCrossover } from './crossover.js';
import { run as runExactSpeed } from './exact-speed.js';
import { run as runFloat } from './float.js';
import { run as runIdentify } from './identify.js';
import { run as runPatterns } from './patterns.js';
import { run as runSweep } from './sweep.js';
import { run as runFdim } from './fdim.js';
import { run as runLandscape } from './landscape.js';
import { run as runActivations } from './activations.js';

/** A result table: printed as a Markdown table, with notes below it. */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  notes?: string[];
}

export interface Reporter {
  /** Print a finished table (stdout). */
  table(t: Table): void;
  /** Print a line of results (stdout): summaries, loud MISMATCH lines. */
  line(text: string): void;
  /** Progress while measuring (stderr, so stdout holds only results). */
  progress(text: string): void;
}

export interface BenchOptions {
  /** Seconds a slow baseline may take for one measurement; bigger estimated jobs are skipped. */
  budgetSeconds: number;
  /** A smoke run: the smallest cases only (benches that have such a mode). */
  quick?: boolean;
}

export type Bench = (reporter: Reporter, options: BenchOptions) => Promise<void>;

const BENCHES: { name: string; run: Bench }[] = [
  { name: 'linalg', run: runLinalg },
  { name: 'exact-speed', run: runExactSpeed },
  { name: 'crossover', run: runCrossover },
  { name: 'patterns', run: runPatterns },
  { name: 'float', run: runFloat },
  { name: 'sweep', run: runSweep },
  { name: 'fdim', run: runFdim },
  { name: 'landscape', run: runLandscape },
  { name: 'identify', run: runIdentify },
  { name: 'activations', run: runActivations },
];

export function formatTable(t: Table): string {
  const all = [t.columns, ...t.rows];
  const widths = t.columns.map((_, j) => Math.max(...all.map((r) => (r[j] ?? '').length)));
  const fmt = (r: string[]): string => '| ' + r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, j) => (j === 0 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  const lines = [`### ${t.title}`, '', fmt(t.columns), rule, ...t.rows.map(fmt)];
  if (t.notes && t.notes.length > 0) lines.push('', ...t.notes.map((n) => `- ${n}`));
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      budget: { type: 'string', default: '25' },
      only: { type: 'string' },
    },
  });
  const budgetSeconds = Number(values.budget);
  if (!(budgetSeconds > 0)) throw new RangeError(`bench: --budget must be a positive number of seconds, got ${values.budget}`);
  const selected = values.only === undefined ? BENCHES : BENCHES.filter((b) => b.name === values.only);
  if (selected.length === 0) throw new RangeError(`bench: no benchmark named ${values.only} (have: ${BENCHES.map((b) => b.name).join(', ')})`);

  const reporter: Reporter = {
    table: (t) => console.log(formatTable(t)),
    line: (text) => console.log(text),
    progress: (text) => process.stderr.write(`  .. ${text}\n`),
  };
  const cpu = cpus();
  console.log(`relu-exact benchmarks: node ${process.version}, ${cpu.length} x ${cpu[0]?.model ?? 'unknown cpu'}, budget ${budgetSeconds} s per slow measurement\n`);
  const t0 = performance.now();
  for (const b of selected) {
    const tb = performance.now();
    console.log(`## ${b.name}\n`);
    await b.run(reporter, { budgetSeconds });
    console.log(`(${b.name}: ${((performance.now() - tb) / 1000).toFixed(1)} s)\n`);
  }
  console.log(`total: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
