/**
 * Integer forms of rational constraint data, and the exact integer arithmetic the LP checks use.
 * A row scaled by a positive integer describes the same half-space, so every constraint row
 * (coefficients with its right-hand side) is cleared of denominators on its own.
 */
import { DimensionError } from '../core/errors.js';
import { gcdBig, lcmBig } from '../field/bigint.js';
import { Rational } from '../field/rational.js';

/** The row times the lcm of its denominators (a positive integer), divided by the gcd of the result. */
export function primitiveRow(row: readonly Rational[]): bigint[] {
  let l = 1n;
  for (const x of row) if (x.den !== 1n) l = lcmBig(l, x.den);
  const ints = row.map((x) => (x.den === 1n ? x.num * l : x.num * (l / x.den)));
  return dividedByContent(ints);
}

/** An integer vector divided by the gcd of its entries (unchanged when all are 0). */
export function dividedByContent(v: bigint[]): bigint[] {
  let g = 0n;
  for (const x of v) {
    if (x !== 0n) g = g === 0n ? (x < 0n ? -x : x) : gcdBig(g, x);
    if (g === 1n) return v;
  }
  return g > 1n ? v.map((x) => x / g) : v;
}

/** Sum_j a_j x_j over bigint. */
export function dotBig(a: readonly bigint[], x: readonly bigint[]): bigint {
  let s = 0n;
  for (let j = 0; j < a.length; j++) if (a[j] !== 0n && x[j] !== 0n) s += a[j] * x[j];
  return s;
}

/** Sum_i y_i rows_i (a combination of rows), over bigint. */
export function combineRows(rows: readonly (readonly bigint[])[], y: readonly bigint[], width: number): bigint[] {
  const out = new Array<bigint>(width).fill(0n);
  rows.forEach((r, i) => {
    const yi = y[i];
    if (yi === 0n) return;
    for (let j = 0; j < width; j++) if (r[j] !== 0n) out[j] += yi * r[j];
  });
  return out;
}

/** Rationals num_i / den, in lowest terms. */
export function toRationals(num: readonly bigint[], den: bigint): Rational[] {
  return num.map((x) => Rational.of(x, den));
}

/** Checks that the matrix rows all have `n` entries and that `b` fits (names the function). */
export function checkShape(fn: string, A: readonly (readonly unknown[])[], b: readonly unknown[] | undefined, n: number): void {
  A.forEach((r, i) => {
    if (r.length !== n) throw new DimensionError(fn, `row ${i} has ${r.length} entries, expected ${n}`);
  });
  if (b !== undefined && b.length !== A.length) throw new DimensionError(fn, `${A.length} rows but the right-hand side has length ${b.length}`);
}
