/** Laws of activation patterns, checked with fast-check on small exact data (degenerate on purpose). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/field/rational.js';
import { countPatterns, coverCount, generalPosition, listPatterns } from '../../src/arrangement/index.js';
import { smallData, toRationalRows, type Data } from '../helpers/arrangements.js';

const bitsOf = (X: Data, bias: boolean, convention: 'open' | 'closed' = 'open', method?: 'lp'): string[] =>
  listPatterns(toRationalRows(X), { bias, convention, method }).map((p) => p.bits);
const flip = (b: string): string => [...b].map((c) => (c === '1' ? '0' : '1')).join('');
const data = smallData({ n: [1, 9], d: [1, 4], range: 2 });

describe('pattern laws', () => {
  it('open patterns are closed under complement (theta -> -theta), on data without zero points', () => {
    fc.assert(
      fc.property(data, fc.boolean(), (X, bias) => {
        fc.pre(bias || X.every((x) => x.some((v) => v !== 0)));
        const ps = new Set(bitsOf(X, bias));
        for (const p of ps) expect(ps.has(flip(p))).toBe(true);
      }),
    );
  });

  it('closed patterns contain the open ones (up to the bits of zero points); with a bias they coincide', () => {
    fc.assert(
      fc.property(data, fc.boolean(), (X, bias) => {
        const zero = X.map((x) => !bias && x.every((v) => v === 0));
        const lift = (b: string): string => [...b].map((c, i) => (zero[i] ? '1' : c)).join('');
        const closed = new Set(bitsOf(X, bias, 'closed'));
        const open = bitsOf(X, bias).map(lift);
        for (const p of open) expect(closed.has(p)).toBe(true);
        if (bias) expect(closed.size).toBe(open.length);
      }),
    );
  });

  it('permuting the points permutes the bits', () => {
    fc.assert(
      fc.property(
        data.chain((X) => fc.tuple(fc.constant(X), fc.shuffledSubarray(X.map((_, i) => i), { minLength: X.length, maxLength: X.length }))),
        fc.boolean(),
        fc.constantFrom<'open' | 'closed'>('open', 'closed'),
        ([X, perm], bias, convention) => {
          const permuted = perm.map((i) => X[i]);
          const expected = bitsOf(X, bias, convention).map((b) => perm.map((i) => b[i]).join('')).sort();
          expect(bitsOf(permuted, bias, convention)).toEqual(expected);
        },
      ),
    );
  });

  it('scaling points by positive rationals changes nothing without a bias', () => {
    fc.assert(
      fc.property(data, fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })), { minLength: 9, maxLength: 9 }), (X, scales) => {
        const scaled = toRationalRows(X).map((x, i) => x.map((v) => v.mul(Rational.of(scales[i][0], scales[i][1]))));
        for (const convention of ['open', 'closed'] as const) {
          expect(listPatterns(scaled, { bias: false, convention }).map((p) => p.bits)).toEqual(bitsOf(X, false, convention));
        }
      }),
    );
  });

  it('general position iff the open count is Cover C(n, D) (data without zero points)', () => {
    fc.assert(
      fc.property(smallData({ n: [1, 8], d: [1, 3], range: 3 }), fc.boolean(), (X, bias) => {
        fc.pre(bias || X.every((x) => x.some((v) => v !== 0)));
        const D = X[0].length + (bias ? 1 : 0);
        const enumerated = countPatterns(toRationalRows(X), { bias, method: 'enumerate' }).count;
        expect(generalPosition(toRationalRows(X), { bias })).toBe(enumerated === coverCount(X.length, D));
      }),
    );
  });

  it('the sweep and incremental splitting with LPs agree (D = 3..6)', () => {
    fc.assert(
      fc.property(smallData({ n: [2, 10], d: [3, 5], range: 2 }), fc.boolean(), (X, bias) => {
        expect(bitsOf(X, bias)).toEqual(bitsOf(X, bias, 'open', 'lp'));
      }),
      { numRuns: 40 },
    );
  });
});
