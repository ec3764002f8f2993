import { describe, expect, it } from 'vitest';
import { coordinatesOf, balances } from '../../src/dynamics/coordinates.js';
import { gradientDescent } from '../../src/dynamics/descent.js';
import { exactNetOfTheta, floatProblem } from '../../src/dynamics/float-net.js';
import { gradientFlow } from '../../src/dynamics/flow.js';
import { alignment, breakpointClustering, firstLayerRank } from '../../src/dynamics/metrics.js';
import { simulate } from '../../src/dynamics/simulate.js';
import { recordLine, type TrajectoryRecord } from '../../src/dynamics/trajectory.js';
import { rationalFromFloat } from '../../src/field/float-exact.js';
import { Rational } from '../../src/field/rational.js';
import { createActivation } from '../../src/float/activation.js';
import { createObjective, defaultKernel } from '../../src/float/objective.js';
import { createParallelObjective } from '../../src/float/parallel.js';
import { singularValues } from '../../src/float/singular-values.js';
import { readDataset } from '../../src/network/json-io.js';
import { flattenParameters } from '../../src/network/parameters.js';
import { shallow1d } from '../helpers/univariate.js';
import { exactGradient } from '../helpers/float-exact.js';

// LITERATURE-A O3: w = (2, -1), b = (-1, 3), v = (3, 1/2), c = 1/4 on X = (-1, 0, 1, 2, 4), Y = (0, 1, 1, 0, 2).
const O3 = { widths: [1, 2, 1], theta: Float64Array.from([2, -1, -1, 3, 3, 0.5, 0.25]), X: Float64Array.from([-1, 0, 1, 2, 4]), Y: Float64Array.from([0, 1, 1, 0, 2]), n: 5 };

describe('gradient descent', () => {
  it('one step is theta - lr grad sse, exactly on a dyadic instance (O3, lr = 2^-10)', () => {
    const objective = createObjective(O3.widths, O3.X, O3.Y);
    const r = gradientDescent(objective, O3.theta, { steps: 1, lr: 2 ** -10 });
    const q = (x: number): Rational => rationalFromFloat(x);
    const g = exactGradient(O3.widths, Array.from(O3.theta, q), Array.from(O3.X, (x) => [q(x)]), Array.from(O3.Y, (y) => [q(y)]));
    const expected = Array.from(O3.theta, (t, p) => q(t).sub(g[p].mul(Rational.of(1, 1024))));
    expect(Array.from(r.theta, q).every((x, p) => x.eq(expected[p]))).toBe(true);
    expect(r.steps).toBe(1);
    expect(r.evaluations).toBe(2);
  });

  it('frozen parameters stay put, and a divergent run stops with diverged: true', () => {
    const objective = createObjective(O3.widths, O3.X, O3.Y);
    const mask = Float64Array.from([1, 1, 0, 0, 1, 1, 0]);
    const r = gradientDescent(objective, O3.theta, { steps: 3, lr: 1e-4, mask });
    expect([r.theta[2], r.theta[3], r.theta[6]]).toEqual([-1, 3, 0.25]);
    expect(r.theta[0]).not.toBe(2);
    const blown = gradientDescent(objective, O3.theta, { steps: 1000, lr: 1 });
    expect(blown.diverged).toBe(true);
    expect(blown.steps).toBeLessThan(1000);
  });

  it('records steps 0, K, 2K, ... and the last, at t = k lr', () => {
    const objective = createObjective(O3.widths, O3.X, O3.Y);
    const seen: [number, number][] = [];
    gradientDescent(objective, O3.theta, { steps: 10, lr: 1e-3, recordEvery: 4, onRecord: (p) => seen.push([p.step, p.t]) });
    expect(seen).toEqual([
      [0, 0],
      [4, 4e-3],
      [8, 8e-3],
      [10, 10e-3],
    ]);
  });
});

