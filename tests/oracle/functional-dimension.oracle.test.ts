/**
 * Functional dimension against LITERATURE-A 3.5 (mechanisms M1-M5, the control, the generic
 * controls), O5 (the batches and the (1,3,1) batch ranks), O8 (the hidden-symmetry curves), and
 * the Jacobian against exact difference quotients computed with mathjs Fractions: on a fixed
 * activation pattern f is affine in each single parameter, so (f(theta + h e_t) - f(theta)) / h
 * is the partial derivative exactly for any h small enough to keep the pattern.
 */
import { describe, expect, it } from 'vitest';
import { batchFunctionalDimension, functionalDimension } from '../../src/analyses/functional-dimension/functional-dimension.js';
import { batchJacobian, jacobianAt, NonSmoothPointError } from '../../src/analyses/functional-dimension/jacobian.js';
import { scalingDirections } from '../../src/analyses/functional-dimension/scaling.js';
import { floatBatchFunctionalDimension, randomBatch } from '../../src/analyses/functional-dimension/float-path.js';
import { SeededRng } from '../../src/core/rng.js';
import { rationalFromFloat } from '../../src/field/float-exact.js';
import { QQ } from '../../src/field/qq.js';
import { parseRational } from '../../src/field/parse.js';
import { Rational } from '../../src/field/rational.js';
import { Mat } from '../../src/linalg/mat.js';
import { rank } from '../../src/linalg/operations.js';
import { activationPattern } from '../../src/network/evaluate.js';
import { flattenParameters, withParameters } from '../../src/network/parameters.js';
import type { ReluNet } from '../../src/network/relu-net.js';
import { deepNet, points1d } from '../helpers/deep.js';
import { evaluateWithMathjs } from '../helpers/nets.js';

const M: [string, ReluNet<Rational>, number, number, number][] = [
  // name, net, D, D - N_h, rank (LITERATURE-A 3.5)
  ['M1: stably active neuron', deepNet([[[[1]], [0]], [[[1]], [1]], [[[1]], [0]]]), 6, 4, 3],
  ['M2: hidden kink', deepNet([[[[1]], [0]], [[[1]], [-1]], [[[1]], [0]]]), 6, 4, 3],
  ['control: the downstream neuron bends inside the image', deepNet([[[[1]], [0]], [[[-1]], [1]], [[[1]], [0]]]), 6, 4, 4],
  ['M3: antiparallel neurons on one hyperplane', deepNet([[[[1], [-1]], [-1, 1]], [[[2, 3]], [0]]]), 7, 5, 4],
  ['M4: positively parallel neurons on one hyperplane', deepNet([[[[1], [2]], [-1, -2]], [[[2, 3]], [0]]]), 7, 5, 3],
  ['M5: zero outgoing weight', deepNet([[[[1], [-1]], [-1, 3]], [[[2, 0]], [0]]]), 7, 5, 4],
  ['generic (1,3,1)', deepNet([[[[1], [2], [3]], [-1, -1, 1]], [[[1, -2, 3]], [0]]]), 10, 7, 7],
  ['generic (2,2,1)', deepNet([[[[1, 2], [-1, 1]], [1, -1]], [[[1, -2]], [0]]]), 9, 7, 7],
  ['generic (2,3,1)', deepNet([[[[1, 2], [-1, 1], [3, -1]], [1, -1, 2]], [[[1, -2, 1]], [0]]]), 13, 10, 10],
  ['random rational (2,3,3,1)', deepNet([[[[1, 2], [-1, 1], [3, -1]], [1, -1, 2]], [[[1, -2, 1], [2, 1, -1], [-1, 1, 1]], [1, 0, -1]], [[[1, -2, 1]], ['1/2']]]), 25, 19, 19],
];

/** The O5 batches, without the points where some pre-activation is exactly 0. */
function o5Batch(net: ReluNet<Rational>): Rational[][] {
  const d = net.layers[0].W.ncols;
  const raw =
    d === 1
      ? [...[-7, -6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6, 7].map((k) => Rational.of(k, 3)), ...Array.from({ length: 60 }, (_, i) => Rational.of(i - 30, 7))].map((x) => [x])
      : Array.from({ length: 169 }, (_, t) => [Rational.of((t % 13) - 6, 3), Rational.of(Math.floor(t / 13) - 6, 4)]);
  return raw.filter((x) => jacobianAt(net, x).zeros.length === 0);
}

describe('LITERATURE-A 3.5: mechanisms and controls, exact ranks', () => {
  it.each(M)('%s', (_name, net, D, bound, expected) => {
    const r = functionalDimension(net);
    expect([r.parameterCount, r.upperBound, r.functionalDimension]).toEqual([D, bound, expected]);
    expect(r.hiddenSymmetries).toBe(expected < bound);
    expect(r.hiddenDirections.length).toBe(bound - expected);
    // the witness is a batch of that rank, and so is the O5 batch (independent: plain rank of its Jacobian)
    expect(batchFunctionalDimension(net, r.witness).batchFunctionalDimension).toBe(expected);
    expect(batchFunctionalDimension(net, o5Batch(net)).batchFunctionalDimension).toBe(expected);
    // every direction is in the kernel of the Jacobian at every point of the O5 batch
    const J = batchJacobian(net, o5Batch(net)).rows;
    for (const v of r.hiddenDirections) for (const row of J) expect(row.reduce((s, a, i) => s.add(a.mul(v[i])), Rational.ZERO).isZero()).toBe(true);
  });
  it('O5: the (1,3,1) net with breakpoints {1, 1/2, -1/3}: 8 points give 7, 4 points give 4', () => {
    const net = deepNet([[[[1], [2], [3]], [-1, -1, 1]], [[[1, -2, 3]], [0]]]);
    expect(batchFunctionalDimension(net, points1d([-2, -1, 0, '1/4', '3/5', '4/5', 2, 3])).batchFunctionalDimension).toBe(7);
    expect(batchFunctionalDimension(net, points1d([-1, 0, '3/5', 2])).batchFunctionalDimension).toBe(4);
  });
});

