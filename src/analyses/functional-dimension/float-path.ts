/**
 * The float fast path for (batch) functional dimension: the same Jacobian (`batchJacobian` over
 * F64) and its rank from singular values with an explicit relative tolerance, reporting the gap
 * around the cut. Rows and then columns are scaled to unit norm first: the rank does not change
 * under nonsingular diagonal scaling, and points far out (|x| ~ 100) or tiny weights would
 * otherwise spread the singular values over decades that have nothing to do with the rank.
 *
 * A float rank is trusted only when the cut is clear: the last kept singular value sits at
 * least `marginDecades` decades above the threshold tol * s_1 and the first dropped one as far
 * below. Otherwise the report says so, and `confirm` reruns the batch exactly (the net and points
 * converted exactly from their binary values).
 */
import { UsageError } from '../../core/errors.js';
import type { SeededRng } from '../../core/rng.js';
import { createF64 } from '../../field/f64.js';
import { rationalFromFloat } from '../../field/float-exact.js';
import { QQ } from '../../field/qq.js';
import type { Rational } from '../../field/rational.js';
import { singularValues } from '../../float/singular-values.js';
import { convertNet, hiddenNeuronCount, inputDim, parameterCount, type ReluNet } from '../../network/relu-net.js';
import { batchFunctionalDimension } from './functional-dimension.js';
import { batchJacobian } from './jacobian.js';

export interface FloatRankOptions {
  /** Relative tolerance: singular values <= tol * s_1 count as zero (default 1e-9, LITERATURE-A 7). */
  tol?: number;
  /** Decades the kept and dropped singular values must keep from the threshold for a clear cut (default 2). */
  marginDecades?: number;
}

export interface FloatRank {
  readonly rank: number;
  /** Descending. */
  readonly singularValues: Float64Array;
  readonly tol: number;
  /** tol * s_1. */
  readonly threshold: number;
  /** s_r / s_{r+1} (Infinity when nothing is dropped or s_{r+1} = 0). */
  readonly gap: number;
  /** min(log10(s_r / threshold), log10(threshold / s_{r+1})). */
  readonly marginDecades: number;
  readonly clear: boolean;
}

/** The rank of a row-major m x n float matrix by singular values, with the gap at the cut. */
export function floatRank(a: Float64Array, m: number, n: number, options: FloatRankOptions = {}): FloatRank {
  const tol = options.tol ?? 1e-9;
  const need = options.marginDecades ?? 2;
  if (!(tol > 0 && tol < 1)) throw new UsageError(`floatRank: tol must be in (0, 1), got ${tol}`);
  const sv = singularValues(equilibrate(a, m, n), m, n);
  const s1 = sv.length > 0 ? sv[0] : 0;
  const threshold = tol * s1;
  const rank = s1 === 0 ? 0 : sv.filter((s) => s > threshold).length;
  const kept = rank > 0 ? sv[rank - 1] : Infinity;
  const dropped = rank < sv.length ? sv[rank] : 0;
  const gap = dropped === 0 ? Infinity : kept / dropped;
  const margin = s1 === 0 ? Infinity : Math.min(Math.log10(kept / threshold), dropped === 0 ? Infinity : Math.log10(threshold / dropped));
  return { rank, singularValues: sv, tol, threshold, gap, marginDecades: margin, clear: margin >= need };
}

/** Rows, then columns, scaled to unit 2-norm (zero ones left alone). */
function equilibrate(a: Float64Array, m: number, n: number): Float64Array {
  const out = a.slice();
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s = Math.hypot(s, out[i * n + j]);
    if (s > 0) for (let j = 0; j < n; j++) out[i * n + j] /= s;
  }
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s = Math.hypot(s, out[i * n + j]);
    if (s > 0) for (let i = 0; i < m; i++) out[i * n + j] /= s;
  }
  return out;
}

export interface FloatBatchOptions extends FloatRankOptions {
  /** Rerun exactly: 'never' (default), 'unclear' (when the cut is not clear), 'always'. */
  confirm?: 'never' | 'unclear' | 'always';
  /** A pre-activation with |z| <= nearZero * (1 + |inputs|) marks its point as near a kink (default 1e-12). */
  nearZero?: number;
  /** The exact points the float ones round (confirmation uses them); default the floats' exact binary values. */
  exactPoints?: readonly (readonly Rational[])[];
}

