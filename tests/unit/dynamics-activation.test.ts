/**
 * Simulation, initialisation and records with activations other than ReLU: a descent step
 * against the gradient written out by hand, the conserved balances k v^2 - |w|^2 - b^2 of a
 * degree-k activation under the flow, the coordinates rebuilding the function, the He gain.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { coordinatesOf } from '../../src/dynamics/coordinates.js';
import { floatTheta } from '../../src/dynamics/float-net.js';
import { initNet, weightLaw } from '../../src/dynamics/init.js';
import { shallowInitLaws } from '../../src/dynamics/init-laws.js';
import { simulate } from '../../src/dynamics/simulate.js';
import { createActivation } from '../../src/float/activation.js';
import { runInMemory } from '../helpers/cli.js';

// LITERATURE-A O3's net and data: w = (2, -1), b = (-1, 3), v = (3, 1/2), c = 1/4
const X = Float64Array.from([-1, 0, 1, 2, 4]);
const Y = Float64Array.from([0, 1, 1, 0, 2]);
const THETA = Float64Array.from([2, -1, -1, 3, 3, 0.5, 0.25]);
const problem = (theta = THETA) => ({ widths: [1, 2, 1], theta, X, Y, n: 5 });

describe('simulate with an activation', () => {
  it('tanh: one descent step is theta - lr grad sse, the gradient written out by hand', async () => {
    const r = await simulate(problem(), { steps: 1, lr: 1e-3, activation: createActivation('tanh') });
    expect(r.kernel).toBe('shallow');
    expect(r.activation).toBe('tanh');
    const [w0, w1, b0, b1, v0, v1, c] = THETA;
    const grad = [0, 0, 0, 0, 0, 0, 0];
    X.forEach((x, i) => {
      const t0 = Math.tanh(w0 * x + b0);
      const t1 = Math.tanh(w1 * x + b1);
      const r2 = 2 * (c + v0 * t0 + v1 * t1 - Y[i]);
      grad[0] += r2 * v0 * (1 - t0 * t0) * x;
      grad[1] += r2 * v1 * (1 - t1 * t1) * x;
      grad[2] += r2 * v0 * (1 - t0 * t0);
      grad[3] += r2 * v1 * (1 - t1 * t1);
      grad[4] += r2 * t0;
      grad[5] += r2 * t1;
      grad[6] += r2;
    });
    Array.from(r.theta).forEach((t, p) => expect(t).toBeCloseTo(THETA[p] - 1e-3 * grad[p], 14));
    expect(Number.isNaN(r.balanceDrift)).toBe(true);
  });

  it('relu-power:2 under the flow conserves 2 v^2 - w^2 - b^2, not v^2 - w^2 - b^2; leaky-relu conserves v^2 - w^2 - b^2', async () => {
    const theta = Float64Array.from([0.7, -0.4, 0.1, 0.9, 0.3, 0.2, 0]);
    const sq = createActivation('relu-power:2');
    const r = await simulate(problem(theta), { steps: 100, lr: 1e-3, method: 'flow', activation: sq, rtol: 1e-10, atol: 1e-14 });
    const balance = (t: Float64Array, j: number, k: number): number => k * t[4 + j] ** 2 - t[j] ** 2 - t[2 + j] ** 2;
    for (const j of [0, 1]) {
      expect(Math.abs(balance(r.theta, j, 2) - balance(theta, j, 2))).toBeLessThan(1e-8);
      expect(Math.abs(balance(r.theta, j, 1) - balance(theta, j, 1))).toBeGreaterThan(1e-4);
    }
    expect(r.balanceDrift).toBeLessThan(1e-8);
    const leaky = await simulate(problem(theta), { steps: 100, lr: 1e-3, method: 'flow', activation: createActivation('leaky-relu:0.2'), rtol: 1e-10, atol: 1e-14 });
    for (const j of [0, 1]) expect(Math.abs(balance(leaky.theta, j, 1) - balance(theta, j, 1))).toBeLessThan(1e-6);
  });
});

describe('coordinates with an activation', () => {
  it('degree k: mu = v |w|^k and c + sum mu sigma(s (x - beta)) is the net', () => {
    const t = Float64Array.from([2, -0.5, 0, -1, 3, 1.5, -3, 2, 0.5, 0.25]); // m = 3: w, b, v, c
    for (const label of ['relu-power:3', 'leaky-relu:0.2']) {
      const act = createActivation(label);
      const co = coordinatesOf([1, 3, 1], t, act);
      expect(co.kind).toBe('spline');
      if (co.kind !== 'spline') return;
      const k = act.homogeneity!;
      expect(co.mu[0]).toBeCloseTo(-3 * 2 ** k, 12);
      expect(co.beta[1]).toBe(6);
      expect(co.beta[2]).toBeNull();
      for (const x of [-1.3, 0.2, 2.7]) {
        const net = t[9] + [0, 1, 2].reduce((a, j) => a + t[6 + j] * act.value(t[j] * x + t[3 + j]), 0);
        const viaCoords = co.offset + [0, 1].reduce((a, j) => a + co.mu[j] * act.value(co.s[j] * (x - co.beta[j]!)), 0);
        expect(viaCoords).toBeCloseTo(net, 12);
      }
    }
  });
  it('tanh: zero-plane coordinates rebuild each neuron as v sigma(|w| s (x - beta))', () => {
    const t = Float64Array.from([2, -0.5, -1, 3, 1.5, -3, 0.25]);
    const act = createActivation('tanh');
    const co = coordinatesOf([1, 2, 1], t, act);
    expect(co.kind).toBe('zero-plane');
    if (co.kind !== 'zero-plane') return;
    expect(co.sharpness).toEqual([2, 0.5]);
    expect(co.amplitude).toEqual([1.5, -3]);
    for (const x of [-1.3, 0.2, 2.7]) {
      const net = t[6] + [0, 1].reduce((a, j) => a + t[4 + j] * Math.tanh(t[j] * x + t[2 + j]), 0);
      const via = co.offset + [0, 1].reduce((a, j) => a + co.amplitude[j] * Math.tanh(co.sharpness[j] * co.s![j] * (x - co.beta[j]!)), 0);
      expect(via).toBeCloseTo(net, 12);
    }
  });
});

describe('initialisation with an activation', () => {
  it('he-normal and he-uniform take the gain: std gain / sqrt(fan_in), bound gain sqrt(3 / fan_in)', () => {
    const tanh = createActivation('tanh');
    expect(weightLaw({ scheme: 'he-normal', activation: tanh }, 4, 7, false)).toEqual({ kind: 'normal', std: 5 / 3 / 2 });
    expect(weightLaw({ scheme: 'he-uniform', activation: tanh }, 4, 7, false)).toEqual({ kind: 'uniform', bound: (5 / 3) * Math.sqrt(3 / 4) });
    expect(weightLaw({ scheme: 'he-normal' }, 4, 7, false)).toEqual({ kind: 'normal', std: Math.sqrt(2 / 4) });
    expect(weightLaw({ scheme: 'he-normal', activation: createActivation('relu') }, 4, 7, false).kind).toBe('normal');
    expect(weightLaw({ scheme: 'glorot-normal', activation: tanh }, 4, 7, false)).toEqual(weightLaw({ scheme: 'glorot-normal' }, 4, 7, false));
  });
  it('E[sum mu^2] = H Var(v) E|w|^2k for relu-power:2, against a Monte-Carlo estimate', () => {
    const act = createActivation('relu-power:2');
    const width = 50;
    for (const scheme of ['pytorch', 'he-normal'] as const) {
      const laws = shallowInitLaws({ scheme, activation: act }, width);
      const rng = new SeededRng(7);
      let sum = 0;
      const trials = 400;
      for (let t = 0; t < trials; t++) {
        const co = coordinatesOf([1, width, 1], floatTheta(initNet([1, width, 1], { scheme, activation: act }, rng)), act);
        if (co.kind === 'spline') sum += co.mu.reduce((a, mu) => a + mu * mu, 0);
      }
      // closed forms: pytorch w ~ U(-1, 1), v ~ U(+-1/sqrt H): H (1/(3H)) (1/5); he-normal w ~ N(0, gain^2), v ~ N(0, gain^2 / H): gain^2 3 gain^4
      const expected = scheme === 'pytorch' ? 1 / 15 : 3 * act.gain ** 6;
      expect(laws.expectedSumMu2).toBeCloseTo(expected, 12);
      expect(Math.abs(sum / trials - expected)).toBeLessThan(0.1 * expected);
    }
  });
});

describe('relu-exact simulate --activation', () => {
  const NET = JSON.stringify({ format: 'relu-net/1', layers: [{ W: [['2'], ['-1']], b: ['-1', '3'] }, { W: [['3', '1/2']], b: ['1/4'] }] });
  const DATA = JSON.stringify({ format: 'dataset/1', X: [['-1'], ['0'], ['1'], ['2'], ['4']], y: ['0', '1', '1', '0', '2'] });
  const files = { 'virtual:net.json': NET, 'virtual:data.json': DATA };
  it('runs tanh, says so, writes zero-plane records and the activation in the net meta', async () => {
    const r = await runInMemory(['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '20', '--lr', '1e-3', '--activation', 'tanh', '--out', 'virtual:t.jsonl', '--json'], files);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.exact).toBe(false);
    expect(out.activation).toBe('tanh');
    expect(out.kernel).toBe('shallow');
    expect(out.balanceDrift).toBeNull();
    expect(out.net.meta).toEqual({ activation: 'tanh' });
    const lines = r.written.get('virtual:t.jsonl')!.trim().split('\n').map((l: string) => JSON.parse(l));
    expect(lines[0].coordinates).toBe('zero-plane');
    expect(lines[0].activation).toBe('tanh');
    expect(lines[1].coordinates.kind).toBe('zero-plane');
    expect(lines[1].coordinates.beta).toEqual([0.5, 3]);
    expect(lines[1].metrics.clustering.kinks).toBeGreaterThan(0);
  });
  it('prints the degree-k balance for relu-power', async () => {
    const r = await runInMemory(['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '5', '--lr', '1e-4', '--activation', 'relu-power:2'], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('activation relu-power:2');
    expect(r.stdout).toContain('balances k v^2 - |w|^2 - b^2');
  });
  it.each([
    [['--activation', 'swish'], '--activation: activation must be one of relu, leaky-relu, relu-power, tanh, logistic, gaussian'],
    [['--activation', 'tanh', '--svg', 'virtual:a.svg'], '--svg draws ReLU splines; it cannot draw a tanh net'],
    [['--activation', 'tanh', '--kernel', 'sorted'], 'the sorted kernel is ReLU-only'],
  ])('refuses %j with exit 2', async (extra, message) => {
    const r = await runInMemory(['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '1', '--lr', '1e-3', ...extra], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
  it('refuses to run a net trained with another activation as ReLU', async () => {
    const trained = JSON.stringify({ ...JSON.parse(NET), meta: { activation: 'tanh' } });
    const r = await runInMemory(['simulate', '--net', 'virtual:n2.json', '--data', 'virtual:data.json', '--steps', '1', '--lr', '1e-3'], { ...files, 'virtual:n2.json': trained });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('was trained with activation tanh (meta.activation); pass --activation tanh');
  });
});
