/**
 * Fraction-free elimination on native bigint (Bareiss 1968; the Gauss-Jordan variant of
 * Nakos, Turner and Williams 1997). Every intermediate entry is a minor of the input, so the
 * divisions are exact (Sylvester's identity) and entries grow only linearly in size: no
 * Fraction objects, no gcds in the inner loop. Rational input is first cleared of
 * denominators row by row (row scaling changes neither rank, row space nor RREF).
 */
import { DimensionError } from '../core/errors.js';
import { bitLength, lcmBig } from '../field/bigint.js';
import type { Rational } from '../field/rational.js';
import { ZZ } from '../field/zz.js';
import { Mat } from './mat.js';

/** Rows of a rational matrix, each multiplied by the lcm of its denominators; and those multipliers. */
export function clearDenominatorsByRow(a: Mat<Rational>): { rows: bigint[][]; scales: bigint[] } {
  const scales: bigint[] = [];
  const rows = a.rows.map((r) => {
    let l = 1n;
    for (const x of r) if (x.den !== 1n) l = lcmBig(l, x.den);
    scales.push(l);
    return l === 1n ? r.map((x) => x.num) : r.map((x) => x.num * (l / x.den));
  });
  return { rows, scales };
}

/** A rational matrix times the lcm of all its denominators (a positive scalar): keeps symmetry. */
export function clearDenominatorsGlobally(a: Mat<Rational>): { rows: bigint[][]; scale: bigint } {
  let l = 1n;
  for (const r of a.rows) for (const x of r) if (x.den !== 1n) l = lcmBig(l, x.den);
  return { rows: a.rows.map((r) => r.map((x) => x.num * (l / x.den))), scale: l };
}

/** Index of the row in [from, m) whose entry in column c is nonzero and shortest; -1 if none. */
function choosePivotRow(a: bigint[][], from: number, c: number): number {
  let best = -1;
  let bestBits = Infinity;
  for (let i = from; i < a.length; i++) {
    const x = a[i][c];
    if (x === 0n) continue;
    const bits = bitLength(x);
    if (bits < bestBits) {
      best = i;
      bestBits = bits;
      if (bits <= 1) break;
    }
  }
  return best;
}

export interface EchelonResult {
  /** Rank = number of pivots. */
  rank: number;
  /** Pivot columns, ascending. */
  pivots: number[];
  /** The row of the input each echelon row came from (the row permutation). */
  rowOrder: number[];
  /** Sign of the row permutation. */
  permutationSign: 1 | -1;
  /** The last pivot: for a square nonsingular matrix, +-det. */
  lastPivot: bigint;
}

/**
 * Bareiss forward elimination, in place, on `a` (m x n). Afterwards row k (k < rank) has its
 * leading entry at `pivots[k]` and rows >= rank are zero.
 */
export function echelonBareissInPlace(a: bigint[][], ncols: number): EchelonResult {
  const m = a.length;
  const pivots: number[] = [];
  const rowOrder = a.map((_, i) => i);
  let sign: 1 | -1 = 1;
  let prev = 1n;
  let r = 0;
  for (let c = 0; c < ncols && r < m; c++) {
    const p = choosePivotRow(a, r, c);
    if (p < 0) continue;
    if (p !== r) {
      [a[p], a[r]] = [a[r], a[p]];
      [rowOrder[p], rowOrder[r]] = [rowOrder[r], rowOrder[p]];
      sign = -sign as 1 | -1;
    }
    const pivotRow = a[r];
    const pivot = pivotRow[c];
    for (let i = r + 1; i < m; i++) {
      const row = a[i];
      const f = row[c];
      if (f === 0n) {
        if (pivot !== prev) for (let j = c + 1; j < ncols; j++) row[j] = (pivot * row[j]) / prev;
      } else {
        for (let j = c + 1; j < ncols; j++) row[j] = (pivot * row[j] - f * pivotRow[j]) / prev;
        row[c] = 0n;
      }
    }
    prev = pivot;
    pivots.push(c);
    r++;
  }
  return { rank: r, pivots, rowOrder, permutationSign: sign, lastPivot: prev };
}

export interface RrefFractionFreeResult {
  /** den * RREF(A): integer, pivot entries all equal to `den`, zero rows at the bottom. */
  matrix: Mat<bigint>;
  /** The common denominator (> 0 is not guaranteed: it is the last pivot, a signed minor). */
  den: bigint;
  pivots: number[];
  rank: number;
}

/**
 * Fraction-free Gauss-Jordan, in place: afterwards a = den * RREF. Rows above the pivot are
 * updated with the same exact division by the previous pivot, which keeps every pivot entry
 * equal to the latest pivot (Nakos-Turner-Williams).
 */
export function rrefFractionFreeInPlace(a: bigint[][], ncols: number): { den: bigint; pivots: number[] } {
  const m = a.length;
  const pivots: number[] = [];
  let prev = 1n;
  let r = 0;
  for (let c = 0; c < ncols && r < m; c++) {
    const p = choosePivotRow(a, r, c);
    if (p < 0) continue;
    if (p !== r) [a[p], a[r]] = [a[r], a[p]];
    const pivotRow = a[r];
    const pivot = pivotRow[c];
    for (let i = 0; i < m; i++) {
      if (i === r) continue;
      const row = a[i];
      const f = row[c];
      if (f === 0n) {
        if (pivot !== prev) for (let j = 0; j < ncols; j++) if (row[j] !== 0n) row[j] = (pivot * row[j]) / prev;
      } else {
        for (let j = 0; j < ncols; j++) {
          const pj = pivotRow[j];
          row[j] = pj === 0n ? (pivot * row[j]) / prev : (pivot * row[j] - f * pj) / prev;
        }
        row[c] = 0n;
      }
    }
    prev = pivot;
    pivots.push(c);
    r++;
  }
  return { den: prev, pivots };
}

/** den * RREF of an integer or rational matrix, fraction-free. */
export function rrefFractionFree(a: Mat<bigint> | Mat<Rational>): RrefFractionFreeResult {
  const rows = integerRows(a);
  const { den, pivots } = rrefFractionFreeInPlace(rows, a.ncols);
  return { matrix: Mat.fromRows(ZZ, rows, a.ncols), den, pivots, rank: pivots.length };
}

/** Rank of an integer or rational matrix by Bareiss elimination. */
export function rankBareiss(a: Mat<bigint> | Mat<Rational>): number {
  return echelonBareissInPlace(integerRows(a), a.ncols).rank;
}

/** Determinant of a square integer matrix by Bareiss elimination. */
export function detBareiss(a: Mat<bigint>): bigint {
  if (a.nrows !== a.ncols) throw new DimensionError('detBareiss', `needs a square matrix, got ${a.nrows}x${a.ncols}`);
  if (a.nrows === 0) return 1n;
  const e = echelonBareissInPlace(a.toArrays(), a.ncols);
  return e.rank < a.nrows ? 0n : e.permutationSign === 1 ? e.lastPivot : -e.lastPivot;
}

/** Mutable integer rows: ZZ entries copied, QQ entries cleared of denominators row by row. */
export function integerRows(a: Mat<bigint> | Mat<Rational>): bigint[][] {
  return a.domain.kind === 'ZZ' ? (a as Mat<bigint>).toArrays() : clearDenominatorsByRow(a as Mat<Rational>).rows;
}
