/**
 * The first layer of a univariate shallow net drawn from a law, and what infinitely many such
 * neurons give in the lazy (kernel) regime: output weights trained from zero converge to the
 * minimum-norm interpolant, which as the width grows tends to the interpolant of the kernel
 *   K(s, t) = E[sigma(w s + b) sigma(w t + b)]
 * (the random-features kernel; Rahimi & Recht 2007, Williams et al. 2019 for ReLU), here by
 * nested adaptive quadrature over the law. Two laws:
 * - `radon`: w = +-1 with probability 1/2 each, beta = -b / w uniform on [-B, B]: the assumptions
 *   of LITERATURE-A 5.3 (omega uniform on the sphere S^0, beta uniform) on a window; as B grows,
 *   its interpolant tends to the spectral prediction (null spaces become free at rate 1 / B);
 * - `independent`: w and b independent from the centred laws of an initialisation scheme
 *   (init.ts, for the (1, H, 1) net: pytorch, he-*, gaussian, ...).
 * For an activation positively homogeneous of degree k, LITERATURE-A 2.8 [D] predicts the
 * penalty int (f^(k+1) / k!)^2 / nu with nu(beta) = p_beta(beta) E[|w|^2k | beta] (affine and
 * lower-degree parts free); `nuWeight` and `nuKernel` compute that prediction's ingredients.
 */
import { UsageError } from '../../core/errors.js';
import type { SeededRng } from '../../core/rng.js';
import type { Activation } from '../../float/activation.js';
import { integrate } from '../../float/quadrature.js';
import { biasLaw, sampleLaw, weightLaw, type InitScheme, type Law } from '../init.js';
import { factorial } from '../../float/special.js';

export type FirstLayerLaw =
  | { readonly kind: 'radon'; readonly name: string; readonly range: number }
  | { readonly kind: 'independent'; readonly name: string; readonly w: Law; readonly b: Law };

/** w = +-1, beta uniform on [-range, range]. */
export function radonLaw(range: number): FirstLayerLaw {
  if (!(Number.isFinite(range) && range > 0)) throw new UsageError(`radonLaw: the range must be a number > 0, got ${range}`);
  return { kind: 'radon', name: `radon(B = ${range})`, range };
}

/** The first layer of (1, H, 1) under an initialisation scheme (the He schemes with the activation's gain). */
export function schemeLaw(scheme: InitScheme, width: number, activation?: Activation): FirstLayerLaw {
  const options = { scheme, ...(activation !== undefined ? { activation } : {}) };
  const w = weightLaw(options, 1, width, false);
  const b = biasLaw(options, 1, false);
  if (w.kind === 'zero') throw new UsageError(`schemeLaw: ${scheme} gives zero weights`);
  return { kind: 'independent', name: scheme, w, b };
}

/** H neurons (w_i, b_i) from the law. */
export function sampleFirstLayer(law: FirstLayerLaw, width: number, rng: SeededRng): { w: Float64Array; b: Float64Array } {
  const w = new Float64Array(width);
  const b = new Float64Array(width);
  for (let i = 0; i < width; i++) {
    if (law.kind === 'radon') {
      const s = rng.nextFloat() < 0.5 ? -1 : 1;
      const beta = rng.nextUniform(-law.range, law.range);
      w[i] = s;
      b[i] = -s * beta;
    } else {
      w[i] = sampleLaw(law.w, rng);
      b[i] = sampleLaw(law.b, rng);
    }
  }
  return { w, b };
}

/** Density of a centred law (not for 'zero'). */
function density(law: Law): (t: number) => number {
  if (law.kind === 'uniform') return (t) => (Math.abs(t) <= law.bound ? 1 / (2 * law.bound) : 0);
  if (law.kind === 'normal') return (t) => Math.exp((-0.5 * t * t) / (law.std * law.std)) / (law.std * Math.sqrt(2 * Math.PI));
  throw new UsageError('density: the zero law has none');
}

/**
 * Integration range of a law and where to cut it first: the support, normals cut at 9 standard
 * deviations (the mass beyond is 2e-19) and pre-split at 0, +-1.5, +-3.5 and +-6 of them, so the
 * first rules already see the bell (adaptive bisection from one piece of [-9, 9] costs ten times more).
 */
function support(law: Law): { lo: number; hi: number; cuts: number[] } {
  if (law.kind === 'uniform') return { lo: -law.bound, hi: law.bound, cuts: [0] };
  if (law.kind === 'normal') return { lo: -9 * law.std, hi: 9 * law.std, cuts: [0, 1.5, -1.5, 3.5, -3.5, 6, -6].map((c) => c * law.std) };
  return { lo: 0, hi: 0, cuts: [] };
}

export interface LawKernel {
  (s: number, t: number): number;
  /** Largest error estimate of the outer quadratures so far, whether every quadrature converged, evaluations of sigma. */
  readonly stats: { maxError: number; converged: boolean; evaluations: number };
}

const INNER = { relTol: 1e-10, absTol: 1e-14, maxIntervals: 400 };
const OUTER = { relTol: 1e-9, absTol: 1e-13, maxIntervals: 400 };

/**
 * K(s, t) = E[sigma(w s + b) sigma(w t + b)] under the law, by adaptive quadrature with the kinks
 * as breakpoints. For an activation homogeneous of degree k and a law symmetric under
 * (w, b) -> (-w, -b) (every `independent` law: centred and independent), one integral over the
 * breakpoint beta = -b / w:
 *   K(s, t) = int nu(beta) (sigma(s - beta) sigma(t - beta) + sigma(beta - s) sigma(beta - t)) / 2 d beta,
 * since sigma(w x + b) = |w|^k sigma(sign(w) (x - beta)) and sign(w) is +-1 with probability 1/2
 * independently of (|w|, beta). Otherwise (smooth activations) two nested integrals, over w and then b.
 */
