/**
 * Held-out nets for issue 5 (an audit as a new user would run it), with answers worked out by
 * hand in the comments, and deep univariate nets against an independent brute force
 * (tests/helpers/fdim-brute.ts: its own breakpoints, exact difference quotients, mathjs
 * Fractions).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functionalDimension } from '../../src/analyses/functional-dimension/functional-dimension.js';
import { irreducibility } from '../../src/analyses/irreducibility/irreducibility.js';
import { parseRational } from '../../src/field/parse.js';
import type { ModelVariant } from '../../src/spline/minimal.js';
import { deepNet } from '../helpers/deep.js';
import { bruteFunctionalDimension1d } from '../helpers/fdim-brute.js';
import { evaluateWithMathjs, netOf } from '../helpers/nets.js';
import { shallowNd } from '../helpers/shallow.js';

type Case = [string, ReturnType<typeof shallowNd>, Record<ModelVariant, number>];

const CASES: Case[] = [
  // relu(z) + 1/2 relu(-2z) + 0 relu(3 x1), z = x1 + 2 x2 + 1: f = |z| = 2 relu(z) - z. One kink
  // (c_H = 2), affine part -z. V1: -lin(z) is a multiple of the kink's normal, so a second neuron
  // there: 2. V0: -z is a multiple of z_H itself: 2 (relu(z) + relu(-z)). V2: 1.
  ['2-D: antiparallel pair plus a zero outer weight', shallowNd([[[1, 2], 1, 1], [[-2, -4], -2, '1/2'], [[3, 0], 0, 0]]), { V0: 2, V1: 2, V2: 1 }],
  // relu(z) - relu(-z) + relu(x3), z = x1 - x3 + 2: f = relu(x3) + x1 - x3 + 2. One kink (x3);
  // neither orientation of its neuron nor a second neuron on x3 = 0 (which adds multiples of x3)
  // removes x1 from the linear part: e = 2, so the net is irreducible in V1 despite its
  // antiparallel pair. V0: also e = 2 (the same argument with the constant). V2: 1.
  ['3-D: an antiparallel pair the affine part needs', shallowNd([[[1, 0, -1], 2, 1], [[-1, 0, 1], -2, -1], [[0, 0, 1], 0, 1]]), { V0: 3, V1: 3, V2: 1 }],
  // relu(x1 - x2) + 3 relu(2x1 - 2x2): positively parallel, 7 relu(x1 - x2) in every model.
  ['2-D: positively parallel with different scales', shallowNd([[[1, -1], 0, 1], [[2, -2], 0, 3]]), { V0: 1, V1: 1, V2: 1 }],
  // relu(x1 + x2 - x3) - relu(x1 + x2 - x3) + relu(x3) + 5 relu(-1) (w = 0, dead): f = relu(x3).
  ['3-D: a cancelling pair and a dead constant neuron', shallowNd([[[1, 1, -1], 0, 1], [[1, 1, -1], 0, -1], [[0, 0, 1], 0, 1], [[0, 0, 0], -1, 5]]), { V0: 1, V1: 1, V2: 1 }],
  // relu(x) + relu(-x) + 2 relu(x - 1) + 2 relu(1 - x) = |x| + 2|x - 1|, d = 1: kinks 0 (jump 2) and
  // 1 (jump 4), far-left slope -3: no subset of {2, 4} sums to 3, so e = 1 in V1: 3 neurons.
  // V0: affine part l = -3x + 2; l + sum_S c_H z_H over S is -3x + 2, -x + 2, x - 2 or 3x - 2:
  // never 0, never constant, and never a multiple of x (with S avoiding the kink at 0) nor of
  // x - 1 (S avoiding the kink at 1): e = 2, so the net itself (4 neurons) is minimal in V0.
  ['1-D: two antiparallel pairs', shallowNd([[[1], 0, 1], [[-1], 0, 1], [[1], -1, 2], [[-1], 1, 2]]), { V0: 4, V1: 3, V2: 2 }],
];

describe('held-out shallow nets: minimal width per variant (worked by hand)', () => {
  it.each(CASES)('%s', (_name, net, expected) => {
    for (const variant of ['V0', 'V1', 'V2'] as const) {
      const r = irreducibility(net, { variant });
      expect(r.minimalWidth, variant).toBe(expected[variant]);
      expect(r.irreducible, variant).toBe(r.width <= expected[variant]);
      if (variant === 'V2') continue;
      // The minimal net computes f: exact evaluation (mathjs) at points off every hyperplane and on some.
      for (const x of [[0, 0, 0], [1, -2, 3], ['-1/2', '7/3', '-5'], [2, 1, 1], [-3, 0, '1/7']].map((p) => p.slice(0, r.kinks.inputDim).map((t) => parseRational(String(t))))) {
        expect(evaluateWithMathjs(r.minimal, x)[0].eq(evaluateWithMathjs(net, x)[0])).toBe(true);
      }
      expect(irreducibility(r.minimal, { variant }).irreducible).toBe(true);
    }
  });

  it('says V2 once in its reason (no "V2: V2:")', () => {
    expect(irreducibility(CASES[0][1], { variant: 'V2' }).reasons.join(' ')).not.toMatch(/V2: V2:/);
  });
});

describe('held-out deep nets: functional dimension', () => {
  it('M6 in (2,2,2,1): a second-layer neuron dead on the image (-h1 - h2 - 1 < 0) loses its n_1 + 1 = 3 parameters', () => {
    // The rest is a generic (2,2,1,1) chain: 6 + 3 + 2 = 11 parameters minus 3 rescalings = 8 = (D - N_h) - 3.
    const net = deepNet([
      [[[1, 2], [-1, 1]], ['1/3', '-1/2']],
      [[[2, -1], [-1, -1]], ['1/5', -1]],
      [[[3, 7]], ['1/7']],
    ]);
    const r = functionalDimension(net);
    expect([r.parameterCount, r.upperBound, r.functionalDimension, r.hiddenDirections.length]).toEqual([15, 11, 8, 3]);
  });

  it('(2,3,1) with an antiparallel pair and a zero outer weight: 6 (the pair spans 1[z>0](x,1), 1[z<0](x,1), the constant among them) + 1 = 7 of 10', () => {
    const r = functionalDimension(shallowNd([[[1, 2], 1, 1], [[-2, -4], -2, '1/2'], [[3, 0], 0, 0]]));
    expect([r.upperBound, r.functionalDimension, r.hiddenSymmetries]).toEqual([10, 7, true]);
  });

  it('a generic (3,2,1) net reaches D - N_h = 11 - 2 = 9', () => {
    const r = functionalDimension(shallowNd([[[1, -2, 3], 1, 2], [[2, 1, -1], -1, -3]], '1/2'));
    expect([r.parameterCount, r.functionalDimension, r.hiddenSymmetries]).toEqual([11, 9, false]);
  });

  it('random univariate nets of depth 1-3 agree with the independent brute force', () => {
    const arch = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }).chain((h) => netOf([1, ...h, 1]));
    fc.assert(
      fc.property(arch, (net) => {
        // Nets with a pre-activation that vanishes identically have no functional dimension (refused).
        let r;
        try {
          r = functionalDimension(net);
        } catch {
          return;
        }
        expect(r.functionalDimension).toBe(bruteFunctionalDimension1d(net));
      }),
      { numRuns: 12 },
    );
  });
});
