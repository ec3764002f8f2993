/**
 * Trajectory records: the state at a recording time in the quotient coordinates
 * (coordinates.ts) with the metrics along the way, as plain JSON values, one line each in a
 * JSONL file (`trajectory/1`): a header line, then one record per line.
 */
import { RELU, type Activation } from '../float/activation.js';
import { balances, coordinatesOf, hiddenUnitCount, isShallowScalarWidths, type Coordinates, type ZeroPlaneCoordinates } from './coordinates.js';
import { alignment, breakpointClustering, distinctSorted, firstLayerRank, squaredNorm, type Alignment, type Clustering, type NumericalRank } from './metrics.js';

export const TRAJECTORY_FORMAT = 'trajectory/1';

export interface MetricOptions {
  /** Neurons below this fraction of the largest do not count for alignment or clustering (default 1e-3). */
  relative?: number;
  /** Singular values below this fraction of the largest are dropped from the rank (default 1e-6). */
  rankTol?: number;
  /** A breakpoint is pinned within this fraction of the smallest data gap of a data point (default 1e-2). */
  pinTol?: number;
}

export interface RecordMetrics {
  readonly sse: number;
  /** ||theta||^2. */
  readonly squaredNorm: number;
  /** max over hidden units of |balance(t) - balance(0)| (conserved by the flow: its drift measures integration error); NaN (JSON null) for activations without homogeneity, which conserve nothing. */
  readonly balanceDrift: number;
  /** max over hidden units of ||outgoing||^2 + ||incoming||^2 now: the scale to read the drift against. */
  readonly balanceScale: number;
  readonly alignment?: Alignment;
  readonly rank: NumericalRank;
  readonly clustering?: Clustering;
}

export interface TrajectoryRecord {
  readonly t: number;
  readonly step: number;
  readonly metrics: RecordMetrics;
  readonly coordinates: Coordinates;
}

/** Computes records along one run; remembers the initial balances. */
export class Recorder {
  private readonly initial: Float64Array;
  private readonly now: Float64Array;
  private readonly xs: Float64Array | null;

  constructor(
    private readonly widths: readonly number[],
    theta0: Float64Array,
    X: Float64Array,
    private readonly options: MetricOptions = {},
    private readonly activation: Activation = RELU,
  ) {
    const h = hiddenUnitCount(widths);
    this.initial = new Float64Array(h);
    this.now = new Float64Array(h);
    balances(widths, theta0, this.initial, activation.homogeneity ?? 1);
    this.xs = isShallowScalarWidths(widths) && widths[0] === 1 ? distinctSorted(X) : null;
  }

  /** The largest drift of the balances at theta. */
  balanceDrift(theta: Float64Array): { drift: number; scale: number } {
    if (this.activation.homogeneity === null) return { drift: NaN, scale: balanceScale(this.widths, theta) };
    balances(this.widths, theta, this.now, this.activation.homogeneity);
    let drift = 0;
    for (let u = 0; u < this.now.length; u++) drift = Math.max(drift, Math.abs(this.now[u] - this.initial[u]));
    return { drift, scale: balanceScale(this.widths, theta) };
  }

  record(t: number, step: number, theta: Float64Array, sse: number): TrajectoryRecord {
    const { widths, options } = this;
    const { drift, scale } = this.balanceDrift(theta);
    const coordinates = coordinatesOf(widths, theta, this.activation);
    const shallow = isShallowScalarWidths(widths);
    const kinks = coordinates.kind === 'spline' ? coordinates : coordinates.kind === 'zero-plane' && widths[0] === 1 ? zeroPlaneKinks(coordinates) : null;
    const metrics: RecordMetrics = {
      sse,
      squaredNorm: squaredNorm(theta),
      balanceDrift: drift,
      balanceScale: scale,
      ...(shallow ? { alignment: alignment(widths[0], widths[1], theta, options.relative) } : {}),
      rank: firstLayerRank(widths, theta, options.rankTol),
      ...(kinks !== null && this.xs !== null ? { clustering: breakpointClustering(kinks, this.xs, options.pinTol, options.relative) } : {}),
    };
    return { t, step, metrics, coordinates };
  }
}

/**
 * The zero-planes of a univariate net with a non-homogeneous activation, weighted as kinks are:
 * by |v| |w|, the largest slope the unit adds (over sup |sigma'|), so that the pinning metrics
 * count the units that shape the function.
 */
export function zeroPlaneKinks(coordinates: ZeroPlaneCoordinates): { beta: (number | null)[]; mu: number[] } {
  return { beta: coordinates.beta, mu: coordinates.amplitude.map((v, j) => Math.abs(v) * coordinates.sharpness[j]) };
}

/** max over hidden units of ||outgoing||^2 + ||incoming||^2. */
function balanceScale(widths: readonly number[], theta: Float64Array): number {
  let at = 0;
  let scale = 0;
  for (let l = 1; l < widths.length - 1; l++) {
    const nIn = widths[l - 1];
    const nOut = widths[l];
    const next = at + nOut * (nIn + 1);
    for (let j = 0; j < nOut; j++) {
      let s = theta[at + nOut * nIn + j] ** 2;
      for (let k = 0; k < nIn; k++) s += theta[at + j * nIn + k] ** 2;
      for (let r = 0; r < widths[l + 1]; r++) s += theta[next + r * nOut + j] ** 2;
      scale = Math.max(scale, s);
    }
    at = next;
  }
  return scale;
}

/** A record as one JSON line (non-finite numbers, which JSON lacks, become null). */
export function recordLine(record: TrajectoryRecord | Record<string, unknown>): string {
  return JSON.stringify(record, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value)) + '\n';
}
