import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { F64 } from '../../src/field/f64.js';
import { rationalFromFloat } from '../../src/field/float-exact.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { Mat } from '../../src/linalg/mat.js';
import { activationPattern, evaluate, preActivations } from '../../src/network/evaluate.js';
import { readReluNet, writeReluNet } from '../../src/network/json-io.js';
import { flattenParameters, withParameters } from '../../src/network/parameters.js';
import { convertNet, parameterCount, widths, type ReluNet } from '../../src/network/relu-net.js';
import { evaluateWithMathjs, netWithPoints, smallRational } from '../helpers/nets.js';

const same = (a: Rational[], b: Rational[]): boolean => a.length === b.length && a.every((x, i) => x.eq(b[i]));

/** Rescale hidden neuron i of layer k: incoming weights and bias times a > 0, outgoing times 1/a. */
function rescale(net: ReluNet<Rational>, k: number, i: number, a: Rational): ReluNet<Rational> {
  const layers = net.layers.map((l, j) => {
    if (j === k) return { W: l.W.map(QQ, (x, r) => (r === i ? x.mul(a) : x)), b: l.b.map((x, r) => (r === i ? x.mul(a) : x)) };
    if (j === k + 1) return { W: l.W.map(QQ, (x, _r, c) => (c === i ? x.div(a) : x)), b: l.b };
    return l;
  });
  return { ...net, layers };
}

/** Permute the neurons of hidden layer k. */
function permute(net: ReluNet<Rational>, k: number, perm: number[]): ReluNet<Rational> {
  const layers = net.layers.map((l, j) => {
    if (j === k) return { W: Mat.fromRows(QQ, perm.map((p) => l.W.row(p))), b: perm.map((p) => l.b[p]) };
    if (j === k + 1) return { W: Mat.fromRows(QQ, l.W.rows.map((r) => perm.map((p) => r[p]))), b: l.b };
    return l;
  });
  return { ...net, layers };
}

describe('exact evaluation', () => {
  test.prop([netWithPoints], { numRuns: 60 })('agrees with an independent mathjs-Fraction evaluation on random deep nets', ([net, points]) => {
    for (const x of points) expect(same(evaluate(net, x), evaluateWithMathjs(net, x))).toBe(true);
  });

  test.prop([netWithPoints, fc.nat(), fc.nat(), smallRational])('positive rescaling of a hidden neuron leaves f unchanged', ([net, points], kk, ii, a0) => {
    const a = a0.abs().add(Rational.of(1, 7)); // > 0
    const hidden = widths(net).slice(1, -1);
    const k = kk % hidden.length;
    const scaled = rescale(net, k, ii % hidden[k], a);
    for (const x of points) expect(same(evaluate(scaled, x), evaluate(net, x))).toBe(true);
  });

  test.prop([netWithPoints, fc.nat(), fc.infiniteStream(fc.nat())])('permuting the neurons of a hidden layer leaves f unchanged', ([net, points], kk, stream) => {
    const hidden = widths(net).slice(1, -1);
    const k = kk % hidden.length;
    const perm = Array.from({ length: hidden[k] }, (_, i) => i);
    const it = stream[Symbol.iterator]();
    for (let i = perm.length - 1; i > 0; i--) {
      const j = it.next().value % (i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const p = permute(net, k, perm);
    for (const x of points) {
      expect(same(evaluate(p, x), evaluate(net, x))).toBe(true);
      // the pattern is permuted the same way
      expect(activationPattern(p, x)[k]).toEqual(perm.map((j) => activationPattern(net, x)[k][j]));
    }
  });

  test.prop([netWithPoints])('the activation pattern is the sign of each hidden pre-activation', ([net, points]) => {
    for (const x of points) {
      const z = preActivations(net, x);
      expect(activationPattern(net, x)).toEqual(z.slice(0, -1).map((layer) => layer.map((v) => v.sign())));
    }
  });
});

describe('exact and float paths agree', () => {
  test.prop([netWithPoints])('float64 evaluation is within a small relative error of the exact value', ([net, points]) => {
    const floatNet = convertNet(net, F64);
    for (const x of points) {
      const exact = evaluate(net, x)[0];
      const approx = evaluate(floatNet, x.map((v) => v.toNumber()))[0];
      // entries are small rationals (|x| <= 9) and nets are tiny: 1e-12 relative to a magnitude bound is generous
      const bound = Rational.of(1n, 10n ** 9n).mul(exact.abs().add(Rational.ONE));
      expect(rationalFromFloat(approx).sub(exact).abs().cmp(bound)).toBeLessThanOrEqual(0);
    }
  });
});

describe('round trips', () => {
  test.prop([netWithPoints])('relu-net/1 write -> read is the identity; parameters flatten and restore', ([net]) => {
    const again = readReluNet(JSON.stringify(writeReluNet(net)));
    expect(same(flattenParameters(again), flattenParameters(net))).toBe(true);
    expect(flattenParameters(net)).toHaveLength(parameterCount(net));
    expect(same(flattenParameters(withParameters(net, flattenParameters(net))), flattenParameters(net))).toBe(true);
  });
});
