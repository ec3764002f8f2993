/**
 * The kernel-regime spectral seminorm (src/dynamics/spectral, LITERATURE-A 5.3 [D]) against
 * independent sources:
 * - each kernel phi is the generalised inverse Fourier transform of |sigma-hat|^2 (sigma-hat from
 *   the activation interface), by quadrature of (1/pi) int_0^inf |sigma-hat|^2 (cos xi r - Taylor) d xi:
 *   equal up to a constant (a polynomial in the null space), within 1e-8;
 * - for tanh, the logistic and the Gaussian, phi is the autocorrelation int sigma(t) sigma(t + r) dt
 *   (regularised), by quadrature, within 1e-9;
 * - for ReLU the interpolant is the natural cubic spline, computed here in rationals by the
 *   classical tridiagonal system for its second derivatives, exactly, and its seminorm is
 *   int f''^2 exactly; leaky ReLU gives the same interpolant; the float path agrees to 1e-10 (points 1/4 apart over a range up to 15: the saddle system loses about 5 digits);
 * - minimality: adding centres and interpolating any values there never lowers a^T K a.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { kernelInterpolant, kernelInterpolantExact } from '../../src/dynamics/spectral/interpolant.js';
import { spectralKernel, spectralKernelExact } from '../../src/dynamics/spectral/seminorm.js';
import { allActivations, createActivation, type Activation } from '../../src/float/activation.js';
import { integrate } from '../../src/float/quadrature.js';
import { Rational } from '../../src/field/rational.js';
import { naturalCubicSpline } from '../helpers/natural-spline.js';

const ACTIVATIONS: Activation[] = [...allActivations(), createActivation('leaky-relu:0.3'), createActivation('relu-power:3')];

/** cos(u) minus its Taylor polynomial of degree < 2m, by the series where cancellation would bite. */
function cosRemainder(u: number, m: number): number {
  if (Math.abs(u) > 2) {
    let s = Math.cos(u);
    let term = 1;
    for (let j = 0; j < m; j++) {
      s -= term;
      term *= (-u * u) / ((2 * j + 1) * (2 * j + 2));
    }
    return s;
  }
  let term = 1;
  for (let j = 0; j < m; j++) term *= (-u * u) / ((2 * j + 1) * (2 * j + 2));
  let s = 0;
  for (let j = m; j < m + 40 && term !== 0; j++) {
    s += term;
    term *= (-u * u) / ((2 * j + 1) * (2 * j + 2));
  }
  return s;
}

/** (1/pi) int_0^inf |sigma-hat(xi)|^2 cosRemainder(xi r, m) d xi, with the slowly decaying polynomial tail done in closed form. */
function inverseTransform(act: Activation, r: number, m: number): number {
  const density = (xi: number): number => {
    const { re, im } = act.fourier(xi);
    return re * re + im * im;
  };
  const T = 400;
  const breakpoints = Array.from({ length: Math.floor((T * r) / (2 * Math.PI)) }, (_, k) => ((k + 1) * 2 * Math.PI) / r);
  const head = integrate((xi) => density(xi) * cosRemainder(xi * r, m), 0, T, { breakpoints, maxIntervals: 20000, absTol: 1e-13, relTol: 1e-12 });
  // beyond T: |sigma-hat|^2 = C xi^(-2q) for the ReLU family (cos part negligible: O(T^(-2q) / r)); exponentially small for the others
  let tail = 0;
  if (act.homogeneity !== null) {
    const q = act.homogeneity + 1;
    const C = density(T) * T ** (2 * q);
    let term = 1;
    for (let j = 0; j < m; j++) {
      // - (-1)^j r^(2j) / (2j)! int_T^inf xi^(2j - 2q) d xi
      tail -= (term * C * T ** (2 * j - 2 * q + 1)) / (2 * q - 2 * j - 1);
      term *= (-r * r) / ((2 * j + 1) * (2 * j + 2));
    }
  }
  return (head.value + tail) / Math.PI;
}

describe('spectral kernels: closed forms against quadrature', () => {
  it.each(ACTIVATIONS.map((a) => [a.label, a] as const))('%s: phi is the generalised inverse transform of |sigma-hat|^2 up to a constant', (_l, act) => {
    const k = spectralKernel(act);
    const m = Math.max(k.order, 1);
    const gaps = [0.4, 1.1, 2.3, 3.7].map((r) => inverseTransform(act, r, m) - k.phi(r));
    const scale = Math.max(...[0.4, 1.1, 2.3, 3.7].map((r) => Math.abs(k.phi(r))));
    for (const g of gaps) expect(Math.abs(g - gaps[0])).toBeLessThan(1e-8 * Math.max(1, scale));
    // and the constant is the one the regularisation predicts: phi(0) (0 for the ReLU family and the Gaussian with m >= 1 terms removed)
    if (act.homogeneity !== null) expect(Math.abs(gaps[0])).toBeLessThan(1e-8 * Math.max(1, scale));
  });
  it('tanh, logistic, gaussian: phi is the regularised autocorrelation int sigma(t) sigma(t + r) dt', () => {
    const tanh = spectralKernel(createActivation('tanh'));
    const logistic = createActivation('logistic');
    const gaussian = createActivation('gaussian');
    for (const r of [0.3, 1.4, 2.9]) {
      const tq = integrate((t) => Math.tanh(t) * Math.tanh(t + r) - 1, -Infinity, Infinity, { absTol: 1e-13 }).value;
      expect(Math.abs(tq - tanh.phi(r))).toBeLessThan(1e-9);
      // logistic: the even part of int (sigma(t) sigma(t + r) - 1[t > 0]) dt (its odd part r / 2 falls in the null space)
      const h = (s: number): number => integrate((t) => logistic.value(t) * logistic.value(t + s) - (t > 0 ? 1 : 0), -Infinity, Infinity, { breakpoints: [0], absTol: 1e-13 }).value;
      expect(Math.abs((h(r) + h(-r)) / 2 - spectralKernel(logistic).phi(r))).toBeLessThan(1e-9);
      expect(Math.abs((h(r) - h(-r)) / 2 - r / 2)).toBeLessThan(1e-9);
      const gq = integrate((t) => gaussian.value(t) * gaussian.value(t + r), -Infinity, Infinity).value;
      expect(Math.abs(gq - spectralKernel(gaussian).phi(r))).toBeLessThan(1e-12);
    }
  });
});

