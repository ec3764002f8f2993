/**
 * Chambers of a central arrangement in R^D, D >= 4, by a sweep with no LP in the generic case:
 * the planar method of `chambers-planar.ts` lifted to any dimension by recursion.
 *
 * Slice by u = a_0: the chambers are P and -P, P the regions of the hyperplane arrangement on
 * S = {u.theta = 1}, an affine space of dimension D - 1. Sweep S by a generic linear function w
 * (no edge of the arrangement level): a region R of S
 * (A) has a lowest point, a vertex p = c / (u.c) (c a ray where D - 1 independent hyperplanes
 *     meet), and its tangent cone at p is an *upper* chamber of the hyperplanes K through p
 *     (w > 0 on it, closure minus 0). If |K| = D - 1 there is exactly one, the orthant with signs
 *     sign(lambda_k) where w = mu u + sum_k lambda_k a_k. If |K| > D - 1 (a degenerate vertex) the
 *     upper chambers are the local chambers that meet {w > 0} (regions of the local slice
 *     {w = 1}, one dimension down) but not the level hyperplane w-perp (chambers of the
 *     restriction, two dimensions down, a small local set): no edge is level, so they are pointed;
 * (B) or is unbounded below, and then it crosses Pi_M = S cap {w.theta = -M} for M beyond every
 *     vertex (an a priori Hadamard bound), and exactly one region of the arrangement on Pi_M
 *     belongs to R. Pi_M is the slice {u.theta = 1} of the (D-1)-space (w + M u)^perp: the same
 *     problem one dimension down, down to the planar sweep at D = 3.
 * Each region is produced once; |P| = sum over vertices + |regions of Pi_M| (Zaslavsky). Work is
 * O(L) exact sign tests per vertex (float-filtered), O(L * #chambers) in the generic case; no LP.
 */
import { chambersLine, chambersPlane, type Chamber } from './chambers-low.js';
import { chambersSpace3, regionsOfSlice3, type Tick } from './chambers-planar.js';
import { dotBig, dotSign, IntegerRows, Probe, signBig, stepScale } from './exact-sign.js';
import { kernelBasis, normalOf, rankOf, regroup, solveSquare } from './integer-linalg.js';

export function* chambersBySweep(reps: readonly (readonly bigint[])[], D: number, tick?: Tick): Generator<Chamber> {
  for (const ch of regionsOfSlice(reps[0], reps, D, tick)) {
    yield ch;
    yield { signs: Int8Array.from(ch.signs, (s) => -s), witness: () => ch.witness().map((x) => -x) };
  }
}

/** Chambers of an essential arrangement of pairwise non-parallel normals in R^d, d >= 3. */
function localChambers(reps: readonly (readonly bigint[])[], d: number, tick?: Tick): Generator<Chamber> {
  return d === 3 ? chambersSpace3(reps, tick) : chambersBySweep(reps, d, tick);
}

/** Regions of the arrangement on {u.theta = 1} in R^D (D >= 3): one sign per normal, and a witness. */
export function* regionsOfSlice(u: readonly bigint[], reps: readonly (readonly bigint[])[], D: number, tick?: Tick): Generator<Chamber> {
  if (D === 3) return yield* regionsOfSlice3(u, reps, tick);
  const isLine = Uint8Array.from(reps, (a) => (rankOf([a, u], D) === 2 ? 1 : 0));
  const lines = reps.map((_, k) => k).filter((k) => isLine[k]);
  if (lines.length === 0) {
    yield { signs: Int8Array.from(reps, (a) => signBig(dotBig(a, u))), witness: () => u.slice() };
    return;
  }
  const w = sweepDirection(u, reps, lines, D);
  yield* lowestVertexRegions(u, reps, lines, w, D, tick);
  yield* farRegions(u, reps, w, D, tick);
}

