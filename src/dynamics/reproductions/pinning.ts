/**
 * Breakpoints pinned at data points in the adaptive regime (Williams et al. 2019: in the adaptive
 * regime "knots cluster adaptively at the sample points"; Sahs et al. 2025, "datapoint pinning";
 * LITERATURE-A 2.6, 5.4). A breakpoint moves at speed proportional to mu_i / w_i^2 = s_i v_i / |w_i|:
 * when |v| >> |w| at the start breakpoints travel, and a data point x_k where mu_i r_k > 0 attracts
 * them from both sides (the velocity jumps there by -(mu_i / w_i^2) r_k (1 + x_k^2)); when
 * |v| << |w| (kernel regime) they barely move. The same data, width and descent from several
 * initialisations; where the kinks sit at the end, averaged over seeds.
 */
import { SeededRng } from '../../core/rng.js';
import { createObjective } from '../../float/objective.js';
import { coordinatesOf } from '../coordinates.js';
import { gradientDescent } from '../descent.js';
import { breakpointClustering, distinctSorted, type Clustering } from '../metrics.js';
import { balancedInit } from './balanced-init.js';

export interface PinningOptions {
  /** Data points (default 8 points -1, -5/7, ..., 1) and labels (default sin(pi x) + x / 2). */
  x?: readonly number[];
  y?: readonly number[];
  /** Width (default 40). */
  width?: number;
  /** Descent steps per run (default 300 000); the step on sse is 2e-3 / max(1, sigma_w^2). */
  steps?: number;
  /** Seeds averaged over (default 1, 2, 3). */
  seeds?: readonly number[];
  /** Pinned: within this fraction of the smallest data gap (default 0.01). */
  pinTol?: number;
}

interface Regime {
  readonly regime: string;
  readonly init: string;
  readonly sigmaW: number;
  readonly theta: (m: number, rng: SeededRng) => Float64Array;
}

/** w, b ~ N(0, sigmaW^2), v ~ N(0, sigmaV^2), c = 0. */
function gaussian(sigmaW: number, sigmaV: number): (m: number, rng: SeededRng) => Float64Array {
  return (m, rng) => {
    const theta = new Float64Array(3 * m + 1);
    for (let j = 0; j < m; j++) {
      theta[j] = sigmaW * rng.nextNormal();
      theta[m + j] = sigmaW * rng.nextNormal();
      theta[2 * m + j] = sigmaV * rng.nextNormal();
    }
    return theta;
  };
}

const REGIMES: readonly Regime[] = [
  { regime: 'adaptive', init: 'w, b ~ N(0, 0.03^2), v ~ N(0, 1)', sigmaW: 0.03, theta: gaussian(0.03, 1) },
  { regime: 'standard', init: 'w, b ~ N(0, 1), v ~ N(0, 1/m)', sigmaW: 1, theta: (m, rng) => gaussian(1, 1 / Math.sqrt(m))(m, rng) },
  { regime: 'kernel', init: 'w, b ~ N(0, 5^2), v ~ N(0, 0.001^2)', sigmaW: 5, theta: gaussian(5, 1e-3) },
  { regime: 'small balanced', init: 'balanced with bias, scale 0.01', sigmaW: 0.01, theta: (m, rng) => balancedInit(1, m, 0.01, rng, { bias: true }).theta },
];

export interface PinningRow {
  readonly regime: string;
  readonly init: string;
  readonly lr: number;
  /** Means over the seeds. */
  readonly initialSse: number;
  readonly finalSse: number;
  readonly pinnedMassBefore: number;
  readonly pinnedMassAfter: number;
  readonly meanDistanceBefore: number;
  readonly meanDistanceAfter: number;
  readonly kinksAfter: number;
  readonly pinnedPointsAfter: number;
  /** Mean over seeds and kinks of |beta(T) - beta(0)|, in data gaps. */
  readonly meanTravel: number;
  /** Each seed's final clustering. */
  readonly runs: Clustering[];
}

export interface PinningResult {
  readonly x: number[];
  readonly y: number[];
  readonly width: number;
  readonly steps: number;
  readonly seeds: number[];
  readonly rows: PinningRow[];
}

export function pinningExperiment(options: PinningOptions = {}): PinningResult {
  const x = [...(options.x ?? Array.from({ length: 8 }, (_, k) => -1 + (2 * k) / 7))];
  const y = [...(options.y ?? x.map((t) => Math.sin(Math.PI * t) + t / 2))];
  const width = options.width ?? 40;
  const steps = options.steps ?? 300_000;
  const seeds = [...(options.seeds ?? [1, 2, 3])];
  const X = Float64Array.from(x);
  const xs = distinctSorted(X);
  const gap = Math.min(...Array.from(xs.subarray(1), (v, i) => v - xs[i]));
  const objective = createObjective([1, width, 1], X, Float64Array.from(y));
  const widths = [1, width, 1];
  const mean = (a: readonly number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
  const rows = REGIMES.map((regime): PinningRow => {
    const lr = 2e-3 / Math.max(1, regime.sigmaW ** 2);
    const runs = seeds.map((seed) => {
      const theta = regime.theta(width, new SeededRng(seed));
      const before = coordinatesOf(widths, theta);
      const initialSse = objective.evaluate(theta, null);
      const r = gradientDescent(objective, theta, { steps, lr });
      const after = coordinatesOf(widths, r.theta);
      if (before.kind !== 'spline' || after.kind !== 'spline') throw new Error('pinningExperiment: expected spline coordinates');
      const travel: number[] = [];
      before.beta.forEach((b0, j) => {
        const b1 = after.beta[j];
        if (b0 !== null && b1 !== null) travel.push(Math.abs(b1 - b0) / gap);
      });
      return { initialSse, finalSse: r.sse, before: breakpointClustering(before, xs, options.pinTol), after: breakpointClustering(after, xs, options.pinTol), travel: mean(travel) };
    });
    return {
      regime: regime.regime,
      init: regime.init,
      lr,
      initialSse: mean(runs.map((r) => r.initialSse)),
      finalSse: mean(runs.map((r) => r.finalSse)),
      pinnedMassBefore: mean(runs.map((r) => r.before.pinnedMass)),
      pinnedMassAfter: mean(runs.map((r) => r.after.pinnedMass)),
      meanDistanceBefore: mean(runs.map((r) => r.before.meanDistance)),
      meanDistanceAfter: mean(runs.map((r) => r.after.meanDistance)),
      kinksAfter: mean(runs.map((r) => r.after.kinks)),
      pinnedPointsAfter: mean(runs.map((r) => r.after.pinnedPoints)),
      meanTravel: mean(runs.map((r) => r.travel)),
      runs: runs.map((r) => r.after),
    };
  });
  return { x, y, width, steps, seeds, rows };
}
