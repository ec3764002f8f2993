/**
 * Chambers of a central arrangement given by pairwise non-parallel integer normals: the
 * dispatcher. The arrangement is first made essential (normals spanning a subspace W of
 * dimension r < D act only through theta's component in W, so the chambers are those of the
 * normals written in a basis of W), then solved by the method for its rank:
 * r <= 2 exact sorting, r = 3 the planar sweep, r >= 4 the sweep by recursion on dimension;
 * `method: 'lp'` uses incremental splitting with exact LPs instead (the cross-checking second
 * algorithm).
 */
import { echelonBareissInPlace } from '../linalg/fraction-free.js';
import { dividedByContent } from '../lp/integer-rows.js';
import type { LpOptions } from '../lp/interior.js';
import { chambersByLp } from './chambers-lp.js';
import { chambersLine, chambersPlane, wholeSpace, type Chamber } from './chambers-low.js';
import { chambersSpace3 } from './chambers-planar.js';
import { chambersBySweep } from './chambers-sweep.js';
import { dotBig } from './exact-sign.js';

export type { Chamber } from './chambers-low.js';

export type ChamberMethod = 'auto' | 'lp';

export interface ChamberOptions {
  /** `'lp'` forces incremental splitting with LPs in every dimension (a second algorithm, for checks). */
  method?: ChamberMethod;
  lp?: LpOptions;
  /** Called now and then during long stretches without output; may throw (a time budget). */
  checkTime?: () => void;
}

export function* chambers(reps: readonly (readonly bigint[])[], D: number, options: ChamberOptions = {}): Generator<Chamber> {
  if (reps.length === 0) return yield* wholeSpace(D);
  const basis = independentSubset(reps, D);
  const r = basis.length;
  if (r === D) return yield* byRank(reps, D, options);
  // Coordinates in W = span(basis): a_k . (sum_j phi_j w_j) = sum_j phi_j (a_k . w_j).
  const W = basis.map((i) => reps[i]);
  const local = reps.map((a) => dividedByContent(W.map((w) => dotBig(a, w))));
  for (const ch of byRank(local, r, options)) {
    yield {
      signs: ch.signs,
      witness: () => {
        const phi = ch.witness();
        return Array.from({ length: D }, (_, i) => W.reduce((s, w, j) => s + phi[j] * w[i], 0n));
      },
    };
  }
}

function byRank(reps: readonly (readonly bigint[])[], D: number, options: ChamberOptions): Generator<Chamber> {
  if (options.method === 'lp') return chambersByLp(reps, D, options.lp);
  if (D === 1) return chambersLine(reps);
  if (D === 2) return chambersPlane(reps);
  if (D === 3) return chambersSpace3(reps, options.checkTime);
  return chambersBySweep(reps, D, options.checkTime);
}

/** Indices of a maximal independent subset, greedily in order (the lexicographically first basis). */
export function independentSubset(vectors: readonly (readonly bigint[])[], D: number): number[] {
  const chosen: number[] = [];
  for (let i = 0; i < vectors.length && chosen.length < D; i++) {
    const rows = [...chosen.map((j) => vectors[j].slice()), vectors[i].slice()];
    if (echelonBareissInPlace(rows, D).rank === rows.length) chosen.push(i);
  }
  return chosen;
}
