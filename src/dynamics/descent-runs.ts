/**
 * Many seeded gradient-descent runs of a shallow scalar net on one data set, and how their final
 * sse compares with a certified global optimum (LITERATURE-B 8.5: the spurious-minimum story
 * made measurable).
 *
 * Each run draws its net from an initialisation scheme (seed, seed + 1, ...) and takes plain
 * fixed-step descent on sse (descent.ts). By default it runs on standardized data: each input
 * coordinate centred and scaled to unit variance, the labels centred (with an output bias) and
 * scaled. With hidden biases on, x -> (x - mu) / s is a bijection of the nets of a width, and so
 * is y -> (y - ybar) / sy with the output bias (scaling alone without it), so the optimum is the
 * same problem; only the descent's geometry (its preconditioning) changes, as in practice. The
 * final net is mapped back and its sse evaluated on the data as given.
 */
import { SeededRng } from '../core/rng.js';
import { UsageError } from '../core/errors.js';
import { createObjective } from '../float/objective.js';
import { gradientDescent } from './descent.js';
import { INIT_SCHEMES, initNet, type InitScheme } from './init.js';
import { floatTheta } from './float-net.js';

export interface DescentRunsOptions {
  /** Number of runs (seeds seed, seed + 1, ..., seed + runs - 1). */
  runs: number;
  /** Steps per run (default 20000). */
  steps?: number;
  /** Step size on sse of the (standardized) data (default 0.05 / (n max_i (1 + |x_i|^2)), x as descended). */
  lr?: number;
  /** Initialisation scheme (default 'pytorch': nn.Linear's default, biases included). */
  scheme?: InitScheme;
  /** First seed (default 1). */
  seed?: number;
  /** Descend on standardized data (default true; see the module comment). */
  standardize?: boolean;
  /** The output bias c (default true); without it c is held at 0. */
  outputBias?: boolean;
}

export interface DescentRun {
  readonly seed: number;
  /** sse of the final net on the data as given (NaN or Infinity when the run diverged). */
  readonly sse: number;
  /** |grad sse| at the final net, on the data as given: small at a smooth stationary point, not at a kink. */
  readonly gradNorm: number;
  readonly diverged: boolean;
  /** The final parameters (relu-net/1 order) for the data as given. */
  readonly theta: Float64Array;
}

export interface DescentRunsResult {
  readonly runs: DescentRun[];
  readonly steps: number;
  readonly lr: number;
  readonly scheme: InitScheme;
  readonly seed: number;
  readonly standardize: boolean;
}

/**
 * R seeded descent runs of a width-m shallow scalar net on X (n x d, row-major) and Y (n); see
 * the module comment for the standardization.
 */
export function descentRuns(X: Float64Array, Y: Float64Array, d: number, width: number, options: DescentRunsOptions): DescentRunsResult {
  const fn = 'descentRuns';
  const { runs } = options;
  const steps = options.steps ?? 20_000;
  const scheme = options.scheme ?? 'pytorch';
  const seed = options.seed ?? 1;
  const standardize = options.standardize ?? true;
  const outputBias = options.outputBias ?? true;
  if (!Number.isSafeInteger(runs) || runs < 1) throw new UsageError(`${fn}: runs must be an integer >= 1, got ${runs}`);
  if (!Number.isSafeInteger(width) || width < 1) throw new UsageError(`${fn}: width must be an integer >= 1, got ${width}`);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`${fn}: seed must be an integer, got ${seed}`);
  if (!INIT_SCHEMES.includes(scheme)) throw new UsageError(`${fn}: scheme must be one of ${INIT_SCHEMES.join(', ')}, got ${JSON.stringify(scheme)}`);
  const n = Y.length;
  if (!Number.isSafeInteger(d) || d < 1 || X.length !== n * d || n === 0) throw new UsageError(`${fn}: X must hold n x d = ${n} x ${d} numbers (n >= 1), got ${X.length}`);
  const scale = standardize ? scalingOf(X, Y, d, outputBias) : { mu: new Float64Array(d), s: new Float64Array(d).fill(1), ybar: 0, sy: 1 };
  const Xs = X.map((x, i) => (x - scale.mu[i % d]) / scale.s[i % d]);
  const Ys = Y.map((y) => (y - scale.ybar) / scale.sy);
  let maxSq = 0;
  for (let i = 0; i < n; i++) maxSq = Math.max(maxSq, Xs.subarray(i * d, i * d + d).reduce((a, x) => a + x * x, 1));
  const lr = options.lr ?? 0.05 / (n * maxSq);
  const widths = [d, width, 1];
  const descended = createObjective(widths, Xs, Ys);
  const given = createObjective(widths, X, Y);
  const mask = outputBias ? undefined : new Float64Array(descended.size).fill(1);
  mask?.fill(0, descended.size - 1);
  const grad = new Float64Array(given.size);
  const out: DescentRun[] = [];
  for (let r = 0; r < runs; r++) {
    const theta0 = floatTheta(initNet(widths, { scheme }, new SeededRng(seed + r)));
    if (!outputBias) theta0[theta0.length - 1] = 0;
    const result = gradientDescent(descended, theta0, { steps, lr, mask });
    const theta = unstandardize(result.theta, d, width, scale);
    const sse = given.evaluate(theta, grad);
    out.push({ seed: seed + r, sse, gradNorm: Math.hypot(...grad), diverged: !Number.isFinite(sse), theta });
  }
  return { runs: out, steps, lr, scheme, seed, standardize };
}

