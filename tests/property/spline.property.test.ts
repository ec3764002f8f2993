/**
 * Laws of the spline lens, on nets where coincident, cancelling, constant and dead neurons are
 * common (tests/helpers/univariate.ts). Equality of functions is checked exactly: two CPWL
 * functions whose kinks lie in a known finite set agree everywhere iff they agree at those
 * points, a point between each two, and one beyond each end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { evaluateScalar } from '../../src/network/evaluate.js';
import { createReluNet, type ReluNet } from '../../src/network/relu-net.js';
import { pathNorm, roughness, savareseCost } from '../../src/spline/cost.js';
import { splineByLayers } from '../../src/spline/layers.js';
import { orbitCanonicalNet, shallowUnivariateParameters, splineLens } from '../../src/spline/lens.js';
import { fromSpline, minimalForm, minimalFormOfNet } from '../../src/spline/minimal.js';
import { createSpline, decisivePoints, evaluateSpline, splineEquals, splineFromPoints, splineToJson } from '../../src/spline/spline.js';
import { sameFunction, splineDifference, toSpline } from '../../src/spline/to-spline.js';
import { evaluateWithMathjs, smallRational } from '../helpers/nets.js';
import { scalesAndPermutation, univariateDeepNet, univariateShallowNet } from '../helpers/univariate.js';

const netAndScales = univariateShallowNet(6).chain((net) => fc.tuple(fc.constant(net), scalesAndPermutation(net.layers[0].W.nrows)));

/** Rescale neuron i by a_i > 0 ((w, b, v) -> (a w, a b, v / a)) and reorder by perm. */
function transform(net: ReluNet<Rational>, scales: Rational[], perm: number[]): ReluNet<Rational> {
  const { w, b, v, c } = shallowUnivariateParameters(net, 'transform');
  return createReluNet(QQ, [
    { W: perm.map((i) => [w[i].mul(scales[i])]), b: perm.map((i) => b[i].mul(scales[i])) },
    { W: [perm.map((i) => v[i].div(scales[i]))], b: [c] },
  ]);
}

const breakpoints = (net: ReluNet<Rational>): Rational[] => splineLens(net).groups.map((g) => g.at);
const valueAtX = (net: ReluNet<Rational>, x: Rational): Rational => evaluateWithMathjs(net, [x])[0];

