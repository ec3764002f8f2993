/**
 * Exact vector subset sums: find S with sum_{i in S} items[i] = target, items and target vectors
 * of rationals. The minimal-width rules of LITERATURE-A 4.2 are subset-sum conditions ("some
 * choice of orientations cancels the affine part"), so they are decided here, exactly.
 *
 * Method: denominators are cleared coordinate by coordinate (so sums are bigint vectors), then
 * meet in the middle: the distinct sums of each half are listed (duplicates merged as they
 * appear, so many equal or commensurate items stay cheap) and each left sum looks its complement
 * up among the right sums. Subset sum is NP-complete; the work is bounded by `maxStates`
 * distinct sums per half, past which BudgetExceededError is thrown.
 */
import { BudgetExceededError, DimensionError } from '../core/errors.js';
import { lcmBig } from '../field/bigint.js';
import type { Rational } from '../field/rational.js';

export interface SubsetSumOptions {
  /** Most distinct partial sums kept per half before giving up. Default 2^18 (any 36 items fit). */
  maxStates?: number;
}

/** Indices (ascending) of a subset of `items` summing to `target`, or null when none does. */
export function findSubsetSum(items: readonly (readonly Rational[])[], target: readonly Rational[], options: SubsetSumOptions = {}): number[] | null {
  const maxStates = options.maxStates ?? 1 << 18;
  const m = target.length;
  items.forEach((it, i) => {
    if (it.length !== m) throw new DimensionError('findSubsetSum', `items[${i}] has ${it.length} coordinates, the target ${m}`);
  });
  const scales = target.map((t, j) => items.reduce((acc, it) => lcmBig(acc, it[j].den), t.den));
  const toInt = (v: readonly Rational[]): bigint[] => v.map((x, j) => x.num * (scales[j] / x.den));
  // Zero items never change a sum: leave them out of the search.
  const live = items.map((it, i) => ({ i, vec: toInt(it) })).filter((it) => it.vec.some((x) => x !== 0n));
  const goal = toInt(target);
  const half = live.length >> 1;
  const [leftItems, rightItems] = [live.slice(0, half), live.slice(half)];
  // A partial sum is kept only if the items still to come can reach the goal from it (per coordinate).
  const left = partialSums(leftItems, 0, goal, reach(rightItems, m), maxStates);
  const right = partialSums(rightItems, half, goal, reach(leftItems, m), maxStates);
  for (const { vec, mask } of left.values()) {
    const hit = right.get(keyOf(goal.map((g, j) => g - vec[j])));
    if (hit !== undefined) return live.filter((_, k) => ((mask | hit.mask) >> BigInt(k)) & 1n).map((it) => it.i);
  }
  return null;
}

interface PartialSum {
  vec: bigint[];
  /** Bit k set: live item k is in the subset. */
  mask: bigint;
}

/** Per coordinate, the least and greatest sums of subsets of `items`. */
function reach(items: readonly { vec: bigint[] }[], m: number): { lo: bigint[]; hi: bigint[] } {
  const lo = new Array<bigint>(m).fill(0n);
  const hi = new Array<bigint>(m).fill(0n);
  for (const { vec } of items) vec.forEach((x, j) => (x < 0n ? (lo[j] += x) : (hi[j] += x)));
  return { lo, hi };
}

/** Distinct sums of subsets of `items` from which `goal` stays reachable with `rest` (the other half) and the items not yet added. */
function partialSums(items: readonly { vec: bigint[] }[], offset: number, goal: readonly bigint[], rest: { lo: bigint[]; hi: bigint[] }, maxStates: number): Map<string, PartialSum> {
  const m = goal.length;
  const zero = new Array<bigint>(m).fill(0n);
  const sums = new Map<string, PartialSum>([[keyOf(zero), { vec: zero, mask: 0n }]]);
  items.forEach((item, k) => {
    const bit = 1n << BigInt(offset + k);
    const later = reach(items.slice(k + 1), m);
    const reachable = (vec: readonly bigint[]): boolean => vec.every((x, j) => goal[j] - x >= later.lo[j] + rest.lo[j] && goal[j] - x <= later.hi[j] + rest.hi[j]);
    for (const [key, s] of [...sums.entries()]) {
      const vec = s.vec.map((x, j) => x + item.vec[j]);
      const added = keyOf(vec);
      if (!sums.has(added) && reachable(vec)) sums.set(added, { vec, mask: s.mask | bit });
      if (!reachable(s.vec)) sums.delete(key);
    }
    if (sums.size > maxStates) throw new BudgetExceededError(`findSubsetSum: more than ${maxStates} distinct partial sums over ${items.length} items (raise maxStates)`);
  });
  return sums;
}

function keyOf(vec: readonly bigint[]): string {
  return vec.join(',');
}