/** (A): the regions whose lowest point is a vertex. */
function* lowestVertexRegions(u: readonly bigint[], reps: readonly (readonly bigint[])[], lines: number[], w: bigint[], D: number, tick?: Tick): Generator<Chamber> {
  const L = reps.length;
  const rows = new IntegerRows(reps, D);
  const uPerp = kernelBasis([u], D); // coordinates for the local arrangements at degenerate vertices
  const S = new Array<number>(D - 1);
  const signs = new Int8Array(L);
  function* choose(depth: number, from: number): Generator<Chamber> {
    if (depth === D - 1) {
      yield* atVertex();
      return;
    }
    for (let i = from; i <= lines.length - (D - 1 - depth); i++) {
      S[depth] = lines[i];
      yield* choose(depth + 1, i + 1);
    }
  }
  function* atVertex(): Generator<Chamber> {
    tick?.();
    let c = normalOf(
      S.map((k) => reps[k]),
      D,
    );
    const uc = dotBig(u, c);
    if (uc === 0n) return; // dependent, or meeting at infinity
    if (uc < 0n) c = c.map((x) => -x);
    const probe = new Probe(c, rows);
    const K: number[] = [];
    for (let k = 0; k < L; k++) {
      const s = dotSign(rows, k, probe);
      signs[k] = s;
      if (s === 0) K.push(k);
    }
    const vertexSigns = Int8Array.from(signs);
    if (K.length === D - 1) {
      // Simple vertex: the one upper orthant, sign(lambda_k) in w = mu u + sum lambda_k a_k.
      const M = transpose([u, ...S.map((k) => reps[k])]);
      const { num, den } = solveSquare(M, w);
      const out = Int8Array.from(vertexSigns);
      S.forEach((k, j) => (out[k] = signBig(num[j + 1]) * signBig(den)));
      yield {
        signs: out,
        witness: () => {
          // A direction v in u-perp with sigma_k a_k . v > 0: solve [u; a_S] v = (0, sigma).
          const sol = solveSquare([u, ...S.map((k) => reps[k])], [0n, ...S.map((k) => BigInt(out[k]))]);
          const v = sol.num.map((x) => x * BigInt(signBig(sol.den)));
          return stepFrom(rows, c, v, vertexSigns);
        },
      };
      return;
    }
    // Degenerate vertex: handled once, from the greedy (lexicographically first) basis of K.
    const greedy: number[] = [];
    for (const k of K) if (rankOf([...greedy, k].map((j) => reps[j]), D) === greedy.length + 1) greedy.push(k);
    if (greedy.some((k, j) => k !== S[j])) return;
    // The upper local chambers: those meeting {w > 0} (regions of the local slice {w = 1}) that do
    // not meet the level hyperplane w-perp (no edge is level, so these lie in {w > 0}, pointed).
    const local = K.map((k) => uPerp.map((b) => dotBig(reps[k], b)));
    const wLocal = uPerp.map((b) => dotBig(w, b));
    const level = levelChamberKeys(local, wLocal, D - 1, tick);
    for (const ch of regionsOfSlice(wLocal, local, D - 1, tick)) {
      const sigma = ch.signs;
      if (level.has(sigma.join(','))) continue;
      const out = Int8Array.from(vertexSigns);
      K.forEach((k, j) => (out[k] = sigma[j]));
      yield {
        signs: out,
        witness: () => {
          const phi = ch.witness();
          const v = Array.from({ length: D }, (_, i) => uPerp.reduce((s, b, j) => s + phi[j] * b[i], 0n));
          return stepFrom(rows, c, v, vertexSigns);
        },
      };
    }
  }
  yield* choose(0, 0);
}

/** Sign vectors (as keys) of the chambers of a local arrangement that meet the hyperplane {w.v = 0}. */
function levelChamberKeys(local: readonly bigint[][], w: readonly bigint[], d: number, tick?: Tick): Set<string> {
  const basis = kernelBasis([w], d);
  const { subReps, subGroup, subOrient } = regroup(local.map((a) => basis.map((b) => dotBig(a, b))));
  const keys = new Set<string>();
  for (const ch of essentialChambers(subReps, d - 1, tick)) keys.add(local.map((_, k) => ch.signs[subGroup[k]] * subOrient[k]).join(','));
  return keys;
}