describe('gradient flow (Dormand-Prince 5(4))', () => {
  it('rejects and shortens a trial step whose stages leave the finite region, instead of calling the flow diverged', () => {
    // sse = x^2, flow x(t) = e^(-2t) > 0; the field is NaN for x < 0, where only an overshooting
    // trial stage goes
    const objective = {
      kernel: 'dense' as const,
      activation: createActivation('relu'),
      size: 1,
      n: 1,
      threads: 1,
      evaluate(theta: Float64Array, grad: Float64Array | null): number {
        const x = theta[0];
        if (grad !== null) grad[0] = x < 0 ? NaN : 2 * x;
        return x < 0 ? NaN : x * x;
      },
      close: async () => {},
    };
    // atol 1e-6: near x = 0 the steps grow until a stage overshoots (they were accepted, NaN and all)
    const r = gradientFlow(objective, Float64Array.of(1), { time: 5, atol: 1e-6 });
    expect(r.diverged).toBe(false);
    expect(r.complete).toBe(true);
    expect(r.rejected).toBeGreaterThan(0);
    expect(Math.abs(r.theta[0] - Math.exp(-10))).toBeLessThan(1e-5);
  });

  it('matches the closed form when only c moves: c(t) = c* + (c0 - c*) e^{-2 n t}', () => {
    const objective = createObjective(O3.widths, O3.X, O3.Y);
    const mask = Float64Array.from([0, 0, 0, 0, 0, 0, 1]);
    // f(x) - c is fixed; the sse is minimised in c at c* = c0 - mean(r).
    const grad = new Float64Array(7);
    objective.evaluate(O3.theta, grad);
    const meanR = grad[6] / (2 * O3.n);
    const cStar = 0.25 - meanR;
    for (const T of [0.05, 0.3]) {
      const r = gradientFlow(objective, O3.theta, { time: T, mask, rtol: 1e-10, atol: 1e-14 });
      expect(r.complete).toBe(true);
      expect(r.theta[6]).toBeCloseTo(cStar + (0.25 - cStar) * Math.exp(-2 * O3.n * T), 9);
    }
  });

  it('moves breakpoints and delta-slopes at the O3 velocities (doubled: sse = 2 L) and conserves v^2 - w^2 - b^2 = (4, -39/4)', () => {
    const objective = createObjective(O3.widths, O3.X, O3.Y);
    const h = 1e-7;
    const r = gradientFlow(objective, O3.theta, { time: h });
    const before = coordinatesOf(O3.widths, O3.theta);
    const after = coordinatesOf(O3.widths, r.theta);
    if (before.kind !== 'spline' || after.kind !== 'spline') throw new Error('expected spline coordinates');
    const rate = (a: number, b: number): number => (b - a) / h;
    expect(rate(before.beta[0]!, after.beta[0]!) / (2 * (1971 / 16))).toBeCloseTo(1, 4);
    expect(rate(before.beta[1]!, after.beta[1]!) / (2 * (-155 / 4))).toBeCloseTo(1, 4);
    expect(rate(before.mu[0], after.mu[0]) / (2 * (-4929 / 4))).toBeCloseTo(1, 4);
    expect(rate(before.mu[1], after.mu[1]) / (2 * (-179 / 8))).toBeCloseTo(1, 4);
    const delta = new Float64Array(2);
    balances(O3.widths, O3.theta, delta);
    expect(Array.from(delta)).toEqual([4, -39 / 4]);
    const long = gradientFlow(objective, O3.theta, { time: 0.01 });
    balances(O3.widths, long.theta, delta);
    expect(Math.abs(delta[0] - 4)).toBeLessThan(1e-6);
    expect(Math.abs(delta[1] + 39 / 4)).toBeLessThan(1e-6);
  });

  it('descent with a small step follows the flow (error O(lr))', () => {
    const objective = createObjective(O3.widths, O3.X, O3.Y);
    const T = 2e-3;
    const flow = gradientFlow(objective, O3.theta, { time: T, rtol: 1e-11 });
    const gap = (lr: number): number => {
      const gd = gradientDescent(objective, O3.theta, { steps: Math.round(T / lr), lr });
      return Math.max(...Array.from(gd.theta, (x, p) => Math.abs(x - flow.theta[p])));
    };
    const a = gap(T / 100);
    const b = gap(T / 1000);
    expect(b).toBeLessThan(a / 5);
  });

  it('records at the chosen times and stops at its evaluation budget', () => {
    const objective = createObjective(O3.widths, O3.X, O3.Y);
    const times: number[] = [];
    const r = gradientFlow(objective, O3.theta, { time: 0.01, recordTimes: [0.0025, 0.005, 0.0075], onRecord: (p) => times.push(p.t) });
    expect(times).toEqual([0, 0.0025, 0.005, 0.0075, 0.01]);
    expect(r.accepted).toBeGreaterThan(0);
    const cut = gradientFlow(objective, O3.theta, { time: 10, maxEvaluations: 50 });
    expect(cut.complete).toBe(false);
    expect(cut.time).toBeLessThan(10);
  });
});

