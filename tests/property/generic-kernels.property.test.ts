/**
 * The generic-activation kernels (src/float/generic.ts):
 * - with ReLU they agree with the fast ReLU kernels: forward passes and the univariate gradient
 *   bit for bit, other gradients within 1e-15 of the absolute-value scale (the same sums in
 *   another order);
 * - for every activation, the gradient and the Jacobian against central differences, and the
 *   identity J^T (2 r) = grad sse between them.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { allActivations, createActivation, RELU, type Activation } from '../../src/float/activation.js';
import { denseForward, denseSseGradient, denseWorkspaceSize } from '../../src/float/dense.js';
import {
  denseForwardGeneric,
  denseJacobian,
  denseSseGradientGeneric,
  genericDenseWorkspaceSize,
  genericShallowWorkspaceSize,
  shallowForwardGeneric,
  shallowJacobian,
  shallowSseGradientGeneric,
} from '../../src/float/generic.js';
import { createObjective } from '../../src/float/objective.js';
import { createParallelObjective } from '../../src/float/parallel.js';
import { shallowForward, shallowSseGradient, shallowWorkspaceSize } from '../../src/float/shallow.js';
import { absScales, instanceOf, smallFloat, type FloatInstance } from '../helpers/float-exact.js';

const ACTIVATIONS: Activation[] = [...allActivations(), createActivation('leaky-relu:0.3'), createActivation('relu-power:3')];

const shallowInstance = (entry: fc.Arbitrary<number>): fc.Arbitrary<FloatInstance> =>
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 9 })).chain(([d, m, n]) => instanceOf([d, m, 1], n, entry));
const deepInstance = (entry: fc.Arbitrary<number>): fc.Arbitrary<FloatInstance> =>
  fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 6 }))
    .chain(([d, hidden, out, n]) => instanceOf([d, ...hidden, out], n, entry));
/** Continuous entries: pre-activations land near a kink with negligible probability. */
const continuous = fc.integer({ min: -100_000, max: 100_000 }).map((k) => 1.5 * Math.sin(1.2345 * k + 0.3));

function shallowRun(inst: FloatInstance, act: Activation, theta = inst.theta): { sse: number; grad: Float64Array } {
  const [d, m] = inst.widths;
  const grad = new Float64Array(theta.length);
  const sse = shallowSseGradientGeneric(d, m, inst.X, inst.Y, 0, inst.n, theta, 0, grad, 0, act, new Float64Array(genericShallowWorkspaceSize(m)));
  return { sse, grad };
}

function denseRun(inst: FloatInstance, act: Activation, theta = inst.theta): { sse: number; grad: Float64Array } {
  const grad = new Float64Array(theta.length);
  const sse = denseSseGradientGeneric(inst.widths, inst.X, inst.Y, 0, inst.n, theta, 0, grad, 0, act, new Float64Array(genericDenseWorkspaceSize(inst.widths)));
  return { sse, grad };
}

/** Central differences of sse along each parameter. */
function numericGradient(sse: (theta: Float64Array) => number, theta: Float64Array, h = 1e-6): Float64Array {
  return Float64Array.from(theta, (_, p) => {
    const up = Float64Array.from(theta);
    const down = Float64Array.from(theta);
    up[p] += h;
    down[p] -= h;
    return (sse(up) - sse(down)) / (2 * h);
  });
}

/** Entrywise within tol of the larger of 1 and the largest |b_i|. */
const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number): boolean => {
  const scale = Math.max(1, ...Array.from(b, Math.abs));
  return Array.from(a).every((x, i) => Math.abs(x - b[i]) <= tol * scale);
};

describe('generic kernels with ReLU agree with the fast ReLU kernels', () => {
  test.prop([shallowInstance(smallFloat)])('shallow: forward bit for bit; gradient bit for bit (d = 1) or within 1e-15 of the scale', (inst) => {
    const [d, m] = inst.widths;
    const fast = new Float64Array(inst.n);
    const generic = new Float64Array(inst.n);
    shallowForward(d, m, inst.X, 0, inst.n, inst.theta, 0, fast, 0);
    shallowForwardGeneric(d, m, inst.X, 0, inst.n, inst.theta, 0, generic, 0, RELU, new Float64Array(genericShallowWorkspaceSize(m)));
    expect(generic).toEqual(fast);
    const grad = new Float64Array(inst.theta.length);
    const sse = shallowSseGradient(d, m, inst.X, inst.Y, 0, inst.n, inst.theta, 0, grad, 0, new Float64Array(shallowWorkspaceSize(d, m)));
    const g = shallowRun(inst, RELU);
    const scale = absScales(inst).grad;
    if (d === 1) {
      expect(g.sse).toBe(sse);
      expect(g.grad).toEqual(grad);
    } else {
      expect(Math.abs(g.sse - sse)).toBeLessThanOrEqual(1e-15 * Math.abs(sse));
      grad.forEach((x, p) => expect(Math.abs(x - g.grad[p])).toBeLessThanOrEqual(1e-15 * scale[p]));
    }
  });
  test.prop([deepInstance(smallFloat)])('dense: forward bit for bit, gradient within 1e-15 of the scale', (inst) => {
    const nL = inst.widths[inst.widths.length - 1];
    const fast = new Float64Array(inst.n * nL);
    const generic = new Float64Array(inst.n * nL);
    denseForward(inst.widths, inst.X, 0, inst.n, inst.theta, 0, fast, 0, new Float64Array(denseWorkspaceSize(inst.widths)));
    denseForwardGeneric(inst.widths, inst.X, 0, inst.n, inst.theta, 0, generic, 0, RELU, new Float64Array(genericDenseWorkspaceSize(inst.widths)));
    expect(generic).toEqual(fast);
    const grad = new Float64Array(inst.theta.length);
    const sse = denseSseGradient(inst.widths, inst.X, inst.Y, 0, inst.n, inst.theta, 0, grad, 0, new Float64Array(denseWorkspaceSize(inst.widths)));
    const g = denseRun(inst, RELU);
    const scale = absScales(inst).grad;
    expect(Math.abs(g.sse - sse)).toBeLessThanOrEqual(1e-15 * Math.abs(sse));
    grad.forEach((x, p) => expect(Math.abs(x - g.grad[p])).toBeLessThanOrEqual(1e-15 * scale[p]));
  });
});