interface Scaling {
  mu: Float64Array;
  s: Float64Array;
  ybar: number;
  sy: number;
}

/** Per-coordinate mean and standard deviation (1 for a constant coordinate); label centre and scale. */
function scalingOf(X: Float64Array, Y: Float64Array, d: number, outputBias: boolean): Scaling {
  const n = Y.length;
  const mu = new Float64Array(d);
  const s = new Float64Array(d);
  X.forEach((x, i) => (mu[i % d] += x / n));
  X.forEach((x, i) => (s[i % d] += (x - mu[i % d]) ** 2 / n));
  s.forEach((v, k) => (s[k] = v > 0 ? Math.sqrt(v) : 1));
  const ybar = outputBias ? Y.reduce((a, y) => a + y, 0) / n : 0;
  const sy = Math.sqrt(Y.reduce((a, y) => a + (y - ybar) ** 2, 0) / n) || 1;
  return { mu, s, ybar, sy };
}

/**
 * Parameters on the data as given from those on standardized data: w_jk = w~_jk / s_k,
 * b_j = b~_j - sum_k w~_jk mu_k / s_k, v_j = sy v~_j, c = ybar + sy c~.
 */
function unstandardize(t: Float64Array, d: number, m: number, { mu, s, ybar, sy }: Scaling): Float64Array {
  const out = Float64Array.from(t);
  const B = m * d;
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < d; k++) {
      out[j * d + k] = t[j * d + k] / s[k];
      out[B + j] -= (t[j * d + k] * mu[k]) / s[k];
    }
    out[B + m + j] = sy * t[B + m + j];
  }
  out[B + 2 * m] = ybar + sy * t[B + 2 * m];
  return out;
}

export interface GapSummary {
  /** Absolute tolerance: relativeTolerance times `scale`. */
  readonly tolerance: number;
  /** Runs with |sse - optimum| <= tolerance. */
  readonly reached: number;
  /** Runs with sse < optimum - tolerance: impossible unless the optimum or the descent is wrong. */
  readonly below: number;
  readonly diverged: number;
  /** The smallest final sse (null when every run diverged). */
  readonly best: number | null;
  /** sse - optimum of each finite run. */
  readonly gaps: number[];
  /** Median of the gaps of the runs that did not reach the optimum (null when all did). */
  readonly medianGap: number | null;
}

/**
 * How final sse values compare with a (certified) optimum: a run reaches it within
 * relativeTolerance * scale, where scale is the data's own sse scale (`sseScale`).
 */
export function compareWithOptimum(finalSse: readonly number[], optimum: number, relativeTolerance: number, scale: number): GapSummary {
  if (!(Number.isFinite(relativeTolerance) && relativeTolerance >= 0)) throw new UsageError(`compareWithOptimum: relativeTolerance must be a finite number >= 0, got ${relativeTolerance}`);
  const tolerance = relativeTolerance * scale;
  const finite = finalSse.filter(Number.isFinite);
  const gaps = finite.map((v) => v - optimum);
  const missed = gaps.filter((g) => g > tolerance).sort((a, b) => a - b);
  const half = missed.length >> 1;
  return {
    tolerance,
    reached: gaps.filter((g) => Math.abs(g) <= tolerance).length,
    below: gaps.filter((g) => g < -tolerance).length,
    diverged: finalSse.length - finite.length,
    best: finite.length > 0 ? Math.min(...finite) : null,
    gaps,
    medianGap: missed.length === 0 ? null : missed.length % 2 === 1 ? missed[half] : (missed[half - 1] + missed[half]) / 2,
  };
}

/**
 * The sse scale of labels: the sse of the best constant, sum (y - ybar)^2 (sum y^2 without an
 * output bias), or 1 when that is 0 (then every net of width >= 0 fits exactly).
 */
export function sseScale(Y: Float64Array, outputBias = true): number {
  const ybar = outputBias ? Y.reduce((a, y) => a + y, 0) / Y.length : 0;
  const s = Y.reduce((a, y) => a + (y - ybar) ** 2, 0);
  return s > 0 ? s : 1;
}
