/**
 * Typed errors. A mathematical "no" (singular, infeasible, not identifiable) is a value,
 * never one of these: these are for misuse and bad input. The CLI maps them to exit codes
 * (FORMATS.md): InputError and UsageError -> 2, BudgetExceededError -> 3, anything else -> 1.
 */

export class ReluExactError extends Error {
  override name = 'ReluExactError';
}

/** Where bad input was found: the file (if any) and the JSON path inside it (if any). */
export interface InputLocation {
  readonly file?: string;
  readonly path?: string;
}

/** Bad input data: a file, a JSON value, a number's text. The message names where and why. */
export class InputError extends ReluExactError {
  override name = 'InputError';
  readonly reason: string;
  readonly location: InputLocation;
  constructor(reason: string, location: InputLocation = {}) {
    super(formatLocated(reason, location));
    this.reason = reason;
    this.location = location;
  }
  /** The same error, placed inside `file` (and under `pathPrefix` when given). */
  within(file: string | undefined, pathPrefix?: string): InputError {
    const path = joinPath(pathPrefix, this.location.path);
    return new InputError(this.reason, { file: this.location.file ?? file, path });
  }
}

/** Misuse of a command line or of an API function (wrong option, wrong shape of arguments). */
export class UsageError extends ReluExactError {
  override name = 'UsageError';
}

/** Arguments of an API function whose shapes do not fit together (names the function). */
export class DimensionError extends UsageError {
  override name = 'DimensionError';
  constructor(fn: string, detail: string) {
    super(`${fn}: ${detail}`);
  }
}

/** Division by an exact zero. */
export class DivisionByZeroError extends ReluExactError {
  override name = 'DivisionByZeroError';
  constructor(fn: string) {
    super(`${fn}: division by zero`);
  }
}

/** A count or time budget ran out before the answer was complete. */
export class BudgetExceededError extends ReluExactError {
  override name = 'BudgetExceededError';
  constructor(
    message: string,
    /** What was found before the budget ran out (for example a partial count). */
    readonly partial?: unknown,
  ) {
    super(message);
  }
}

function joinPath(prefix: string | undefined, path: string | undefined): string | undefined {
  if (prefix === undefined || prefix === '') return path;
  if (path === undefined || path === '') return prefix;
  return path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
}

function formatLocated(reason: string, { file, path }: InputLocation): string {
  const where = [file, path].filter((s) => s !== undefined && s !== '').join(': ');
  return where === '' ? reason : `${where}: ${reason}`;
}
