/**
 * Small exact integer linear algebra for the enumerators: kernels, normals (generalised cross
 * products), solving square systems, regrouping parallel vectors. All on bigint, fraction-free.
 */
import { echelonBareissInPlace, rrefFractionFreeInPlace } from '../linalg/fraction-free.js';
import { dividedByContent } from '../lp/integer-rows.js';

/** Rank of integer rows of length D. */
export function rankOf(rows: readonly (readonly bigint[])[], D: number): number {
  return echelonBareissInPlace(
    rows.map((r) => r.slice()),
    D,
  ).rank;
}

/** An integer basis of {v : a . v = 0 for every row a} (primitive vectors). */
export function kernelBasis(rows: readonly (readonly bigint[])[], D: number): bigint[][] {
  const a = rows.map((r) => r.slice());
  const { pivots } = echelonBareissInPlace(a, D);
  const free = Array.from({ length: D }, (_, j) => j).filter((j) => !pivots.includes(j));
  // Back-substitute each free column, scaling by the pivot at each step to stay integral.
  return free.map((f) => {
    let v = new Array<bigint>(D).fill(0n);
    v[f] = 1n;
    for (let k = pivots.length - 1; k >= 0; k--) {
      const p = pivots[k];
      let s = 0n;
      for (let j = p + 1; j < D; j++) s += a[k][j] * v[j];
      const piv = a[k][p];
      v = v.map((x) => x * piv);
      v[p] = -s;
    }
    return dividedByContent(v);
  });
}

/**
 * The generalised cross product of D - 1 vectors of R^D: c_i = (-1)^i det(rows without column i),
 * orthogonal to every row, zero iff the rows are dependent.
 */
export function normalOf(rows: readonly (readonly bigint[])[], D: number): bigint[] {
  const c = new Array<bigint>(D);
  for (let i = 0; i < D; i++) {
    const minor = rows.map((r) => [...r.slice(0, i), ...r.slice(i + 1)]);
    const det = detSmall(minor);
    c[i] = i % 2 === 0 ? det : -det;
  }
  return c;
}

/** Determinant of a small square integer matrix (cofactor expansion up to 3x3, Bareiss beyond). */
export function detSmall(m: readonly (readonly bigint[])[]): bigint {
  const n = m.length;
  if (n === 0) return 1n;
  if (n === 1) return m[0][0];
  if (n === 2) return m[0][0] * m[1][1] - m[0][1] * m[1][0];
  if (n === 3) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }
  const a = m.map((r) => r.slice());
  const e = echelonBareissInPlace(a, n);
  return e.rank < n ? 0n : e.permutationSign === 1 ? e.lastPivot : -e.lastPivot;
}

/** The solution of a nonsingular square system M x = b as integers over one denominator (den != 0, any sign). */
export function solveSquare(M: readonly (readonly bigint[])[], b: readonly bigint[]): { num: bigint[]; den: bigint } {
  const n = M.length;
  const aug = M.map((r, i) => [...r, b[i]]);
  const { den, pivots } = rrefFractionFreeInPlace(aug, n + 1);
  if (pivots.length !== n || pivots[n - 1] !== n - 1) throw new Error('solveSquare: singular system; this is a bug');
  return { num: aug.map((r) => r[n]), den };
}

/** Groups of parallel vectors among nonzero integer vectors: representatives, group and orientation of each. */
export function regroup(vectors: readonly bigint[][]): { subReps: bigint[][]; subGroup: number[]; subOrient: number[] } {
  const subReps: bigint[][] = [];
  const index = new Map<string, number>();
  const subGroup: number[] = [];
  const subOrient: number[] = [];
  for (const v0 of vectors) {
    const v = dividedByContent(v0);
    const lead = v.find((x) => x !== 0n)!;
    const o = lead > 0n ? 1 : -1;
    const rep = o === 1 ? v : v.map((x) => -x);
    const key = rep.join(',');
    let g = index.get(key);
    if (g === undefined) {
      g = subReps.length;
      index.set(key, g);
      subReps.push(rep);
    }
    subGroup.push(g);
    subOrient.push(o);
  }
  return { subReps, subGroup, subOrient };
}
