/**
 * Gauss-Jordan elimination over any field (QQ with Rational objects, or F64 with its
 * tolerance). Exact callers use it as the second algorithm that cross-checks the fraction-free
 * path; float callers get partial pivoting and the F64 tolerance, relative to the largest entry.
 */
import type { FloatField } from '../field/f64.js';
import { absGreater, fieldOf, Mat, maxAbsEntry } from './mat.js';

export interface RrefResult<T> {
  /** The reduced row echelon form (pivots 1, zeros above and below). */
  matrix: Mat<T>;
  /** Pivot columns, ascending; their count is the rank. */
  pivots: number[];
}

/** RREF by Gauss-Jordan with partial pivoting (largest entry in the column). */
export function rrefGaussJordan<T>(A: Mat<T>): RrefResult<T> {
  const F = fieldOf(A, 'rrefGaussJordan');
  const a = A.toArrays();
  const m = A.nrows;
  const n = A.ncols;
  const scale = F.exact ? F.one : maxAbsEntry(F, a);
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < m; c++) {
    let p = -1;
    for (let i = r; i < m; i++) {
      if (F.isNegligible(a[i][c], scale)) continue;
      if (p < 0 || (!F.exact && absGreater(F, a[i][c], a[p][c]))) p = i;
      if (F.exact) break;
    }
    if (p < 0) {
      for (let i = r; i < m; i++) a[i][c] = F.zero;
      continue;
    }
    [a[p], a[r]] = [a[r], a[p]];
    const pivotRow = a[r];
    const inv = F.inv(pivotRow[c]);
    for (let j = 0; j < n; j++) pivotRow[j] = F.mul(pivotRow[j], inv);
    pivotRow[c] = F.one;
    for (let i = 0; i < m; i++) {
      if (i === r) continue;
      const f = a[i][c];
      if (F.isZero(f) && F.exact) continue;
      const row = a[i];
      for (let j = 0; j < n; j++) row[j] = F.sub(row[j], F.mul(f, pivotRow[j]));
      row[c] = F.zero;
    }
    pivots.push(c);
    r++;
  }
  return { matrix: Mat.fromRows(A.domain, a, n), pivots };
}

/** How clearly a float rank is decided: the pivots on both sides of the tolerance. */
export interface FloatRankReport {
  rank: number;
  exact: false;
  /** The threshold used: tol x (largest |entry|). */
  threshold: number;
  /** The smallest pivot accepted (Infinity when rank 0). */
  smallestPivot: number;
  /** The largest entry left when elimination stopped (0 when full rank). */
  largestRejected: number;
  /** True when either side is within a factor 1000 of the threshold: the rank is not clear. */
  nearBoundary: boolean;
}

/**
 * Rank of a float matrix by Gaussian elimination with complete pivoting (the rank-revealing
 * pivoting among the eliminations), with the gap around the tolerance reported.
 */
export function rankWithMarginF64(A: Mat<number>): FloatRankReport {
  const F = A.domain as FloatField;
  const a = A.toArrays();
  const m = A.nrows;
  const n = A.ncols;
  const scale = maxAbsEntry(F, a);
  const threshold = F.tol * scale;
  const rowsLeft = a.map((_, i) => i);
  const colsLeft = Array.from({ length: n }, (_, j) => j);
  let smallestPivot = Infinity;
  let rank = 0;
  for (;;) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (const i of rowsLeft) for (const j of colsLeft) if (Math.abs(a[i][j]) > best) [best, bi, bj] = [Math.abs(a[i][j]), i, j];
    if (bi < 0 || best <= threshold) {
      const largestRejected = best;
      const nearBoundary = (largestRejected > 0 && largestRejected * 1000 > threshold) || (rank > 0 && smallestPivot < threshold * 1000);
      return { rank, exact: false, threshold, smallestPivot, largestRejected, nearBoundary };
    }
    smallestPivot = Math.min(smallestPivot, best);
    rank++;
    rowsLeft.splice(rowsLeft.indexOf(bi), 1);
    colsLeft.splice(colsLeft.indexOf(bj), 1);
    const pivotRow = a[bi];
    for (const i of rowsLeft) {
      const f = a[i][bj] / pivotRow[bj];
      if (f === 0) continue;
      for (const j of colsLeft) a[i][j] -= f * pivotRow[j];
    }
  }
}
