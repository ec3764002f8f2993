/**
 * What is measured along a trajectory, beyond the loss: how aligned the first-layer neurons
 * are, the numerical rank of the first-layer weights (with its singular-value gap), and how
 * many breakpoints sit on data points. All float, all approximate; each states its threshold.
 */
import { singularValues } from '../float/singular-values.js';
import type { UnivariateCoordinates } from './coordinates.js';

/** ||theta||^2. */
export function squaredNorm(theta: Float64Array): number {
  let s = 0;
  for (let p = 0; p < theta.length; p++) s += theta[p] * theta[p];
  return s;
}

export interface Alignment {
  /** Neurons counted: those whose size |v_j| ||(w_j, b_j)|| is at least `relative` times the largest. */
  readonly significant: number;
  /** Largest angle (degrees) between the (w_j, b_j) of two significant neurons; 0 with fewer than two. */
  readonly maxAngle: number;
  /** The same among significant neurons with v_j > 0, and with v_j < 0. */
  readonly maxAnglePositive: number;
  readonly maxAngleNegative: number;
}

/**
 * Neuron alignment of a shallow scalar net (Boursier et al. 2022, Chistikov et al. 2023 Fig. 7:
 * the maximum angle between active neurons): the first-layer rows (w_j, b_j) of the neurons
 * that matter. `relative` (default 1e-3) sets which matter: neurons shrunk to the size of the
 * initialisation do not count.
 */
export function alignment(d: number, m: number, theta: Float64Array, relative = 1e-3): Alignment {
  const ob = m * d;
  const ov = ob + m;
  const norms = new Float64Array(m);
  let largest = 0;
  for (let j = 0; j < m; j++) {
    let s = theta[ob + j] ** 2;
    for (let k = 0; k < d; k++) s += theta[j * d + k] ** 2;
    norms[j] = Math.sqrt(s);
    largest = Math.max(largest, norms[j] * Math.abs(theta[ov + j]));
  }
  const chosen: number[] = [];
  for (let j = 0; j < m; j++) if (largest > 0 && norms[j] * Math.abs(theta[ov + j]) >= relative * largest) chosen.push(j);
  let all = 0;
  let pos = 0;
  let neg = 0;
  for (let a = 0; a < chosen.length; a++) {
    for (let b = a + 1; b < chosen.length; b++) {
      const i = chosen[a];
      const j = chosen[b];
      // 2 asin(|u - v| / 2) for unit u, v: accurate for tiny angles, where acos of a cosine near 1 is not
      let gap = (theta[ob + i] / norms[i] - theta[ob + j] / norms[j]) ** 2;
      for (let k = 0; k < d; k++) gap += (theta[i * d + k] / norms[i] - theta[j * d + k] / norms[j]) ** 2;
      const angle = unitAngle(gap);
      all = Math.max(all, angle);
      const si = Math.sign(theta[ov + i]);
      if (si === Math.sign(theta[ov + j])) {
        if (si > 0) pos = Math.max(pos, angle);
        else neg = Math.max(neg, angle);
      }
    }
  }
  return { significant: chosen.length, maxAngle: all, maxAnglePositive: pos, maxAngleNegative: neg };
}

/** The angle in degrees between two unit vectors at squared distance gap2. */
export function unitAngle(gap2: number): number {
  return (2 * Math.asin(Math.min(1, Math.sqrt(gap2) / 2)) * 180) / Math.PI;
}

export interface NumericalRank {
  /** Number of singular values above `tol` times the largest. */
  readonly rank: number;
  /** sigma_rank / sigma_{rank+1}: how clear the rank is (Infinity when no singular value is dropped). */
  readonly gap: number;
  readonly tol: number;
  /** All singular values, descending. */
  readonly singularValues: number[];
  /** Their sum (the nuclear norm, Chistikov et al. Tables 5-6). */
  readonly nuclearNorm: number;
}

