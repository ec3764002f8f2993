/** Eager validation of builder options (STYLE.md: the function's name in every message). */
import { UsageError } from '../core/errors.js';

export function checkInteger(fn: string, name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${fn}: ${name} must be an integer in [${min}, ${max === Number.MAX_SAFE_INTEGER ? 'inf' : max}], got ${JSON.stringify(value)}`);
  }
  return value;
}

export function checkOneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new UsageError(`${fn}: ${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** A count or a { min, max } range of counts. */
export function checkRange(fn: string, name: string, value: number | { min: number; max: number }, min: number): { min: number; max: number } {
  if (typeof value === 'number') {
    checkInteger(fn, name, value, min);
    return { min: value, max: value };
  }
  if (typeof value !== 'object' || value === null) throw new UsageError(`${fn}: ${name} must be a number or { min, max }, got ${JSON.stringify(value)}`);
  checkInteger(fn, `${name}.min`, value.min, min);
  checkInteger(fn, `${name}.max`, value.max, value.min);
  return { min: value.min, max: value.max };
}
