/**
 * The parameter vector theta of a network in relu-net/1 order: per layer, W row-major, then b.
 * Jacobians, gradients and optimisers index parameters this way.
 */
import { DimensionError } from '../core/errors.js';
import { Mat } from '../linalg/mat.js';
import { parameterCount, type ReluNet } from './relu-net.js';

export function flattenParameters<T>(net: ReluNet<T>): T[] {
  const theta: T[] = [];
  for (const l of net.layers) {
    for (const row of l.W.rows) theta.push(...row);
    theta.push(...l.b);
  }
  return theta;
}

/** A network of the same architecture as `like`, with parameters theta. */
export function withParameters<T>(like: ReluNet<T>, theta: readonly T[]): ReluNet<T> {
  if (theta.length !== parameterCount(like)) throw new DimensionError('withParameters', `the architecture has ${parameterCount(like)} parameters, theta has ${theta.length}`);
  let at = 0;
  const layers = like.layers.map((l) => {
    const rows: T[][] = [];
    for (let i = 0; i < l.W.nrows; i++) {
      rows.push(theta.slice(at, at + l.W.ncols));
      at += l.W.ncols;
    }
    const b = theta.slice(at, at + l.W.nrows);
    at += l.W.nrows;
    return { W: Mat.fromRows(like.domain, rows, l.W.ncols), b };
  });
  return { ...like, layers };
}

/** A readable name for parameter index p: `layers[k].W[i][j]` or `layers[k].b[i]`. */
export function parameterName(net: ReluNet<unknown>, p: number): string {
  let at = 0;
  for (let k = 0; k < net.layers.length; k++) {
    const { nrows, ncols } = net.layers[k].W;
    if (p < at + nrows * ncols) return `layers[${k}].W[${Math.floor((p - at) / ncols)}][${(p - at) % ncols}]`;
    at += nrows * ncols;
    if (p < at + nrows) return `layers[${k}].b[${p - at}]`;
    at += nrows;
  }
  throw new DimensionError('parameterName', `index ${p} is beyond the ${at} parameters`);
}

/** Offset of layers[k] in the relu-net/1 parameter vector. */
export function layerOffsets(net: ReluNet<unknown>): number[] {
  const out: number[] = [];
  let at = 0;
  for (const l of net.layers) {
    out.push(at);
    at += l.W.nrows * (l.W.ncols + 1);
  }
  return out;
}
