/**
 * The command-line entry: parse, dispatch, and map errors to the exit codes of FORMATS.md
 * (0 done, 1 internal error, 2 bad input or usage, 3 budget ran out). Bad input never prints a
 * stack trace; RELU_EXACT_DEBUG=1 shows one for internal errors.
 */
import { parseArgs } from 'node:util';
import { BudgetExceededError, InputError, UsageError } from '../core/errors.js';
import type { Command, CommandContext, OptionSpec } from './command.js';
import { COMMANDS } from './commands/index.js';
import type { CliIo } from './io.js';
import { VERSION } from './version.js';

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', description: 'print exactly one JSON object on stdout' },
  floats: {
    type: 'string',
    valueName: 'MODE',
    default: 'decimal',
    description: "how JSON numbers in input files are read: 'decimal' (as written: 0.1 is 1/10) or 'binary' (the float's exact value)",
  },
  help: { type: 'boolean', description: 'show this help' },
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const target = name === 'help' ? rest[0] : undefined;
      io.stdout(target !== undefined ? commandHelp(findCommand(target)) : mainHelp());
      return 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`relu-exact ${VERSION}\n`);
      return 0;
    }
    const command = findCommand(name);
    const ctx = parseCommandArgs(command, rest, io);
    if (ctx === 'help') {
      io.stdout(commandHelp(command));
      return 0;
    }
    return (await command.run(ctx)) ?? 0;
  } catch (e) {
    return reportError(e, io, name);
  }
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)}; the commands are: ${COMMANDS.map((c) => c.name).join(', ')} (see relu-exact --help)`);
  return command;
}

/**
 * `--box -1,1` as `--box=-1,1`: node's parseArgs reads a value that starts with '-' as an option
 * and refuses it, but a string option followed by a negative number (or a list starting with one)
 * can only mean that value.
 */
function joinNegativeValues(args: readonly string[], specs: Readonly<Record<string, OptionSpec>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = /^--([a-z][a-z0-9-]*)$/.exec(args[i])?.[1];
    const next = args[i + 1];
    if (name !== undefined && specs[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${args[i]}=${next}`);
      i++;
    } else out.push(args[i]);
  }
  return out;
}

function parseCommandArgs(command: Command, args: readonly string[], io: CliIo): CommandContext | 'help' {
  const specs = { ...COMMON_OPTIONS, ...command.options };
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, specs),
      options: Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, { type: s.type, ...(s.multiple === true ? { multiple: true } : {}) }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')} (see relu-exact ${command.name} --help)`);
  }
  const values = Object.fromEntries(Object.entries(parsed.values).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : v])) as Record<string, string | boolean | undefined>;
  if (values['help'] === true) return 'help';
  const allowed = command.positionals?.at(-1)?.variadic === true ? Infinity : (command.positionals?.length ?? 0);
  if (parsed.positionals.length > allowed) {
    throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[allowed])} (see relu-exact ${command.name} --help)`);
  }
  command.positionals?.forEach((p, i) => {
    if (p.required === true && parsed.positionals[i] === undefined) throw new UsageError(`missing ${p.name} (see relu-exact ${command.name} --help)`);
  });
  for (const [key, spec] of Object.entries(specs)) {
    if (values[key] === undefined && spec.default !== undefined) values[key] = spec.default;
    if (spec.required === true && values[key] === undefined) throw new UsageError(`missing --${key} ${spec.valueName ?? ''}`.trimEnd() + ` (see relu-exact ${command.name} --help)`);
  }
  if (values['floats'] !== 'decimal' && values['floats'] !== 'binary') throw new UsageError(`--floats must be 'decimal' or 'binary', got ${JSON.stringify(values['floats'])}`);
  return { options: values, positionals: parsed.positionals, io, json: values['json'] === true };
}

function reportError(e: unknown, io: CliIo, name: string | undefined): number {
  const prefix = name !== undefined && COMMANDS.some((c) => c.name === name) ? `relu-exact ${name}: ` : 'relu-exact: ';
  if (e instanceof InputError || e instanceof UsageError) {
    io.stderr(`${prefix}${e.message}\n`);
    return 2;
  }
  if (e instanceof BudgetExceededError) {
    io.stderr(`${prefix}${e.message}\n`);
    return 3;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.stderr(`${prefix}internal error: ${message}\n`);
  if (process.env['RELU_EXACT_DEBUG'] === '1' && e instanceof Error && e.stack !== undefined) io.stderr(e.stack + '\n');
  else io.stderr('(this is a bug in relu-exact; set RELU_EXACT_DEBUG=1 for a stack trace)\n');
  return 1;
}

function optionLines(specs: Readonly<Record<string, OptionSpec>>): string[] {
  const rows = Object.entries(specs).map(([k, s]) => [`--${k}${s.valueName !== undefined ? ' ' + s.valueName : ''}`, s.description + (s.default !== undefined && s.type === 'string' ? ` (default ${s.default})` : '') + (s.required === true ? ' (required)' : '')]);
  const width = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`);
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `relu-exact ${VERSION}: exact analysis of ReLU neural networks`,
    '',
    'Usage: relu-exact <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run relu-exact <command> --help for its options. Exit codes: 0 done, 1 internal error,',
    '2 bad input or usage, 3 a budget (--max-count, --max-seconds) ran out.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const pos = (command.positionals ?? []).map((p) => (p.required === true ? ` ${p.name}` : ` [${p.name}${p.variadic === true ? '...' : ''}]`)).join('');
  return [
    `Usage: relu-exact ${command.name}${pos} [options]`,
    '',
    command.summary,
    ...(command.description !== undefined ? ['', command.description] : []),
    ...(command.positionals !== undefined && command.positionals.length > 0 ? ['', 'Arguments:', ...command.positionals.map((p) => `  ${p.name}  ${p.description}`)] : []),
    '',
    'Options:',
    ...optionLines(command.options),
    ...optionLines(COMMON_OPTIONS),
    '',
  ].join('\n');
}
