/**
 * `matrix-rank`: rank A = r, from a pivot minor and row combinations:
 * - rank >= r: the r x r minor on the witness rows and columns has the stated determinant, not 0
 *   (recomputed here by elimination);
 * - rank <= r: every row of A is the stated combination of the r pivot rows.
 */
import { Rational } from '../../field/rational.js';
import { detOf } from '../exact.js';
import type { KindChecker } from '../kind.js';
import { int, list, need, num, rows } from '../read.js';

export const matrixRank: KindChecker = {
  kind: 'matrix-rank',
  check({ instance, claim, witness }) {
    const A = rows(instance['matrix'], 'instance.matrix');
    const n = A.length > 0 ? A[0].length : 0;
    const r = int(claim['rank'], 'claim.rank');
    const pr = list(witness['rows'], 'witness.rows').map((x, k) => int(x, `witness.rows[${k}]`));
    const pc = list(witness['columns'], 'witness.columns').map((x, k) => int(x, `witness.columns[${k}]`));
    need(pr.length === r && pc.length === r, 'witness', `needs ${r} pivot rows and ${r} pivot columns`);
    need(pr.every((i, k) => i < A.length && (k === 0 || i > pr[k - 1])), 'witness.rows', 'must be increasing row indices');
    need(pc.every((j, k) => j < n && (k === 0 || j > pc[k - 1])), 'witness.columns', 'must be increasing column indices');
    const det = num(witness['determinant'], 'witness.determinant');
    const actual = detOf(pr.map((i) => pc.map((j) => A[i][j])));
    need(det.eq(actual), 'witness.determinant', `the minor's determinant is ${actual}, not ${det}`);
    need(r === 0 || !det.isZero(), 'witness.determinant', 'a zero minor shows nothing');
    const C = rows(witness['combination'], 'witness.combination', r);
    need(C.length === A.length, 'witness.combination', `needs one row of ${r} coefficients per row of the matrix`);
    A.forEach((row, i) => {
      row.forEach((a, j) => {
        const s = C[i].reduce((acc, c, k) => acc.add(c.mul(A[pr[k]][j])), Rational.ZERO);
        need(s.eq(a), `witness.combination[${i}]`, `does not give row ${i} of the matrix (column ${j})`);
      });
    });
    const expected = int(claim['expected'], 'claim.expected');
    return { holds: r === expected, summary: `rank ${r}: a nonzero ${r} x ${r} minor (determinant ${det}) and every row a combination of the pivot rows; expected ${expected}` };
  },
};
