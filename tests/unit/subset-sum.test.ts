import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetExceededError, DimensionError } from '../../src/core/errors.js';
import { Rational } from '../../src/field/rational.js';
import { findSubsetSum } from '../../src/spline/subset-sum.js';

const r = (n: number, d = 1): Rational => Rational.of(n, d);

/** Every subset, by bit mask: the brute-force oracle. */
function bruteForce(items: Rational[][], target: Rational[]): boolean {
  for (let mask = 0; mask < 1 << items.length; mask++) {
    const sum = target.map((_, j) => items.reduce((acc, it, i) => ((mask >> i) & 1 ? acc.add(it[j]) : acc), Rational.ZERO));
    if (sum.every((s, j) => s.eq(target[j]))) return true;
  }
  return false;
}

describe('findSubsetSum', () => {
  it('finds hand-checked subsets and says null when there is none', () => {
    expect(findSubsetSum([[r(3)], [r(4)], [r(6)]], [r(10)])).toEqual([1, 2]);
    expect(findSubsetSum([[r(3)], [r(4)]], [r(5)])).toBeNull();
    expect(findSubsetSum([], [r(0)])).toEqual([]);
    expect(findSubsetSum([], [r(1)])).toBeNull();
    expect(findSubsetSum([[r(1, 3)], [r(1, 6)], [r(-1, 2)]], [r(0)])).toEqual([]);
    expect(findSubsetSum([[r(1, 3), r(1)], [r(1, 6), r(0)], [r(1, 2), r(-1)]], [r(1, 2), r(1)])).toEqual([0, 1]);
  });
  it('agrees with brute force on random small instances (vectors of rationals)', () => {
    const rational = fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 3 })).map(([n, d]) => r(n, d));
    const instance = fc.integer({ min: 1, max: 2 }).chain((m) =>
      fc.tuple(fc.array(fc.array(rational, { minLength: m, maxLength: m }), { maxLength: 8 }), fc.array(rational, { minLength: m, maxLength: m })),
    );
    fc.assert(
      fc.property(instance, ([items, target]) => {
        const S = findSubsetSum(items, target);
        expect(S !== null).toBe(bruteForce(items, target));
        if (S !== null) target.forEach((t, j) => expect(S.reduce((acc, i) => acc.add(items[i][j]), Rational.ZERO).eq(t)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });
  it('stays cheap when sums collide (60 equal items) and stops at the budget otherwise', () => {
    const equal = Array.from({ length: 60 }, () => [r(1, 7)]);
    expect(findSubsetSum(equal, [r(30, 7)])?.length).toBe(30);
    const powers = Array.from({ length: 30 }, (_, i) => [Rational.of(1n << BigInt(i + 1))]);
    expect(findSubsetSum(powers, [r(-1)], { maxStates: 1000 })).toBeNull(); // out of reach: pruned at once
    // odd, so unreachable, but within reach of the bounds: the halves must be listed, and they are too many
    expect(() => findSubsetSum(powers, [Rational.of((1n << 29n) + 1n)], { maxStates: 1000 })).toThrow(BudgetExceededError);
    expect(() => findSubsetSum([[r(1)]], [r(1), r(2)])).toThrow(DimensionError);
  });
});
