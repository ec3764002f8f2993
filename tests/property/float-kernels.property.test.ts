/**
 * The float kernels against the exact path. Stated accuracy: on these instances every output
 * (f, sse, each gradient entry) is within 1e-12 of its absolute-value scale (absScales: the
 * same computation on |numbers| with every unit active), decided exactly with rationalFromFloat.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { rationalFromFloat } from '../../src/field/float-exact.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { denseForward, denseSseGradient, denseWorkspaceSize } from '../../src/float/dense.js';
import { shallowForward, shallowSseGradient, shallowWorkspaceSize } from '../../src/float/shallow.js';
import { sortData, sortedBoundaries, sortedForward, sortedSseGradient, sortedWorkspaceSize } from '../../src/float/sorted.js';
import { evaluate, preActivations } from '../../src/network/evaluate.js';
import { createReluNet } from '../../src/network/relu-net.js';
import { absScales, dyadic, exactGradient, exactGradientOf, exactNet, exactRows, exactSse, instanceOf, smallFloat, within, type FloatInstance } from '../helpers/float-exact.js';

const TOL = 1e-12;

/** Shallow scalar instances: d in 1..3, m in 1..6, n in 1..9 (so partial blocks of 4 occur). */
const shallowInstance = (entry: fc.Arbitrary<number>): fc.Arbitrary<FloatInstance> =>
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 9 })).chain(([d, m, n]) => instanceOf([d, m, 1], n, entry));

/** Deep instances: 1..3 hidden layers of width 1..4, 1..2 outputs. */
const deepInstance = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 7 }))
  .chain(([d, hidden, out, n]) => instanceOf([d, ...hidden, out], n, smallFloat));

/** Univariate shallow instances with ties: dyadic data, breakpoints at data points, w = 0 neurons, repeated x. */
const univariateTies = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 12 })).chain(([m, n]) =>
  fc
    .record({
      x: fc.array(dyadic(8, 1), { minLength: n, maxLength: n }),
      y: fc.array(dyadic(16, 2), { minLength: n, maxLength: n }),
      neurons: fc.array(
        fc.oneof(
          // breakpoint exactly at a data point (or anywhere dyadic): w in {+-1, +-2, +-1/2}, b = -w beta
          fc.tuple(fc.constantFrom(1, -1, 2, -2, 0.5, -0.5), dyadic(8, 1), dyadic(8, 2)).map(([w, beta, v]) => [w, -w * beta, v]),
          // w = 0: the constant v relu(b)
          fc.tuple(dyadic(4, 1), dyadic(8, 2)).map(([b, v]) => [0, b, v]),
          fc.tuple(dyadic(8, 2), dyadic(8, 2), dyadic(8, 2)),
        ),
        { minLength: m, maxLength: m },
      ),
      c: dyadic(8, 2),
    })
    .map(({ x, y, neurons, c }): FloatInstance => {
      const theta = new Float64Array(3 * m + 1);
      neurons.forEach(([w, b, v], j) => {
        theta[j] = w;
        theta[m + j] = b;
        theta[2 * m + j] = v;
      });
      theta[3 * m] = c;
      return { widths: [1, m, 1], theta, X: Float64Array.from(x), Y: Float64Array.from(y), n };
    }),
);

function checkGradient(inst: FloatInstance, grad: Float64Array, sse: number): void {
  const exact = exactGradientOf(inst);
  const scale = absScales(inst);
  exact.forEach((g, p) => expect(within(grad[p], g, scale.grad[p], TOL), `gradient entry ${p}: ${grad[p]} vs ${g.toNumber()}`).toBe(true));
  let sseScale = 0;
  scale.f.forEach((s, i) => (sseScale += (2 * s + Math.abs(inst.Y[i])) ** 2));
  expect(within(sse, exactSse(inst), sseScale, TOL)).toBe(true);
}

function shallowGradient(inst: FloatInstance): { grad: Float64Array; sse: number } {
  const [d, m] = inst.widths;
  const grad = new Float64Array(inst.theta.length);
  const sse = shallowSseGradient(d, m, inst.X, inst.Y, 0, inst.n, inst.theta, 0, grad, 0, new Float64Array(shallowWorkspaceSize(d, m)));
  return { grad, sse };
}

function denseGradient(inst: FloatInstance): { grad: Float64Array; sse: number } {
  const grad = new Float64Array(inst.theta.length);
  const sse = denseSseGradient(inst.widths, inst.X, inst.Y, 0, inst.n, inst.theta, 0, grad, 0, new Float64Array(denseWorkspaceSize(inst.widths)));
  return { grad, sse };
}

