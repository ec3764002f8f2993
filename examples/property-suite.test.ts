/**
 * A property suite as a new user writes it, against the published package only:
 * `relu-exact/arbitraries` (fast-check arbitraries), `relu-exact/vitest` (exact matchers) and
 * `relu-exact`. Run it with `npx vitest run examples/property-suite.test.ts`; `npm test` runs it.
 */
import { test as propTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPatterns, coverCount, createReluNet, liftData, minimalFormOfNet, QQ, splineLens, whitneyCount, type Rational } from 'relu-exact';
import { arbitraries, permuteNeurons, scaleNeuron } from 'relu-exact/arbitraries';
import { reluExactMatchers } from 'relu-exact/vitest';

expect.extend(reluExactMatchers);

const { rational, reluNet, dataset, matrixOfRank } = arbitraries;

describe('symmetries never change the function (exact, any input dimension)', () => {
  it('positive rescaling of a hidden neuron', () => {
    fc.assert(
      fc.property(reluNet({ architecture: [2, 3, 1] }), fc.nat({ max: 2 }), rational({ sign: 'positive' }), (net, i, alpha) => {
        expect(scaleNeuron(net, 0, i, alpha)).toComputeSameFunctionAs(net);
      }),
      { numRuns: 30 },
    );
  });

  // The same law with @fast-check/vitest's test.prop: arbitraries as arguments.
  propTest.prop([reluNet({ architecture: [1, 3, 2, 1] })], { numRuns: 30 })('permuting a hidden layer', (net) => {
    expect(permuteNeurons(net, 1, [1, 0])).toComputeSameFunctionAs(net);
  });

  it('a negative scale is no symmetry: the matcher shows where the functions part', () => {
    const net = fc.sample(reluNet({ architecture: [1, 1, 1], generic: true }), { seed: 3, numRuns: 1 })[0];
    const [hidden, out] = net.layers;
    const flipped = createReluNet(QQ, [{ W: hidden.W.rows.map((r) => r.map((x) => x.neg())), b: hidden.b.map((x) => x.neg()) }, out]);
    expect(() => expect(flipped).toComputeSameFunctionAs(net)).toThrow(/at x = .* the received net gives .* and the expected net/);
  });
});

describe('activation patterns: Cover for data in general position, Zaslavsky for any data', () => {
  it("Cover's count", () => {
    fc.assert(
      fc.property(dataset({ dimension: 2, points: { min: 1, max: 6 }, position: 'general-position' }), ({ X }) => {
        expect(countPatterns(X, { method: 'enumerate' }).count).toBe(coverCount(X.length, 3));
      }),
      { numRuns: 40 },
    );
  });

  it("Whitney's sum, on data with collinear points", () => {
    fc.assert(
      fc.property(dataset({ dimension: 2, points: { min: 3, max: 6 }, position: 'collinear' }), ({ X }) => {
        const count = countPatterns(X, { method: 'enumerate' }).count;
        expect(count).toBe(whitneyCount(liftData(X, true).vectors));
        expect(count).toBeLessThan(coverCount(X.length, 3));
      }),
      { numRuns: 40 },
    );
  });
});

describe('the spline lens and irreducibility (univariate nets)', () => {
  it('the slope jumps by mu = v |w| at beta = -b/w', () => {
    fc.assert(
      fc.property(reluNet({ architecture: [1, 1, 1], generic: true }), (net) => {
        const [n] = splineLens(net).neurons;
        const w = net.layers[0].W.get(0, 0);
        expect(n.deltaSlope.eq(net.layers[1].W.get(0, 0).mul(w.abs()))).toBe(true);
        expect(n.breakpoint!.eq(net.layers[0].b[0].neg().div(w))).toBe(true);
      }),
    );
  });

  it('generic nets are irreducible; each planted degeneracy makes them reducible', () => {
    fc.assert(fc.property(reluNet({ architecture: [1, 3, 1], generic: true }), (net) => {
      expect(net).toBeIrreducible();
    }), { numRuns: 30 });
    for (const degeneracy of ['dead-neuron', 'parallel-neurons', 'zero-outer-weight'] as const) {
      fc.assert(fc.property(reluNet({ architecture: [1, 3, 1], degeneracy }), (net) => minimalFormOfNet(net).width < 3), { numRuns: 30 });
    }
  });
});

describe('matrices of known rank', () => {
  it('a counterexample to a false law shrinks to a simple matrix, printed with p/q entries', () => {
    const r = fc.check(fc.property(matrixOfRank({ rows: 2, cols: 2 }), ({ matrix, rank }) => rank === 2 || matrix.rows.flat().every((x: Rational) => x.isZero())), { seed: 5 });
    expect(r.failed).toBe(true);
    expect(fc.stringify(r.counterexample![0])).toMatch(/^\{matrix: \[\[-?\d+(\/\d+)?, -?\d+(\/\d+)?\], \[-?\d+(\/\d+)?, -?\d+(\/\d+)?\]\], rank: 1\}$/);
  });
});
