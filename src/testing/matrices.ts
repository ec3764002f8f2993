/**
 * Rational matrices of known rank, built so that the rank needs no elimination:
 * A = P [I_r; M] [I_r | N] Q, rows and columns then scaled by nonzero rationals. [I_r; M] has
 * full column rank and [I_r | N] full row rank (each contains I_r), so rank A = r by Sylvester's
 * inequality; permutations and nonzero scalings keep it. M and N shrink towards 0, the scales
 * towards 1 and the permutations towards the identity, so a failing case shrinks to
 * diag(1, ..., 1, 0, ..., 0). (FLINT's randrank + randops, seeded and dense: `randRank`.)
 */
import fc from 'fast-check';
import { QQ } from '../field/qq.js';
import { Rational } from '../field/rational.js';
import { Mat } from '../linalg/mat.js';
import { checkInteger } from './options.js';
import { formatRows, withPrinter } from './print.js';
import { rational } from './rationals.js';

export interface MatrixOfRankOptions {
  /** Rows (default 3). */
  rows?: number;
  /** Columns (default 3). */
  cols?: number;
  /** The rank (default: any in [0, min(rows, cols)], drawn first). */
  rank?: number;
  /** Largest |entry| of the factors M and N (default 3). */
  maxEntry?: number;
  /** Scale rows and columns by nonzero rationals (default true). */
  scale?: boolean;
}

export interface MatrixWithRank {
  readonly matrix: Mat<Rational>;
  readonly rank: number;
}

export function matrixOfRank(options: MatrixOfRankOptions = {}): fc.Arbitrary<MatrixWithRank> {
  const m = checkInteger('matrixOfRank', 'rows', options.rows ?? 3, 0);
  const n = checkInteger('matrixOfRank', 'cols', options.cols ?? 3, 0);
  const maxEntry = checkInteger('matrixOfRank', 'maxEntry', options.maxEntry ?? 3, 0);
  if (options.rank === undefined) return fc.integer({ min: 0, max: Math.min(m, n) }).chain((r) => ofRank(m, n, r, maxEntry, options.scale ?? true));
  return ofRank(m, n, checkInteger('matrixOfRank', 'rank', options.rank, 0, Math.min(m, n)), maxEntry, options.scale ?? true);
}

function ofRank(m: number, n: number, r: number, maxEntry: number, scale: boolean): fc.Arbitrary<MatrixWithRank> {
  const ints = (rows: number, cols: number) => fc.array(fc.array(fc.integer({ min: -maxEntry, max: maxEntry }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
  const keys = (k: number) => fc.array(fc.nat({ max: 2 * k }), { minLength: k, maxLength: k });
  const scales = (k: number) => fc.array(scale ? rational({ maxNumerator: 3, maxDenominator: 3, sign: 'nonzero' }) : fc.constant(Rational.ONE), { minLength: k, maxLength: k });
  return fc.record({ M: ints(m - r, r), N: ints(r, n - r), rowKeys: keys(m), colKeys: keys(n), rowScale: scales(m), colScale: scales(n) }).map(({ M, N, rowKeys, colKeys, rowScale, colScale }) => {
    const L = [...identity(r), ...M]; // m x r
    const R = identity(r).map((row, i) => [...row, ...N[i]]); // r x n
    const P = argsort(rowKeys);
    const Q = argsort(colKeys);
    const rows = P.map((pi, i) =>
      Q.map((qj, j) => {
        let s = 0;
        for (let k = 0; k < r; k++) s += L[pi][k] * R[k][qj];
        return Rational.of(s).mul(rowScale[i]).mul(colScale[j]);
      }),
    );
    const matrix = Mat.fromRows(QQ, rows, n);
    return withPrinter({ matrix, rank: r }, (v) => `{matrix: ${formatRows(v.matrix.rows)}, rank: ${v.rank}}`);
  });
}

function identity(r: number): number[][] {
  return Array.from({ length: r }, (_, i) => Array.from({ length: r }, (_, j) => (i === j ? 1 : 0)));
}

/** The permutation that sorts the keys (stable: all-equal keys give the identity). */
function argsort(keys: readonly number[]): number[] {
  return keys.map((k, i) => [k, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
}