/** The sorted kernel on (unsorted) univariate data: sorts, runs, returns f in the original order. */
function sortedRun(inst: FloatInstance, hints?: Int32Array): { grad: Float64Array; sse: number; f: Float64Array; k: Int32Array; order: Int32Array; xs: Float64Array } {
  const m = inst.widths[1];
  const { n } = inst;
  const s = sortData(inst.X, inst.Y);
  const k = hints ?? new Int32Array(m);
  const grad = new Float64Array(3 * m + 1);
  const r = new Float64Array(n);
  const work = new Float64Array(sortedWorkspaceSize(n));
  const sse = sortedSseGradient(n, m, s.x, s.y, inst.theta, 0, grad, 0, k, r, work);
  const fSorted = new Float64Array(n);
  sortedForward(n, m, s.x, inst.theta, 0, k, fSorted, work);
  const f = new Float64Array(n);
  s.order.forEach((i, at) => (f[i] = fSorted[at]));
  return { grad, sse, f, k, order: s.order, xs: s.x };
}

describe('the exact gradient oracle', () => {
  // SSE is piecewise quadratic along any one parameter (f is piecewise linear in it), so inside
  // a cell the symmetric difference quotient is the derivative exactly, for any step.
  test.prop([deepInstance, fc.nat()], { numRuns: 25 })('equals exact symmetric difference quotients of the exact sse where no pre-activation is 0', (inst, pick) => {
    const net = exactNet(inst.widths, inst.theta);
    const X = exactRows(inst.X, inst.n, inst.widths[0]);
    const nL = inst.widths[inst.widths.length - 1];
    const Y = exactRows(inst.Y, inst.n, nL);
    const generic = X.every((x) => preActivations(net, x).slice(0, -1).every((z) => z.every((s) => !s.isZero())));
    fc.pre(generic);
    const thetaQ = Array.from(inst.theta, rationalFromFloat);
    const grad = exactGradient(inst.widths, thetaQ, X, Y);
    const h = Rational.of(1n, 1n << 400n);
    const sseAt = (t: Rational[]): Rational => {
      let at = 0;
      const layers = inst.widths.slice(1).map((out, k) => ({
        W: Array.from({ length: out }, () => Array.from({ length: inst.widths[k] }, () => t[at++])),
        b: Array.from({ length: out }, () => t[at++]),
      }));
      const q = createReluNet(QQ, layers);
      return X.reduce((acc, x, i) => evaluate(q, x).reduce((a, f, j) => a.add(f.sub(Y[i][j]).mul(f.sub(Y[i][j]))), acc), Rational.ZERO);
    };
    for (const p of [pick % thetaQ.length, (pick >> 3) % thetaQ.length]) {
      const plus = thetaQ.slice();
      const minus = thetaQ.slice();
      plus[p] = plus[p].add(h);
      minus[p] = minus[p].sub(h);
      const quotient = sseAt(plus).sub(sseAt(minus)).div(h.mul(Rational.of(2)));
      expect(quotient.eq(grad[p]), `parameter ${p}`).toBe(true);
    }
  });
});

describe('float kernels agree with the exact path', () => {
  test.prop([shallowInstance(smallFloat)], { numRuns: 60 })('shallow: forward, sse and gradient (any d)', (inst) => {
    const [d, m] = inst.widths;
    const net = exactNet(inst.widths, inst.theta);
    const scale = absScales(inst);
    const f = new Float64Array(inst.n);
    shallowForward(d, m, inst.X, 0, inst.n, inst.theta, 0, f, 0);
    exactRows(inst.X, inst.n, d).forEach((x, i) => expect(within(f[i], evaluate(net, x)[0], scale.f[i], TOL)).toBe(true));
    const { grad, sse } = shallowGradient(inst);
    checkGradient(inst, grad, sse);
  });

  test.prop([deepInstance], { numRuns: 60 })('dense: forward, sse and gradient (any depth, several outputs)', (inst) => {
    const net = exactNet(inst.widths, inst.theta);
    const nL = inst.widths[inst.widths.length - 1];
    const scale = absScales(inst);
    const f = new Float64Array(inst.n * nL);
    denseForward(inst.widths, inst.X, 0, inst.n, inst.theta, 0, f, 0, new Float64Array(denseWorkspaceSize(inst.widths)));
    exactRows(inst.X, inst.n, inst.widths[0]).forEach((x, i) => evaluate(net, x).forEach((v, j) => expect(within(f[i * nL + j], v, scale.f[i * nL + j], TOL)).toBe(true)));
    const { grad, sse } = denseGradient(inst);
    checkGradient(inst, grad, sse);
  });

  test.prop([fc.integer({ min: 1, max: 6 }).chain((m) => instanceOf([1, m, 1], 9, smallFloat))], { numRuns: 60 })('sorted (univariate): forward, sse and gradient', (inst) => {
    const net = exactNet(inst.widths, inst.theta);
    const scale = absScales(inst);
    const { grad, sse, f } = sortedRun(inst);
    Array.from(inst.X).forEach((x, i) => expect(within(f[i], evaluate(net, [rationalFromFloat(x)])[0], scale.f[i], TOL)).toBe(true));
    checkGradient(inst, grad, sse);
  });

  test.prop([univariateTies], { numRuns: 150 })('ties: data at breakpoints, w = 0 neurons and repeated points, relu\'(0) = 0, in all three kernels', (inst) => {
    for (const run of [shallowGradient, denseGradient, (i: FloatInstance) => sortedRun(i)]) {
      const { grad, sse } = run(inst);
      checkGradient(inst, grad, sse);
    }
  });
});