export function lawKernel(activation: Activation, law: FirstLayerLaw): LawKernel {
  const sg = activation.value;
  const stats = { maxError: 0, converged: true, evaluations: 0 };
  const run = (f: (t: number) => number, lo: number, hi: number, options: typeof OUTER & { breakpoints: number[] }, outer: boolean): number => {
    const r = integrate(f, lo, hi, options);
    if (outer) stats.maxError = Math.max(stats.maxError, r.error);
    stats.converged &&= r.converged;
    stats.evaluations += r.evaluations;
    return r.value;
  };
  const both = (s: number, t: number, beta: number): number => 0.5 * (sg(s - beta) * sg(t - beta) + sg(beta - s) * sg(beta - t));
  let k: (s: number, t: number) => number;
  const nu = activation.homogeneity === null ? null : nuWeight(law, activation.homogeneity);
  if (law.kind === 'radon') {
    const B = law.range;
    k = (s, t) => run((beta) => both(s, t, beta), -B, B, { ...OUTER, breakpoints: [s, t] }, true) / (2 * B);
  } else if (nu !== null) {
    const cuts = nuKinks(law);
    k = (s, t) => run((beta) => nu(beta) * both(s, t, beta), -Infinity, Infinity, { ...OUTER, breakpoints: [s, t, 0, ...cuts] }, true);
  } else {
    const { w: wl, b: bl } = law;
    const pw = density(wl);
    const sw = support(wl);
    const inner = (w: number, s: number, t: number): number => {
      if (bl.kind === 'zero') return sg(w * s) * sg(w * t);
      const pb = density(bl);
      const sb = support(bl);
      return run((b) => pb(b) * sg(w * s + b) * sg(w * t + b), sb.lo, sb.hi, { ...INNER, breakpoints: sb.cuts }, false);
    };
    k = (s, t) => run((w) => pw(w) * inner(w, s, t), sw.lo, sw.hi, { ...OUTER, breakpoints: sw.cuts }, true);
  }
  return Object.assign(k, { stats });
}

/** Where nu has kinks: |beta| = bound_b / bound_w when both laws are uniform. */
function nuKinks(law: FirstLayerLaw): number[] {
  if (law.kind !== 'independent' || law.w.kind !== 'uniform' || law.b.kind !== 'uniform') return [];
  const r = law.b.bound / law.w.bound;
  return [r, -r];
}

/**
 * nu(beta) = p_beta(beta) E[|w|^2k | beta] = int |w|^(2k+1) p_w(w) p_b(-w beta) dw (LITERATURE-A 2.8
 * for k = 1; the degree-k form is the same derivation with mu = v |w|^k). Closed forms:
 * - w ~ N(0, sw^2), b ~ N(0, sb^2): k! (2 / A)^(k+1) / (2 pi sw sb), A = 1/sw^2 + beta^2/sb^2
 *   (k = 1: 2 sw^2 g^3 / (pi (beta^2 + g^2)^2), g = sb / sw: LITERATURE-A O9);
 * - w ~ U(+-qw), b ~ U(+-qb): m^(2k+2) / (4 (k + 1) qw qb), m = min(qw, qb / |beta|);
 * - radon(B): 1 / (2B) on [-B, B];
 * other pairs by quadrature. Null for a law whose biases are all zero (every breakpoint at 0).
 */
export function nuWeight(law: FirstLayerLaw, degree: number): ((beta: number) => number) | null {
  if (law.kind === 'radon') return (beta) => (Math.abs(beta) <= law.range ? 1 / (2 * law.range) : 0);
  const { w: wl, b: bl } = law;
  if (bl.kind === 'zero') return null;
  const k = degree;
  if (wl.kind === 'normal' && bl.kind === 'normal') {
    const c = factorial(k) / (2 * Math.PI * wl.std * bl.std);
    return (beta) => c * (2 / (1 / wl.std ** 2 + (beta * beta) / bl.std ** 2)) ** (k + 1);
  }
  if (wl.kind === 'uniform' && bl.kind === 'uniform') {
    const c = 1 / (4 * (k + 1) * wl.bound * bl.bound);
    return (beta) => c * Math.min(wl.bound, bl.bound / Math.abs(beta)) ** (2 * k + 2);
  }
  const pw = density(wl);
  const pb = density(bl);
  const sw = support(wl);
  return (beta) => {
    // the bias support ends at |w| = bound_b / |beta|: a kink of the integrand
    const cuts = bl.kind === 'uniform' && beta !== 0 ? [bl.bound / Math.abs(beta), -bl.bound / Math.abs(beta)] : [];
    return integrate((w) => Math.abs(w) ** (2 * k + 1) * pw(w) * pb(-w * beta), sw.lo, sw.hi, { ...INNER, breakpoints: [...sw.cuts, ...cuts] }).value;
  };
}

/** int nu(beta) sigma(s - beta) sigma(t - beta) d beta: the kernel of the 2.8 penalty (use it with the null space of degree <= k). */
export function nuKernel(activation: Activation, law: FirstLayerLaw): ((s: number, t: number) => number) | null {
  const k = activation.homogeneity;
  if (k === null) return null;
  const nu = nuWeight(law, k);
  if (nu === null) return null;
  const sg = activation.value;
  const range = law.kind === 'radon' ? { lo: -law.range, hi: law.range } : { lo: -Infinity, hi: Infinity };
  const cuts = nuKinks(law);
  return (s, t) => integrate((beta) => nu(beta) * sg(s - beta) * sg(t - beta), range.lo, range.hi, { ...OUTER, breakpoints: [s, t, 0, ...cuts] }).value;
}
