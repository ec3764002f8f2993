import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkIdentifiabilityCertificate, identifiabilityCertificate, identify } from '../../src/analyses/identifiability/index.js';
import { Rational } from '../../src/field/rational.js';
import { hiddenNeuronCount } from '../../src/network/relu-net.js';
import { minimalWidth } from '../../src/spline/minimal.js';
import { sameFunction, toSpline } from '../../src/spline/to-spline.js';
import { randomCounterexample } from '../helpers/identify-random.js';
import { evaluateWithMathjs } from '../helpers/nets.js';
import { neuronFromSpline, shallow1d } from '../helpers/univariate.js';

const q = (n: number, d = 1): Rational => Rational.of(n, d);

/** Irreducible-looking nets: 1..3 neurons with breakpoints on a small grid, any orientation. */
const net = fc
  .array(fc.tuple(fc.constantFrom<1 | -1>(1, -1), fc.integer({ min: -6, max: 6 }), fc.integer({ min: -4, max: 4 }).filter((m) => m !== 0)), { minLength: 1, maxLength: 3 })
  .chain((ns) => fc.tuple(fc.constant(ns), fc.integer({ min: -3, max: 3 })))
  .map(([ns, c]) => shallow1d(ns.map(([s, beta, mu]) => neuronFromSpline(s, q(beta, 2), q(mu))), c));
const samples = fc.uniqueArray(fc.integer({ min: -16, max: 16 }), { minLength: 0, maxLength: 7 }).map((xs) => xs.map((x) => q(x, 4)));

describe('identify on random univariate nets and samples', () => {
  test.prop([net, samples, fc.integer({ min: -1, max: 1 })], { numRuns: 60 })('every counterexample checks independently; every "identifiable" survives a randomized search and its certificate re-checks', (f, xs, dw) => {
    const width = Math.max(0, hiddenNeuronCount(f) + dw);
    const r = identify(f, xs, { width });
    if (r.counterexample !== null) {
      const g = r.counterexample;
      for (const x of xs) expect(evaluateWithMathjs(g, [x])[0].eq(evaluateWithMathjs(f, [x])[0])).toBe(true);
      const at = r.differsAt!.x;
      expect(evaluateWithMathjs(g, at)[0].eq(evaluateWithMathjs(f, at)[0])).toBe(false);
      expect(minimalWidth(toSpline(g))).toBeLessThanOrEqual(width);
      expect(sameFunction(f, g)).toBe(false);
    } else {
      expect(randomCounterexample(f, xs, toSpline(f).knots, width, 150, 7)).toBeNull();
    }
    const cert = identifiabilityCertificate(f, xs.map((x) => [x]), r)!;
    expect(checkIdentifiabilityCertificate(JSON.parse(JSON.stringify(cert)))).toEqual({ valid: true, theorem: 'finite-sample-identifiability' });
  });
});