describe('metrics', () => {
  it('singular values by one-sided Jacobi: a rank-1 matrix, a diagonal one, and a tiny one kept accurately', () => {
    // u v^T with |u| = 3, |v| = 5: one singular value 15
    const sv = singularValues(Float64Array.from([3 * 0.6, 3 * 0.8, 0, 0, 0, 0]), 3, 2);
    expect(sv[0]).toBeCloseTo(3, 14);
    expect(sv[1]).toBe(0);
    const d = singularValues(Float64Array.from([0, 2, 0, 1e-12, 0, 0]), 2, 3);
    expect(d[0]).toBe(2);
    expect(d[1]).toBe(1e-12);
  });

  it('rank of the first layer with its gap, alignment in degrees, breakpoint clustering', () => {
    // three neurons in R^2: two along (1, 0), one along (0, 1) with a tiny size
    const widths = [2, 3, 1];
    const theta = Float64Array.from([1, 0, 2, 0, 0, 1e-9, 0, 0, 0, 1, 1, 1, 0]);
    const rank = firstLayerRank(widths, theta);
    expect(rank.rank).toBe(1);
    expect(rank.gap).toBeCloseTo(2.23606797749979 / 1e-9, 0);
    const a = alignment(2, 3, theta);
    expect(a.significant).toBe(2);
    expect(a.maxAngle).toBe(0);
    const b = alignment(2, 3, Float64Array.from([1, 0, 0, 1, 1, 0, 0, 1, 1, -1, 1, 0]).subarray(0), 1e-3);
    expect(b.maxAngle).toBeCloseTo(90, 10);
    // univariate: breakpoints at 1 (pinned) and 1.5 (between data 1 and 2), data gap 1
    const coords = coordinatesOf([1, 2, 1], Float64Array.from([1, 2, -1, -3, 1, 1, 0]));
    if (coords.kind !== 'spline') throw new Error('expected spline coordinates');
    const c = breakpointClustering(coords, Float64Array.from([0, 1, 2]));
    expect(c).toEqual({ kinks: 2, pinned: 1, pinnedMass: 1 / 3, pinnedPoints: 1, clusters: 0, largestCluster: 1, meanDistance: 0.25, tolerance: 0.01 });
    // a kink outside the data hull does not count
    const outside = coordinatesOf([1, 2, 1], Float64Array.from([1, 1, -1, -5, 1, 1, 0]));
    if (outside.kind !== 'spline') throw new Error('expected spline coordinates');
    expect(breakpointClustering(outside, Float64Array.from([0, 1, 2])).kinks).toBe(1);
  });
});

