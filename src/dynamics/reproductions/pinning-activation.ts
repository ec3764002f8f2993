/**
 * Datapoint pinning in the adaptive regime, activation by activation (Sahs et al. 2025, "datapoint
 * pinning"; LITERATURE-A 5.4 [D], the toolkit's own mechanism: the paper's theorem was not
 * available). Under gradient flow each neuron's zero-plane beta = -b / w moves at
 *   d beta / dt = (v / w) sum_n r_n sigma'(w (x_n - beta)) (1 + beta x_n)   (LITERATURE-A 2.6, any sigma),
 * so where sigma' jumps at 0 (ReLU: by 1, leaky ReLU: by 1 - a) the velocity jumps as beta crosses
 * a data point x_k, by -(v / |w|) r_k (1 + x_k^2) (sigma'(0+) - sigma'(0-)) for either orientation,
 * and x_k attracts from both sides when the velocity changes sign there (a Filippov sliding mode):
 * breakpoints get pinned. With a continuous sigma' (relu^p, p >= 2, tanh, the
 * logistic, the Gaussian) there is no jump and so, by this mechanism, no pinning: a derived
 * prediction the table tests.
 *
 * The runs: the data of `breakpoint-pinning`, first layer w, b ~ N(0, s^2) and v ~ N(0, 1) for
 * initial scales s (small s: |v| >> |w|, the adaptive regime; large s: the kernel regime), gradient
 * descent on sse with step base / max(1, s^2k) (k the degree of homogeneity, 1 otherwise), and the
 * pinning metrics of src/dynamics/metrics.ts on the zero-planes at 0, T/10, T/2 and T.
 */
import { SeededRng } from '../../core/rng.js';
import { allActivations, type Activation } from '../../float/activation.js';
import { createObjective } from '../../float/objective.js';
import { coordinatesOf } from '../coordinates.js';
import { gradientDescent } from '../descent.js';
import { breakpointClustering, distinctSorted, type Clustering } from '../metrics.js';
import { zeroPlaneKinks } from '../trajectory.js';

export interface PinningByActivationOptions {
  activations?: readonly Activation[];
  /** Data (default 8 points -1, -5/7, ..., 1, labels sin(pi x) + x / 2). */
  x?: readonly number[];
  y?: readonly number[];
  /** First-layer scales s (default 0.03, 0.3, 3, 10). */
  scales?: readonly number[];
  width?: number;
  /** Descent steps per run (default 50 000) and the base step (default 2e-3). */
  steps?: number;
  lr?: number;
  seeds?: readonly number[];
  /** Pinned: within this fraction of the smallest data gap (default 0.01). */
  pinTol?: number;
}

export interface PinningByActivationRow {
  readonly activation: string;
  /** sigma'(0+) - sigma'(0-): where 5.4 predicts pinning. */
  readonly derivativeJump: number;
  readonly scale: number;
  readonly lr: number;
  /** Means over the seeds (runs that diverged are left out and counted). */
  readonly initialSse: number;
  readonly finalSse: number;
  readonly diverged: number;
  /** Pinned share of the kinks' weight at t = 0, T/10, T/2, T. */
  readonly pinnedShare: [number, number, number, number];
  readonly kinks: number;
  readonly pinned: number;
  readonly clusters: number;
  readonly largestCluster: number;
  readonly meanDistance: number;
  /** Each seed's final clustering. */
  readonly runs: Clustering[];
}

export interface PinningByActivationResult {
  readonly exact: false;
  readonly x: number[];
  readonly y: number[];
  readonly width: number;
  readonly steps: number;
  readonly seeds: number[];
  readonly rows: PinningByActivationRow[];
}

const mean = (a: readonly number[]): number => (a.length === 0 ? NaN : a.reduce((s, v) => s + v, 0) / a.length);

export function pinningByActivation(options: PinningByActivationOptions = {}): PinningByActivationResult {
  const x = [...(options.x ?? Array.from({ length: 8 }, (_, k) => -1 + (2 * k) / 7))];
  const y = [...(options.y ?? x.map((t) => Math.sin(Math.PI * t) + t / 2))];
  const width = options.width ?? 40;
  const steps = options.steps ?? 50_000;
  const base = options.lr ?? 2e-3;
  const seeds = [...(options.seeds ?? [1, 2])];
  const scales = [...(options.scales ?? [0.03, 0.3, 3, 10])];
  const X = Float64Array.from(x);
  const xs = distinctSorted(X);
  const widths = [1, width, 1];
  const checkpoints = [0, Math.round(steps / 10), Math.round(steps / 2), steps];
  const rows: PinningByActivationRow[] = [];
  for (const activation of options.activations ?? allActivations()) {
    const objective = createObjective(widths, X, Float64Array.from(y), { activation });
    const kinksOf = (theta: Float64Array): { beta: (number | null)[]; mu: number[] } => {
      const co = coordinatesOf(widths, theta, activation);
      if (co.kind === 'spline') return co;
      if (co.kind === 'zero-plane') return zeroPlaneKinks(co);
      throw new Error('pinningByActivation: expected univariate coordinates');
    };
    for (const scale of scales) {
      const lr = base / Math.max(1, scale ** (2 * (activation.homogeneity ?? 1)));
      const runs = seeds.map((seed) => {
        const rng = new SeededRng(seed);
        const theta = new Float64Array(3 * width + 1);
        for (let j = 0; j < width; j++) {
          theta[j] = scale * rng.nextNormal();
          theta[width + j] = scale * rng.nextNormal();
          theta[2 * width + j] = rng.nextNormal();
        }
        const initialSse = objective.evaluate(theta, null);
        const shares: number[] = [];
        let last: Clustering | null = null;
        const r = gradientDescent(objective, theta, {
          steps,
          lr,
          recordSteps: checkpoints,
          onRecord: (p) => {
            if (!checkpoints.includes(p.step) || shares.length === 4) return;
            last = breakpointClustering(kinksOf(p.theta), xs, options.pinTol);
            shares.push(last.pinnedMass);
          },
        });
        return { initialSse, finalSse: r.sse, diverged: r.diverged, shares, final: last as Clustering | null };
      });
      const ok = runs.filter((r) => !r.diverged && r.final !== null && r.shares.length === 4);
      const finals = ok.map((r) => r.final!);
      rows.push({
        activation: activation.label,
        derivativeJump: activation.derivativeJump,
        scale,
        lr,
        initialSse: mean(runs.map((r) => r.initialSse)),
        finalSse: mean(ok.map((r) => r.finalSse)),
        diverged: runs.length - ok.length,
        pinnedShare: [0, 1, 2, 3].map((i) => mean(ok.map((r) => r.shares[i]))) as [number, number, number, number],
        kinks: mean(finals.map((c) => c.kinks)),
        pinned: mean(finals.map((c) => c.pinned)),
        clusters: mean(finals.map((c) => c.clusters)),
        largestCluster: mean(finals.map((c) => c.largestCluster)),
        meanDistance: mean(finals.map((c) => c.meanDistance)),
        runs: finals,
      });
    }
  }
  return { exact: false, x, y, width, steps, seeds, rows };
}
