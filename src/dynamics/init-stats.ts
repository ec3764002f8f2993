/**
 * Monte Carlo statistics of initial univariate shallow nets (1, H, 1) in spline coordinates,
 * against the closed forms of `init-laws.ts`, and how flat the initial function is as H grows
 * (LITERATURE-A 2.7: "standard initialisations give flat functions"). Everything here is float
 * and sampled: each estimate carries its standard error, and z = (estimate - closed form) / s.e.
 */
import { SeededRng } from '../core/rng.js';
import { UsageError } from '../core/errors.js';
import { checkInitOptions, initNet, type InitOptions } from './init.js';
import { shallowInitLaws } from './init-laws.js';

/** A sample mean with its standard error (sd / sqrt(n)). */
export interface Estimate {
  readonly mean: number;
  readonly standardError: number;
}

export interface LawCheck {
  readonly quantity: string;
  readonly estimate: Estimate;
  /** The closed form, or null where none is known (then no z). */
  readonly closedForm: number | null;
  readonly z: number | null;
}

export interface InitStats {
  readonly options: InitOptions;
  readonly width: number;
  readonly trials: number;
  readonly seed: number;
  readonly breakpointLaw: string;
  readonly checks: readonly LawCheck[];
}

/** Per-trial spline statistics of one (1, H, 1) net, in float. */
export interface TrialStats {
  sumMu2: number;
  sumAbsMu: number;
  /** int |f''|: |sum of mu| per distinct breakpoint, summed (coincident breakpoints merged). */
  roughness: number;
  maxAbsMu: number;
  betas: Float64Array;
  orientations: Int8Array;
}

/** Thresholds a at which P(|beta| <= a) is checked. */
export const BREAKPOINT_THRESHOLDS = [0.25, 0.5, 1, 2, 4] as const;

export function sampleTrial(options: InitOptions, width: number, rng: SeededRng): TrialStats {
  const net = initNet([1, width, 1], options, rng);
  const w = net.layers[0].W.col(0);
  const b = net.layers[0].b;
  const v = net.layers[1].W.row(0);
  const mu = w.map((wi, i) => v[i] * Math.abs(wi));
  const betas = Float64Array.from(w, (wi, i) => (wi === 0 ? NaN : -b[i] / wi));
  const order = [...betas.keys()].filter((i) => !Number.isNaN(betas[i])).sort((i, j) => betas[i] - betas[j]);
  let roughness = 0;
  for (let k = 0; k < order.length; ) {
    let jump = 0;
    let j = k;
    for (; j < order.length && betas[order[j]] === betas[order[k]]; j++) jump += mu[order[j]];
    roughness += Math.abs(jump);
    k = j;
  }
  return {
    sumMu2: mu.reduce((a, m) => a + m * m, 0),
    sumAbsMu: mu.reduce((a, m) => a + Math.abs(m), 0),
    roughness,
    maxAbsMu: mu.reduce((a, m) => Math.max(a, Math.abs(m)), 0),
    betas,
    orientations: Int8Array.from(w, (wi) => Math.sign(wi)),
  };
}

export function estimate(xs: readonly number[]): Estimate {
  const n = xs.length;
  const mean = xs.reduce((a, x) => a + x, 0) / n;
  const variance = n > 1 ? xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1) : NaN;
  return { mean, standardError: Math.sqrt(variance / n) };
}

function check(quantity: string, est: Estimate, closedForm: number | null): LawCheck {
  const z = closedForm === null ? null : est.standardError > 0 ? (est.mean - closedForm) / est.standardError : est.mean === closedForm ? 0 : null;
  return { quantity, estimate: est, closedForm, z };
}

/** A pooled proportion over n draws, its s.e. taken at the closed form p (the null hypothesis). */
function proportion(quantity: string, hits: number, n: number, p: number): LawCheck {
  const mean = hits / n;
  const standardError = Math.sqrt((p * (1 - p)) / n);
  return check(quantity, { mean, standardError }, p);
}

