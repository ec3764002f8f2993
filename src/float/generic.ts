/**
 * Float kernels for any activation (activation.ts): shallow scalar nets
 * f(x) = c + sum_j v_j sigma(w_j . x + b_j) of any input dimension, and dense nets
 * A_L o sigma o ... o sigma o A_1 of any depth, theta in relu-net/1 order (layout.ts).
 *
 * One point at a time: pre-activations z into the workspace, then one `evaluate` call per layer
 * gives sigma(z) and sigma'(z) for the whole layer (so the activation's loop is monomorphic and
 * the kernel's call site sees one call per point and layer, not one per unit). Then
 *   sse gradient (r = f(x_i) - y_i, delta_L = 2 r):  dW_l += delta_l h_{l-1}^T, db_l += delta_l,
 *   delta_{l-1} = (W_l^T delta_l) * sigma'(z_{l-1});
 *   Jacobian row of x_i: the same backward pass from delta_L = 1 (for each output).
 *
 * Sums run in the order of shallow.ts and dense.ts (z = b + sum over inputs ascending, f = c +
 * sum over units ascending), so with ReLU the forward passes agree with the fast ReLU kernels bit
 * for bit, the univariate gradient too; the gradient for d > 1 and deep nets adds the same terms
 * in another order (the fast kernels sum four points, or a block of points, first), within a few
 * ulps. The fast kernels stay ReLU's path (objective.ts chooses); these serve every other activation.
 */
import type { Activation } from './activation.js';
import { checkArray, checkRowArray, checkRows } from './checks.js';
import { shallowSize } from './layout.js';
import { checkShallowCall } from './shallow.js';

/** Workspace length of the generic shallow kernels: 3 m (z, sigma(z), sigma'(z)). */
export function genericShallowWorkspaceSize(m: number): number {
  return 3 * m;
}

/** f at the point X[ox..ox+d); leaves z, sigma(z), sigma'(z) in work[0..3m). */
function shallowPoint(d: number, m: number, X: Float64Array, ox: number, theta: Float64Array, ot: number, act: Activation, work: Float64Array): number {
  const ob = ot + m * d;
  const ov = ob + m;
  for (let j = 0; j < m; j++) {
    let z = theta[ob + j];
    const ow = ot + j * d;
    for (let k = 0; k < d; k++) z += theta[ow + k] * X[ox + k];
    work[j] = z;
  }
  act.evaluate(work, 0, work, m, work, 2 * m, m);
  let f = theta[ov + m];
  for (let j = 0; j < m; j++) f += theta[ov + j] * work[m + j];
  return f;
}

/** f at the rows i0..i1-1 of X (n x d), written to out[oo + i - i0]. */
export function shallowForwardGeneric(d: number, m: number, X: Float64Array, i0: number, i1: number, theta: Float64Array, ot: number, out: Float64Array, oo: number, act: Activation, work: Float64Array): void {
  checkShallowCall('shallowForwardGeneric', d, m, X, null, i0, i1, theta, ot);
  checkArray('shallowForwardGeneric', 'out', out, oo, i1 - i0);
  checkArray('shallowForwardGeneric', 'work', work, 0, genericShallowWorkspaceSize(m));
  for (let i = i0; i < i1; i++) out[oo + i - i0] = shallowPoint(d, m, X, i * d, theta, ot, act, work);
}

/** sse over rows i0..i1-1 and, when `grad` is given, its gradient written (not added) to grad[og..]. */
export function shallowSseGradientGeneric(
  d: number,
  m: number,
  X: Float64Array,
  y: Float64Array,
  i0: number,
  i1: number,
  theta: Float64Array,
  ot: number,
  grad: Float64Array | null,
  og: number,
  act: Activation,
  work: Float64Array,
): number {
  checkShallowCall('shallowSseGradientGeneric', d, m, X, y, i0, i1, theta, ot);
  checkArray('shallowSseGradientGeneric', 'grad', grad, og, shallowSize(d, m));
  checkArray('shallowSseGradientGeneric', 'work', work, 0, genericShallowWorkspaceSize(m));
  const ov = ot + m * d + m;
  const gb = og + m * d;
  const gv = gb + m;
  if (grad !== null) grad.fill(0, og, gv + m + 1);
  let sse = 0;
  let sumT = 0;
  for (let i = i0; i < i1; i++) {
    const ox = i * d;
    const r = shallowPoint(d, m, X, ox, theta, ot, act, work) - y[i];
    sse += r * r;
    if (grad === null) continue;
    const t = 2 * r;
    sumT += t;
    for (let j = 0; j < m; j++) {
      grad[gv + j] += t * work[m + j];
      const e = t * theta[ov + j] * work[2 * m + j];
      if (e === 0) continue;
      grad[gb + j] += e;
      const gw = og + j * d;
      for (let k = 0; k < d; k++) grad[gw + k] += e * X[ox + k];
    }
  }
  if (grad !== null) grad[gv + m] = sumT;
  return sse;
}

