/**
 * Closed-form and brute-force counts for cross-checks (LITERATURE-B 7.1, 8.1, 8.2).
 * - Cover (1965): C(n, D) = 2 sum_{k<D} binom(n-1, k) chambers of n central hyperplanes in
 *   general position in R^D (homogeneously separable dichotomies); C(0, D) = 1.
 * - Generic affine arrangements (Zaslavsky): sum_{k<=d} binom(m, k) regions, binom(m-1, d) bounded.
 * - Whitney / Zaslavsky for a central arrangement: r = sum_{T subset [n]} (-1)^{|T| - rank T},
 *   exact and exponential (n up to about 20), for any (degenerate) data.
 * - Generic zonotope f-vector: f_k = 2 binom(n, k) sum_{j<D-k} binom(n-k-1, j).
 */
import { DimensionError } from '../core/errors.js';
import { dividedByContent } from '../lp/integer-rows.js';

export function binomial(n: number | bigint, k: number | bigint): bigint {
  const N = BigInt(n);
  const K = BigInt(k);
  if (K < 0n || N < 0n || K > N) return 0n;
  let r = 1n;
  for (let i = 0n; i < K; i++) r = (r * (N - i)) / (i + 1n);
  return r;
}

/** Cover's function C(n, D) = 2 sum_{k=0}^{D-1} binom(n-1, k); C(0, D) = 1 (one empty pattern). */
export function coverCount(n: number, D: number): bigint {
  if (!Number.isSafeInteger(n) || n < 0 || !Number.isSafeInteger(D) || D < 0) throw new DimensionError('coverCount', `needs integers n >= 0, D >= 0, got ${n}, ${D}`);
  if (n === 0 || D === 0) return 1n;
  let s = 0n;
  for (let k = 0; k < D; k++) s += binomial(n - 1, k);
  return 2n * s;
}

/** Regions of m affine hyperplanes in general position in R^d: sum_{k=0}^{d} binom(m, k). */
export function genericAffineRegions(m: number, d: number): bigint {
  let s = 0n;
  for (let k = 0; k <= d; k++) s += binomial(m, k);
  return s;
}

/** Bounded regions of m affine hyperplanes in general position in R^d: binom(m - 1, d). */
export function genericBoundedRegions(m: number, d: number): bigint {
  return m === 0 ? 0n : binomial(m - 1, d);
}

/** The f-vector (f_0, ..., f_{D-1}) of the zonotope of n generic vectors in R^D (f_0 = C(n, D)). */
export function genericZonotopeFVector(n: number, D: number): bigint[] {
  return Array.from({ length: D }, (_, k) => {
    let s = 0n;
    for (let j = 0; j < D - k; j++) s += binomial(n - k - 1, j);
    return 2n * binomial(n, k) * s;
  });
}

/**
 * Chambers of the central arrangement of nonzero integer normals by Whitney's formula
 * sum_T (-1)^{|T| - rank T}, over all 2^n subsets (depth first, keeping an echelon basis).
 * Parallel normals may repeat (a parallel pair changes nothing); zero vectors are not hyperplanes
 * and are refused.
 */
export function whitneyCount(normals: readonly (readonly bigint[])[]): bigint {
  if (normals.some((v) => v.every((x) => x === 0n))) throw new DimensionError('whitneyCount', 'a zero vector is not a hyperplane');
  if (normals.length > 30) throw new DimensionError('whitneyCount', `2^${normals.length} subsets is too many (at most 30 vectors)`);
  let total = 0n;
  const walk = (i: number, size: number, basis: bigint[][]): void => {
    if (i === normals.length) {
      total += (size - basis.length) % 2 === 0 ? 1n : -1n;
      return;
    }
    walk(i + 1, size, basis);
    const reduced = reduceAgainst(basis, normals[i]);
    walk(i + 1, size + 1, reduced === null ? basis : insertByLead(basis, reduced));
  };
  walk(0, 0, []);
  return total;
}

const lead = (v: readonly bigint[]): number => v.findIndex((x) => x !== 0n);

/** The basis with v inserted so that leading columns stay increasing. */
function insertByLead(basis: readonly bigint[][], v: bigint[]): bigint[][] {
  const k = basis.findIndex((b) => lead(b) > lead(v));
  return k < 0 ? [...basis, v] : [...basis.slice(0, k), v, ...basis.slice(k)];
}

/** v reduced against an echelon basis (leading columns increasing); null if it depends on it. */
function reduceAgainst(basis: readonly bigint[][], v: readonly bigint[]): bigint[] | null {
  let w = v.slice();
  for (const b of basis) {
    const p = lead(b);
    if (w[p] === 0n) continue;
    const f = w[p];
    w = dividedByContent(w.map((x, j) => x * b[p] - f * b[j]));
  }
  return w.some((x) => x !== 0n) ? w : null;
}
