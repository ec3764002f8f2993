/**
 * Between the network model and the float kernels: a net and a data set as flat Float64Arrays
 * (theta in relu-net/1 order), and back. Going to floats rounds each number to the nearest
 * float64; coming back to the exact world goes through rationalFromFloat (exact).
 */
import { DimensionError, UsageError } from '../core/errors.js';
import { createF64 } from '../field/f64.js';
import { rationalFromFloat } from '../field/float-exact.js';
import { QQ } from '../field/qq.js';
import type { Rational } from '../field/rational.js';
import type { Dataset } from '../network/json-io.js';
import { createReluNet, widths as widthsOf, type ReluNet } from '../network/relu-net.js';

export interface FloatProblem {
  /** Layer widths [n_0, ..., n_L]. */
  readonly widths: number[];
  /** Parameters in relu-net/1 order. */
  readonly theta: Float64Array;
  /** Points, n x n_0 row-major. */
  readonly X: Float64Array;
  /** Labels, n x n_L row-major. */
  readonly Y: Float64Array;
  readonly n: number;
}

/** theta of a net (any domain), rounded to float64. */
export function floatTheta<T>(net: ReluNet<T>): Float64Array {
  const F = net.domain;
  const out: number[] = [];
  for (const l of net.layers) {
    for (const row of l.W.rows) for (const w of row) out.push(F.toNumber(w));
    for (const b of l.b) out.push(F.toNumber(b));
  }
  return Float64Array.from(out);
}

/** A net and a labelled data set as float arrays (labels required; scalar labels fit n_L = 1). */
export function floatProblem<T>(net: ReluNet<T>, data: Dataset<T>, fn = 'floatProblem'): FloatProblem {
  const widths = widthsOf(net);
  const d = widths[0];
  const nL = widths[widths.length - 1];
  if (data.X.ncols !== d) throw new DimensionError(fn, `the data have ${data.X.ncols} coordinate(s) per point but the net takes ${d} input(s)`);
  if (data.y === undefined) throw new UsageError(`${fn}: the data set has no labels y`);
  if (nL !== 1) throw new DimensionError(fn, `dataset/1 labels are scalars; the net has ${nL} outputs`);
  const F = data.X.domain;
  const n = data.X.nrows;
  const X = new Float64Array(n * d);
  data.X.rows.forEach((row, i) => row.forEach((x, k) => (X[i * d + k] = F.toNumber(x))));
  const Y = Float64Array.from(data.y, (y) => F.toNumber(y));
  for (const [name, a] of [['X', X], ['y', Y], ['theta', floatTheta(net)]] as const) {
    const bad = a.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new UsageError(`${fn}: ${name} has an entry (index ${bad}) beyond the float64 range`);
  }
  return { widths, theta: floatTheta(net), X, Y, n };
}

function layersOf<U>(widths: readonly number[], theta: Float64Array, cast: (x: number) => U): { W: U[][]; b: U[] }[] {
  let at = 0;
  return widths.slice(1).map((out, k) => {
    const W = Array.from({ length: out }, () => Array.from({ length: widths[k] }, () => cast(theta[at++])));
    const b = Array.from({ length: out }, () => cast(theta[at++]));
    return { W, b };
  });
}

/** The float net with parameters theta (relu-net/1 order). */
export function floatNet(widths: readonly number[], theta: Float64Array, options: { name?: string; meta?: unknown } = {}): ReluNet<number> {
  return createReluNet(createF64(), layersOf(widths, theta, (x) => x), options);
}

/** The exact net of the floats theta (each parameter's exact binary value). */
export function exactNetOfTheta(widths: readonly number[], theta: Float64Array): ReluNet<Rational> {
  return createReluNet(QQ, layersOf(widths, theta, rationalFromFloat));
}
