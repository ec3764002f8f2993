/**
 * Activation patterns against LITERATURE-B section 8: Cover's table (8.1), the concrete data
 * sets with their exact pattern lists in both conventions (8.4), Whitney's sum computed
 * independently on degenerate data, and brute force over all 2^n bit strings (n <= 8).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPatterns, coverCount, generalPosition, listPatterns } from '../../src/arrangement/index.js';
import { bruteForcePatterns, lifted, smallData, toRationalRows, whitneyByRanks, type Data } from '../helpers/arrangements.js';

const bitsOf = (X: Data, bias: boolean, convention: 'open' | 'closed' = 'open'): string[] =>
  listPatterns(toRationalRows(X), { bias, convention, witness: true }).map((p) => p.bits);

describe('8.1 Cover C(n, D) = 2 sum_{k<D} binom(n-1, k)', () => {
  const table: number[][] = [
    [2, 2, 2, 2, 2, 2],
    [2, 4, 4, 4, 4, 4],
    [2, 6, 8, 8, 8, 8],
    [2, 8, 14, 16, 16, 16],
    [2, 10, 22, 30, 32, 32],
    [2, 12, 32, 52, 62, 64],
    [2, 14, 44, 84, 114, 126],
    [2, 16, 58, 128, 198, 240],
    [2, 18, 74, 186, 326, 438],
    [2, 20, 92, 260, 512, 764],
    [2, 22, 112, 352, 772, 1276],
    [2, 24, 134, 464, 1124, 2048],
  ];
  it('reproduces the table', () => {
    table.forEach((row, i) => row.forEach((v, j) => expect(coverCount(i + 1, j + 1)).toBe(BigInt(v))));
  });
  it('reproduces the large values', () => {
    expect(coverCount(100, 10)).toBe(3836629637040n);
    expect(coverCount(100, 11)).toBe(34995186658632n);
    expect(coverCount(1000, 10)).toBe(5316424106718236350400n);
    expect(coverCount(50, 5)).toBe(463052n);
    expect(coverCount(20, 3)).toBe(382n);
    expect(coverCount(10, 3)).toBe(92n);
  });
  it('equals the enumerated count on generic data (D = 1..5)', () => {
    // Points on the moment curve (t, t^2, ..., t^d) with bias are in general position (d = 0:
    // every lifted point is (1), and any D = 1 of them are independent).
    for (const [n, d] of [
      [7, 1],
      [9, 2],
      [8, 3],
      [7, 4],
      [5, 0],
    ]) {
      const X = Array.from({ length: n }, (_, i) => Array.from({ length: d }, (_, k) => (i + 1) ** (k + 1)));
      const D = d + 1;
      expect(generalPosition(toRationalRows(X))).toBe(true);
      if (d === 0) continue;
      const counted = countPatterns(toRationalRows(X), { method: 'enumerate' });
      expect(counted.count).toBe(coverCount(n, D));
      expect(counted.generalPosition).toBe(true);
      expect(countPatterns(toRationalRows(X)).method).toBe('cover');
    }
  });
});

describe('8.4 concrete data sets', () => {
  const cases: { name: string; X: Data; bias: boolean; cover: number; open: number; closed: number }[] = [
    { name: '1-D bias, x = 0..3', X: [[0], [1], [2], [3]], bias: true, cover: 8, open: 8, closed: 8 },
    { name: 'XOR square', X: [[0, 0], [1, 0], [0, 1], [1, 1]], bias: true, cover: 14, open: 14, closed: 14 },
    { name: 'point inside a triangle', X: [[0, 0], [4, 0], [0, 4], [1, 1]], bias: true, cover: 14, open: 14, closed: 14 },
    { name: 'Fig.-1-like', X: [[0, 0], [2, 0], [3, 2], [1, 3], [-1, 1]], bias: true, cover: 22, open: 22, closed: 22 },
    { name: 'three collinear (degenerate)', X: [[0, 0], [1, 0], [2, 0], [0, 1]], bias: true, cover: 14, open: 12, closed: 12 },
    { name: '2-D no bias', X: [[1, 0], [0, 1], [1, 1], [-1, 1]], bias: false, cover: 8, open: 8, closed: 8 },
    { name: 'antiparallel pair (degenerate)', X: [[1, 0], [-1, 0], [0, 1]], bias: false, cover: 6, open: 4, closed: 6 },
    { name: '1-D no bias', X: [[1], [2], [-1]], bias: false, cover: 2, open: 2, closed: 3 },
    { name: '3-D no bias, e1 e2 e3 (1,1,1)', X: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]], bias: false, cover: 14, open: 14, closed: 14 },
    { name: '3-D no bias, 5 generic', X: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1], [1, 2, 3]], bias: false, cover: 22, open: 22, closed: 22 },
    { name: '3-D no bias, 6 generic', X: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1], [1, 2, 3], [2, -1, 1]], bias: false, cover: 32, open: 32, closed: 32 },
  ];
  it.each(cases)('$name: Cover $cover, open $open, closed $closed', ({ X, bias, cover, open, closed }) => {
    const D = X[0].length + (bias ? 1 : 0);
    expect(coverCount(X.length, D)).toBe(BigInt(cover));
    expect(bitsOf(X, bias)).toHaveLength(open);
    expect(bitsOf(X, bias, 'closed')).toHaveLength(closed);
    expect(countPatterns(toRationalRows(X), { bias }).count).toBe(BigInt(open));
    expect(countPatterns(toRationalRows(X), { bias, convention: 'closed' }).count).toBe(BigInt(closed));
  });

  it('explicit pattern lists', () => {
    expect(bitsOf([[0], [1], [2], [3]], true)).toEqual(['0000', '0001', '0011', '0111', '1000', '1100', '1110', '1111']);
    const all16 = Array.from({ length: 16 }, (_, m) => m.toString(2).padStart(4, '0'));
    expect(bitsOf([[0, 0], [1, 0], [0, 1], [1, 1]], true)).toEqual(all16.filter((b) => b !== '1001' && b !== '0110'));
    expect(bitsOf([[0, 0], [4, 0], [0, 4], [1, 1]], true)).toEqual(all16.filter((b) => b !== '0001' && b !== '1110'));
    expect(bitsOf([[0, 0], [1, 0], [2, 0], [0, 1]], true)).toEqual(['0000', '0001', '0010', '0011', '0110', '0111', '1000', '1001', '1100', '1101', '1110', '1111']);
    expect(bitsOf([[1, 0], [-1, 0], [0, 1]], false)).toEqual(['010', '011', '100', '101']);
    expect(bitsOf([[1, 0], [-1, 0], [0, 1]], false, 'closed')).toEqual(['010', '011', '100', '101', '110', '111']);
    expect(bitsOf([[1], [2], [-1]], false)).toEqual(['001', '110']);
    expect(bitsOf([[1], [2], [-1]], false, 'closed')).toEqual(['001', '110', '111']);
  });
});

describe('open count = Whitney sum over subsets (independent ranks), on degenerate data', () => {
  it.each([
    ['2-D with bias', { n: [1, 8], d: [2, 2], range: 2 }, true],
    ['3-D with bias', { n: [1, 7], d: [3, 3], range: 1 }, true],
    ['3-D without bias', { n: [1, 8], d: [3, 3], range: 2 }, false],
    ['4-D without bias', { n: [1, 7], d: [4, 4], range: 1 }, false],
  ] as const)('%s', (_, shape, bias) => {
    fc.assert(
      fc.property(smallData({ n: [...shape.n], d: [...shape.d], range: shape.range }), (X) => {
        const expected = whitneyByRanks(lifted(X, bias));
        expect(Number(countPatterns(toRationalRows(X), { bias, method: 'enumerate' }).count)).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });
});

describe('brute force over all 2^n bit strings (n <= 8), both conventions', () => {
  it.each([
    ['1-D with bias', { n: [1, 7], d: [1, 1], range: 3 }, true],
    ['1-D without bias', { n: [1, 6], d: [1, 1], range: 2 }, false],
    ['2-D with bias', { n: [1, 7], d: [2, 2], range: 2 }, true],
    ['2-D without bias', { n: [1, 7], d: [2, 2], range: 1 }, false],
    ['3-D without bias', { n: [1, 7], d: [3, 3], range: 1 }, false],
    ['3-D with bias', { n: [1, 6], d: [3, 3], range: 1 }, true],
    ['4-D without bias', { n: [1, 6], d: [4, 4], range: 1 }, false],
  ] as const)('%s', (_, shape, bias) => {
    fc.assert(
      fc.property(smallData({ n: [...shape.n], d: [...shape.d], range: shape.range }), (X) => {
        for (const convention of ['open', 'closed'] as const) expect(bitsOf(X, bias, convention)).toEqual(bruteForcePatterns(X, bias, convention));
      }),
      { numRuns: 15 },
    );
  });
});
