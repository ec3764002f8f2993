/**
 * The Jacobian of the evaluation map E_Z(theta) = (f_theta(z_1), ..., f_theta(z_k)) with respect
 * to the parameters, for nets of any depth, in relu-net/1 parameter order (per layer, W row-major
 * then b: `flattenParameters`). By the chain rule through the activation pattern at z
 * (LITERATURE-A 3.6, the backprop formulas):
 *
 *   dF/dW^l_{pq} = G_l[:, p] h^{l-1}_q(z),   dF/db^l_p = G_l[:, p],
 *   G_l = W^L D_{L-1} W^{L-1} ... W^{l+1} D_l,  D_l = diag(1[z^l > 0]).
 *
 * The formulas hold where (theta, z) -> F is smooth, for which it suffices that no pre-activation
 * is exactly 0 at z (GLMW's "parametrically smooth"). A point with an exact zero is refused by
 * default (NonSmoothPointError); with `onZero: 'flag'` it is kept, using relu'(0) = 0 (the
 * derivative from the inactive side), and listed. One algorithm serves QQ (exact) and F64.
 */
import { InputError } from '../../core/errors.js';
import type { Field } from '../../field/field.js';
import { inputDim, outputDim, parameterCount, type ReluNet } from '../../network/relu-net.js';

/** A hidden neuron: `layer` indexes `net.layers` (0 is the first hidden layer), `neuron` its row. */
export interface NeuronAddress {
  readonly layer: number;
  readonly neuron: number;
}

/** A batch point where some pre-activation is exactly zero (the Jacobian is not defined there). */
export class NonSmoothPointError extends InputError {
  override name = 'NonSmoothPointError';
  constructor(
    readonly point: number,
    readonly at: NeuronAddress,
  ) {
    super(
      `point ${point} lies on the switching hyperplane of the neuron in row ${at.neuron} of layers[${at.layer}] (its pre-activation is exactly 0), where the Jacobian is not defined; ` +
        `move the point, or flag such points instead (onZero: 'flag', CLI --flag-zeros: relu'(0) = 0 is used there)`,
      { path: `points[${point}]` },
    );
  }
}

/**
 * No input point avoids every zero pre-activation (some neuron's pre-activation vanishes on all of
 * the input space, or of the box): the evaluation map is differentiable in theta at no batch, so
 * the functional dimension is not defined at this theta.
 */
export class NowhereSmoothError extends InputError {
  override name = 'NowhereSmoothError';
  constructor(detail: string) {
    super(`the Jacobian is defined at no input point: ${detail}; the functional dimension is not defined at these parameters (perturb the bias of that neuron, or remove it)`);
  }
}

export type OnZero = 'refuse' | 'flag';

export interface JacobianOptions {
  /** A batch point with an exactly-zero pre-activation: refuse (default) or flag and use relu'(0) = 0. */
  onZero?: OnZero;
}

export interface BatchJacobian<T> {
  /** k * n_L rows (per point, one row per output), D columns. */
  readonly rows: T[][];
  /** Points with an exactly-zero pre-activation (only with onZero 'flag'), with the neurons. */
  readonly flagged: readonly { point: number; neurons: NeuronAddress[] }[];
}

/** The rows of the Jacobian at x (one per output) and the neurons whose pre-activation is zero there. */
export function jacobianAt<T>(net: ReluNet<T>, x: readonly T[]): { rows: T[][]; zeros: NeuronAddress[] } {
  const { rows, zeros } = jacobianWithTangents(net, x, 0);
  return { rows: rows.map((r) => r[0]), zeros };
}

/** The Jacobian of E_Z at the batch `points` (rows point by point, outputs within a point). */
export function batchJacobian<T>(net: ReluNet<T>, points: readonly (readonly T[])[], options: JacobianOptions = {}): BatchJacobian<T> {
  const onZero = options.onZero ?? 'refuse';
  const rows: T[][] = [];
  const flagged: { point: number; neurons: NeuronAddress[] }[] = [];
  points.forEach((x, i) => {
    if (x.length !== inputDim(net)) throw new InputError(`the net takes ${inputDim(net)} inputs, the point has ${x.length}`, { path: `points[${i}]` });
    const r = jacobianAt(net, x);
    if (r.zeros.length > 0) {
      if (onZero === 'refuse') throw new NonSmoothPointError(i, r.zeros[0]);
      flagged.push({ point: i, neurons: r.zeros });
    }
    rows.push(...r.rows);
  });
  return { rows, flagged };
}

