/**
 * Chambers of a central arrangement in any dimension by incremental splitting with exact LPs
 * (LITERATURE-B 7.2(b); Rada and Cerny 2018), depth first so that memory stays O(L D) however
 * many chambers there are. A node is a chamber of the first k hyperplanes with a point strictly
 * inside; hyperplane k either misses that point, and then the side the point lies on is a child
 * with no LP, while the other side is a child iff an exact LP finds a point there; or contains
 * it, and then both sides are children, reached by a small step off the hyperplane.
 */
import { interiorPoint, type LpOptions } from '../lp/interior.js';
import type { Chamber } from './chambers-low.js';
import { dotBig, signBig } from './exact-sign.js';

export function* chambersByLp(reps: readonly (readonly bigint[])[], D: number, lp: LpOptions = {}): Generator<Chamber> {
  const L = reps.length;
  const signs = new Int8Array(L);
  const rowsUpTo = (k: number, last: number): bigint[][] => {
    const rows: bigint[][] = [];
    for (let j = 0; j < k; j++) rows.push([...reps[j].map((x) => BigInt(signs[j]) * x), 0n]);
    rows.push([...reps[k].map((x) => BigInt(last) * x), 0n]);
    return rows;
  };
  // A step theta' = N theta + s a_k that keeps every earlier sign (theta lies on hyperplane k).
  const stepOff = (k: number, theta: readonly bigint[], s: number): bigint[] => {
    const dir = reps[k].map((x) => BigInt(s) * x);
    let N = 1n;
    for (let j = 0; j < k; j++) {
      const at = dotBig(reps[j], theta);
      const move = dotBig(reps[j], dir);
      if (signBig(move) === -signs[j]) {
        const need = (move < 0n ? -move : move) / (at < 0n ? -at : at) + 1n;
        if (need > N) N = need;
      }
    }
    return theta.map((x, i) => N * x + dir[i]);
  };

  function* descend(k: number, theta: bigint[]): Generator<Chamber> {
    if (k === L) {
      const out = Int8Array.from(signs);
      yield { signs: out, witness: () => theta };
      return;
    }
    const s = signBig(dotBig(reps[k], theta));
    if (s === 0) {
      for (const side of [1, -1]) {
        signs[k] = side;
        yield* descend(k + 1, stepOff(k, theta, side));
      }
      return;
    }
    signs[k] = s;
    yield* descend(k + 1, theta);
    const other = interiorPoint({ n: D, strict: rowsUpTo(k, -s) }, lp);
    if (other.ok) {
      signs[k] = -s;
      yield* descend(k + 1, other.num);
    }
  }

  yield* descend(0, genericPoint(reps, D));
}

/** A point (1, t, t^2, ...) off every hyperplane: each a_k . (1, t, ...) is a nonzero polynomial in t. */
export function genericPoint(reps: readonly (readonly bigint[])[], D: number): bigint[] {
  for (let t = 1n; ; t++) {
    const p = Array.from({ length: D }, (_, j) => t ** BigInt(j));
    if (reps.every((a) => dotBig(a, p) !== 0n)) return p;
  }
}