/**
 * The Jacobian d f(x_i) / d theta of rows i0..i1-1: row i - i0 at out[oo + (i - i0) P], P = m (d + 2) + 1
 * entries in relu-net/1 order: v_j sigma'(z_ij) x_i (w_j), v_j sigma'(z_ij) (b_j), sigma(z_ij) (v_j), 1 (c).
 */
export function shallowJacobian(d: number, m: number, X: Float64Array, i0: number, i1: number, theta: Float64Array, ot: number, out: Float64Array, oo: number, act: Activation, work: Float64Array): void {
  const P = shallowSize(d, m);
  checkShallowCall('shallowJacobian', d, m, X, null, i0, i1, theta, ot);
  checkArray('shallowJacobian', 'out', out, oo, (i1 - i0) * P);
  checkArray('shallowJacobian', 'work', work, 0, genericShallowWorkspaceSize(m));
  const ov = ot + m * d + m;
  for (let i = i0; i < i1; i++) {
    const ox = i * d;
    const row = oo + (i - i0) * P;
    shallowPoint(d, m, X, ox, theta, ot, act, work);
    for (let j = 0; j < m; j++) {
      const e = theta[ov + j] * work[2 * m + j];
      for (let k = 0; k < d; k++) out[row + j * d + k] = e * X[ox + k];
      out[row + m * d + j] = e;
      out[row + m * d + m + j] = work[m + j];
    }
    out[row + P - 1] = 1;
  }
}

interface DenseShape {
  readonly L: number;
  /** Units of all layers, sum_{l >= 1} n_l, and the widest layer. */
  readonly units: number;
  readonly max: number;
  readonly params: number;
  /** Start of layer l's units (index l - 1) in each of the z, h, g regions. */
  readonly start: number[];
}

function denseShape(widths: ArrayLike<number>): DenseShape {
  const L = widths.length - 1;
  const start: number[] = [];
  let units = 0;
  let max = 0;
  let params = 0;
  for (let l = 1; l <= L; l++) {
    start.push(units);
    units += widths[l];
    max = Math.max(max, widths[l]);
    params += widths[l] * (widths[l - 1] + 1);
  }
  return { L, units, max, params, start };
}

/** Workspace length of the generic dense kernels: 3 sum_{l >= 1} n_l + 2 max_l n_l. */
/** The rows of X and Y, theta and the workspace (checks.ts). */
function checkDenseCall(fn: string, widths: ArrayLike<number>, s: DenseShape, X: Float64Array, Y: Float64Array | null, i0: number, i1: number, theta: Float64Array, ot: number, work: Float64Array): void {
  checkRows(fn, i0, i1);
  checkRowArray(fn, 'X', X, i1, widths[0], 'input');
  checkRowArray(fn, 'Y', Y, i1, widths[s.L], 'output');
  checkArray(fn, 'theta', theta, ot, s.params);
  checkArray(fn, 'work', work, 0, workspaceOf(s));
}

const workspaceOf = (s: DenseShape): number => 3 * s.units + 2 * s.max;

export function genericDenseWorkspaceSize(widths: ArrayLike<number>): number {
  return workspaceOf(denseShape(widths));
}

/** Forward pass of one point: z of every layer at work[start], sigma(z) at units + start, sigma'(z) at 2 units + start (the output layer: h = z). */
function densePoint(widths: ArrayLike<number>, s: DenseShape, X: Float64Array, ox: number, theta: Float64Array, ot: number, act: Activation, work: Float64Array): void {
  const U = s.units;
  let at = ot;
  for (let l = 1; l <= s.L; l++) {
    const nIn = widths[l - 1];
    const nOut = widths[l];
    const ob = at + nOut * nIn;
    const zo = s.start[l - 1];
    const source = l === 1 ? X : work;
    const so = l === 1 ? ox : U + s.start[l - 2];
    for (let j = 0; j < nOut; j++) {
      let z = theta[ob + j];
      const ow = at + j * nIn;
      for (let k = 0; k < nIn; k++) z += theta[ow + k] * source[so + k];
      work[zo + j] = z;
    }
    if (l < s.L) act.evaluate(work, zo, work, U + zo, work, 2 * U + zo, nOut);
    else work.copyWithin(U + zo, zo, zo + nOut);
    at = ob + nOut;
  }
}

/**
 * Adds the backward pass of the point at X[ox..] (after densePoint) to grad[og..], from the
 * output deltas at work[3 units .. 3 units + n_L).
 */