const data = fc
  .uniqueArray(fc.integer({ min: -30, max: 30 }), { minLength: 3, maxLength: 7 })
  .chain((xs) => fc.tuple(fc.constant(xs.sort((a, b) => a - b).map((k) => Rational.of(k, 4))), fc.array(fc.integer({ min: -20, max: 20 }), { minLength: xs.length, maxLength: xs.length }).map((ys) => ys.map((k) => Rational.of(k, 3)))));

describe('the ReLU spectral interpolant is the natural cubic spline', () => {
  test.prop([data], { numRuns: 40 })('exactly, at data, between and beyond; a^T Phi a = int f\'\'^2 exactly; leaky ReLU gives the same function', ([x, y]) => {
    const relu = spectralKernelExact({ name: 'relu' });
    const f = kernelInterpolantExact(x, y, relu.phi, relu.order);
    const s = naturalCubicSpline(x, y);
    const probes = [...x, x[0].sub(Rational.of(3, 2)), x[x.length - 1].add(Rational.of(5, 7)), ...x.slice(1).map((t, i) => t.add(x[i]).div(Rational.of(2))), x[0].add(Rational.of(1, 3))];
    for (const t of probes) expect(f.evaluate(t).eq(s.at(t))).toBe(true);
    expect(f.seminorm.eq(s.curvature)).toBe(true);
    const leaky = spectralKernelExact({ name: 'leaky-relu', slope: Rational.of(1, 5) });
    const g = kernelInterpolantExact(x, y, leaky.phi, leaky.order);
    for (const t of probes) expect(g.evaluate(t).eq(s.at(t))).toBe(true);
    // the float path, to 1e-10
    const xf = x.map((t) => t.toNumber());
    const ff = kernelInterpolant(xf, y.map((t) => t.toNumber()), (p, q) => spectralKernel(createActivation('relu')).phi(p - q), 2);
    for (const t of probes) expect(Math.abs(ff.evaluate(t.toNumber()) - s.at(t).toNumber())).toBeLessThan(1e-10 * Math.max(1, Math.abs(s.at(t).toNumber())));
    expect(Math.abs(ff.seminorm - s.curvature.toNumber())).toBeLessThan(1e-10 * Math.max(1, s.curvature.toNumber()));
  });
  it('relu-power:2 gives a function that is quadratic beyond the data (its null space) and C^4', () => {
    const x = [-2, -1, 0, 1, 3].map((k) => Rational.of(k));
    const y = [1, -1, 2, 0, 1].map((k) => Rational.of(k));
    const k2 = spectralKernelExact({ name: 'relu-power', power: 2 });
    const f = kernelInterpolantExact(x, y, k2.phi, k2.order);
    x.forEach((t, i) => expect(f.evaluate(t).eq(y[i])).toBe(true));
    // third differences vanish on equally spaced points beyond the hull: a quadratic there
    for (const start of [5, -9]) {
      const v = [0, 1, 2, 3].map((j) => f.evaluate(Rational.of(start + j)));
      expect(v[3].sub(v[2].mul(Rational.of(3))).add(v[1].mul(Rational.of(3))).sub(v[0]).isZero()).toBe(true);
    }
    expect(f.seminorm.sign()).toBe(1);
  });
});

describe('minimality', () => {
  test.prop([fc.constantFrom(...ACTIVATIONS), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 3 }), fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 })], { numRuns: 60 })(
    'interpolating extra values at extra centres never lowers a^T K a below the minimum',
    (act, extra, values) => {
      const x = [-2.5, -1.25, 0, 0.75, 2];
      const y = [0.3, -0.8, 0.5, 1.1, -0.4];
      const z = extra.filter((t) => x.every((s) => Math.abs(s - t) > 0.05));
      if (z.length === 0 || new Set(z.map((t) => t.toFixed(2))).size < z.length) return;
      const k = spectralKernel(act);
      const kernel = (s: number, t: number): number => k.phi(s - t);
      const f = kernelInterpolant(x, y, kernel, k.order);
      const g = kernelInterpolant([...x, ...z], [...y, ...values.slice(0, z.length)], kernel, k.order);
      expect(f.residual).toBeLessThan(1e-8);
      expect(f.seminorm).toBeGreaterThanOrEqual(0);
      expect(g.seminorm).toBeGreaterThanOrEqual(f.seminorm * (1 - 1e-8) - 1e-10);
    },
  );
});