describe('the spline is the function of the net', () => {
  it('agrees with an independent evaluator (mathjs Fractions) at every breakpoint, between them and beyond', () => {
    fc.assert(
      fc.property(univariateShallowNet(6), (net) => {
        const s = toSpline(net);
        // the spline's knots are among the neurons' breakpoints ...
        const bps = breakpoints(net);
        expect(s.knots.every((t) => bps.some((b) => b.eq(t)))).toBe(true);
        // ... and f is linear between breakpoints, so these points decide equality on all of R
        for (const x of decisivePoints([bps])) expect(evaluateSpline(s, x).eq(valueAtX(net, x))).toBe(true);
        expect(s.f0.eq(valueAtX(net, Rational.ZERO))).toBe(true);
        s.knots.forEach((t, k) => expect(s.values[k].eq(valueAtX(net, t))).toBe(true));
      }),
    );
  });
  it('the lens and the layer-by-layer algorithm give the same canonical spline', () => {
    fc.assert(
      fc.property(univariateShallowNet(6), (net) => {
        expect(splineToJson(splineByLayers(net))).toEqual(splineToJson(toSpline(net)));
      }),
    );
  });
  it('deep univariate nets: exact agreement at knots, midpoints and random points', () => {
    fc.assert(
      fc.property(univariateDeepNet, fc.array(smallRational, { maxLength: 4 }), (net, extra) => {
        const s = toSpline(net);
        for (const x of [...decisivePoints([s.knots]), ...extra]) expect(evaluateSpline(s, x).eq(evaluateScalar(net, [x]))).toBe(true);
        // canonical: consecutive slopes differ
        s.knots.forEach((_, k) => expect(s.slopes[k].eq(s.slopes[k + 1])).toBe(false));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the scaling quotient', () => {
  it('rescaling neurons by a > 0 and permuting them leaves the spline and the orbit representative unchanged', () => {
    fc.assert(
      fc.property(netAndScales, ([net, { scales, perm }]) => {
        const moved = transform(net, scales, perm);
        expect(splineEquals(toSpline(moved), toSpline(net))).toBe(true);
        expect(sameFunction(moved, net)).toBe(true);
        const a = orbitCanonicalNet(net);
        const b = orbitCanonicalNet(moved);
        expect(a.layers.map((l) => [l.W.rows, l.b].flat(2).map(String))).toEqual(b.layers.map((l) => [l.W.rows, l.b].flat(2).map(String)));
        expect(sameFunction(a, net)).toBe(true);
        // the representative has |w| = 1 wherever w != 0: (w, b, v) = (s, -s beta, mu)
        const lens = splineLens(a);
        for (const n of lens.neurons) if (n.orientation !== 0) expect([n.w.abs().toString(), n.v.eq(n.deltaSlope)]).toEqual(['1', true]);
      }),
    );
  });
  it('a negative scale is not a symmetry: it changes the function unless the neuron contributes nothing', () => {
    fc.assert(
      fc.property(univariateShallowNet(4), fc.nat(), (net, pick) => {
        const m = net.layers[0].W.nrows;
        const i = pick % m;
        const scales = Array.from({ length: m }, (_, j) => (j === i ? Rational.of(-1) : Rational.ONE));
        const flipped = transform(net, scales, [...Array(m).keys()]);
        const n = splineLens(net).neurons[i];
        // (w, b, v) -> (-w, -b, -v) changes the function by v relu(z) + v relu(-z) = v abs(z), z = w x + b
        const same = n.v.isZero() || (n.w.isZero() && n.b.isZero());
        expect(sameFunction(flipped, net)).toBe(same);
      }),
    );
  });
});

describe('canonical form and minimal nets', () => {
  it('is idempotent: rebuilt from its own parts, or from its minimal net, it is unchanged', () => {
    fc.assert(
      fc.property(univariateShallowNet(6), (net) => {
        const s = toSpline(net);
        expect(splineEquals(createSpline(s), s)).toBe(true);
        if (s.knots.length > 0) expect(splineEquals(splineFromPoints(s.knots, s.values, s.slopes[0], s.slopes[s.slopes.length - 1]), s)).toBe(true);
        expect(splineEquals(toSpline(fromSpline(s)), s)).toBe(true);
        expect(splineEquals(toSpline(fromSpline(toSpline(fromSpline(s)))), s)).toBe(true);
      }),
    );
  });
  it('the minimal net computes the same function, has the width of the rules, and wastes no neuron', () => {
    fc.assert(
      fc.property(univariateShallowNet(6), (net) => {
        const s = toSpline(net);
        const { c } = shallowUnivariateParameters(net, 'test');
        const m = net.layers[0].W.nrows;
        const widths = (['V2', 'V1', 'V0'] as const).map((variant) => minimalForm(s, { variant }).width);
        // mu_V2 <= mu_V1 <= mu_V0, all at most what the net spends (V0 also pays for the output bias)
        expect(widths[0]).toBeLessThanOrEqual(widths[1]);
        expect(widths[1]).toBeLessThanOrEqual(widths[2]);
        expect(widths[1]).toBeLessThanOrEqual(m);
        expect(widths[2]).toBeLessThanOrEqual(m + (c.isZero() ? 0 : 1));
        expect(minimalFormOfNet(net).width).toBe(widths[1]);
        for (const variant of ['V1', 'V0'] as const) {
          const minimal = fromSpline(s, { variant });
          expect(splineEquals(toSpline(minimal), s)).toBe(true);
          const hidden = minimal.layers.length === 1 ? 0 : minimal.layers[0].W.nrows;
          expect(hidden).toBe(minimalForm(s, { variant }).width);
          if (hidden === 0) continue;
          const lens = splineLens(minimal);
          // no dead neuron; a cancelled (kinkless) pair only when e = 2 makes the affine part
          expect(lens.neurons.some((n) => n.role === 'dead')).toBe(false);
          const cancelled = lens.neurons.filter((n) => n.role === 'cancelled');
          expect(cancelled.length).toBe(minimalForm(s, { variant }).extra === 2 ? 2 : 0);
          // no two neurons positively parallel (same breakpoint and orientation)
          const keys = lens.neurons.filter((n) => n.orientation !== 0).map((n) => `${n.breakpoint}:${n.orientation}`);
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
    );
  });
});

describe('roughness and representation cost', () => {
  it('path norm >= Savarese cost >= roughness = sum |jumps|; the minimal-cost split reaches the cost', () => {
    fc.assert(
      fc.property(univariateShallowNet(6), (net) => {
        const s = toSpline(net);
        expect(pathNorm(net).cmp(savareseCost(s))).toBeGreaterThanOrEqual(0);
        expect(savareseCost(s).cmp(roughness(s))).toBeGreaterThanOrEqual(0);
        // int |f''| computed by walking the slopes
        let tv = Rational.ZERO;
        for (let k = 1; k < s.slopes.length; k++) tv = tv.add(s.slopes[k].sub(s.slopes[k - 1]).abs());
        expect(roughness(s).eq(tv)).toBe(true);
      }),
    );
  });
});

describe('sameFunction', () => {
  it('is symmetric, and when false a witness point shows the difference', () => {
    fc.assert(
      fc.property(univariateShallowNet(3), univariateShallowNet(3), (a, b) => {
        const same = sameFunction(a, b);
        expect(sameFunction(b, a)).toBe(same);
        const d = splineDifference(toSpline(a), toSpline(b));
        expect(d === null).toBe(same);
        if (d !== null) expect(valueAtX(a, d.x).eq(valueAtX(b, d.x))).toBe(false);
      }),
    );
  });
});