function denseBackward(widths: ArrayLike<number>, s: DenseShape, X: Float64Array, ox: number, theta: Float64Array, ot: number, grad: Float64Array, og: number, work: Float64Array): void {
  const U = s.units;
  let dCur = 3 * U;
  let dNext = 3 * U + s.max;
  let at = ot + s.params;
  for (let l = s.L; l >= 1; l--) {
    const nIn = widths[l - 1];
    const nOut = widths[l];
    at -= nOut * (nIn + 1);
    const gw = og + (at - ot);
    const gb = gw + nOut * nIn;
    const source = l === 1 ? X : work;
    const so = l === 1 ? ox : U + s.start[l - 2];
    if (l > 1) work.fill(0, dNext, dNext + nIn);
    for (let j = 0; j < nOut; j++) {
      const e = work[dCur + j];
      if (e === 0) continue;
      grad[gb + j] += e;
      const ow = at + j * nIn;
      const gr = gw + j * nIn;
      for (let k = 0; k < nIn; k++) {
        grad[gr + k] += e * source[so + k];
        if (l > 1) work[dNext + k] += e * theta[ow + k];
      }
    }
    if (l > 1) {
      const go = 2 * U + s.start[l - 2];
      for (let k = 0; k < nIn; k++) work[dNext + k] *= work[go + k];
    }
    [dCur, dNext] = [dNext, dCur];
  }
}

/** f at rows i0..i1-1 of X (n x n_0) into out (n_L per point, from oo). */
export function denseForwardGeneric(widths: ArrayLike<number>, X: Float64Array, i0: number, i1: number, theta: Float64Array, ot: number, out: Float64Array, oo: number, act: Activation, work: Float64Array): void {
  const s = denseShape(widths);
  checkDenseCall('denseForwardGeneric', widths, s, X, null, i0, i1, theta, ot, work);
  checkArray('denseForwardGeneric', 'out', out, oo, (i1 - i0) * widths[s.L]);
  const n0 = widths[0];
  const nL = widths[s.L];
  const outAt = s.units + s.start[s.L - 1];
  for (let i = i0; i < i1; i++) {
    densePoint(widths, s, X, i * n0, theta, ot, act, work);
    for (let j = 0; j < nL; j++) out[oo + (i - i0) * nL + j] = work[outAt + j];
  }
}

/** sse over rows i0..i1-1 of (X, Y) and, when `grad` is given, its gradient written (not added) to grad[og..]. */
export function denseSseGradientGeneric(
  widths: ArrayLike<number>,
  X: Float64Array,
  Y: Float64Array,
  i0: number,
  i1: number,
  theta: Float64Array,
  ot: number,
  grad: Float64Array | null,
  og: number,
  act: Activation,
  work: Float64Array,
): number {
  const s = denseShape(widths);
  checkDenseCall('denseSseGradientGeneric', widths, s, X, Y, i0, i1, theta, ot, work);
  checkArray('denseSseGradientGeneric', 'grad', grad, og, s.params);
  const n0 = widths[0];
  const nL = widths[s.L];
  const outAt = s.units + s.start[s.L - 1];
  if (grad !== null) grad.fill(0, og, og + s.params);
  let sse = 0;
  for (let i = i0; i < i1; i++) {
    densePoint(widths, s, X, i * n0, theta, ot, act, work);
    for (let j = 0; j < nL; j++) {
      const r = work[outAt + j] - Y[i * nL + j];
      sse += r * r;
      work[3 * s.units + j] = 2 * r;
    }
    if (grad !== null) denseBackward(widths, s, X, i * n0, theta, ot, grad, og, work);
  }
  return sse;
}

/**
 * The Jacobian of a dense net: for each row i of i0..i1-1 and output o, the row d f_o(x_i) / d theta
 * (relu-net/1 order, P = number of parameters) at out[oo + ((i - i0) n_L + o) P].
 */
export function denseJacobian(widths: ArrayLike<number>, X: Float64Array, i0: number, i1: number, theta: Float64Array, ot: number, out: Float64Array, oo: number, act: Activation, work: Float64Array): void {
  const s = denseShape(widths);
  checkDenseCall('denseJacobian', widths, s, X, null, i0, i1, theta, ot, work);
  checkArray('denseJacobian', 'out', out, oo, (i1 - i0) * widths[s.L] * s.params);
  const n0 = widths[0];
  const nL = widths[s.L];
  for (let i = i0; i < i1; i++) {
    for (let o = 0; o < nL; o++) {
      densePoint(widths, s, X, i * n0, theta, ot, act, work);
      work.fill(0, 3 * s.units, 3 * s.units + nL);
      work[3 * s.units + o] = 1;
      const row = oo + ((i - i0) * nL + o) * s.params;
      out.fill(0, row, row + s.params);
      denseBackward(widths, s, X, i * n0, theta, ot, out, row, work);
    }
  }
}
