/**
 * Heavier cross-checks of the pattern enumerators (npm run check:slow): many more random
 * degenerate data sets against brute force over all 2^n bit strings, both conventions, D up to
 * 6; the sweep against incremental splitting with LPs on larger data; Cover on big generic data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPatterns, coverCount, listPatterns } from '../../src/arrangement/index.js';
import { SeededRng } from '../../src/core/rng.js';
import { Rational } from '../../src/field/rational.js';
import { bruteForcePatterns, smallData, toRationalRows, type Data } from '../helpers/arrangements.js';

const bitsOf = (X: Data, bias: boolean, convention: 'open' | 'closed' = 'open', method?: 'lp'): string[] =>
  listPatterns(toRationalRows(X), { bias, convention, witness: true, method }).map((p) => p.bits);

describe('brute force, many runs', () => {
  it.each([
    [{ n: [1, 8], d: [1, 1], range: 3 }, false],
    [{ n: [1, 8], d: [2, 2], range: 2 }, true],
    [{ n: [1, 8], d: [2, 2], range: 2 }, false],
    [{ n: [1, 8], d: [3, 3], range: 1 }, false],
    [{ n: [1, 8], d: [3, 3], range: 1 }, true],
    [{ n: [1, 8], d: [4, 4], range: 1 }, false],
    [{ n: [1, 8], d: [4, 4], range: 2 }, false],
    [{ n: [1, 7], d: [4, 4], range: 1 }, true],
    [{ n: [1, 8], d: [5, 5], range: 1 }, false],
    [{ n: [1, 7], d: [5, 5], range: 1 }, true],
  ] as const)('%j, bias %s', (shape, bias) => {
    fc.assert(
      fc.property(smallData({ n: [...shape.n], d: [...shape.d], range: shape.range }), (X) => {
        for (const c of ['open', 'closed'] as const) expect(bitsOf(X, bias, c)).toEqual(bruteForcePatterns(X, bias, c));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the sweep against incremental splitting with LPs', () => {
  it('larger degenerate data, D = 3..6', () => {
    fc.assert(
      fc.property(smallData({ n: [5, 20], d: [2, 5], range: 2 }), fc.boolean(), (X, bias) => {
        expect(bitsOf(X, bias)).toEqual(bitsOf(X, bias, 'open', 'lp'));
      }),
      { numRuns: 150 },
    );
  });
});

describe("Cover's count by enumeration on bigger generic data", () => {
  it.each([
    [200, 2],
    [60, 3],
    [25, 4],
  ])('n = %i, d = %i with bias', (n, d) => {
    const rng = new SeededRng(n * 10 + d);
    const X = Array.from({ length: n }, () => Array.from({ length: d }, () => Rational.of(rng.nextInt(-1_000_000, 1_000_000), rng.nextInt(1, 9))));
    const c = countPatterns(X, { method: 'enumerate' });
    expect(c.generalPosition).toBe(true);
    expect(c.count).toBe(coverCount(n, d + 1));
  });
});
