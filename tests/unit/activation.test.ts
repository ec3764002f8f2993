/**
 * The activation interface against independent sources: derivatives against central finite
 * differences, Fourier transforms against numerical quadrature (stated accuracy in each test),
 * and the quadrature itself against closed-form integrals.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, allActivations, createActivation, type Activation } from '../../src/float/activation.js';
import { integrate } from '../../src/float/quadrature.js';

const ALL: Activation[] = [...allActivations(), createActivation('leaky-relu:0.2'), createActivation('relu-power:1'), createActivation('relu-power:3')];
const POINTS = [-2.3, -1.1, -0.37, 0.21, 0.8, 1.7, 3.1];

describe('integrate (Gauss-Kronrod 7-15, adaptive)', () => {
  it('is exact on polynomials up to degree 22 on one panel', () => {
    for (let k = 0; k <= 22; k++) {
      const r = integrate((t) => t ** k, 0, 1, { maxIntervals: 1 });
      expect(Math.abs(r.value - 1 / (k + 1))).toBeLessThan(2e-16 * (k + 1));
    }
  });
  it('handles infinite ends and breakpoints, and its error estimate covers the true error', () => {
    const cases: [() => ReturnType<typeof integrate>, number][] = [
      [() => integrate((t) => Math.exp(-t * t), -Infinity, Infinity), Math.sqrt(Math.PI)],
      [() => integrate((t) => 1 / (1 + t * t), 0, Infinity), Math.PI / 2],
      [() => integrate((t) => Math.abs(t - 0.3), -1, 2, { breakpoints: [0.3] }), (1.3 * 1.3 + 1.7 * 1.7) / 2],
      [() => integrate((t) => Math.log(t), 0, 1), -1],
      [() => integrate((t) => Math.exp(t), -Infinity, 0), 1],
    ];
    for (const [run, exact] of cases) {
      const r = run();
      expect(r.converged).toBe(true);
      expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(Math.max(r.error, 1e-15));
      expect(Math.abs(r.value - exact)).toBeLessThan(1e-9);
    }
  });
  it('says when it did not converge', () => {
    const r = integrate((t) => Math.sin(1 / t) / t, 1e-9, 1, { maxIntervals: 20 });
    expect(r.converged).toBe(false);
  });
});

describe('activations: values and derivatives', () => {
  it('has every name', () => {
    expect(allActivations().map((a) => a.name)).toEqual([...ACTIVATION_NAMES]);
  });
  it.each(ALL.map((a) => [a.label, a]))('%s: derivative and second derivative against central differences (h = 1e-5, within 1e-8)', (_label, act) => {
    const h = 1e-5;
    for (const z of POINTS) {
      const d1 = (act.value(z + h) - act.value(z - h)) / (2 * h);
      const d2 = (act.derivative(z + h) - act.derivative(z - h)) / (2 * h);
      expect(Math.abs(act.derivative(z) - d1)).toBeLessThan(1e-8 * Math.max(1, Math.abs(d1)));
      expect(Math.abs(act.second(z) - d2)).toBeLessThan(1e-8 * Math.max(1, Math.abs(d2)));
    }
  });
  it.each(ALL.map((a) => [a.label, a]))('%s: the batch call agrees with value and derivative exactly', (_label, act) => {
    const z = Float64Array.from([0, ...POINTS, -0, 40, -40]);
    const h = new Float64Array(z.length + 2);
    const g = new Float64Array(z.length + 3);
    act.evaluate(z, 0, h, 2, g, 3, z.length);
    z.forEach((s, i) => {
      expect(h[2 + i]).toBe(act.value(s));
      expect(g[3 + i]).toBe(act.derivative(s));
    });
  });
  it('states the homogeneity degree, checked: sigma(a z) = a^k sigma(z)', () => {
    for (const act of ALL) {
      const k = act.homogeneity;
      const breaks = POINTS.some((z) => Math.abs(act.value(2.5 * z) - 2.5 ** (k ?? 1) * act.value(z)) > 1e-12 * Math.max(1, Math.abs(act.value(2.5 * z))));
      expect(breaks, act.label).toBe(k === null);
    }
  });
  it('knows its kink: the jump of sigma at 0 by one-sided differences', () => {
    for (const act of ALL) {
      const h = 1e-7;
      const jump = (act.value(h) - act.value(0)) / h - (act.value(0) - act.value(-h)) / h;
      expect(Math.abs(jump - act.derivativeJump), act.label).toBeLessThan(1e-5);
    }
  });
  it('has the gains PyTorch calculate_gain gives (relu, leaky relu, tanh, sigmoid) and 1/sqrt(E sigma(Z)^2) otherwise', () => {
    expect(createActivation('relu').gain).toBe(Math.SQRT2);
    expect(createActivation('leaky-relu:0.2').gain).toBeCloseTo(Math.sqrt(2 / 1.04), 15);
    expect(createActivation('tanh').gain).toBe(5 / 3);
    expect(createActivation('logistic').gain).toBe(1);
    const normal = (f: (z: number) => number): number => integrate((z) => f(z) * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI), -Infinity, Infinity, { breakpoints: [0] }).value;
    for (const label of ['relu-power:2', 'relu-power:3', 'gaussian']) {
      const act = createActivation(label);
      expect(act.gain, label).toBeCloseTo(1 / Math.sqrt(normal((z) => act.value(z) ** 2)), 10);
    }
  });
  it.each([
    ['swish', 'activation must be one of relu, leaky-relu, relu-power, tanh, logistic, gaussian, got "swish"'],
    ['tanh:2', 'tanh takes no parameter'],
    ['relu-power:2.5', 'relu-power: the power p must be an integer in 1..8'],
    ['leaky-relu:1', 'leaky-relu: the slope a must be a finite number other than 1'],
    ['leaky-relu:x', 'must be a number'],
    ['relu:1:2', 'activation must be NAME or NAME:PARAMETER'],
  ])('refuses %j', (label, message) => {
    expect(() => createActivation(label)).toThrow(message);
  });
});

describe('activations: Fourier transforms against quadrature', () => {
  const XI = [0.3, 0.9, 1.7, -1.2, 2.6];
  it('gaussian: sigma-hat by direct quadrature (within 1e-12)', () => {
    const act = createActivation('gaussian');
    for (const xi of XI) {
      const re = integrate((t) => act.value(t) * Math.cos(xi * t), -Infinity, Infinity).value;
      expect(Math.abs(re - act.fourier(xi).re)).toBeLessThan(1e-12);
      expect(act.fourier(xi).im).toBe(0);
    }
  });
  it.each(['tanh', 'logistic'])('%s: i xi sigma-hat(xi) is the transform of the integrable sigma\' (quadrature, relative 1e-9)', (label) => {
    const act = createActivation(label);
    for (const xi of XI) {
      // sigma' is even: its transform is the cosine integral, real
      const q = integrate((t) => act.derivative(t) * Math.cos(xi * t), -Infinity, Infinity, { absTol: 1e-14 }).value;
      const { re, im } = act.fourier(xi);
      expect(re).toBe(0);
      const closed = -xi * im; // i xi (i im) = -xi im
      expect(Math.abs(q - closed)).toBeLessThan(1e-9 * Math.abs(closed));
    }
  });
  it.each(['relu', 'leaky-relu:0.2', 'relu-power:2', 'relu-power:3'])(
    '%s: the Abel-damped transform int sigma(t) e^(-eps |t|) e^(-i xi t) dt, by quadrature, tends to sigma-hat(xi) at rate eps',
    (label) => {
      const act = createActivation(label);
      const xi = 1.3;
      const gap = (eps: number): number => {
        const T = 60 / eps;
        const period = (2 * Math.PI) / xi;
        const breakpoints = Array.from({ length: Math.floor(T / period) }, (_, k) => (k + 1) * period);
        const part = (g: (t: number) => number): number => {
          const opts = { breakpoints: [...breakpoints, ...breakpoints.map((b) => -b)], maxIntervals: 20000, absTol: 1e-13 };
          return integrate(g, -T, T, opts).value;
        };
        const re = part((t) => act.value(t) * Math.exp(-eps * Math.abs(t)) * Math.cos(xi * t));
        const im = part((t) => -act.value(t) * Math.exp(-eps * Math.abs(t)) * Math.sin(xi * t));
        const f = act.fourier(xi);
        return Math.hypot(re - f.re, im - f.im);
      };
      const g1 = gap(0.04);
      const g2 = gap(0.01);
      // first order in eps: four times smaller eps, about four times smaller gap
      expect(g2).toBeLessThan(0.3 * g1);
      expect(g2).toBeGreaterThan(0.2 * g1);
      expect(g2).toBeLessThan(0.05 * Math.hypot(act.fourier(xi).re, act.fourier(xi).im));
    },
  );
});
