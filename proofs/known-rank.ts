/**
 * The rank of the published `matrixOfRank` arbitrary's matrices (Sylvester's rank inequality):
 * the law users lean on when they test rank code with it.
 *
 * Hypotheses: A = P [I_r; M] [I_r | N] Q with P, Q permutations, rows and columns then scaled by
 * nonzero rationals (any integer M, N).
 * Claim: rank A = r, and the toolkit's rank agrees.
 *
 * Check: N seeded random matrices of each rank 0..min(m, n) for m, n up to the size. Each
 * certificate holds a nonzero r x r pivot minor (rank >= r) and every row as a combination of the
 * pivot rows (rank <= r); the verifier recomputes the minor's determinant by its own elimination.
 */
import fc from 'fast-check';
import { det, Mat, QQ, rank, rref, solve, type Rational } from 'relu-exact';
import { defineTheorem, makeCertificate, matrixOfRank, type MatrixWithRank } from 'relu-exact/arbitraries';

/** Pivot rows and columns, the minor's determinant, and each row in terms of the pivot rows. */
export function rankWitness(A: Mat<Rational>) {
  const columns = rref(A).pivots;
  const rows = rref(A.transpose()).pivots;
  const minor = Mat.fromRows(QQ, rows.map((i) => columns.map((j) => A.get(i, j))), columns.length);
  const basisT = Mat.fromRows(QQ, Array.from({ length: A.ncols }, (_, j) => rows.map((i) => A.get(i, j))), rows.length);
  const combination = A.rows.map((row, i) => {
    const r = solve(basisT, row);
    if (!r.ok) throw new Error(`rankWitness: row ${i} is not a combination of the pivot rows (a bug)`);
    return r.x;
  });
  return { rows, columns, determinant: rows.length === 0 ? QQ.one : det(minor), combination };
}

const PER_SHAPE = 3;

export const knownRankTheorem = defineTheorem<MatrixWithRank>({
  name: 'known-rank',
  title: 'matrixOfRank: P [I_r; M] [I_r | N] Q, rescaled, has rank exactly r',
  statement: {
    hypotheses: ['A = P [I_r; M] [I_r | N] Q (P, Q permutations), rows and columns scaled by nonzero rationals'],
    claim: 'rank A = r, and the toolkit\'s rank says so',
  },
  source: "Sylvester's rank inequality (rank of a product of a full column rank and a full row rank factor); FLINT's randrank for the idea of matrices of known rank",
  size: { default: 4, min: 1, max: 8, meaning: 'largest number of rows and columns' },
  kinds: ['matrix-rank'],
  instancesAre: `${PER_SHAPE} seeded random matrices of every shape m x n (1 <= m, n <= size) and every rank 0..min(m, n)`,
  instances: (size, seed) => {
    const out: MatrixWithRank[] = [];
    for (let m = 1; m <= size; m++) for (let n = 1; n <= size; n++) for (let r = 0; r <= Math.min(m, n); r++) out.push(...fc.sample(matrixOfRank({ rows: m, cols: n, rank: r }), { seed: seed + 7919 * (m * 64 + n * 8 + r), numRuns: PER_SHAPE }));
    return out;
  },
  arbitrary: (size) => fc.tuple(fc.integer({ min: 1, max: size }), fc.integer({ min: 1, max: size })).chain(([m, n]) => matrixOfRank({ rows: m, cols: n })),
  check({ matrix, rank: r }) {
    const w = rankWitness(matrix);
    const found = rank(matrix);
    return {
      certificate: makeCertificate('known-rank', { matrix: matrix.rows }, { kind: 'matrix-rank', rank: w.rows.length, expected: r, holds: w.rows.length === r }, w),
      problems: found === w.rows.length ? [] : [`rank() says ${found}, the pivot minor and combinations show ${w.rows.length}`],
    };
  },
});
