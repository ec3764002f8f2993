/**
 * O(1) checks of a kernel call. A typed array read past its end gives undefined (NaN in the
 * arithmetic) and a write past it does nothing, so a short array or a bad row range would give a
 * wrong answer silently; these throw a DimensionError naming the kernel and the array instead.
 * Nothing is allocated unless a check fails.
 */
import { DimensionError } from '../core/errors.js';

/** Rows [i0, i1): integers with 0 <= i0 <= i1. */
export function checkRows(fn: string, i0: number, i1: number): void {
  if (!(Number.isSafeInteger(i0) && Number.isSafeInteger(i1) && 0 <= i0 && i0 <= i1)) throw new DimensionError(fn, `rows [i0, i1) = [${i0}, ${i1}) must be integers with 0 <= i0 <= i1`);
}

/** `needed` entries of `array` from `offset` (a null array, an absent gradient, passes). */
export function checkArray(fn: string, name: string, array: ArrayLike<number> | null, offset: number, needed: number): void {
  if (array === null) return;
  if (!(Number.isSafeInteger(offset) && offset >= 0 && array.length >= offset + needed)) throw new DimensionError(fn, `${name} has ${array.length} entries; ${needed} from offset ${offset} need ${offset + needed}`);
}

/** Rows up to i1 of a row-major array with `perRow` entries a row (`what`: 'input', 'output'). */
export function checkRowArray(fn: string, name: string, array: ArrayLike<number> | null, i1: number, perRow: number, what: string): void {
  if (array !== null && array.length < i1 * perRow) throw new DimensionError(fn, `${name} has ${array.length} entries; rows up to ${i1} with ${perRow} ${what}(s) need ${i1 * perRow}`);
}
