/**
 * Exact oracles for the float kernels: the sse and its gradient of a dense ReLU net computed in
 * rationals by backpropagation written here (sharing no code with src/float), exact difference
 * quotients of the exact sse (src/network evaluate) to check that oracle in turn, and a float
 * error scale from absolute values. Float instances enter the exact world through
 * rationalFromFloat, so the exact answers are those of the very numbers the kernels see.
 */
import fc from 'fast-check';
import { rationalFromFloat } from '../../src/field/float-exact.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { evaluate } from '../../src/network/evaluate.js';
import { createReluNet, type ReluNet } from '../../src/network/relu-net.js';

export interface FloatInstance {
  widths: number[];
  theta: Float64Array;
  X: Float64Array;
  Y: Float64Array;
  n: number;
}

/** The exact net of the float parameters theta (relu-net/1 order). */
export function exactNet(widths: readonly number[], theta: Float64Array): ReluNet<Rational> {
  let at = 0;
  const layers = widths.slice(1).map((out, k) => {
    const inn = widths[k];
    const W = Array.from({ length: out }, () => Array.from({ length: inn }, () => rationalFromFloat(theta[at++])));
    const b = Array.from({ length: out }, () => rationalFromFloat(theta[at++]));
    return { W, b };
  });
  return createReluNet(QQ, layers);
}

export function exactRows(A: Float64Array, n: number, cols: number): Rational[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: cols }, (_, k) => rationalFromFloat(A[i * cols + k])));
}

/** Exact sse, by src/network's exact evaluation. */
export function exactSse(inst: FloatInstance, theta: Float64Array = inst.theta): Rational {
  const net = exactNet(inst.widths, theta);
  const nL = inst.widths[inst.widths.length - 1];
  const X = exactRows(inst.X, inst.n, inst.widths[0]);
  const Y = exactRows(inst.Y, inst.n, nL);
  let sse = Rational.ZERO;
  X.forEach((x, i) => {
    evaluate(net, x).forEach((f, j) => {
      const r = f.sub(Y[i][j]);
      sse = sse.add(r.mul(r));
    });
  });
  return sse;
}

/**
 * Exact gradient of the sse in relu-net/1 order, backpropagation in rationals with
 * relu'(0) = 0 (a unit is active iff its pre-activation is > 0).
 */
export function exactGradient(widths: readonly number[], thetaQ: readonly Rational[], X: Rational[][], Y: Rational[][]): Rational[] {
  const L = widths.length - 1;
  const grad = thetaQ.map(() => Rational.ZERO);
  const offsets: number[] = [];
  let at = 0;
  for (let l = 1; l <= L; l++) {
    offsets.push(at);
    at += widths[l] * (widths[l - 1] + 1);
  }
  const W = (l: number, j: number, k: number): Rational => thetaQ[offsets[l - 1] + j * widths[l - 1] + k];
  const b = (l: number, j: number): Rational => thetaQ[offsets[l - 1] + widths[l] * widths[l - 1] + j];
  X.forEach((x, i) => {
    const h: Rational[][] = [x];
    const z: Rational[][] = [x];
    for (let l = 1; l <= L; l++) {
      const zl = Array.from({ length: widths[l] }, (_, j) => h[l - 1].reduce((acc, hk, k) => acc.add(W(l, j, k).mul(hk)), b(l, j)));
      z.push(zl);
      h.push(l === L ? zl : zl.map((s) => (s.sign() > 0 ? s : Rational.ZERO)));
    }
    let delta = h[L].map((f, j) => f.sub(Y[i][j]).mul(Rational.of(2)));
    for (let l = L; l >= 1; l--) {
      const base = offsets[l - 1];
      delta.forEach((dj, j) => {
        h[l - 1].forEach((hk, k) => {
          grad[base + j * widths[l - 1] + k] = grad[base + j * widths[l - 1] + k].add(dj.mul(hk));
        });
        grad[base + widths[l] * widths[l - 1] + j] = grad[base + widths[l] * widths[l - 1] + j].add(dj);
      });
      if (l > 1) delta = h[l - 1].map((_, k) => (z[l - 1][k].sign() > 0 ? delta.reduce((acc, dj, j) => acc.add(dj.mul(W(l, j, k))), Rational.ZERO) : Rational.ZERO));
    }
  });
  return grad;
}

