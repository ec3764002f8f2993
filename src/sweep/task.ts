/**
 * A sweep task: a named, pure function of JSON parameters returning a JSON result. Sweeps run
 * it over a grid; resume and merge rely on it being deterministic (same parameters, same result:
 * seed every random draw from a parameter). Each task declares its parameters so a typo in a
 * spec is refused before the first of ten thousand instances runs.
 */
import { InputError } from '../core/errors.js';

/** A parameter value: a JSON scalar, or a list of integers (an architecture like [1, 8, 1]). */
export type ParamValue = number | string | boolean | readonly number[];
export type Params = Readonly<Record<string, ParamValue>>;

export type ParamSpec = { description: string; default?: ParamValue } & (
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'number'; min?: number; max?: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'boolean' }
  /** A list of integers, each in [min, max], of length in [minLength, maxLength]. */
  | { type: 'integers'; min?: number; max?: number; minLength?: number; maxLength?: number }
);

export interface SweepTask {
  readonly name: string;
  /** One line for `relu-exact sweep tasks`. */
  readonly summary: string;
  readonly params: Readonly<Record<string, ParamSpec>>;
  /** Why these parameters cannot run (checked for every instance before the sweep starts), or undefined. */
  validate?(params: Params): string | undefined;
  /** A JSON-ready result; throw BudgetExceededError when a budget parameter runs out. */
  run(params: Params): Record<string, unknown>;
}

/**
 * Check one value against its spec; returns it (as a plain value) or throws InputError naming
 * `path` (`grid.width[2]`).
 */
export function checkParam(spec: ParamSpec, value: unknown, path: string, file?: string): ParamValue {
  const bad = (why: string): never => {
    throw new InputError(`${why}, got ${JSON.stringify(value)}`, { file, path });
  };
  const inRange = (x: number, min?: number, max?: number): boolean => (min === undefined || x >= min) && (max === undefined || x <= max);
  const range = (min?: number, max?: number): string => (min !== undefined && max !== undefined ? ` in [${min}, ${max}]` : min !== undefined ? ` >= ${min}` : max !== undefined ? ` <= ${max}` : '');
  switch (spec.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || !inRange(value, spec.min, spec.max)) bad(`expected an integer${range(spec.min, spec.max)}`);
      return value as number;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || !inRange(value, spec.min, spec.max)) bad(`expected a number${range(spec.min, spec.max)}`);
      return value as number;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) bad(`expected one of ${spec.values.join(', ')}`);
      return value as string;
    case 'boolean':
      if (typeof value !== 'boolean') bad('expected true or false');
      return value as boolean;
    case 'integers': {
      const ok =
        Array.isArray(value) &&
        value.every((x) => typeof x === 'number' && Number.isSafeInteger(x) && inRange(x, spec.min, spec.max)) &&
        inRange(value.length, spec.minLength ?? 1, spec.maxLength);
      if (!ok) bad(`expected a list of ${spec.minLength ?? 1}${spec.maxLength !== undefined ? ` to ${spec.maxLength}` : ' or more'} integers${range(spec.min, spec.max)}`);
      return (value as number[]).slice();
    }
  }
}

/** `relu-exact sweep tasks`: a task's parameters, one line each. */
export function describeParams(task: SweepTask): string[] {
  return Object.entries(task.params).map(([name, p]) => {
    const type = p.type === 'enum' ? p.values.join('|') : p.type === 'integers' ? 'list of integers' : p.type;
    return `${name} (${type}${p.default !== undefined ? `, default ${JSON.stringify(p.default)}` : ', required'}): ${p.description}`;
  });
}
