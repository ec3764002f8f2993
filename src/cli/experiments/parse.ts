/** Option values of experiments: numbers and lists of numbers, checked with clear messages. */
import { UsageError } from '../../core/errors.js';
import type { CommandContext } from '../command.js';
import { integerOption } from '../inputs.js';

export function numberList(ctx: CommandContext, key: string, fallback: readonly number[], check: (x: number) => boolean = Number.isFinite, what = 'finite numbers'): number[] {
  const raw = ctx.options[key];
  if (raw === undefined) return [...fallback];
  const values = String(raw)
    .split(',')
    .map((s) => (s.trim() === '' ? NaN : Number(s.trim())));
  if (values.length === 0 || values.some((x) => !check(x))) throw new UsageError(`--${key} must be a comma-separated list of ${what}, got ${JSON.stringify(raw)}`);
  return values;
}

export function integerOr(ctx: CommandContext, key: string, fallback: number, range: { min?: number; max?: number } = {}): number {
  return ctx.options[key] === undefined ? fallback : integerOption(ctx, key, range);
}

export function positiveOr(ctx: CommandContext, key: string, fallback: number): number {
  const raw = ctx.options[key];
  if (raw === undefined) return fallback;
  const x = Number(raw);
  if (!(typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(x) && x > 0)) throw new UsageError(`--${key} must be a number > 0, got ${JSON.stringify(raw)}`);
  return x;
}

/** Significant digits for tables. */
export const sig = (x: number | null, digits = 6): string => (x === null ? '-' : Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : String(x));
export const exp = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toExponential(digits) : String(x));
