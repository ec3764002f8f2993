/**
 * Where each parameter of a dense ReLU net sits in a flat Float64Array, in relu-net/1 order:
 * per layer, W (out x in, row-major), then b. Every kernel in `float/` reads and writes theta
 * and its gradient in this order, so one vector serves all of them, the exact path
 * (`flattenParameters`) and the optimisers.
 *
 * Shallow scalar nets f(x) = c + sum_j v_j relu(w_j . x + b_j) with m neurons and input
 * dimension d have offsets W: 0 (m x d), b: m d, v: m d + m, c: m d + 2m; total m (d + 2) + 1.
 */
import { DimensionError } from '../core/errors.js';

export interface DenseLayout {
  /** Layer widths n_0 (input), n_1, ..., n_L (output). */
  readonly widths: readonly number[];
  /** Offset of W_l (n_l x n_{l-1}, row-major) for l = 1..L, at index l - 1. */
  readonly weightOffsets: readonly number[];
  /** Offset of b_l at index l - 1. */
  readonly biasOffsets: readonly number[];
  /** Total number of parameters, sum_l n_l (n_{l-1} + 1). */
  readonly size: number;
}

/** The layout of a net with widths [n_0, ..., n_L] (L >= 1, every width >= 1). */
export function denseLayout(widths: readonly number[]): DenseLayout {
  if (widths.length < 2 || widths.some((n) => !Number.isSafeInteger(n) || n < 1)) {
    throw new DimensionError('denseLayout', `widths must be at least two positive integers, got [${widths.join(', ')}]`);
  }
  const weightOffsets: number[] = [];
  const biasOffsets: number[] = [];
  let at = 0;
  for (let l = 1; l < widths.length; l++) {
    weightOffsets.push(at);
    at += widths[l] * widths[l - 1];
    biasOffsets.push(at);
    at += widths[l];
  }
  return { widths: widths.slice(), weightOffsets, biasOffsets, size: at };
}

/** Number of parameters of a shallow scalar net (d inputs, m neurons): m (d + 2) + 1. */
export function shallowSize(d: number, m: number): number {
  return m * (d + 2) + 1;
}
