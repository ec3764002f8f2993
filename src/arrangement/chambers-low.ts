/**
 * Chambers of central arrangements in dimension D <= 2, by exact sorting (LITERATURE-B 7.2(a)):
 * in R^1 the two half-lines; in R^2 the sectors between consecutive lines, found by sorting the
 * 2L rays along the lines by exact angle comparison (half-plane, then the sign of a cross product).
 */
import { signBig } from './exact-sign.js';

/** A chamber: one sign (+1 / -1) per hyperplane (group), and a strictly interior integer point on demand. */
export interface Chamber {
  readonly signs: Int8Array;
  witness(): bigint[];
}

/** The single chamber of an arrangement with no hyperplanes: all of R^D. */
export function* wholeSpace(D: number): Generator<Chamber> {
  yield { signs: new Int8Array(0), witness: () => new Array<bigint>(D).fill(0n) };
}

export function* chambersLine(reps: readonly (readonly bigint[])[]): Generator<Chamber> {
  // Every nonzero scalar spans the same hyperplane {0}: at most one group.
  if (reps.length === 0) return yield* wholeSpace(1);
  for (const s of [1, -1] as const) yield { signs: Int8Array.of(s * signBig(reps[0][0])), witness: () => [BigInt(s)] };
}

type V2 = readonly [bigint, bigint];

/** Upper half-plane first (y > 0, or y = 0 and x > 0), then counter-clockwise. */
function angleCompare(a: V2, b: V2): number {
  const ha = a[1] > 0n || (a[1] === 0n && a[0] > 0n) ? 0 : 1;
  const hb = b[1] > 0n || (b[1] === 0n && b[0] > 0n) ? 0 : 1;
  if (ha !== hb) return ha - hb;
  const cross = a[0] * b[1] - a[1] * b[0];
  return cross > 0n ? -1 : cross < 0n ? 1 : 0;
}

export function* chambersPlane(reps: readonly (readonly bigint[])[]): Generator<Chamber> {
  const L = reps.length;
  if (L === 0) return yield* wholeSpace(2);
  const rays: V2[] = [];
  for (const a of reps) {
    rays.push([-a[1], a[0]]);
    rays.push([a[1], -a[0]]);
  }
  rays.sort(angleCompare);
  for (let k = 0; k < rays.length; k++) {
    const r1 = rays[k];
    const r2 = rays[(k + 1) % rays.length];
    // Strictly inside the sector from r1 counter-clockwise to r2: the sum when the angle is below
    // pi, else (a single line) r1 turned by a right angle.
    const cross = r1[0] * r2[1] - r1[1] * r2[0];
    const w: bigint[] = cross > 0n ? [r1[0] + r2[0], r1[1] + r2[1]] : [-r1[1], r1[0]];
    const signs = Int8Array.from(reps, (a) => signBig(a[0] * w[0] + a[1] * w[1]));
    yield { signs, witness: () => w };
  }
}
