/** Determinant modulo one word-size prime: a forward elimination and the sign of its row permutation. */
import { residues, type IntegerMatrix } from './integer-matrix.js';
import { identityRows } from './modp.js';
import { forwardEliminate } from './forward.js';

/** Sign of the permutation k -> perm[k] (by counting cycles). */
export function permutationSign(perm: readonly number[]): 1 | -1 {
  const seen = new Uint8Array(perm.length);
  let sign: 1 | -1 = 1;
  for (let i = 0; i < perm.length; i++) {
    if (seen[i]) continue;
    let len = 0;
    for (let j = i; !seen[j]; j = perm[j]) {
      seen[j] = 1;
      len++;
    }
    if (len % 2 === 0) sign = -sign as 1 | -1;
  }
  return sign;
}

/** det A mod p for a square integer matrix. */
export function detModP(a: IntegerMatrix, p: number, work?: Float64Array): number {
  const n = a.nrows;
  const w = residues(a, p, work);
  const r = forwardEliminate(w, n, n, p, identityRows(n, n));
  if (r.status !== 'ok' || r.profile.rank < n) return 0;
  const d = r.pivotProduct;
  return permutationSign(r.profile.pivotRows) === 1 || d === 0 ? d : p - d;
}
