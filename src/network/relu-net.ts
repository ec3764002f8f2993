/**
 * ReLU networks of any depth: f(x) = A_L(relu(A_{L-1}(... relu(A_1 x)))), A_k(x) = W_k x + b_k,
 * with W_k of shape out x in (PyTorch's nn.Linear convention, as in relu-net/1). ReLU follows
 * every layer but the last.
 */
import { DimensionError } from '../core/errors.js';
import type { Field } from '../field/field.js';
import { Mat } from '../linalg/mat.js';

export interface Layer<T> {
  /** out x in weights. */
  readonly W: Mat<T>;
  /** Biases, length out. */
  readonly b: readonly T[];
}

export interface ReluNet<T> {
  readonly domain: Field<T>;
  readonly layers: readonly Layer<T>[];
  readonly name?: string;
  /** Free-form metadata, kept on round trip. */
  readonly meta?: unknown;
}

export interface LayerInput<T> {
  W: Mat<T> | readonly (readonly T[])[];
  b: readonly T[];
}

/** A network from its layers; checks that the shapes chain (throws DimensionError). */
export function createReluNet<T>(domain: Field<T>, layers: readonly LayerInput<T>[], options: { name?: string; meta?: unknown } = {}): ReluNet<T> {
  if (layers.length === 0) throw new DimensionError('createReluNet', 'a network needs at least one layer');
  const built = layers.map((l, k) => {
    const W = l.W instanceof Mat ? l.W : Mat.fromRows(domain, l.W);
    if (W.nrows === 0 || W.ncols === 0) throw new DimensionError('createReluNet', `layers[${k}].W is ${W.nrows}x${W.ncols}; every layer needs at least one row and one column`);
    if (l.b.length !== W.nrows) throw new DimensionError('createReluNet', `layers[${k}].b has length ${l.b.length} but W has ${W.nrows} rows`);
    return { W, b: l.b.slice() };
  });
  for (let k = 1; k < built.length; k++) {
    if (built[k].W.ncols !== built[k - 1].W.nrows) {
      throw new DimensionError('createReluNet', `layers[${k}].W has ${built[k].W.ncols} columns but layers[${k - 1}] has ${built[k - 1].W.nrows} outputs`);
    }
  }
  return { domain, layers: built, ...(options.name !== undefined ? { name: options.name } : {}), ...(options.meta !== undefined ? { meta: options.meta } : {}) };
}

/** Layer widths n_0 (input), n_1, ..., n_L (output). */
export function widths(net: ReluNet<unknown>): number[] {
  return [net.layers[0].W.ncols, ...net.layers.map((l) => l.W.nrows)];
}

export function inputDim(net: ReluNet<unknown>): number {
  return net.layers[0].W.ncols;
}

export function outputDim(net: ReluNet<unknown>): number {
  return net.layers[net.layers.length - 1].W.nrows;
}

/** Hidden widths n_1, ..., n_{L-1}. */
export function hiddenWidths(net: ReluNet<unknown>): number[] {
  return widths(net).slice(1, -1);
}

/** Number of hidden neurons N_h = sum of the hidden widths. */
export function hiddenNeuronCount(net: ReluNet<unknown>): number {
  return hiddenWidths(net).reduce((a, b) => a + b, 0);
}

/** Parameter count D = sum_k n_k (n_{k-1} + 1). */
export function parameterCount(net: ReluNet<unknown>): number {
  return net.layers.reduce((acc, l) => acc + l.W.nrows * (l.W.ncols + 1), 0);
}

/** One hidden layer and a scalar output: f(x) = c + sum_i v_i relu(w_i . x + b_i). */
export function isShallowScalar(net: ReluNet<unknown>): boolean {
  return net.layers.length === 2 && outputDim(net) === 1;
}

/** The same network over another domain (exact -> float rounds to nearest; float -> exact is exact). */
export function convertNet<T, U>(net: ReluNet<T>, domain: Field<U>): ReluNet<U> {
  return {
    ...net,
    domain,
    layers: net.layers.map((l) => ({ W: l.W.convert(domain), b: l.b.map((x) => domain.fromRational(net.domain.toRational(x))) })),
  };
}