export interface FloatBatchFunctionalDimension {
  readonly batchFunctionalDimension: number;
  readonly parameterCount: number;
  readonly upperBound: number;
  readonly points: number;
  readonly floatRank: FloatRank;
  /** Points whose pre-activations come within `nearZero` of 0 (their rows are not to be trusted). */
  readonly nearKinkPoints: number;
  /** The exact batch rank when confirmation ran, else null. */
  readonly exactRank: number | null;
  /** True only when the answer comes from the exact confirmation. */
  readonly exact: boolean;
}

/**
 * The batch functional dimension on the float path. An exact net is rounded to float64 for the
 * float rank, and confirmation uses the exact net itself; a float net is confirmed with its
 * parameters' exact binary values. Points are float64 (confirmed at their exact binary values).
 */
export function floatBatchFunctionalDimension(net: ReluNet<number> | ReluNet<Rational>, points: readonly (readonly number[])[], options: FloatBatchOptions = {}): FloatBatchFunctionalDimension {
  const fnet = net.domain.kind === 'F64' ? (net as ReluNet<number>) : convertNet(net as ReluNet<Rational>, createF64());
  const D = parameterCount(fnet);
  const { rows, flagged } = batchJacobian(fnet, points, { onZero: 'flag' });
  const near = points.filter((x) => nearKink(fnet, x, options.nearZero ?? 1e-12)).length;
  const flat = new Float64Array(rows.length * D);
  rows.forEach((r, i) => flat.set(r, i * D));
  const fr = floatRank(flat, rows.length, D, options);
  const confirm = options.confirm ?? 'never';
  let exactRank: number | null = null;
  if (confirm === 'always' || (confirm === 'unclear' && (!fr.clear || flagged.length > 0 || near > 0))) {
    const exactNet = net.domain.kind === 'QQ' ? (net as ReluNet<Rational>) : convertNet(fnet, QQ);
    const exactPoints = options.exactPoints ?? points.map((x) => x.map(rationalFromFloat));
    exactRank = batchFunctionalDimension(exactNet, exactPoints, { onZero: 'flag' }).batchFunctionalDimension;
  }
  return {
    batchFunctionalDimension: exactRank ?? fr.rank,
    parameterCount: D,
    upperBound: D - hiddenNeuronCount(fnet),
    points: points.length,
    floatRank: fr,
    nearKinkPoints: near + flagged.length,
    exactRank,
    exact: exactRank !== null,
  };
}

function nearKink(net: ReluNet<number>, x: readonly number[], nearZero: number): boolean {
  const scale = 1 + x.reduce((s, v) => s + Math.abs(v), 0);
  let h: readonly number[] = x;
  for (const { W, b } of net.layers.slice(0, -1)) {
    const z = W.rows.map((row, i) => row.reduce((s, w, j) => s + w * h[j], b[i]));
    if (z.some((v) => v !== 0 && Math.abs(v) <= nearZero * scale)) return true;
    h = z.map((v) => (v > 0 ? v : 0));
  }
  return false;
}

/** Batch laws: 'normal' N(0, I); 'wide' equal parts N(0, I), N(0, 10^2 I), N(0, 100^2 I) and Cauchy (LITERATURE-A 7). */
export type BatchLaw = 'normal' | 'wide';

/** A random batch of `size` points in R^d. */
export function randomBatch(d: number, size: number, law: BatchLaw, rng: SeededRng): number[][] {
  const scales = law === 'normal' ? [1] : [1, 10, 100, 0];
  return Array.from({ length: size }, (_, i) => {
    const s = scales[i % scales.length];
    return Array.from({ length: d }, () => (s === 0 ? Math.tan(Math.PI * (rng.nextFloat() - 0.5)) : s * rng.nextNormal()));
  });
}

/** The default random batch size: max(4 D, 500) (LITERATURE-A 7). */
export function defaultBatchSize(net: ReluNet<unknown>): number {
  return Math.max(4 * parameterCount(net), 500, inputDim(net) + 1);
}
