import { describe, expect, it } from 'vitest';
import { BudgetExceededError, DimensionError, UsageError } from '../../src/core/errors.js';
import { Rational } from '../../src/field/rational.js';
import { countPatterns, generalPosition, iterPatterns, listPatterns } from '../../src/arrangement/index.js';
import { toRationalRows } from '../helpers/arrangements.js';

const bits = (X: number[][], options: Parameters<typeof listPatterns>[1] = {}): string[] => listPatterns(toRationalRows(X), options).map((p) => p.bits);
/** n points on a parabola with bias: generic, n^2 - n + 2 patterns. */
const parabola = (n: number): Rational[][] => toRationalRows(Array.from({ length: n }, (_, i) => [i, i * i]));

describe('listPatterns / iterPatterns', () => {
  it('defaults to the open convention with a bias, sorted ascending', () => {
    expect(bits([[0], [1]])).toEqual(['00', '01', '10', '11']);
    expect(bits([[1], [2]], { bias: false })).toEqual(['00', '11']);
  });

  it('gives exact integer witnesses that realise each pattern', () => {
    const X = toRationalRows([
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 1],
    ]);
    for (const p of listPatterns(X, { witness: true })) {
      const theta = p.theta!;
      expect(theta.every((t) => t.isInteger())).toBe(true);
      X.forEach((x, i) => {
        const v = x.reduce((s, xj, j) => s.add(xj.mul(theta[j])), theta[2]);
        expect(v.sign()).toBe(p.bits[i] === '1' ? 1 : -1);
      });
    }
  });

  it('treats zero points (no bias, x = 0): never active when open, always when closed', () => {
    expect(bits([[0], [1]], { bias: false })).toEqual(['00', '01']);
    expect(bits([[0], [1]], { bias: false, convention: 'closed' })).toEqual(['10', '11']);
    expect(bits([[0, 0]], { bias: false })).toEqual(['0']);
  });

  it('keeps duplicates together and antiparallel points apart (open)', () => {
    const d = bits([[1, 2], [1, 2], [3, -1]], { bias: false });
    expect(d.every((b) => b[0] === b[1])).toBe(true);
    const a = bits([[1, 2], [-2, -4], [3, -1]], { bias: false });
    expect(a.every((b) => b[0] !== b[1])).toBe(true);
  });

  it('handles no points and points without coordinates', () => {
    expect(bits([])).toEqual(['']);
    expect(bits([[], []])).toEqual(['00', '11']);
    expect(bits([[], []], { bias: false })).toEqual(['00']);
  });

  it('streams: the first patterns come without enumerating the rest', () => {
    const it = iterPatterns(parabola(300));
    const first = [it.next(), it.next(), it.next()];
    expect(first.every((r) => r.done === false && r.value.bits.length === 300)).toBe(true);
  });

  it('stops on the count budget with the partial count, and not when the count fits', () => {
    const X = parabola(6); // 32 patterns
    expect(listPatterns(X, { maxCount: 32 })).toHaveLength(32);
    try {
      listPatterns(X, { maxCount: 10 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BudgetExceededError);
      expect((e as BudgetExceededError).partial).toEqual({ count: 10 });
    }
    expect(() => countPatterns(X, { maxCount: 5, method: 'enumerate' })).toThrow(BudgetExceededError);
  });

  it('stops on the time budget', () => {
    expect(() => countPatterns(parabola(400), { maxSeconds: 0.05, method: 'enumerate' })).toThrow(/time budget of 0.05 s/);
  });

  it('reports progress', () => {
    const seen: number[] = [];
    let n = 0;
    for (const _ of iterPatterns(parabola(150), { onProgress: (c) => seen.push(c) })) n++;
    expect(n).toBe(150 * 149 + 2);
    expect(seen.every((c) => c <= n)).toBe(true);
  });

  it('refuses bad input, naming the function', () => {
    expect(() => listPatterns(toRationalRows([[1, 2], [3]]))).toThrow(DimensionError);
    expect(() => listPatterns(toRationalRows([[1, 2], [3]]))).toThrow(/iterPatterns: point 1 has 1 coordinates/);
    expect(() => listPatterns(parabola(3), { convention: 'half-open' as never })).toThrow(UsageError);
    expect(() => listPatterns(parabola(3), { maxCount: -1 })).toThrow(/maxCount must be an integer >= 0/);
  });
});

describe('countPatterns and generalPosition', () => {
  it("uses Cover's formula only for data in general position", () => {
    expect(countPatterns(parabola(120))).toEqual({ count: 14282n, generalPosition: true, method: 'cover' });
    const collinear = toRationalRows([[0, 0], [1, 1], [2, 2], [0, 1]]);
    expect(countPatterns(collinear)).toEqual({ count: 12n, generalPosition: false, method: 'enumeration' });
  });
  it('counts the closed all-ones pattern of theta = 0 for positively dependent generic data', () => {
    // (1,0), (0,1), (-1,-1): 0 is a strictly positive combination, so theta = 0 adds 111.
    const X = toRationalRows([[1, 0], [0, 1], [-1, -1]]);
    expect(generalPosition(X, { bias: false })).toBe(true);
    const c = countPatterns(X, { bias: false, convention: 'closed' });
    expect(c).toEqual({ count: 7n, generalPosition: true, method: 'cover' });
    expect(countPatterns(X, { bias: false, convention: 'closed', method: 'enumerate' }).count).toBe(7n);
  });
  it('general position: zero points, duplicates, dependent D-subsets', () => {
    expect(generalPosition(toRationalRows([[0, 0], [1, 0]]), { bias: false })).toBe(false);
    expect(generalPosition(toRationalRows([[1], [1]]))).toBe(false);
    expect(generalPosition(toRationalRows([[1], [1]]), { bias: false })).toBe(true); // D = 1: any single point
    expect(generalPosition(toRationalRows([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]]))).toBe(false); // coplanar in R^3
    expect(generalPosition(toRationalRows([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]]))).toBe(true);
    expect(generalPosition(toRationalRows([[0, 0], [1, 0]]))).toBe(true); // n <= D: independent
  });
});
