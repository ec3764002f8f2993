/**
 * Closed forms of the laws an initialisation induces on the spline parameters of a univariate
 * shallow net (1, H, 1) (LITERATURE-A 2.7, O4; derivations below): with w, b the first layer's
 * weight and bias and v the output weight, independent and centred,
 *   mu = v |w|:  E[sum_i mu_i^2] = H Var(v) Var(w),  E[sum_i |mu_i|] = H E|v| E|w|;
 *   beta = -b / w: P(|beta| <= a) = P(|b| <= a |w|), by the pair of laws:
 *     b, w normal (sd s, sigma): Cauchy(0, s / sigma), (2/pi) atan(a sigma / s);
 *     b, w uniform (bounds p, q), r = p / q: density 1/(4r) on [-r, r] and r / (4 beta^2) outside,
 *       CDF of |beta| a / (2r) for a <= r, 1 - r / (2a) beyond (PyTorch's default: r = 1, O4);
 *     b uniform (p), w normal (sigma), c = p / (a sigma): sqrt(2/pi) (1 - e^(-c^2/2)) / c + erfc(c / sqrt 2);
 *     b normal (s), w uniform (q), k = a / (s sqrt 2): erf(k q) - (1 - e^(-k^2 q^2)) / (k q sqrt pi);
 *     b = 0: every beta is 0.
 *   The orientation s = sign(w) is +1 or -1 with probability 1/2, independent of beta.
 * The last two rows are the toolkit's own (E over |w| of P(|b| <= a |w|), integrated in closed form).
 * With an activation positively homogeneous of degree k (options.activation) the amplitude is
 * mu = v |w|^k: E[sum mu^2] = H Var(v) E|w|^2k, E[sum |mu|] = H E|v| E|w|^k (for activations
 * without homogeneity, k = 1: the amplitude v |w|, the largest slope a unit adds over sup |sigma'|).
 * The breakpoint law is that of the zero-planes beta = -b / w, whatever the activation.
 */
import { biasLaw, lawMeanAbs, lawVariance, weightLaw, type InitOptions, type Law } from './init.js';

export interface ShallowInitLaws {
  /** Laws of the hidden weight w, hidden bias b, and output weight v of (1, H, 1). */
  readonly w: Law;
  readonly b: Law;
  readonly v: Law;
  /** E[sum_i mu_i^2]. */
  readonly expectedSumMu2: number;
  /** E[sum_i |mu_i|] (= E[int |f''|] when breakpoints are almost surely distinct). */
  readonly expectedSumAbsMu: number;
  /** P(|beta| <= a). */
  breakpointCdf(a: number): number;
  /** The breakpoint law in words. */
  readonly breakpointLaw: string;
}

export function shallowInitLaws(options: InitOptions, width: number): ShallowInitLaws {
  const w = weightLaw(options, 1, width, false);
  const b = biasLaw(options, 1, false);
  const v = weightLaw(options, width, 1, true);
  const k = options.activation?.homogeneity ?? 1;
  return {
    w,
    b,
    v,
    expectedSumMu2: width * lawVariance(v) * lawAbsMoment(w, 2 * k),
    expectedSumAbsMu: width * lawMeanAbs(v) * lawAbsMoment(w, k),
    breakpointCdf: (a) => ratioCdf(b, w, a),
    breakpointLaw: describeBreakpointLaw(b, w),
  };
}

/** E|X|^n of a centred law: bound^n / (n + 1) (uniform), std^n 2^(n/2) Gamma((n + 1)/2) / sqrt(pi) (normal), 0. */
export function lawAbsMoment(law: Law, n: number): number {
  if (law.kind === 'zero') return 0;
  if (law.kind === 'uniform') return law.bound ** n / (n + 1);
  // E|Z|^n = (n - 1)!! for even n, (n - 1)!! sqrt(2 / pi) for odd n
  let m = 1;
  for (let j = n - 1; j > 1; j -= 2) m *= j;
  return law.std ** n * (n % 2 === 0 ? m : m * Math.sqrt(2 / Math.PI));
}

/** P(|b| <= a |w|) for independent centred b, w (w not identically 0). */
export function ratioCdf(b: Law, w: Law, a: number): number {
  if (a < 0) return 0;
  if (b.kind === 'zero') return 1;
  if (w.kind === 'zero') throw new RangeError('ratioCdf: the weight law is 0');
  if (a === 0) return 0;
  if (b.kind === 'normal' && w.kind === 'normal') return (2 / Math.PI) * Math.atan((a * w.std) / b.std);
  if (b.kind === 'uniform' && w.kind === 'uniform') {
    const r = b.bound / w.bound;
    return a <= r ? a / (2 * r) : 1 - r / (2 * a);
  }
  if (b.kind === 'uniform' && w.kind === 'normal') {
    const c = b.bound / (a * w.std);
    return (Math.sqrt(2 / Math.PI) * -Math.expm1((-c * c) / 2)) / c + erfc(c / Math.SQRT2);
  }
  const s = (b as { std: number }).std;
  const q = (w as { bound: number }).bound;
  const kq = (a * q) / (s * Math.SQRT2);
  return erf(kq) + Math.expm1(-kq * kq) / (kq * Math.sqrt(Math.PI));
}

function describeBreakpointLaw(b: Law, w: Law): string {
  if (b.kind === 'zero') return 'every breakpoint at 0 (zero biases)';
  if (b.kind === 'normal' && w.kind === 'normal') return `Cauchy(0, ${fmt(b.std / w.std)})`;
  if (b.kind === 'uniform' && w.kind === 'uniform') {
    const r = b.bound / w.bound;
    return `density 1/(4r) on [-r, r] and r/(4 beta^2) outside, r = ${fmt(r)}`;
  }
  return 'ratio of a centred ' + b.kind + ' bias and a centred ' + w.kind + ' weight';
}

function fmt(x: number): string {
  return Number(x.toPrecision(6)).toString();
}

/** erf by its Taylor series for |x| <= 1.5, else from erfc (relative errors below 1e-14, tested). */
export function erf(x: number): number {
  if (Math.abs(x) > 1.5) return Math.sign(x) * (1 - erfc(Math.abs(x)));
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** erfc; for x > 1.5 by its continued fraction (modified Lentz), so the tail keeps its relative accuracy. */
export function erfc(x: number): number {
  if (x <= 1.5) return 1 - erf(x);
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let n = 1; n < 500; n++) {
    const an = n / 2;
    D = x + an * D;
    D = Math.abs(D) < tiny ? 1 / tiny : 1 / D;
    C = x + an / C;
    if (Math.abs(C) < tiny) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}
