/**
 * Laws of the irreducibility analysis on shallow nets of input dimension 1-3 with frequent
 * coincidences: the minimal net computes exactly the same function (kink data and affine part, no
 * sampling) and is itself irreducible with the same minimal width; width >= mu; the verdict is
 * invariant under the symmetries (permutation, positive scaling); `sameFunctionShallow` agrees
 * with exact evaluation and, in 1-D, with the spline comparison.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { irreducibility } from '../../src/analyses/irreducibility/irreducibility.js';
import { kinkData, kinkDataDifference, sameFunctionShallow } from '../../src/analyses/irreducibility/hyperplanes.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { evaluateScalar } from '../../src/network/evaluate.js';
import { createReluNet, type ReluNet } from '../../src/network/relu-net.js';
import { sameFunction } from '../../src/spline/to-spline.js';
import { evaluateWithMathjs } from '../helpers/nets.js';
import { pointsNd, shallowNetNd } from '../helpers/shallow.js';
import { univariateShallowNet } from '../helpers/univariate.js';

const variant = fc.constantFrom('V0' as const, 'V1' as const, 'V2' as const);
const netAnyDim = fc.integer({ min: 1, max: 3 }).chain((d) => shallowNetNd(d, 5));

/** Permute the neurons and rescale each by a positive factor (the function is unchanged). */
function symmetric(net: ReluNet<Rational>, seed: number): ReluNet<Rational> {
  const [hidden, out] = net.layers;
  const m = hidden.W.nrows;
  const perm = [...Array(m).keys()].sort((a, b) => ((a * 7 + seed) % 11) - ((b * 7 + seed) % 11));
  const s = perm.map((_, i) => Rational.of(1 + ((i + seed) % 3), 1 + (seed % 2)));
  return createReluNet(QQ, [
    { W: perm.map((j, i) => hidden.W.row(j).map((x) => x.mul(s[i]))), b: perm.map((j, i) => hidden.b[j].mul(s[i])) },
    { W: [perm.map((j, i) => out.W.get(0, j).div(s[i]))], b: [out.b[0]] },
  ]);
}

describe('irreducibility laws', () => {
  it('the minimal net computes the same function, has the minimal width, and is irreducible', () => {
    fc.assert(
      fc.property(netAnyDim, variant, (net, v) => {
        const r = irreducibility(net, { variant: v });
        expect(r.width).toBe(net.layers[0].W.nrows);
        expect(r.irreducible).toBe(r.minimalWidth >= r.width);
        if (v !== 'V0' || net.layers[1].b[0].isZero()) expect(r.minimalWidth).toBeLessThanOrEqual(r.width);
        const hidden = r.minimal.layers.length === 1 ? 0 : r.minimal.layers[0].W.nrows;
        expect(hidden).toBe(r.minimalWidth);
        if (v === 'V2') {
          const got = kinkData(r.minimal);
          const shifted = { ...got, affine: { ...got.affine, linear: got.affine.linear.map((x, i) => x.add(r.affineTerm!.linear[i])) } };
          expect(kinkDataDifference(shifted, kinkData(net))).toBeNull();
        } else {
          expect(sameFunctionShallow(r.minimal, net)).toBe(true);
        }
        if (hidden > 0) {
          const again = irreducibility(r.minimal, { variant: v });
          expect(again.irreducible).toBe(true);
          expect(again.minimalWidth).toBe(r.minimalWidth);
          // a minimal net wastes nothing
          expect(r.minimal.layers[1].W.row(0).every((x) => !x.isZero())).toBe(true);
        }
        expect(r.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
  it('permuting and positively rescaling neurons changes neither the function nor the verdict', () => {
    fc.assert(
      fc.property(netAnyDim, fc.nat({ max: 50 }), variant, (net, seed, v) => {
        const other = symmetric(net, seed);
        expect(sameFunctionShallow(net, other)).toBe(true);
        const [a, b] = [irreducibility(net, { variant: v }), irreducibility(other, { variant: v })];
        expect([b.irreducible, b.minimalWidth]).toEqual([a.irreducible, a.minimalWidth]);
      }),
      { numRuns: 100 },
    );
  });
  it('sameFunctionShallow agrees with exact evaluation (mathjs) at random points, both ways', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((d) => fc.tuple(shallowNetNd(d, 4), shallowNetNd(d, 4), pointsNd(d, 12))),
        ([a, b, points]) => {
          const same = sameFunctionShallow(a, b);
          const minimal = irreducibility(a).minimal;
          for (const x of points) {
            const fa = evaluateWithMathjs(a, x)[0];
            expect(evaluateScalar(minimal, x).eq(fa)).toBe(true);
            if (same) expect(evaluateScalar(b, x).eq(fa)).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
  it('in 1-D sameFunctionShallow agrees with the spline comparison', () => {
    fc.assert(
      fc.property(univariateShallowNet(5), univariateShallowNet(5), (a, b) => {
        expect(sameFunctionShallow(a, b)).toBe(sameFunction(a, b));
        const m = irreducibility(a).minimal;
        expect(sameFunction(a, m)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