export function exactGradientOf(inst: FloatInstance): Rational[] {
  const nL = inst.widths[inst.widths.length - 1];
  return exactGradient(inst.widths, Array.from(inst.theta, rationalFromFloat), exactRows(inst.X, inst.n, inst.widths[0]), exactRows(inst.Y, inst.n, nL));
}

/**
 * Scales for float error bounds: the forward pass and backpropagation with every number
 * replaced by its absolute value and every unit counted as active. Rounding errors of any
 * summation order of the true sums are at most (number of terms) eps times these.
 */
export function absScales(inst: FloatInstance): { f: Float64Array; grad: Float64Array } {
  const { widths, theta, X, Y, n } = inst;
  const L = widths.length - 1;
  const nL = widths[L];
  const f = new Float64Array(n * nL);
  const grad = new Float64Array(theta.length);
  for (let i = 0; i < n; i++) {
    const h: Float64Array[] = [Float64Array.from({ length: widths[0] }, (_, k) => Math.abs(X[i * widths[0] + k]))];
    let at = 0;
    const offsets: number[] = [];
    for (let l = 1; l <= L; l++) {
      offsets.push(at);
      const hl = new Float64Array(widths[l]);
      for (let j = 0; j < widths[l]; j++) {
        let s = Math.abs(theta[at + widths[l] * widths[l - 1] + j]);
        for (let k = 0; k < widths[l - 1]; k++) s += Math.abs(theta[at + j * widths[l - 1] + k]) * h[l - 1][k];
        hl[j] = s;
      }
      h.push(hl);
      at += widths[l] * (widths[l - 1] + 1);
    }
    for (let j = 0; j < nL; j++) f[i * nL + j] = h[L][j];
    let delta = Float64Array.from(h[L], (s, j) => 2 * (2 * s + Math.abs(Y[i * nL + j])));
    for (let l = L; l >= 1; l--) {
      const base = offsets[l - 1];
      const nIn = widths[l - 1];
      for (let j = 0; j < widths[l]; j++) {
        for (let k = 0; k < nIn; k++) grad[base + j * nIn + k] += delta[j] * h[l - 1][k];
        grad[base + widths[l] * nIn + j] += delta[j];
      }
      const next = new Float64Array(nIn);
      for (let k = 0; k < nIn; k++) for (let j = 0; j < widths[l]; j++) next[k] += delta[j] * Math.abs(theta[base + j * nIn + k]);
      delta = next;
    }
  }
  return { f, grad };
}

/** |float - exact| <= tol * scale, decided exactly. */
export function within(float: number, exact: Rational, scale: number, tol: number): boolean {
  const err = rationalFromFloat(float).sub(exact).abs();
  return err.cmp(rationalFromFloat(tol * scale + Number.MIN_VALUE)) <= 0;
}

/** Floats k / 2^s with small k: exactly representable, so ties can be built on purpose. */
export const dyadic = (maxNum = 16, shift = 2): fc.Arbitrary<number> => fc.integer({ min: -maxNum, max: maxNum }).map((k) => k / 2 ** shift);

/** Floats from small rationals p/q (rounded to float64: the exact oracle then uses the rounded value). */
export const smallFloat: fc.Arbitrary<number> = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 7 })).map(([p, q]) => p / q);

/** A random instance with the given widths and n points; entries from `entry`. */
export function instanceOf(widths: number[], n: number, entry: fc.Arbitrary<number>): fc.Arbitrary<FloatInstance> {
  const size = widths.slice(1).reduce((acc, out, k) => acc + out * (widths[k] + 1), 0);
  const nL = widths[widths.length - 1];
  return fc
    .tuple(fc.array(entry, { minLength: size, maxLength: size }), fc.array(entry, { minLength: n * widths[0], maxLength: n * widths[0] }), fc.array(entry, { minLength: n * nL, maxLength: n * nL }))
    .map(([t, x, y]) => ({ widths, theta: Float64Array.from(t), X: Float64Array.from(x), Y: Float64Array.from(y), n }));
}
