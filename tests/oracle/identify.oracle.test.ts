import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identify } from '../../src/analyses/identifiability/index.js';
import { Rational } from '../../src/field/rational.js';
import { hiddenNeuronCount } from '../../src/network/relu-net.js';
import { bruteCounterexample } from '../helpers/identify-brute.js';
import { evaluateWithMathjs } from '../helpers/nets.js';
import { neuronFromSpline, shallow1d } from '../helpers/univariate.js';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const net = fc
  .array(fc.tuple(fc.constantFrom<1 | -1>(1, -1), fc.integer({ min: -4, max: 4 }), fc.integer({ min: -3, max: 3 }).filter((m) => m !== 0)), { minLength: 1, maxLength: 2 })
  .chain((ns) => fc.tuple(fc.constant(ns), fc.integer({ min: -2, max: 2 })))
  .map(([ns, c]) => shallow1d(ns.map(([s, beta, mu]) => neuronFromSpline(s, q(beta, 2), q(mu))), c));
const samples = fc.uniqueArray(fc.integer({ min: -8, max: 8 }), { minLength: 1, maxLength: 5 }).map((xs) => xs.map((x) => q(x, 4)));

describe('identify against brute force over neuron cells (tiny instances, width <= 2)', () => {
  it('agrees in both directions on 60 random instances, identifiable and not', () => {
    const tally = { bothNo: 0, bothYes: 0, identifyOnly: 0 };
    for (const [f, xs] of fc.sample(fc.tuple(net, samples), { numRuns: 60, seed: 11 })) {
      const r = identify(f, xs);
      const brute = bruteCounterexample(f, xs, hiddenNeuronCount(f)).net;
      if (brute !== null) {
        // The brute-force net is a counterexample found with no code of the search: identify must agree.
        for (const x of xs) expect(evaluateWithMathjs(brute, [x])[0].eq(evaluateWithMathjs(f, [x])[0])).toBe(true);
        expect(r.identifiable).toBe(false);
        tally.bothNo++;
      } else if (r.identifiable) tally.bothYes++;
      else tally.identifyOnly++; // brute force misses differences hidden between its test points
    }
    expect(tally.bothYes).toBeGreaterThanOrEqual(5);
    expect(tally.bothNo).toBeGreaterThanOrEqual(30);
    expect(tally.identifyOnly).toBeLessThanOrEqual(3);
  });
});