describe('simulate', () => {
  it('streams records in spline coordinates with the metrics, and agrees with the exact start', async () => {
    const net = shallow1d([
      [2, -1, 3],
      [-1, 3, '1/2'],
    ], '1/4');
    const data = readDataset({ format: 'dataset/1', X: [['-1'], ['0'], ['1'], ['2'], ['4']], y: ['0', '1', '1', '0', '2'] });
    const lines: string[] = [];
    const records: TrajectoryRecord[] = [];
    const r = await simulate(floatProblem(net, data), { steps: 20, lr: 1e-3, recordEvery: 10, onRecord: (rec) => (records.push(rec), lines.push(recordLine(rec))) });
    expect(r.exact).toBe(false);
    expect(r.kernel).toBe('sorted');
    expect(records.map((x) => x.step)).toEqual([0, 10, 20]);
    expect(records[0].metrics.sse).toBe(7709 / 16);
    expect(records[0].coordinates).toEqual({ kind: 'spline', beta: [0.5, 3], mu: [6, 0.5], s: [1, -1], c: 0.25, offset: 0.25 });
    expect(records[2].metrics.sse).toBe(r.sse);
    expect(r.sse).toBeLessThan(7709 / 16);
    const parsed = JSON.parse(lines[1]);
    expect(parsed.metrics.clustering.kinks).toBe(2);
    expect(typeof parsed.metrics.rank.gap === 'number' || parsed.metrics.rank.gap === null).toBe(true);
    // the final net converts back exactly
    expect(flattenParameters(exactNetOfTheta(r.widths, r.theta)).map((q) => q.toNumber())).toEqual(Array.from(r.theta));
  });

  it('the flow method over the same time span, with its integrator statistics', async () => {
    const r = await simulate(O3, { steps: 100, lr: 1e-4, method: 'flow' });
    expect(r.method).toBe('flow');
    expect(r.steps).toBe(100);
    expect(r.flow!.accepted).toBeGreaterThan(0);
    expect(r.balanceDrift / r.balanceScale).toBeLessThan(1e-8);
  });
});

describe('parallel objective', () => {
  it('two threads give the serial sse and gradient up to rounding, for each kernel', async () => {
    const n = 37;
    const X = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 3);
    const Y = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 1.3));
    const theta = Float64Array.from({ length: 3 * 6 + 1 }, (_, p) => Math.sin(p * 0.7 + 0.1));
    for (const kernel of ['sorted', 'shallow', 'dense'] as const) {
      const serial = createObjective([1, 6, 1], X, Y, { kernel });
      const parallel = await createParallelObjective([1, 6, 1], X, Y, { kernel, threads: 2 });
      const g1 = new Float64Array(theta.length);
      const g2 = new Float64Array(theta.length);
      const s1 = serial.evaluate(theta, g1);
      const s2 = parallel.evaluate(theta, g2);
      expect(parallel.threads).toBe(2);
      expect(Math.abs(s1 - s2)).toBeLessThan(1e-12 * s1);
      g1.forEach((g, p) => expect(Math.abs(g - g2[p])).toBeLessThan(1e-12 * (1 + Math.abs(g))));
      expect(parallel.evaluate(theta, null)).toBeCloseTo(s1, 10);
      await parallel.close();
      expect(() => parallel.evaluate(theta, null)).toThrow(/closed/);
    }
  });
});

describe('default kernel', () => {
  it('sorted for univariate ReLU, shallow for 2 inputs and fewer than 32 neurons, the blocked dense kernel otherwise (measured), shallow for other activations', () => {
    expect(defaultKernel([1, 50, 1])).toBe('sorted');
    expect(defaultKernel([2, 16, 1])).toBe('shallow');
    expect(defaultKernel([2, 50, 1])).toBe('dense');
    expect(defaultKernel([3, 8, 1])).toBe('dense');
    expect(defaultKernel([10, 50, 1], createActivation('tanh'))).toBe('shallow');
    expect(defaultKernel([1, 50, 1], createActivation('tanh'))).toBe('shallow');
    expect(defaultKernel([2, 8, 8, 1])).toBe('dense');
    expect(defaultKernel([3, 8, 2])).toBe('dense');
  });
});
