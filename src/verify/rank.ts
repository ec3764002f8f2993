/**
 * A rank certified from both sides, for the verifier's own matrices:
 * - rank >= r: the r x r minor on the witness rows and columns has the stated determinant, not 0;
 * - rank <= r: the witness kernel holds n - r linearly independent vectors u (checked by this
 *   module's own elimination) with A u = 0.
 * The kernel vectors are returned, so a caller can check them against more rows.
 */
import { Rational } from '../field/rational.js';
import { detOf, dot, rankOf } from './exact.js';
import { int, list, need, num, rows, type Json } from './read.js';

export function indexList(v: Json, path: string, below: number): number[] {
  const out = list(v, path).map((x, k) => int(x, `${path}[${k}]`));
  need(out.every((i, k) => i < below && (k === 0 || i > out[k - 1])), path, `must be increasing indices below ${below}`);
  return out;
}

/** Checks the minor and the kernel of A (n columns) against `witness`; returns the kernel. */
export function certifiedRank(A: readonly (readonly Rational[])[], n: number, r: number, witness: Record<string, Json>): Rational[][] {
  const pr = indexList(witness['rows'], 'witness.rows', A.length);
  const pc = indexList(witness['columns'], 'witness.columns', n);
  need(pr.length === r && pc.length === r, 'witness', `needs ${r} pivot rows and ${r} pivot columns`);
  const det = num(witness['determinant'], 'witness.determinant');
  const actual = detOf(pr.map((i) => pc.map((j) => A[i][j])));
  need(det.eq(actual), 'witness.determinant', `the minor's determinant is ${actual}, not ${det}`);
  need(r === 0 || !det.isZero(), 'witness.determinant', 'a zero minor shows nothing');
  const kernel = rows(witness['kernel'], 'witness.kernel', n);
  need(kernel.length === n - r, 'witness.kernel', `needs n - r = ${n - r} vectors to show rank <= ${r}, got ${kernel.length}`);
  need(kernel.length === 0 || rankOf(kernel) === kernel.length, 'witness.kernel', 'the vectors are linearly dependent');
  kernel.forEach((u, k) => {
    const i = A.findIndex((row) => !dot(row, u).isZero());
    need(i < 0, `witness.kernel[${k}]`, `is not in the kernel (row ${i} times it is not 0)`);
  });
  return kernel;
}