/** Numerical rank of the first-layer weights W_1 (n_1 x n_0, biases excluded), by one-sided Jacobi. */
export function firstLayerRank(widths: readonly number[], theta: Float64Array, tol = 1e-6): NumericalRank {
  const sv = singularValues(theta.subarray(0, widths[1] * widths[0]), widths[1], widths[0]);
  const top = sv[0] ?? 0;
  let rank = 0;
  while (rank < sv.length && sv[rank] > tol * top) rank++;
  const gap = rank === sv.length ? Infinity : sv[rank] === 0 ? Infinity : sv[rank - 1] / sv[rank];
  let nuclear = 0;
  for (const s of sv) nuclear += s;
  return { rank, gap: rank === 0 ? 0 : gap, tol, singularValues: Array.from(sv), nuclearNorm: nuclear };
}

export interface Clustering {
  /** Kinks counted: neurons with w != 0, |mu| at least `relative` times the largest, breakpoint inside the data's hull (within the tolerance). */
  readonly kinks: number;
  /** Of those, breakpoints within `tolerance` of a data point. */
  readonly pinned: number;
  /** Their share of the kinks' total |mu| (the slope change the pinned kinks carry). */
  readonly pinnedMass: number;
  /** Distinct data points holding at least one pinned breakpoint. */
  readonly pinnedPoints: number;
  /** Data points holding two or more pinned breakpoints (clusters), and the most any one holds. */
  readonly clusters: number;
  readonly largestCluster: number;
  /** Mean distance from a kink's breakpoint to the nearest data point, in units of the smallest data gap. */
  readonly meanDistance: number;
  /** The absolute tolerance used: `relTol` times the smallest gap between distinct data points. */
  readonly tolerance: number;
}

/**
 * Breakpoint clustering at data points (Williams et al. 2019; LITERATURE-A 5.4, "datapoint
 * pinning"): where the kinks of a univariate net sit relative to the data. Only kinks inside the
 * data's hull count: outside it a kink is invisible on the data (a neuron there is linear or dead
 * on every point).
 * @param xs the data's distinct x values, ascending
 */
export function breakpointClustering(coords: Pick<UnivariateCoordinates, 'beta' | 'mu'>, xs: Float64Array, relTol = 1e-2, relative = 1e-3): Clustering {
  let minGap = Infinity;
  for (let i = 1; i < xs.length; i++) minGap = Math.min(minGap, xs[i] - xs[i - 1]);
  if (!Number.isFinite(minGap)) minGap = 1;
  const tolerance = relTol * minGap;
  let largest = 0;
  for (const mu of coords.mu) largest = Math.max(largest, Math.abs(mu));
  let kinks = 0;
  let pinned = 0;
  let mass = 0;
  let pinnedMass = 0;
  let distance = 0;
  const holders = new Map<number, number>();
  coords.beta.forEach((beta, j) => {
    const mu = Math.abs(coords.mu[j]);
    if (beta === null || largest === 0 || mu < relative * largest) return;
    if (xs.length === 0 || beta < xs[0] - tolerance || beta > xs[xs.length - 1] + tolerance) return;
    kinks++;
    mass += mu;
    const at = nearest(xs, beta);
    const gap = Math.abs(xs[at] - beta);
    distance += gap / minGap;
    if (gap <= tolerance) {
      pinned++;
      pinnedMass += mu;
      holders.set(at, (holders.get(at) ?? 0) + 1);
    }
  });
  const sizes = [...holders.values()];
  return {
    kinks,
    pinned,
    pinnedMass: mass === 0 ? 0 : pinnedMass / mass,
    pinnedPoints: holders.size,
    clusters: sizes.filter((c) => c >= 2).length,
    largestCluster: Math.max(0, ...sizes),
    meanDistance: kinks === 0 ? 0 : distance / kinks,
    tolerance,
  };
}

/** Index of the entry of sorted xs nearest to t. */
function nearest(xs: Float64Array, t: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= t) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[hi] - t) < Math.abs(xs[lo] - t) ? hi : lo;
}

/** Sorted distinct values of a univariate data set's x. */
export function distinctSorted(x: Float64Array): Float64Array {
  const s = Float64Array.from(x).sort();
  let k = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[k - 1]) s[k++] = s[i];
  return s.slice(0, k);
}
