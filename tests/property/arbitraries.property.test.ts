/**
 * The published arbitraries: they produce what they promise (checked by a second algorithm where
 * there is one), shrink towards small simple values, print rationals as p/q, and validate their
 * options eagerly with the builder's name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generalPosition } from '../../src/arrangement/index.js';
import { Rational } from '../../src/field/rational.js';
import { rank } from '../../src/linalg/index.js';
import { dataset, inGeneralPosition, matrixOfRank, rational, reluNet } from '../../src/testing/index.js';
import { rankFraction } from '../helpers/arrangements.js';

const fails = <T>(arb: fc.Arbitrary<T>, predicate: (x: T) => boolean, examples: T[] = []): T => {
  const r = fc.check(fc.property(arb, predicate), { seed: 42, numRuns: 500, examples: examples.map((e) => [e] as [T]) });
  expect(r.failed).toBe(true);
  return r.counterexample![0];
};

describe('rational', () => {
  it('stays within its height and sign', () => {
    fc.assert(
      fc.property(rational({ maxNumerator: 5, maxDenominator: 3 }), (r) => (r.num < 0n ? -r.num : r.num) <= 5n && r.den <= 3n),
    );
    for (const [sign, ok] of [
      ['positive', (r: Rational) => r.sign() > 0],
      ['negative', (r: Rational) => r.sign() < 0],
      ['nonzero', (r: Rational) => r.sign() !== 0],
      ['nonnegative', (r: Rational) => r.sign() >= 0],
      ['nonpositive', (r: Rational) => r.sign() <= 0],
    ] as const) {
      fc.assert(fc.property(rational({ sign }), ok));
    }
    expect(fc.sample(rational({ maxDenominator: 1 }), 50).every((r) => r.isInteger())).toBe(true);
  });

  it('shrinks towards 0 and small denominators, and prints as p/q', () => {
    expect(fails(rational(), (r) => r.cmp(Rational.of(1, 2)) < 0).toString()).toBe('1');
    expect(fails(rational(), (r) => r.isInteger()).toString()).toBe('1/2');
    expect(fails(rational({ sign: 'nonzero' }), (r) => r.sign() > 0).toString()).toBe('-1');
    // A value given by hand shrinks too (no generation context needed).
    expect(fails(rational(), (r) => r.cmp(Rational.of(1)) <= 0, [Rational.of(5, 2)]).toString()).toBe('2');
    expect(fc.stringify(Rational.of(-3, 4))).toBe('-3/4');
    expect(fc.stringify([Rational.of(2), Rational.of(1, 3)])).toBe('[2,1/3]');
  });

  it('validates its options eagerly', () => {
    expect(() => rational({ maxDenominator: 0 })).toThrow(/rational: maxDenominator must be an integer in \[1, inf\]/);
    expect(() => rational({ sign: 'odd' as never })).toThrow(/rational: sign must be one of/);
    expect(() => rational({ maxNumerator: 0, sign: 'positive' })).toThrow(/needs maxNumerator >= 1/);
  });
});

describe('reluNet', () => {
  const rows = (net: ReturnType<typeof reluNet> extends fc.Arbitrary<infer N> ? N : never, k: number) => net.layers[k].W.rows;

  it('has the architecture asked for', () => {
    fc.assert(fc.property(reluNet({ architecture: [3, 2, 4, 1] }), (net) => JSON.stringify(net.layers.map((l) => [l.W.nrows, l.W.ncols])) === '[[2,3],[4,2],[1,4]]'));
  });

  it('generic: nonzero weights, no two proportional neurons in a hidden layer', () => {
    fc.assert(
      fc.property(reluNet({ architecture: [2, 3, 2, 1], generic: true }), (net) => {
        expect(net.layers.every((l) => l.W.rows.every((r) => r.every((x) => !x.isZero())))).toBe(true);
        for (const l of net.layers.slice(0, -1)) {
          const full = l.W.rows.map((r, i) => [...r, l.b[i]]);
          for (let i = 0; i < full.length; i++) for (let j = i + 1; j < full.length; j++) expect(rankFraction(toNumbers([full[i], full[j]]))).toBe(2);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('plants each degeneracy, and it survives shrinking', () => {
    fc.assert(
      fc.property(reluNet({ architecture: [2, 3, 1], degeneracy: 'dead-neuron' }), (net) => rows(net, 0)[0].every((x) => x.isZero()) && net.layers[0].b[0].sign() < 0),
    );
    fc.assert(
      fc.property(reluNet({ architecture: [2, 3, 1], degeneracy: 'parallel-neurons' }), (net) => {
        const [a, b] = [0, 1].map((i) => [...rows(net, 0)[i], net.layers[0].b[i]]);
        const k = a.findIndex((x) => !x.isZero());
        if (k < 0) return b.every((x) => x.isZero());
        const alpha = b[k].div(a[k]);
        return alpha.sign() > 0 && a.every((x, j) => x.mul(alpha).eq(b[j]));
      }),
    );
    fc.assert(fc.property(reluNet({ architecture: [1, 2, 2, 1], degeneracy: 'zero-outer-weight', generic: true }), (net) => rows(net, 2)[0][0].isZero() && !rows(net, 2)[0][1].isZero()));
    // Shrinking keeps the plant: the smallest net with a dead neuron whose other output weight is nonzero.
    const net = fails(reluNet({ architecture: [1, 2, 1], degeneracy: 'dead-neuron' }), (n) => rows(n, 1)[0][1].isZero());
    expect(fc.stringify(net)).toBe('ReluNet 1-2-1 {W1: [[0], [0]], b1: [-1, 0]; W2: [[0, 1]], b2: [0]}');
  });

  it('shrinks to the simplest net that fails, printed compactly with p/q', () => {
    const net = fails(reluNet({ architecture: [1, 2, 1] }), (n) => n.layers[0].b.every((b) => b.cmp(Rational.of(1, 2)) < 0));
    expect(fc.stringify(net)).toBe('ReluNet 1-2-1 {W1: [[0], [0]], b1: [1, 0]; W2: [[0, 0]], b2: [0]}');
  });

  it('validates its options eagerly', () => {
    expect(() => reluNet({ architecture: [2] })).toThrow(/reluNet: architecture must list at least two widths/);
    expect(() => reluNet({ architecture: [2, 0, 1] })).toThrow(/reluNet: architecture\[1\] must be an integer/);
    expect(() => reluNet({ architecture: [1, 1, 1], degeneracy: 'parallel-neurons' })).toThrow(/needs at least 2 neurons/);
    expect(() => reluNet({ architecture: [1, 1], degeneracy: 'dead-neuron' })).toThrow(/needs a hidden layer/);
    expect(() => reluNet({ degeneracy: 'sleepy' as never })).toThrow(/reluNet: degeneracy must be one of/);
  });
});

describe('dataset', () => {
  it('general position, by the toolkit\'s other algorithm (arrangement/generalPosition)', () => {
    fc.assert(fc.property(dataset({ dimension: 2, points: { min: 3, max: 6 }, position: 'general-position' }), ({ X }) => generalPosition(X, { bias: true })), { numRuns: 60 });
    fc.assert(fc.property(dataset({ dimension: 2, points: 4, bias: false, position: 'general-position' }), ({ X }) => generalPosition(X, { bias: false })), { numRuns: 60 });
  });

  it('collinear and duplicate points are planted (and so never in general position)', () => {
    fc.assert(
      fc.property(dataset({ dimension: 2, points: { min: 3, max: 5 }, position: 'collinear' }), ({ X }) => {
        const [p, q, r] = [X[0], X[1], X[X.length - 1]];
        const cross = q[0].sub(p[0]).mul(r[1].sub(p[1])).sub(q[1].sub(p[1]).mul(r[0].sub(p[0])));
        return cross.isZero() && !inGeneralPosition(X);
      }),
    );
    fc.assert(fc.property(dataset({ points: { min: 2, max: 5 }, position: 'duplicate' }), ({ X }) => X[0][0].eq(X[X.length - 1][0]) && !generalPosition(X)));
  });

  it('labels, one per point', () => {
    fc.assert(fc.property(dataset({ points: { min: 0, max: 5 }, labels: true }), ({ X, y }) => y !== undefined && y.length === X.length));
    fc.assert(fc.property(dataset({ dimension: 3 }), ({ X, y }) => y === undefined && X.every((x) => x.length === 3)));
  });

  it('inGeneralPosition agrees with the arrangement module on any small data', () => {
    fc.assert(fc.property(dataset({ dimension: 2, points: { min: 0, max: 5 }, coordinates: { maxNumerator: 2, maxDenominator: 1 } }), fc.boolean(), ({ X }, bias) => inGeneralPosition(X, bias) === generalPosition(X, { bias })));
  });

  it('validates its options eagerly', () => {
    expect(() => dataset({ position: 'collinear' })).toThrow(/dataset: 'collinear' needs dimension >= 2/);
    expect(() => dataset({ position: 'duplicate', points: 1 })).toThrow(/needs at least 2 points/);
    expect(() => dataset({ points: { min: 3, max: 2 } })).toThrow(/dataset: points.max must be an integer in \[3/);
  });
});

describe('matrixOfRank', () => {
  it('has the rank it says, by two eliminations (Bareiss and fraction.js Gaussian elimination)', () => {
    fc.assert(
      fc.property(matrixOfRank({ rows: 4, cols: 5 }), ({ matrix, rank: r }) => rank(matrix) === r && rankFraction(toNumbers(matrix.rows)) === r),
      { numRuns: 200 },
    );
    fc.assert(fc.property(matrixOfRank({ rows: 3, cols: 3, rank: 2, scale: false }), ({ matrix }) => matrix.rows.every((row) => row.every((x) => x.isInteger())) && rank(matrix) === 2));
  });

  it('shrinks to a 0/1 diagonal-like matrix and prints it', () => {
    const m = fails(matrixOfRank({ rows: 3, cols: 3, rank: 2 }), ({ matrix }) => matrix.rows[2].every((x) => x.isZero()));
    expect(fc.stringify(m)).toMatch(/^\{matrix: \[\[.*\]\], rank: 2\}$/);
    expect(m.matrix.rows.flat().every((x) => x.isZero() || x.eq(Rational.ONE))).toBe(true);
  });

  it('validates its options eagerly', () => {
    expect(() => matrixOfRank({ rows: 2, cols: 3, rank: 3 })).toThrow(/matrixOfRank: rank must be an integer in \[0, 2\]/);
  });
});

function toNumbers(rows: readonly (readonly Rational[])[]): number[][] {
  // Entries here are small; scale each row by its common denominator so that fraction.js sees integers.
  return rows.map((r) => {
    const den = r.reduce((l, x) => l * Number(x.den), 1);
    return r.map((x) => (Number(x.num) * den) / Number(x.den));
  });
}