function checkArgs(options: InitOptions, width: number, trials: number, fn: string): void {
  checkInitOptions(options, fn);
  if (!Number.isSafeInteger(width) || width < 1) throw new UsageError(`${fn}: width must be a positive integer, got ${width}`);
  if (!Number.isSafeInteger(trials) || trials < 2) throw new UsageError(`${fn}: trials must be an integer >= 2, got ${trials}`);
}

/**
 * The empirical laws of (1, H, 1) nets drawn `trials` times, against the closed forms:
 * E[sum mu^2], E[sum |mu|], E[int |f''|] (the closed form of E[sum |mu|] when breakpoints are
 * almost surely distinct), P(|beta| <= a) and P(s = +1) pooled over all neurons.
 */
export function initStats(options: InitOptions, width: number, trials: number, seed = 0): InitStats {
  checkArgs(options, width, trials, 'initStats');
  const laws = shallowInitLaws(options, width);
  const rng = new SeededRng(seed);
  const runs = Array.from({ length: trials }, () => sampleTrial(options, width, rng));
  const n = width * trials;
  const continuousBias = laws.b.kind !== 'zero';
  const checks: LawCheck[] = [
    check('E[sum mu^2]', estimate(runs.map((r) => r.sumMu2)), laws.expectedSumMu2),
    check('E[sum |mu|]', estimate(runs.map((r) => r.sumAbsMu)), laws.expectedSumAbsMu),
    check("E[int |f''|]", estimate(runs.map((r) => r.roughness)), continuousBias ? laws.expectedSumAbsMu : null),
    check('E[max |mu|]', estimate(runs.map((r) => r.maxAbsMu)), null),
  ];
  for (const a of BREAKPOINT_THRESHOLDS) {
    const hits = runs.reduce((acc, r) => acc + r.betas.reduce((c, beta) => c + (Math.abs(beta) <= a ? 1 : 0), 0), 0);
    checks.push(proportion(`P(|beta| <= ${a})`, hits, n, laws.breakpointCdf(a)));
  }
  const right = runs.reduce((acc, r) => acc + r.orientations.reduce((c, s) => c + (s > 0 ? 1 : 0), 0), 0);
  checks.push(proportion('P(s = +1)', right, n, 0.5));
  return { options, width, trials, seed, breakpointLaw: laws.breakpointLaw, checks };
}

export interface FlatnessRow {
  readonly options: InitOptions;
  readonly width: number;
  readonly sumMu2: Estimate;
  readonly sumMu2Closed: number;
  readonly roughness: Estimate;
  /** E[sum |mu|]: the closed form of E[int |f''|] when breakpoints are a.s. distinct. */
  readonly roughnessClosed: number | null;
  readonly maxAbsMu: Estimate;
  /** E|mu| = E|v| E|w|: the typical kink. */
  readonly meanAbsMu: number;
}

/**
 * How flat the initial function is as the width grows: per width, the total squared
 * delta-slope sum mu^2, the roughness int |f''|, and the largest kink, with closed forms.
 */
export function flatnessTable(options: InitOptions, widths: readonly number[], trials: number, seed = 0): FlatnessRow[] {
  return widths.map((width) => {
    checkArgs(options, width, trials, 'flatnessTable');
    const laws = shallowInitLaws(options, width);
    const rng = new SeededRng(seed);
    const runs = Array.from({ length: trials }, () => sampleTrial(options, width, rng));
    return {
      options,
      width,
      sumMu2: estimate(runs.map((r) => r.sumMu2)),
      sumMu2Closed: laws.expectedSumMu2,
      roughness: estimate(runs.map((r) => r.roughness)),
      roughnessClosed: laws.b.kind !== 'zero' ? laws.expectedSumAbsMu : null,
      maxAbsMu: estimate(runs.map((r) => r.maxAbsMu)),
      meanAbsMu: laws.expectedSumAbsMu / width,
    };
  });
}
