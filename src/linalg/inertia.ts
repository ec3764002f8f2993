/**
 * Inertia (counts of positive, negative and zero eigenvalues) of a symmetric matrix by
 * symmetric elimination, S = L D L^T with 1x1 and 2x2 pivot blocks: by Sylvester's law of
 * inertia the signs of the blocks of D are the signs of the eigenvalues. No eigenvalue is
 * computed, so the exact path decides every sign exactly.
 */
import { signOfBigint } from '../core/sign.js';
import { absGreater, fieldOf, type Mat } from './mat.js';

export interface Inertia {
  pos: number;
  neg: number;
  zero: number;
}

/**
 * Fraction-free symmetric elimination on an integer symmetric matrix (modified in place).
 *
 * Invariant (the toolkit's own derivation, checked in tests): the active block equals c * S,
 * where S is the true Schur complement of the eliminated principal block and c is that block's
 * determinant, a principal minor of the input. A 1x1 pivot p updates
 * M'_ij = (p M_ij - M_ik M_kj) / c and c' = p; the pivot of S is p / c. When every active
 * diagonal entry is 0 a 2x2 pivot on an off-diagonal q = M_kl != 0 is used: its block
 * [[0, q], [q, 0]] has determinant -q^2 < 0 (one positive, one negative eigenvalue) and
 * M'_ij = (-q^2 M_ij + q (M_ik M_lj + M_il M_kj)) / c^2, c' = -q^2 / c. All divisions are
 * exact because every entry is a bordered principal minor of the input (Sylvester's identity).
 */
export function inertiaFractionFreeInPlace(a: bigint[][]): Inertia {
  const n = a.length;
  let active = Array.from({ length: n }, (_, i) => i);
  let c = 1n;
  let pos = 0;
  let neg = 0;
  while (active.length > 0) {
    let k = -1;
    for (const i of active) if (a[i][i] !== 0n && (k < 0 || abs(a[i][i]) < abs(a[k][k]))) k = i;
    if (k >= 0) {
      const p = a[k][k];
      if (signOfBigint(p) * signOfBigint(c) > 0) pos++;
      else neg++;
      active = active.filter((i) => i !== k);
      for (const i of active) {
        const aik = a[i][k];
        for (const j of active) {
          if (j < i) continue;
          const v = (p * a[i][j] - aik * a[k][j]) / c;
          a[i][j] = v;
          a[j][i] = v;
        }
      }
      c = p;
      continue;
    }
    let l = -1;
    for (const i of active) {
      for (const j of active) if (j > i && a[i][j] !== 0n) [k, l] = [i, j];
      if (l >= 0) break;
    }
    if (l < 0) break; // the active block is zero
    const q = a[k][l];
    const detP = -q * q;
    pos++;
    neg++;
    active = active.filter((i) => i !== k && i !== l);
    const c2 = c * c;
    for (const i of active) {
      const aik = a[i][k];
      const ail = a[i][l];
      for (const j of active) {
        if (j < i) continue;
        const v = (detP * a[i][j] + q * (aik * a[l][j] + ail * a[k][j])) / c2;
        a[i][j] = v;
        a[j][i] = v;
      }
    }
    c = detP / c;
  }
  return { pos, neg, zero: n - pos - neg };
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/**
 * Symmetric elimination over any field with Bunch-Kaufman pivot choice: a 1x1 pivot on the
 * largest diagonal entry when it is at least alpha times the largest off-diagonal one, else a
 * 2x2 pivot on that off-diagonal pair (alpha = (1 + sqrt 17) / 8 bounds element growth).
 * Over F64 a block below the tolerance (relative to the largest entry) counts as zero.
 */
export function inertiaSymmetricElimination<T>(S: Mat<T>): Inertia {
  const F = fieldOf(S, 'inertiaSymmetricElimination');
  const a = S.toArrays();
  const n = S.nrows;
  let scale = F.zero;
  for (const r of a) for (const x of r) if (absGreater(F, x, scale)) scale = F.abs(x);
  if (F.sign(scale) === 0) scale = F.one;
  const alpha = F.div(F.fromInt(64), F.fromInt(100)); // ~ (1 + sqrt 17) / 8
  let active = Array.from({ length: n }, (_, i) => i);
  let pos = 0;
  let neg = 0;
  const count = (x: T): void => {
    if (F.sign(x) > 0) pos++;
    else neg++;
  };
  while (active.length > 0) {
    let kd = -1;
    let ko = -1;
    let lo = -1;
    for (const i of active) {
      if (kd < 0 || absGreater(F, a[i][i], a[kd][kd])) kd = i;
      for (const j of active) if (j > i && (ko < 0 || absGreater(F, a[i][j], a[ko][lo]))) [ko, lo] = [i, j];
    }
    const dMax = F.abs(a[kd][kd]);
    const oMax = ko >= 0 ? F.abs(a[ko][lo]) : F.zero;
    if (F.isNegligible(dMax, scale) && F.isNegligible(oMax, scale)) break;
    if (!absGreater(F, F.mul(alpha, oMax), dMax) && !F.isNegligible(dMax, scale)) {
      const p = a[kd][kd];
      count(p);
      active = active.filter((i) => i !== kd);
      for (const i of active) {
        const f = F.div(a[i][kd], p);
        for (const j of active) if (j >= i) a[j][i] = a[i][j] = F.sub(a[i][j], F.mul(f, a[kd][j]));
      }
      continue;
    }
    const [k, l] = [ko, lo];
    const pkk = a[k][k];
    const pkl = a[k][l];
    const pll = a[l][l];
    const det = F.sub(F.mul(pkk, pll), F.mul(pkl, pkl));
    if (F.sign(det) < 0) {
      pos++;
      neg++;
    } else {
      // det > 0: both eigenvalues share the sign of the diagonal.
      count(pkk);
      count(pkk);
    }
    active = active.filter((i) => i !== k && i !== l);
    // S' = S - B P^{-1} B^T with P^{-1} = [[pll, -pkl], [-pkl, pkk]] / det.
    for (const i of active) {
      const bik = a[i][k];
      const bil = a[i][l];
      const u = F.div(F.sub(F.mul(bik, pll), F.mul(bil, pkl)), det);
      const v = F.div(F.sub(F.mul(bil, pkk), F.mul(bik, pkl)), det);
      for (const j of active) if (j >= i) a[j][i] = a[i][j] = F.sub(a[i][j], F.add(F.mul(u, a[k][j]), F.mul(v, a[l][j])));
    }
  }
  return { pos, neg, zero: n - pos - neg };
}
