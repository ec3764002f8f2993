/**
 * Chistikov, Englert & Lazic (NeurIPS 2023), one ReLU neuron as teacher (LITERATURE-B 5):
 * labels y_i = relu(v* . x_i) with ||v*|| = 1 and every angle(v*, x_i) < pi/4; a student
 * h(x) = sum_j a_j relu(w_j . x) without biases, balanced initialisation of scale lambda,
 * descent on L = (1/2n) sum (h(x_i) - y_i)^2.
 * - Theorem 7: as lambda -> 0 the limit interpolates and is rank 1: every neuron that matters is a
 *   positive multiple of v*, so ||theta||^2 = 2, the nuclear norm of W is 1, and the maximum
 *   angle between active neurons tends to 0.
 * - Theorem 8 with n = d: with M < 0 that rank-1 net is the minimum-norm interpolator; with
 *   M > 0 it is not: Example 37 (b = 16, d = 3) has a rank-2 interpolator with
 *   ||theta||^2 = 2 - xi^2 ~ 1.987568 (rebalanced 1.983906), yet descent still finds rank 1.
 */
import { SeededRng } from '../../core/rng.js';
import { createObjective } from '../../float/objective.js';
import { singularValues } from '../../float/singular-values.js';
import { gradientDescent } from '../descent.js';
import { alignment, squaredNorm, unitAngle } from '../metrics.js';
import { balancedInit } from './balanced-init.js';
import { minRankVersusMinNorm, type MinRankVersusMinNorm } from './teacher-geometry.js';

export interface TeacherData {
  readonly name: string;
  /** Points x_i (rows). */
  readonly X: number[][];
  readonly vStar: number[];
  readonly y: number[];
}

/** Example 37 with M < 0, d = 3: x_i = (1 - (d-1)(1-xi)/d) e_i + ((1-xi)/d) sum_{k != i} e_k, v* = 1/sqrt(d), xi = 0.9 sqrt(2(sqrt 2 - 1)/(d-1)). */
export function negativeMeasureData(d = 3): TeacherData {
  const xi = 0.9 * Math.sqrt((2 * (Math.SQRT2 - 1)) / (d - 1));
  const X = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, k) => (k === i ? 1 - ((d - 1) * (1 - xi)) / d : (1 - xi) / d)));
  const vStar = Array.from({ length: d }, () => 1 / Math.sqrt(d));
  return { name: `Example 37, M < 0 (d = ${d})`, X, vStar, y: labelsOf(X, vStar) };
}

/** Example 37 with M > 0 at b = 16, d = 3 (LITERATURE-B 5.6): rows (16, 0, 0), (16, -4, 1), (16, 4, 1), v* = (4/5, 0, 3/5). */
export function positiveMeasureData(): TeacherData {
  const X = [
    [16, 0, 0],
    [16, -4, 1],
    [16, 4, 1],
  ];
  const vStar = [0.8, 0, 0.6];
  return { name: 'Example 37, M > 0 (b = 16, d = 3)', X, vStar, y: labelsOf(X, vStar) };
}

function labelsOf(X: number[][], v: number[]): number[] {
  return X.map((x) => Math.max(0, x.reduce((acc, xi, k) => acc + xi * v[k], 0)));
}

export interface TeacherRow {
  readonly lambda: number;
  readonly finalLoss: number;
  readonly finalSquaredNorm: number;
  /** Sum of the singular values of W (m x d). */
  readonly nuclearNorm: number;
  /** Numerical rank of W (singular values above 1e-6 of the largest) and sigma_1 / sigma_2. */
  readonly rank: number;
  readonly gap: number;
  /** Largest angle (degrees) between two active neurons, and between an active neuron and v*. */
  readonly maxAngle: number;
  readonly maxAngleToTeacher: number;
}

export interface TeacherOptions {
  width?: number;
  lambdas?: readonly number[];
  /** Step size on L (default min(0.01, 0.5 / max ||x||^2): Chistikov et al.'s 0.01 for unit-scale data, stable for large points). */
  lr?: number;
  steps?: number;
  seed?: number;
}

export interface TeacherResult {
  readonly data: TeacherData;
  readonly width: number;
  readonly lr: number;
  readonly steps: number;
  readonly seed: number;
  readonly rows: TeacherRow[];
  /** For n = d: M, and the rank-2 construction when M > 0. */
  readonly geometry: MinRankVersusMinNorm | null;
}

export function teacherExperiment(data: TeacherData, options: TeacherOptions = {}): TeacherResult {
  const n = data.X.length;
  const d = data.vStar.length;
  const width = options.width ?? 50;
  const lambdas = options.lambdas ?? [4 ** -2, 4 ** -5, 4 ** -8, 4 ** -11, 4 ** -14];
  const maxNorm2 = Math.max(...data.X.map((x) => x.reduce((acc, v) => acc + v * v, 0)));
  const lr = options.lr ?? Math.min(0.01, 0.5 / maxNorm2);
  const steps = options.steps ?? 100_000;
  const seed = options.seed ?? 1;
  const X = Float64Array.from(data.X.flat());
  const Y = Float64Array.from(data.y);
  const objective = createObjective([d, width, 1], X, Y, { kernel: 'shallow' });
  const rows = lambdas.map((lambda): TeacherRow => {
    const init = balancedInit(d, width, lambda, new SeededRng(seed));
    const r = gradientDescent(objective, init.theta, { steps, lr: lr / (2 * n), mask: init.mask });
    const sv = singularValues(r.theta.subarray(0, width * d), width, d);
    let rank = 0;
    while (rank < sv.length && sv[rank] > 1e-6 * sv[0]) rank++;
    const a = alignment(d, width, r.theta);
    return {
      lambda,
      finalLoss: r.sse / (2 * n),
      finalSquaredNorm: squaredNorm(r.theta),
      nuclearNorm: sv.reduce((acc, s) => acc + s, 0),
      rank,
      gap: sv.length > 1 ? sv[0] / sv[1] : Infinity,
      maxAngle: a.maxAngle,
      maxAngleToTeacher: maxAngleTo(r.theta, d, width, data.vStar),
    };
  });
  return { data, width, lr, steps, seed, rows, geometry: n === d ? minRankVersusMinNorm(data) : null };
}

/** Largest angle (degrees) between v and the w_j of the neurons that matter (|a_j| ||w_j|| >= 1e-3 of the largest). */
function maxAngleTo(theta: Float64Array, d: number, m: number, v: readonly number[]): number {
  const ov = m * d + m;
  const size = (j: number): number => Math.abs(theta[ov + j]) * Math.hypot(...Array.from(theta.subarray(j * d, (j + 1) * d)));
  let largest = 0;
  for (let j = 0; j < m; j++) largest = Math.max(largest, size(j));
  let worst = 0;
  const vn = Math.hypot(...v);
  for (let j = 0; j < m; j++) {
    if (size(j) < 1e-3 * largest) continue;
    const w = theta.subarray(j * d, (j + 1) * d);
    const wn = Math.hypot(...Array.from(w));
    worst = Math.max(worst, unitAngle(w.reduce((acc, x, k) => acc + (x / wn - v[k] / vn) ** 2, 0)));
  }
  return worst;
}
