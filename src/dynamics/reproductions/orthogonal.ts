/**
 * Boursier, Pillaud-Vivien & Flammarion (NeurIPS 2022), orthogonal inputs (LITERATURE-B 4.2,
 * 4.3): x_k = e_k in R^n, h(x) = sum_j a_j relu(w_j . x) without biases, balanced small
 * initialisation of scale lambda, full-batch gradient descent on L = (1/2n) sum_k (h(x_k) - y_k)^2.
 * Predictions:
 * - as lambda -> 0 the final ||theta||^2 tends to the minimum over interpolators,
 *   2 (||t+|| + ||t-||) with t+- = (|y_k|)_{+-y_k > 0} (4.324129 for y = (1, .5, -1, -.3));
 * - the loss sits at L0 = (1/2n) sum y^2 until t+ = n ln(1/lambda) / ||D+|| (D+ = sum_{y_k > 0} y_k x_k),
 *   then at the plateau (1/2n) sum_{y_k < 0} y_k^2 until t- = n ln(1/lambda) / ||D-||
 *   (the other way round when ||D-|| > ||D+||), then reaches 0;
 * - at the end each sign class of neurons is aligned (rank 1 per sign).
 * Descent on L with step lr is descent on sse = 2 n L with step lr / (2 n): that is what runs.
 */
import { SeededRng } from '../../core/rng.js';
import { UsageError } from '../../core/errors.js';
import { createObjective } from '../../float/objective.js';
import { gradientDescent } from '../descent.js';
import { alignment, squaredNorm } from '../metrics.js';
import { balancedInit } from './balanced-init.js';

export interface OrthogonalOptions {
  /** Labels y_k (default (1, 0.5, -1, -0.3), LITERATURE-B 4.3). */
  labels?: readonly number[];
  /** Width m (default 50). */
  width?: number;
  /** Initialisation scales (default 1e-3, 1e-6, 1e-12, 1e-24). */
  lambdas?: readonly number[];
  /** Step size on L (default 0.05). */
  lr?: number;
  /** Descent steps per run (default 40 000). */
  steps?: number;
  seed?: number;
}

export interface OrthogonalRow {
  readonly lambda: number;
  readonly finalSquaredNorm: number;
  /** finalSquaredNorm - predicted minimum. */
  readonly excess: number;
  /** L at the end. */
  readonly finalLoss: number;
  /** Time (in units of L's gradient flow, steps x lr) the loss first fell halfway from L0 to the plateau, and from the plateau to 0; null if it did not. */
  readonly firstDrop: number | null;
  readonly secondDrop: number | null;
  /** Predicted times of the two drops, n ln(1/lambda) / ||D||, the larger ||D|| first. */
  readonly firstDropPredicted: number;
  readonly secondDropPredicted: number;
  /** Largest angle (degrees) within each sign class of the neurons that grew. */
  readonly maxAnglePositive: number;
  readonly maxAngleNegative: number;
}

export interface OrthogonalResult {
  readonly labels: number[];
  readonly width: number;
  readonly lr: number;
  readonly steps: number;
  readonly seed: number;
  /** 2 (||t+|| + ||t-||). */
  readonly predictedMinimum: number;
  /** L0 = (1/2n) sum y^2 and the plateau between the drops. */
  readonly initialLoss: number;
  readonly plateau: number;
  readonly rows: OrthogonalRow[];
}

export function orthogonalExperiment(options: OrthogonalOptions = {}): OrthogonalResult {
  const labels = [...(options.labels ?? [1, 0.5, -1, -0.3])];
  const width = options.width ?? 50;
  const lambdas = options.lambdas ?? [1e-3, 1e-6, 1e-12, 1e-24];
  const lr = options.lr ?? 0.05;
  const steps = options.steps ?? 40_000;
  const seed = options.seed ?? 1;
  const n = labels.length;
  if (n < 1 || labels.some((y) => !Number.isFinite(y) || y === 0)) throw new UsageError('orthogonalExperiment: labels must be finite and nonzero');
  const X = new Float64Array(n * n);
  for (let k = 0; k < n; k++) X[k * n + k] = 1;
  const Y = Float64Array.from(labels);
  const normOf = (sign: number): number => Math.sqrt(labels.filter((y) => y * sign > 0).reduce((acc, y) => acc + y * y, 0));
  const dPlus = normOf(1);
  const dMinus = normOf(-1);
  const predictedMinimum = 2 * (dPlus + dMinus);
  const initialLoss = labels.reduce((acc, y) => acc + y * y, 0) / (2 * n);
  // between the drops the class with the larger ||D|| is fitted, the other is not
  const plateau = (dPlus >= dMinus ? dMinus * dMinus : dPlus * dPlus) / (2 * n);
  const objective = createObjective([n, width, 1], X, Y, { kernel: 'shallow' });
  const rows = lambdas.map((lambda): OrthogonalRow => {
    const init = balancedInit(n, width, lambda, new SeededRng(seed));
    let firstDrop: number | null = null;
    let secondDrop: number | null = null;
    const r = gradientDescent(objective, init.theta, {
      steps,
      lr: lr / (2 * n),
      mask: init.mask,
      recordEvery: 1,
      onRecord: (p) => {
        const L = p.sse / (2 * n);
        const t = p.step * lr;
        if (firstDrop === null && L < (initialLoss + plateau) / 2) firstDrop = t;
        if (secondDrop === null && L < plateau / 2) secondDrop = t;
      },
    });
    const a = alignment(n, width, r.theta);
    const norm = squaredNorm(r.theta);
    const log = Math.log(1 / lambda);
    return {
      lambda,
      finalSquaredNorm: norm,
      excess: norm - predictedMinimum,
      finalLoss: r.sse / (2 * n),
      firstDrop,
      secondDrop,
      firstDropPredicted: (n * log) / Math.max(dPlus, dMinus),
      secondDropPredicted: (n * log) / Math.min(dPlus, dMinus),
      maxAnglePositive: a.maxAnglePositive,
      maxAngleNegative: a.maxAngleNegative,
    };
  });
  return { labels, width, lr, steps, seed, predictedMinimum, initialLoss, plateau, rows };
}
