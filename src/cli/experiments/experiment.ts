/** A named reproduction run by `relu-exact experiment NAME`; each lives in its own file here and is listed in index.ts. */
import type { CommandContext, OptionSpec } from '../command.js';

export interface Experiment {
  readonly name: string;
  /** One line for the list of experiments. */
  readonly summary: string;
  /** The paper(s) reproduced. */
  readonly source: string;
  /** Its options (no `default`: the experiment applies its own and says so in the description). */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Prints its tables (or, with --json, one object with `"exact": false` for float results); returns the exit code. */
  run(ctx: CommandContext): Promise<number | void> | number | void;
}