/**
 * The Jacobian rows at x and, with `tangents` = t > 0, their derivatives along x_1..x_t for the
 * activation pattern of x held fixed: per output o, `rows[o][0]` is the row at x and
 * `rows[o][s]` (s = 1..t) is d row / d x_s. On the open region of x's pattern the row is affine in
 * x, so these n_0 + 1 rows span exactly the rows of every point of the region.
 */
export function jacobianWithTangents<T>(net: ReluNet<T>, x: readonly T[], tangents: number): { rows: T[][][]; zeros: NeuronAddress[]; margin: StepMargin<T> } {
  const F = net.domain as Field<T>;
  const L = net.layers.length;
  const t1 = tangents + 1;
  // h[k][j] = [value, d/dx_1, ..., d/dx_t] of the input to layer k (h[0] = x).
  const h: T[][][] = [x.map((v, j) => Array.from({ length: t1 }, (_, s) => (s === 0 ? v : s - 1 === j ? F.one : F.zero)))];
  const active: boolean[][] = [];
  const zeros: NeuronAddress[] = [];
  const margin: StepMargin<T> = { slack: null, gradient: F.zero };
  for (let k = 0; k < L - 1; k++) {
    const { W, b } = net.layers[k];
    const prev = h[k];
    const next: T[][] = [];
    const on: boolean[] = [];
    for (let i = 0; i < W.nrows; i++) {
      const row = W.rows[i];
      const z = new Array<T>(t1).fill(F.zero);
      z[0] = b[i];
      for (let j = 0; j < row.length; j++) {
        if (F.sign(row[j]) === 0) continue;
        for (let s = 0; s < t1; s++) if (F.sign(prev[j][s]) !== 0) z[s] = F.add(z[s], F.mul(row[j], prev[j][s]));
      }
      const sign = F.sign(z[0]);
      if (sign === 0) zeros.push({ layer: k, neuron: i });
      if (tangents > 0) widenMargin(F, margin, z);
      on.push(sign > 0);
      next.push(sign > 0 ? z : new Array<T>(t1).fill(F.zero));
    }
    active.push(on);
    h.push(next);
  }
  const nOut = outputDim(net);
  const D = parameterCount(net);
  const rows: T[][][] = [];
  for (let o = 0; o < nOut; o++) {
    // g[k][i] = dF_o / d z^{k+1}_i (the pre-activation of layer k), backwards from the output.
    const g: T[][] = new Array<T[]>(L);
    g[L - 1] = Array.from({ length: nOut }, (_, i) => (i === o ? F.one : F.zero));
    for (let k = L - 2; k >= 0; k--) {
      const W = net.layers[k + 1].W;
      g[k] = active[k].map((on, i) => {
        if (!on) return F.zero;
        let s = F.zero;
        for (let r = 0; r < W.nrows; r++) if (F.sign(g[k + 1][r]) !== 0) s = F.add(s, F.mul(g[k + 1][r], W.rows[r][i]));
        return s;
      });
    }
    const out: T[][] = Array.from({ length: t1 }, () => new Array<T>(D));
    let at = 0;
    for (let k = 0; k < L; k++) {
      const { W } = net.layers[k];
      for (let i = 0; i < W.nrows; i++) {
        const gi = g[k][i];
        for (let j = 0; j < W.ncols; j++) {
          for (let s = 0; s < t1; s++) out[s][at] = F.sign(gi) === 0 ? F.zero : F.mul(gi, h[k][j][s]);
          at++;
        }
      }
      for (let i = 0; i < W.nrows; i++) {
        out[0][at] = g[k][i];
        for (let s = 1; s < t1; s++) out[s][at] = F.zero;
        at++;
      }
    }
    rows.push(out);
  }
  return { rows, zeros, margin };
}

/**
 * How far x can move while every pre-activation keeps its sign: the least |z(x)| over the
 * pre-activations that vary with x (null when none does), and the largest L1 norm of their
 * gradients. A step of slack / (2 gradient) along any coordinate stays in x's region: layer by
 * layer the earlier signs hold, so the later pre-activations stay the same affine functions.
 */
export interface StepMargin<T> {
  slack: T | null;
  gradient: T;
}

function widenMargin<T>(F: Field<T>, margin: StepMargin<T>, z: readonly T[]): void {
  let g = F.zero;
  for (let s = 1; s < z.length; s++) g = F.add(g, F.abs(z[s]));
  if (F.sign(g) === 0) return;
  const a = F.abs(z[0]);
  if (margin.slack === null || F.cmp(a, margin.slack) < 0) margin.slack = a;
  if (F.cmp(g, margin.gradient) > 0) margin.gradient = g;
}
