/**
 * Closed-convention patterns {1[X~ theta >= 0] : theta in R^D}, from their definition.
 *
 * theta ranges over every face of the arrangement, not only chambers, and several faces can give
 * one pattern S. The set K_S = {theta : x~_i.theta >= 0 (i in S), < 0 (i not in S)} is convex,
 * so the sign vector is constant on its relative interior: one face F_S, whose zero set Z is the
 * implicit equalities of K_S. A face with zero set Z (a flat V = Z^perp) is such an F_S exactly
 * when no w has x~_Z w >= 0 with some entry > 0, i.e. (Stiemke's theorem) when the points of Z
 * have a strictly positive linear dependency: call Z *balanced*. Hence, bijectively,
 *   closed patterns = { Z u P(c) : Z a balanced flat, c a chamber of the arrangement restricted to V }.
 * Z = {} is always balanced (the open chambers). When the points lie in an open half-space (always,
 * with a bias) no nonempty Z is balanced and the closed patterns are the open ones.
 * (The toolkit's own derivation; checked by brute force over all sign vectors in the tests.)
 */
import { echelonBareissInPlace } from '../linalg/fraction-free.js';
import { interiorPoint, type LpOptions } from '../lp/interior.js';
import { verifyRaw } from '../lp/optimize.js';
import { simplexExact } from '../lp/simplex-exact.js';
import { chambers, type Chamber, type ChamberOptions } from './chambers.js';
import { dotBig } from './exact-sign.js';
import { kernelBasis, regroup } from './integer-linalg.js';
import type { LiftedData } from './lifted.js';

/** A face: one sign per group, 0 on the groups of its flat. */
export type Face = Chamber;

export function* closedFaces(data: LiftedData, options: ChamberOptions = {}): Generator<Face> {
  const { reps, D } = data;
  yield* chambers(reps, D, options);
  if (reps.length === 0 || pointsInOpenHalfSpace(data, options.lp)) return;
  const L = reps.length;
  for (const Z of flats(data, options.checkTime)) {
    if (!isBalanced(data, Z)) continue;
    const inZ = new Uint8Array(L);
    for (const g of Z) inZ[g] = 1;
    const basis = kernelBasis(Z.map((g) => reps[g]), D);
    const outside = reps.map((_, g) => g).filter((g) => !inZ[g]);
    // Normals restricted to V, in the coordinates of the basis; regroup lines that became parallel.
    const restricted = outside.map((g) => basis.map((v) => dotBig(reps[g], v)));
    const { subReps, subGroup, subOrient } = regroup(restricted);
    for (const ch of chambers(subReps, basis.length, options)) {
      const signs = new Int8Array(L);
      outside.forEach((g, k) => (signs[g] = ch.signs[subGroup[k]] * subOrient[k]));
      yield {
        signs,
        witness: () => {
          const phi = ch.witness();
          return Array.from({ length: D }, (_, i) => basis.reduce((s, v, j) => s + phi[j] * v[i], 0n));
        },
      };
    }
  }
}

/** Whether some v has v . x~_i > 0 for every nonzero point (then no nonempty Z is balanced). */
function pointsInOpenHalfSpace(data: LiftedData, lp?: LpOptions): boolean {
  if (data.bias) return true; // every lifted point has last coordinate > 0
  const rows = signedPoints(data, data.reps.map((_, g) => g)).map((p) => [...p, 0n]);
  return interiorPoint({ n: data.D, strict: rows }, lp).ok;
}

/** The distinct points +-rep_g of the groups in Z (a group with both orientations gives both). */
function signedPoints(data: LiftedData, Z: readonly number[]): bigint[][] {
  const out: bigint[][] = [];
  for (const g of Z) {
    const orients = new Set(data.members[g].map((i) => data.orientOf[i]));
    for (const o of orients) out.push(data.reps[g].map((x) => BigInt(o) * x));
  }
  return out;
}

/** Balanced: some y > 0 with sum_p y_p p = 0 over the points of Z. */
function isBalanced(data: LiftedData, Z: readonly number[]): boolean {
  return hasPositiveDependency(signedPoints(data, Z), data.D);
}

/**
 * Whether nonzero integer points have a strictly positive linear dependency. By Stiemke's
 * theorem they do iff no theta has p.theta >= 0 for all p and > 0 for one, i.e. iff the exact LP
 * max sum_p p.theta s.t. 0 <= p.theta <= 1 (D variables, 2m rows) has optimum 0.
 */
export function hasPositiveDependency(points: readonly (readonly bigint[])[], D: number): boolean {
  const A = [...points.map((p) => p.map((x) => -x)), ...points.map((p) => p.slice())];
  const b = [...points.map(() => 0n), ...points.map(() => 1n)];
  const c = new Array<bigint>(D).fill(0n);
  for (const p of points) for (let j = 0; j < D; j++) c[j] += p[j];
  const lp = { A, b, c, n: D };
  const r = simplexExact(lp);
  verifyRaw(lp, r);
  if (r.status !== 'optimal') throw new Error(`hasPositiveDependency: the LP ended ${r.status}; this is a bug`);
  return r.x.num.reduce((s, xj, j) => s + c[j] * xj, 0n) === 0n;
}

/**
 * Every nonzero flat's zero set Z (rank 1 .. rank(A)), each once: Z is generated from the
 * independent set S that is its lexicographically first (greedy) basis. Only flats that can be
 * balanced are produced: more groups than the rank, or every group holding antiparallel points
 * (independent groups admit a positive dependency only within each group).
 */
function* flats(data: LiftedData, checkTime?: () => void): Generator<number[]> {
  const { reps, D } = data;
  const L = reps.length;
  const mixed = data.members.map((ms) => new Set(ms.map((i) => data.orientOf[i])).size === 2);
  const independent = (idx: readonly number[]): boolean => echelonBareissInPlace(idx.map((i) => reps[i].slice()), D).rank === idx.length;
  const R = echelonBareissInPlace(reps.map((r) => r.slice()), D).rank;
  function* grow(S: number[]): Generator<number[]> {
    checkTime?.();
    if (S.length > 0) {
      const normals = kernelBasis(S.map((i) => reps[i]), D);
      const Z = reps.map((_, g) => g).filter((g) => normals.every((v) => dotBig(reps[g], v) === 0n));
      if (Z.length > S.length || Z.every((g) => mixed[g])) {
        const greedy: number[] = [];
        for (const g of Z) if (independent([...greedy, g])) greedy.push(g);
        if (greedy.every((g, k) => g === S[k])) yield Z;
      }
    }
    // Flats of rank R - 1 are the last proper ones; the flat of rank R (Z = all) comes once, below.
    if (S.length >= R - 1) return;
    for (let g = (S.length > 0 ? S[S.length - 1] : -1) + 1; g < L; g++) {
      const T = [...S, g];
      if (independent(T)) yield* grow(T);
    }
  }
  yield* grow([]);
  const all = reps.map((_, g) => g);
  if (all.length > R || all.every((g) => mixed[g])) yield all;
}
