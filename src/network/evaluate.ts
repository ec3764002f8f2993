/** Evaluation of ReLU networks, exact or float, and activation patterns at a point. */
import { DimensionError } from '../core/errors.js';
import type { Sign } from '../core/sign.js';
import { lcmBig } from '../field/bigint.js';
import { Rational } from '../field/rational.js';
import { clearDenominatorsByRow } from '../linalg/fraction-free.js';
import type { Mat } from '../linalg/mat.js';
import { inputDim, outputDim, type ReluNet } from './relu-net.js';

/** Pre-activations z_k = W_k h_{k-1} + b_k of every layer at x (the last is the output). */
export function preActivations<T>(net: ReluNet<T>, x: readonly T[]): T[][] {
  if (x.length !== inputDim(net)) throw new DimensionError('preActivations', `the net takes ${inputDim(net)} inputs, the point has ${x.length}`);
  const F = net.domain;
  const out: T[][] = [];
  let h: readonly T[] = x;
  net.layers.forEach((layer, k) => {
    const z = F.kind === 'QQ' ? (affineExact(net as unknown as ReluNet<Rational>, k, h as unknown as Rational[]) as unknown as T[]) : affineGeneric(F, layer.W, layer.b, h);
    out.push(z);
    h = z.map((v) => (F.sign(v) > 0 ? v : F.zero));
  });
  return out;
}

/** The network's output vector at x. */
export function evaluate<T>(net: ReluNet<T>, x: readonly T[]): T[] {
  const z = preActivations(net, x);
  return z[z.length - 1];
}

/** The scalar output f(x) (throws DimensionError when the net has more than one output). */
export function evaluateScalar<T>(net: ReluNet<T>, x: readonly T[]): T {
  if (outputDim(net) !== 1) throw new DimensionError('evaluateScalar', `the net has ${outputDim(net)} outputs`);
  return evaluate(net, x)[0];
}

/**
 * Signs of the hidden pre-activations at x, per hidden layer: 1 active, -1 inactive, 0 exactly
 * on a neuron's switching hyperplane (F64: within the domain's tolerance).
 */
export function activationPattern<T>(net: ReluNet<T>, x: readonly T[]): Sign[][] {
  return preActivations(net, x)
    .slice(0, -1)
    .map((z) => z.map((v) => (net.domain.isZero(v) ? 0 : net.domain.sign(v))));
}

function affineGeneric<T>(F: ReluNet<T>['domain'], W: Mat<T>, b: readonly T[], h: readonly T[]): T[] {
  return W.rows.map((row, i) => row.reduce((acc, w, j) => F.add(acc, F.mul(w, h[j])), b[i]));
}

/**
 * Exact affine map on integers: each weight row is cleared of denominators once (cached per
 * network), the input brought to one common denominator, so a row costs integer products and
 * a single normalisation instead of a gcd per term.
 */
const clearedLayers = new WeakMap<ReluNet<Rational>, { rows: bigint[][]; scales: bigint[] }[]>();

function affineExact(net: ReluNet<Rational>, k: number, h: readonly Rational[]): Rational[] {
  let cache = clearedLayers.get(net);
  if (cache === undefined) {
    cache = net.layers.map((l) => clearDenominatorsByRow(l.W));
    clearedLayers.set(net, cache);
  }
  const { rows, scales } = cache[k];
  const d = h.reduce((acc, x) => (x.den === 1n ? acc : lcmBig(acc, x.den)), 1n);
  const H = h.map((x) => (x.den === d ? x.num : x.num * (d / x.den)));
  const b = net.layers[k].b;
  return rows.map((row, i) => {
    let s = 0n;
    for (let j = 0; j < row.length; j++) if (row[j] !== 0n && H[j] !== 0n) s += row[j] * H[j];
    return Rational.of(s, scales[i] * d).add(b[i]);
  });
}