describe('O8: the hidden-symmetry curves are in the hidden directions and keep F', () => {
  /** t lies in the span of the hidden directions and the scaling directions. */
  const inSpan = (net: ReluNet<Rational>, vs: readonly Rational[][], t: Rational[]): boolean => {
    const scaling = scalingDirections(net).map((s) => t.map((_, i) => (s.index.includes(i) ? s.value[s.index.indexOf(i)] : Rational.ZERO)));
    const all = [...vs, ...scaling];
    return rank(Mat.fromRows(QQ, [...all, t])) === rank(Mat.fromRows(QQ, all));
  };
  it('M1: (b2, c) = (1 + t, -t)', () => {
    const net = M[0][1];
    const r = functionalDimension(net);
    // theta = (w1, b1, w2, b2, v, c)
    expect(inSpan(net, r.hiddenDirections, [0, 0, 0, 1, 0, -1].map((x) => Rational.of(x)))).toBe(true);
    const moved = withParameters(net, ['1', '0', '1', '5/2', '1', '-3/2'].map((x) => parseRational(x)));
    for (const x of points1d([-3, -1, 0, '1/2', 2, 7])) expect(evaluateWithMathjs(moved, x)[0].eq(evaluateWithMathjs(net, x)[0])).toBe(true);
  });
  it('M2: (b1, b2) = (t, -1 - t)', () => {
    const r = functionalDimension(M[1][1]);
    expect(inSpan(M[1][1], r.hiddenDirections, [0, 1, 0, -1, 0, 0].map((x) => Rational.of(x)))).toBe(true);
  });
});

describe('the Jacobian against exact difference quotients (mathjs Fractions)', () => {
  const nets = [M[9][1], M[0][1], deepNet([[[[1, -2], ['1/2', 1], [0, 3]], [1, '-1/3', 2]], [[[1, 1, -1], [2, 0, 1]], [0, 1]], [[[3, '-1/2']], [1]]])];
  it.each(nets.map((n, i) => [i, n] as const))('net %i', (_i, net) => {
    const theta = flattenParameters(net);
    const d = net.layers[0].W.ncols;
    for (const x of [[Rational.of(1, 3), Rational.of(-2)], [Rational.of(5, 2), Rational.of(9, 7)]].map((p) => p.slice(0, d))) {
      const { rows, zeros } = jacobianAt(net, x);
      expect(zeros).toEqual([]);
      const f0 = evaluateWithMathjs(net, x)[0];
      const pattern = JSON.stringify(activationPattern(net, x));
      theta.forEach((_, t) => {
        let h = Rational.of(1, 1000);
        let moved = withParameters(net, theta.map((v, s) => (s === t ? v.add(h) : v)));
        while (JSON.stringify(activationPattern(moved, x)) !== pattern) {
          h = h.div(Rational.of(1000));
          moved = withParameters(net, theta.map((v, s) => (s === t ? v.add(h) : v)));
        }
        const quotient = evaluateWithMathjs(moved, x)[0].sub(f0).div(h);
        expect(rows[0][t].eq(quotient), `parameter ${t}`).toBe(true);
      });
    }
  });
  it('refuses a point on a switching hyperplane, naming the point and the neuron; flags it on request', () => {
    const net = M[3][1];
    expect(() => batchJacobian(net, points1d([0, 1, 2]))).toThrow(NonSmoothPointError);
    expect(() => batchJacobian(net, points1d([0, 1, 2]))).toThrow(/point 1 lies on the switching hyperplane of the neuron in row 0 of layers\[0\]/);
    const flagged = batchJacobian(net, points1d([0, 1, 2]), { onZero: 'flag' });
    expect(flagged.flagged).toEqual([{ point: 1, neurons: [{ layer: 0, neuron: 0 }, { layer: 0, neuron: 1 }] }]);
    expect(flagged.rows.length).toBe(3);
  });
});

describe('a random batch can miss regions; the decisive batch does not', () => {
  it('(1,3,1) with breakpoints -100, 0, 100: N(0,1) batches give a lower rank, the decisive one 7', () => {
    const net = deepNet([[[[1], [1], [1]], [100, 0, -100]], [[[1, -2, 1]], [0]]]);
    const rng = new SeededRng(11);
    const batch = randomBatch(1, 200, 'normal', rng);
    const floatAnswer = floatBatchFunctionalDimension(net, batch);
    const exactAnswer = batchFunctionalDimension(net, batch.map((x) => x.map(rationalFromFloat)));
    expect(floatAnswer.floatRank.clear).toBe(true);
    expect(floatAnswer.batchFunctionalDimension).toBe(exactAnswer.batchFunctionalDimension);
    expect(exactAnswer.batchFunctionalDimension).toBe(4); // two regions seen, two dimensions each
    const decisive = functionalDimension(net);
    expect(decisive.functionalDimension).toBe(7);
    expect(decisive.hiddenSymmetries).toBe(false);
    // the wide batch of LITERATURE-A 7 reaches the far regions here
    expect(floatBatchFunctionalDimension(net, randomBatch(1, 200, 'wide', rng)).batchFunctionalDimension).toBe(7);
  });
});