describe.each(ACTIVATIONS.map((a) => [a.label, a] as const))('generic kernels, %s', (_label, act) => {
  test.prop([shallowInstance(continuous)], { numRuns: 30 })('shallow gradient against central differences (within 1e-6)', (inst) => {
    const { grad } = shallowRun(inst, act);
    expect(close(grad, numericGradient((t) => shallowRun(inst, act, t).sse, inst.theta), 1e-6)).toBe(true);
  });
  test.prop([deepInstance(continuous)], { numRuns: 30 })('dense gradient against central differences (within 1e-6)', (inst) => {
    const { grad } = denseRun(inst, act);
    expect(close(grad, numericGradient((t) => denseRun(inst, act, t).sse, inst.theta), 1e-6)).toBe(true);
  });
  test.prop([shallowInstance(continuous)], { numRuns: 30 })('shallow Jacobian: J^T (2 r) = grad sse, and each column against central differences', (inst) => {
    const [d, m] = inst.widths;
    const P = inst.theta.length;
    const J = new Float64Array(inst.n * P);
    const work = new Float64Array(genericShallowWorkspaceSize(m));
    shallowJacobian(d, m, inst.X, 0, inst.n, inst.theta, 0, J, 0, act, work);
    const f = new Float64Array(inst.n);
    shallowForwardGeneric(d, m, inst.X, 0, inst.n, inst.theta, 0, f, 0, act, work);
    const viaJ = Float64Array.from({ length: P }, (_, p) => f.reduce((acc, fi, i) => acc + J[i * P + p] * 2 * (fi - inst.Y[i]), 0));
    expect(close(viaJ, shallowRun(inst, act).grad, 1e-12)).toBe(true);
    const fAt = (theta: Float64Array, i: number): number => {
      const out = new Float64Array(1);
      shallowForwardGeneric(d, m, inst.X, i, i + 1, theta, 0, out, 0, act, work);
      return out[0];
    };
    for (let i = 0; i < inst.n; i++) expect(close(J.subarray(i * P, (i + 1) * P), numericGradient((t) => fAt(t, i), inst.theta), 1e-6)).toBe(true);
  });
  test.prop([deepInstance(continuous)], { numRuns: 30 })('dense Jacobian: J^T (2 r) = grad sse', (inst) => {
    const P = inst.theta.length;
    const nL = inst.widths[inst.widths.length - 1];
    const J = new Float64Array(inst.n * nL * P);
    const work = new Float64Array(genericDenseWorkspaceSize(inst.widths));
    denseJacobian(inst.widths, inst.X, 0, inst.n, inst.theta, 0, J, 0, act, work);
    const f = new Float64Array(inst.n * nL);
    denseForwardGeneric(inst.widths, inst.X, 0, inst.n, inst.theta, 0, f, 0, act, work);
    const viaJ = Float64Array.from({ length: P }, (_, p) => f.reduce((acc, fi, r) => acc + J[r * P + p] * 2 * (fi - inst.Y[r]), 0));
    expect(close(viaJ, denseRun(inst, act).grad, 1e-12)).toBe(true);
  });
});

describe('objectives with an activation', () => {
  const X = Float64Array.from({ length: 40 }, (_, i) => Math.sin(i));
  const Y = Float64Array.from({ length: 40 }, (_, i) => Math.cos(3 * i));
  const theta = Float64Array.from({ length: 3 * 7 + 1 }, (_, p) => Math.sin(p + 0.5));
  it('picks the generic shallow kernel for univariate nets, refuses the sorted one, and matches the kernel it wraps', () => {
    const tanh = createActivation('tanh');
    const o = createObjective([1, 7, 1], X, Y, { activation: tanh });
    expect(o.kernel).toBe('shallow');
    expect(o.activation.label).toBe('tanh');
    const grad = new Float64Array(o.size);
    const sse = o.evaluate(theta, grad);
    const direct = shallowRun({ widths: [1, 7, 1], theta, X, Y, n: 40 }, tanh);
    expect(sse).toBe(direct.sse);
    expect(grad).toEqual(direct.grad);
    expect(() => createObjective([1, 7, 1], X, Y, { activation: tanh, kernel: 'sorted' })).toThrow('the sorted kernel is ReLU-only');
    expect(createObjective([1, 7, 1], X, Y).kernel).toBe('sorted');
  });
  it('worker threads rebuild the activation from its spec: the parallel sse and gradient match the serial ones', async () => {
    const act = createActivation('leaky-relu:0.25');
    const serial = createObjective([1, 7, 1], X, Y, { activation: act });
    const parallel = await createParallelObjective([1, 7, 1], X, Y, { activation: act, threads: 2 });
    try {
      const g1 = new Float64Array(serial.size);
      const g2 = new Float64Array(serial.size);
      const s1 = serial.evaluate(theta, g1);
      const s2 = parallel.evaluate(theta, g2);
      expect(Math.abs(s1 - s2)).toBeLessThan(1e-12 * s1);
      expect(close(g2, g1, 1e-12)).toBe(true);
    } finally {
      await parallel.close();
    }
  });
});
