/**
 * Held-out nets and sample sets for issue 7 (an audit as a new user would run it): answers
 * worked out by hand in the comments, every counterexample re-checked with mathjs, and random
 * univariate cases against a grid brute force that shares no code with src/analyses
 * (tests/helpers/identify-grid.ts): when it finds a net through the samples that differs, the
 * answer must be "not identifiable".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identify } from '../../src/analyses/identifiability/identify.js';
import { parseRational } from '../../src/field/parse.js';
import { Rational } from '../../src/field/rational.js';
import type { ReluNet } from '../../src/network/relu-net.js';
import { gridCounterexample, identifyGrid } from '../helpers/identify-grid.js';
import { evaluateWithMathjs } from '../helpers/nets.js';
import { shallowNd } from '../helpers/shallow.js';
import { shallow1d } from '../helpers/univariate.js';

const qs = (xs: readonly (string | number)[]): Rational[] => xs.map((x) => parseRational(String(x)));
const at = (net: ReluNet<Rational>, x: readonly Rational[]): Rational => evaluateWithMathjs(net, x)[0];
const widthOf = (g: ReluNet<Rational>): number => (g.layers.length === 1 ? 0 : g.layers[0].W.nrows);

/** The counterexample agrees at every sample, differs where it says, and fits the width (checked with mathjs). */
function expectCounterexample(net: ReluNet<Rational>, samples: readonly (readonly Rational[])[], width: number): void {
  const r = identify(net, samples, { width });
  expect(r.identifiable).toBe(false);
  const g = r.counterexample!;
  for (const x of samples) expect(at(g, x).eq(at(net, x))).toBe(true);
  expect(at(g, r.differsAt!.x).eq(at(net, r.differsAt!.x))).toBe(false);
  expect(widthOf(g)).toBeLessThanOrEqual(width);
}

describe('held-out univariate cases', () => {
  const relu = shallow1d([[1, 0, 1]]);

  it('relu(x) from {-2, -1, 1, 2} among width 1: identifiable (no line through three of the values; a kink in (-1, 1) meets 0 and x at 0)', () => {
    const r = identify(relu, qs([-2, -1, 1, 2]), { width: 1 });
    expect([r.identifiable, r.proof]).toEqual([true, true]);
  });

  it('relu(x) from {-1, 1}: not identifiable (e.g. (x + 1) / 2 relu-shaped); from {-1/4, 1/4, 3/4}: identifiable only through the V1 width rule', () => {
    expectCounterexample(relu, qs([-1, 1]).map((x) => [x]), 1);
    // A kink p in (-1/4, 1/4) joining a line of slope s through (-1/4, 0) to y = x gives 1/3 (x + 1/4)
    // for s = 1/3 and more: but such a g has far-left slope s and one jump 1 - s, so with one
    // neuron it needs s = 0 or s = -(1 - s): only s = 0, which is f itself.
    const r = identify(relu, qs(['-1/4', '1/4', '3/4']), { width: 1 });
    expect([r.identifiable, r.proof]).toEqual([true, true]);
  });

  it('the hat relu(x-1) - 2relu(x-2) + relu(x-3): one sample per piece at 0..4 is not enough; two per piece are', () => {
    const hat = shallow1d([[1, -1, 1], [1, -2, -2], [1, -3, 1]]);
    expectCounterexample(hat, qs([0, 1, 2, 3, 4]).map((x) => [x]), 3);
    // Two samples per piece fix its four lines; three kinks of g must sit in the three gaps between
    // pieces, each at the intersection of its neighbours' lines: 1, 2, 3.
    expect(identify(hat, qs(['-1/2', '1/2', '5/4', '7/4', '9/4', '11/4', '7/2', '9/2']), { width: 3 }).identifiable).toBe(true);
  });

  it('regression: the spare neuron or affine-part kink beyond samples that are all negative (was anchored at x = 0: internal error)', () => {
    // f = 0 with width 1 and the sample -3/2: the spare neuron relu(x + 1/2) must leave g = 0 at the sample.
    expectCounterexample(shallow1d([[0, 0, 0]]), [[parseRational('-3/2')]], 1);
    // f = x (relu(x) - relu(-x), e = 2) with the sample -3: the kink beyond -3 must keep g(-3) = -3.
    expectCounterexample(shallow1d([[1, 0, 1], [-1, 0, -1]]), [[parseRational('-3')]], 2);
    // knots of f left of every sample, samples negative too
    expectCounterexample(shallow1d([[1, 5, 2], [1, 4, -1], [1, 0, 0]]), qs([-3, -2]).map((x) => [x]), 3);
  });

  it('random nets and samples: whenever the grid brute force finds a different net through the samples, identify says "not identifiable"', () => {
    const neuron = fc.tuple(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -2, max: 2 }));
    const arb = fc.record({
      neurons: fc.array(neuron, { minLength: 1, maxLength: 2 }),
      c: fc.integer({ min: -2, max: 2 }),
      xs: fc.uniqueArray(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 7 }),
      less: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ neurons, c, xs, less }) => {
        const net = shallow1d(neurons, c);
        const width = Math.max(0, neurons.length - (less ? 1 : 0));
        const samples = xs.map((x) => Rational.of(x, 2));
        const r = identify(net, samples, { width });
        if (r.counterexample !== null) return expectCounterexample(net, samples.map((x) => [x]), width);
        const kinks = neurons.filter(([w]) => w !== 0).map(([w, b]) => Rational.of(-b, w));
        expect(gridCounterexample((x) => at(net, [x]), kinks, samples, width, identifyGrid(samples, kinks))).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});

describe('held-out cases in two dimensions', () => {
  const f = shallowNd([[[1, 0], 0, 1], [[0, 1], 0, 1]]);
  const samples = [[1, 1], [-1, 1], [1, -1], [-1, -1], [2, 0], [0, 2], ['1/2', -3]].map(qs);

  it('relu(x1) + relu(x2): a wider class always has a counterexample; the same width gets one from the LP placement', () => {
    expectCounterexample(f, samples, 3);
    expectCounterexample(f, samples, 2);
  });

  it('a search that finds nothing says it is no proof', () => {
    const r = identify(f, samples, { width: 1, maxLps: 50 });
    if (r.counterexample === null) expect([r.proof, r.complete]).toEqual([false, false]);
  });
});