describe('the kernels agree with each other', () => {
  test.prop([univariateTies], { numRuns: 100 })('the sorted kernel decides every activation as the dense one does (boundaries are the float predicate)', (inst) => {
    const m = inst.widths[1];
    const { k, xs } = sortedRun(inst);
    for (let j = 0; j < m; j++) {
      const w = inst.theta[j];
      const b = inst.theta[m + j];
      for (let i = 0; i < inst.n; i++) {
        const active = b + w * xs[i] > 0;
        const predicted = w > 0 ? i >= k[j] : w < 0 ? i < k[j] : b > 0;
        expect(predicted, `neuron ${j} at x = ${xs[i]}`).toBe(active);
      }
    }
  });

  test.prop([univariateTies, fc.array(fc.integer({ min: -3, max: 20 }), { minLength: 7, maxLength: 7 })], { numRuns: 100 })('boundary hints do not change the result (galloping search from any start)', (inst, hints) => {
    const m = inst.widths[1];
    const fresh = sortedRun(inst);
    const hinted = sortedRun(inst, Int32Array.from({ length: m }, (_, j) => hints[j % hints.length]));
    expect(Array.from(hinted.k)).toEqual(Array.from(fresh.k));
    expect(Array.from(hinted.grad)).toEqual(Array.from(fresh.grad));
  });

  test.prop([fc.integer({ min: 1, max: 4 }).chain((m) => instanceOf([2, m, 1], 11, smallFloat)), fc.integer({ min: 0, max: 11 })], { numRuns: 40 })(
    'shards add up: the gradient over rows [0, n) is the sum over [0, s) and [s, n)',
    (inst, split) => {
      const [d, m] = inst.widths;
      const work = new Float64Array(shallowWorkspaceSize(d, m));
      const full = new Float64Array(inst.theta.length);
      const a = new Float64Array(inst.theta.length);
      const b = new Float64Array(inst.theta.length);
      const sse = shallowSseGradient(d, m, inst.X, inst.Y, 0, inst.n, inst.theta, 0, full, 0, work);
      const sa = shallowSseGradient(d, m, inst.X, inst.Y, 0, split, inst.theta, 0, a, 0, work);
      const sb = shallowSseGradient(d, m, inst.X, inst.Y, split, inst.n, inst.theta, 0, b, 0, work);
      const scale = absScales(inst);
      full.forEach((g, p) => expect(Math.abs(g - a[p] - b[p])).toBeLessThanOrEqual(TOL * scale.grad[p]));
      expect(Math.abs(sse - sa - sb)).toBeLessThanOrEqual(TOL * (1 + sse));
    },
  );
});

describe('LITERATURE-A O3 (exact flow example), as sse = 2 L', () => {
  // w = (2, -1), b = (-1, 3), v = (3, 1/2), c = 1/4; X = (-1, 0, 1, 2, 4), Y = (0, 1, 1, 0, 2).
  // From O3: L = 7709/32; dL/dc = 141/4; dL/dmu = (669/8, 55/2), dL/dbeta = (-387/2, 8), which
  // give sum_{A_i} r = (129/4, 16) and sum_{A_i} r x = (399/4, 41/2), hence the sse gradient
  // [w0, w1, b0, b1, v0, v1, c] below (all dyadic: the kernels must return them exactly).
  const inst: FloatInstance = { widths: [1, 2, 1], theta: Float64Array.from([2, -1, -1, 3, 3, 0.5, 0.25]), X: Float64Array.from([-1, 0, 1, 2, 4]), Y: Float64Array.from([0, 1, 1, 0, 2]), n: 5 };
  const expected = [1197 / 2, 41 / 2, 387 / 2, 16, 669 / 2, 55, 141 / 2];
  test.each([
    ['shallow', shallowGradient],
    ['dense', denseGradient],
    ['sorted', (i: FloatInstance) => sortedRun(i)],
  ] as const)('%s kernel', (_name, run) => {
    const { grad, sse } = run(inst);
    expect(sse).toBe(7709 / 16);
    expect(Array.from(grad)).toEqual(expected);
  });
  test('sortedBoundaries: neuron 0 active from x = 1 (index 2), neuron 1 up to x = 2 (index 4)', () => {
    const k = new Int32Array(2);
    sortedBoundaries(5, 2, inst.X, inst.theta, 0, k);
    expect(Array.from(k)).toEqual([2, 4]);
  });
});
