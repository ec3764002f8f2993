/**
 * The lazy regime (src/dynamics/spectral/law-kernel.ts, lazy.ts) against independent sources:
 * - the infinite-width kernel of ReLU under N(0, 1) weights and biases is the arc-cosine kernel of
 *   Cho & Saul (2009), in closed form: within 1e-9;
 * - the breakpoint route (one integral against nu) and a plain double integral over (w, b) agree
 *   for ReLU and relu-power:2 under U(-1, 1) laws; tanh's nested quadrature agrees with a composite
 *   Simpson rule on a fine grid: within 1e-8;
 * - nu in closed form against its defining integral, and LITERATURE-A O9 for k = 1;
 * - the minimum-norm output weights interpolate, lie in the row space, and are what gradient
 *   descent from zero on the output weights (first layer frozen, src/dynamics) converges to;
 * - f_H approaches the kernel interpolant as the width grows.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { gradientDescent } from '../../src/dynamics/descent.js';
import { kernelInterpolant } from '../../src/dynamics/spectral/interpolant.js';
import { lawKernel, nuWeight, radonLaw, schemeLaw, type FirstLayerLaw } from '../../src/dynamics/spectral/law-kernel.js';
import { lazyFit, minimumNormOutput } from '../../src/dynamics/spectral/lazy.js';
import { createActivation } from '../../src/float/activation.js';
import { createObjective } from '../../src/float/objective.js';
import { integrate } from '../../src/float/quadrature.js';

const relu = createActivation('relu');
const PAIRS: [number, number][] = [
  [0.5, 1.2],
  [-2, 1.5],
  [-0.7, -0.7],
  [2.5, -3],
];

describe('infinite-width kernels', () => {
  it('ReLU, w and b ~ N(0, 1): the arc-cosine kernel (sigma_u sigma_v / 2 pi)(sin theta + (pi - theta) cos theta)', () => {
    const K = lawKernel(relu, schemeLaw('gaussian', 10));
    for (const [s, t] of PAIRS) {
      const su = Math.sqrt(s * s + 1);
      const sv = Math.sqrt(t * t + 1);
      const theta = Math.acos((s * t + 1) / (su * sv));
      const closed = ((su * sv) / (2 * Math.PI)) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta));
      expect(Math.abs(K(s, t) - closed)).toBeLessThan(1e-9 * closed);
    }
    expect(K.stats.converged).toBe(true);
  });
  it.each(['relu', 'relu-power:2', 'leaky-relu:0.3'])('%s, w and b ~ U(-1, 1): the breakpoint route equals the double integral over (w, b)', (label) => {
    const act = createActivation(label);
    const K = lawKernel(act, schemeLaw('pytorch', 10));
    for (const [s, t] of PAIRS) {
      const direct = integrate((w) => integrate((b) => 0.25 * act.value(w * s + b) * act.value(w * t + b), -1, 1, { breakpoints: [-w * s, -w * t], relTol: 1e-12 }).value, -1, 1, { breakpoints: [0], relTol: 1e-11 }).value;
      expect(Math.abs(K(s, t) - direct)).toBeLessThan(1e-8 * Math.abs(direct));
    }
  });
  it('tanh, w and b ~ N(0, 1): nested quadrature against a composite Simpson rule on [-9, 9]^2', () => {
    const act = createActivation('tanh');
    const K = lawKernel(act, schemeLaw('gaussian', 10));
    const N = 600;
    const h = 18 / N;
    const weight = (i: number): number => (i === 0 || i === N ? 1 : i % 2 === 1 ? 4 : 2);
    const p = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    for (const [s, t] of PAIRS.slice(0, 2)) {
      let sum = 0;
      for (let i = 0; i <= N; i++) {
        const w = -9 + i * h;
        for (let j = 0; j <= N; j++) {
          const b = -9 + j * h;
          sum += weight(i) * weight(j) * p(w) * p(b) * Math.tanh(w * s + b) * Math.tanh(w * t + b);
        }
      }
      const simpson = (sum * h * h) / 9;
      expect(Math.abs(K(s, t) - simpson)).toBeLessThan(1e-8);
    }
  });
  it('radon(B): (1 / 4B) int_{-B}^{B} of both orientations', () => {
    const K = lawKernel(relu, radonLaw(5));
    // relu(s - beta) relu(t - beta) + relu(beta - s) relu(beta - t) = (s - beta)(t - beta) outside [min, max], 0 inside
    const [s, t] = [0.5, 1.2];
    const poly = (lo: number, hi: number): number => {
      const F = (b: number): number => s * t * b - ((s + t) * b * b) / 2 + (b * b * b) / 3;
      return F(hi) - F(lo);
    };
    const exact = (poly(-5, 0.5) + poly(1.2, 5)) / 20;
    expect(Math.abs(K(s, t) - exact)).toBeLessThan(1e-12);
  });
  it('nu in closed form equals its integral; LITERATURE-A O9 for k = 1', () => {
    for (const [law, k] of [
      [schemeLaw('gaussian', 10), 1],
      [schemeLaw('gaussian', 10), 2],
      [schemeLaw('pytorch', 10), 1],
      [schemeLaw('pytorch', 10), 3],
    ] as [FirstLayerLaw, number][]) {
      if (law.kind !== 'independent') continue;
      const nu = nuWeight(law, k)!;
      const pdf = (l: typeof law.w) => (z: number): number => (l.kind === 'normal' ? Math.exp(-0.5 * (z / l.std) ** 2) / (l.std * Math.sqrt(2 * Math.PI)) : l.kind === 'uniform' && Math.abs(z) <= l.bound ? 1 / (2 * l.bound) : 0);
      for (const beta of [0, 0.4, 1.7, -6]) {
        const cuts = law.b.kind === 'uniform' && beta !== 0 ? [1 / Math.abs(beta), -1 / Math.abs(beta)] : [];
        const direct = integrate((w) => Math.abs(w) ** (2 * k + 1) * pdf(law.w)(w) * pdf(law.b)(-w * beta), law.w.kind === 'uniform' ? -1 : -Infinity, law.w.kind === 'uniform' ? 1 : Infinity, { breakpoints: [0, ...cuts], relTol: 1e-12 }).value;
        expect(Math.abs(nu(beta) - direct)).toBeLessThan(1e-10 * direct);
        if (law.w.kind === 'normal' && k === 1) expect(nu(beta)).toBeCloseTo(2 / (Math.PI * (beta * beta + 1) ** 2), 14);
      }
    }
  });
});

describe('lazy training of the output weights', () => {
  const x = [-2, -1, 0, 0.5, 2];
  const y = [0.5, -0.3, 0.2, 0.9, -0.4];
  it('the minimum-norm weights interpolate and lie in the row space of the features', () => {
    const rng = new SeededRng(3);
    const w = Float64Array.from({ length: 40 }, () => rng.nextNormal());
    const b = Float64Array.from({ length: 40 }, () => rng.nextNormal());
    for (const act of [relu, createActivation('tanh')]) {
      const { v } = minimumNormOutput(act, w, b, x, y);
      x.forEach((xn, n) => expect(Math.abs(w.reduce((s, wi, i) => s + v[i] * act.value(wi * xn + b[i]), 0) - y[n])).toBeLessThan(1e-12));
      // row space: v = Phi^T c for the c solving (Phi Phi^T) c = y (normal equations, well conditioned here)
      const Phi = x.map((xn) => Array.from(w, (wi, i) => act.value(wi * xn + b[i])));
      const G = Phi.map((r) => Phi.map((q) => r.reduce((s, a, i) => s + a * q[i], 0)));
      const c = kernelInterpolant(x, y, (s, t) => G[x.indexOf(s)][x.indexOf(t)], 0).coefficients;
      v.forEach((vi, i) => expect(Math.abs(vi - Phi.reduce((s, r, n) => s + c[n] * r[i], 0))).toBeLessThan(1e-9));
    }
  });
  it('is where gradient descent from v = 0, first layer frozen, converges', () => {
    const act = createActivation('tanh');
    const m = 30;
    const rng = new SeededRng(5);
    const fit = lazyFit(act, schemeLaw('gaussian', m), m, x, y, rng);
    const theta = new Float64Array(3 * m + 1);
    theta.set(fit.w, 0);
    theta.set(fit.b, m);
    const mask = new Float64Array(3 * m + 1);
    mask.fill(1, 2 * m, 3 * m); // v only: c stays 0
    const objective = createObjective([1, m, 1], Float64Array.from(x), Float64Array.from(y), { activation: act });
    const r = gradientDescent(objective, theta, { steps: 20000, lr: 0.01, mask });
    const gap = Math.max(...Array.from(fit.v, (v, i) => Math.abs(r.theta[2 * m + i] - v)));
    expect(r.sse).toBeLessThan(1e-12);
    expect(gap).toBeLessThan(1e-5);
  });
  it('f_H approaches the infinite-width kernel interpolant as H grows (mean over seeds, rate about 1 / sqrt H)', () => {
    const law = radonLaw(6);
    const K = lawKernel(relu, law);
    const fLaw = kernelInterpolant(x, y, K, 0);
    const grid = Array.from({ length: 41 }, (_, k) => -2 + 0.1 * k);
    const target = grid.map(fLaw.evaluate);
    const norm = Math.sqrt(target.reduce((s, v) => s + v * v, 0));
    const distance = (H: number): number => {
      let d = 0;
      for (const seed of [1, 2, 3]) {
        const f = lazyFit(relu, law, H, x, y, new SeededRng(seed));
        d += Math.sqrt(grid.reduce((s, t, i) => s + (f.evaluate(t) - target[i]) ** 2, 0)) / norm;
      }
      return d / 3;
    };
    const small = distance(40);
    const large = distance(4000);
    expect(large).toBeLessThan(small / 4);
    expect(large).toBeLessThan(0.02);
  });
});