/** Chambers of an essential arrangement of pairwise non-parallel normals in R^d, any d >= 1. */
function essentialChambers(reps: readonly (readonly bigint[])[], d: number, tick?: Tick): Generator<Chamber> {
  if (d === 1) return chambersLine(reps);
  if (d === 2) return chambersPlane(reps);
  return localChambers(reps, d, tick);
}

/** (B): the regions unbounded below, through the far-down section Pi_M. */
function* farRegions(u: readonly bigint[], reps: readonly (readonly bigint[])[], w: bigint[], D: number, tick?: Tick): Generator<Chamber> {
  let B = 0n;
  for (const a of reps) for (const x of a) if ((x < 0n ? -x : x) > B) B = x < 0n ? -x : x;
  const w1 = w.reduce((s, x) => s + (x < 0n ? -x : x), 0n);
  // |w . p| <= |w|_1 max|c_i| <= |w|_1 (D-1)^(D-1) B^(D-1) at every vertex p = c / (u.c), |u.c| >= 1.
  let M = w1 * BigInt(D - 1) ** BigInt(D - 1) * B ** BigInt(D - 1) + 1n;
  for (;;) {
    const normal = w.map((x, i) => x + M * u[i]);
    const basis = kernelBasis([normal], D);
    const restricted = reps.map((a) => basis.map((b) => dotBig(a, b)));
    if (restricted.some((v) => v.every((x) => x === 0n))) {
      M += 1n; // a hyperplane containing the whole section: move it
      continue;
    }
    const uLocal = basis.map((b) => dotBig(u, b));
    const { subReps, subGroup, subOrient } = regroup(restricted);
    for (const ch of regionsOfSlice(uLocal, subReps, D - 1, tick)) {
      yield {
        signs: Int8Array.from(reps, (_, k) => ch.signs[subGroup[k]] * subOrient[k]),
        witness: () => {
          const phi = ch.witness();
          return Array.from({ length: D }, (_, i) => basis.reduce((s, b, j) => s + phi[j] * b[i], 0n));
        },
      };
    }
    return;
  }
}

/**
 * A sweep direction w = (1, t, ..., t^(D-1)), t = 2, 3, 5, 7, ...: not in span(u), and no edge level,
 * i.e. w not in span(u, a_T) for any D - 2 lines T independent together with u.
 */
function sweepDirection(u: readonly bigint[], reps: readonly (readonly bigint[])[], lines: number[], D: number): bigint[] {
  const candidates = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n, 43n, 47n];
  for (let attempt = 0; ; attempt++) {
    const t = attempt < candidates.length ? candidates[attempt] : BigInt(1000 + 7919 * attempt);
    const w = Array.from({ length: D }, (_, j) => t ** BigInt(j));
    if (rankOf([w, u], D) < 2) continue;
    if (noLevelEdge(u, reps, lines, w, D)) return w;
  }
}

function noLevelEdge(u: readonly bigint[], reps: readonly (readonly bigint[])[], lines: number[], w: bigint[], D: number): boolean {
  const T: number[] = [];
  const visit = (from: number): boolean => {
    if (T.length === D - 2) {
      const n = normalOf([u, ...T.map((k) => reps[k])], D);
      return n.every((x) => x === 0n) || dotBig(n, w) !== 0n;
    }
    for (let i = from; i < lines.length; i++) {
      T.push(lines[i]);
      const ok = visit(i + 1);
      T.pop();
      if (!ok) return false;
    }
    return true;
  };
  return visit(0);
}

/** theta = N c + v, N large enough that no hyperplane off the vertex changes sign. */
function stepFrom(rows: IntegerRows, c: readonly bigint[], v: readonly bigint[], vertexSigns: Int8Array): bigint[] {
  const N = stepScale(rows, c, v, vertexSigns);
  return c.map((x, i) => N * x + v[i]);
}

function transpose(m: readonly (readonly bigint[])[]): bigint[][] {
  return m[0].map((_, j) => m.map((r) => r[j]));
}
