/** The shape of a CLI command; each lives in its own file under `commands/`. */
import type { CliIo } from './io.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Shown in help: `--net FILE`. */
  valueName?: string;
  required?: boolean;
  default?: string | boolean;
  /** A string option that may repeat: the values reach the command joined by spaces. */
  multiple?: boolean;
}

export interface CommandContext {
  /** Parsed options (strings or booleans), defaults filled in. */
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
  readonly io: CliIo;
  /** `--json`: print exactly one JSON object on stdout. */
  readonly json: boolean;
}

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** A paragraph for `relu-exact <command> --help`. */
  readonly description?: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Positional arguments, for help; commands without them refuse any. */
  readonly positionals?: readonly { name: string; description: string; required?: boolean; /** Takes every remaining argument (last only). */ variadic?: boolean }[];
  /** Returns the exit code (0 when omitted). */
  run(ctx: CommandContext): Promise<number | void> | number | void;
}
