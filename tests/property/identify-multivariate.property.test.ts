import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { identify } from '../../src/analyses/identifiability/index.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { createReluNet, hiddenNeuronCount } from '../../src/network/relu-net.js';
import { evaluateWithMathjs, netOf } from '../helpers/nets.js';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const point = fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: -6, max: 6 })).map(([a, b]) => [q(a, 2), q(b, 2)]);

describe('identify for input dimension 2 (a search)', () => {
  test.prop([fc.integer({ min: 1, max: 2 }).chain((m) => netOf([2, m, 1])), fc.array(point, { minLength: 1, maxLength: 7 })], { numRuns: 25 })(
    'every counterexample agrees at every sample and differs where it says (mathjs evaluation); "no counterexample" is never called a proof',
    (f, xs) => {
      const r = identify(f, xs, { maxLps: 60 });
      expect(r.complete).toBe(false);
      if (r.counterexample === null) {
        expect(r.proof).toBe(false);
        expect(r.reason).toContain('NOT a proof');
        return;
      }
      expect(r.proof).toBe(true);
      expect(hiddenNeuronCount(r.counterexample)).toBeLessThanOrEqual(r.width);
      for (const x of xs) expect(evaluateWithMathjs(r.counterexample, x)[0].eq(evaluateWithMathjs(f, x)[0])).toBe(true);
      const at = r.differsAt!.x;
      expect(evaluateWithMathjs(r.counterexample, at)[0].eq(evaluateWithMathjs(f, at)[0])).toBe(false);
    },
  );

  it('uses the spare neuron beyond the samples when the class is wider, and a neuron no sample activates', () => {
    // f = relu(x) + relu(y - 5): no sample has y > 5.
    const f = createReluNet(QQ, [{ W: [[q(1), q(0)], [q(0), q(1)]], b: [q(0), q(-5)] }, { W: [[q(1), q(1)]], b: [q(0)] }]);
    const xs = [[q(0), q(0)], [q(1), q(2)], [q(-1), q(3)], [q(2), q(-1)]];
    expect(identify(f, xs, { width: 3 }).method).toBe('spare-neuron');
    const silent = identify(f, xs);
    expect(silent.method).toBe('silent-neuron');
    expect(silent.differsAt!.x[1].cmp(q(5))).toBe(1);
  });

  it('tries each pattern tuple once: width 0 solves one LP per test point, not the same one until the budget', () => {
    // f = relu(x) - relu(y): not constant on the samples, so no width-0 net (a constant) agrees
    const f = createReluNet(QQ, [{ W: [[q(1), q(0)], [q(0), q(1)]], b: [q(0), q(0)] }, { W: [[q(1), q(-1)]], b: [q(0)] }]);
    const xs = [[q(0), q(0)], [q(1), q(2)], [q(2), q(-1)]];
    const r = identify(f, xs, { width: 0, maxLps: 2000 });
    expect(r.counterexample).toBeNull();
    // the centroid and 2 d = 4 points outside the box: one tuple (the empty one) each
    expect(r.stats).toMatchObject({ tuples: 5 });
  });

  it('refuses deep nets in dimension > 1', () => {
    const deep = createReluNet(QQ, [{ W: [[q(1), q(0)]], b: [q(0)] }, { W: [[q(1)]], b: [q(0)] }, { W: [[q(1)]], b: [q(0)] }]);
    expect(() => identify(deep, [[q(0), q(0)]])).toThrow('shallow');
  });
});

