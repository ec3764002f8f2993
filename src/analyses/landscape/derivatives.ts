/**
 * Exact derivatives of the squared loss sse(theta) = sum_i (f_theta(x_i) - y_i)^2 in the
 * parameters of a ReLU net of any depth, in relu-net/1 order (`flattenParameters`).
 *
 * Where no hidden pre-activation is 0 at a data point, every activation is constant near theta,
 * so f(x_i) is a polynomial in theta that is affine in each layer's parameters (relu'' = 0):
 * - gradient: df/dW_k[p][q] = g_k[p] h_{k-1}[q], df/db_k[p] = g_k[p], with g_k = df/dz_k by
 *   back-propagation and h_{k-1} the layer's input;
 * - Hessian: sse'' = 2 sum_i (J_i^T J_i + r_i f_i''), where f'' has only cross-layer blocks:
 *   for layers k < l, d2f/dW_k[p][q] dW_l[r][s] = g_l[r] T_{l,k}[s][p] h_{k-1}[q] (with b_k[p]:
 *   drop h_{k-1}[q]; with b_l[r]: 0), T_{l,k} = dh_{l-1}/dz_k = D_{l-1} W_{l-1} ... W_{k+1} D_k.
 * Where some pre-activation is exactly 0 at a data point the loss is not smooth there: the
 * answer is `differentiable: false` with the ties and the one-sided partial derivatives
 * (forward mode with relu'(0; t) = max(t, 0), the directional derivative of relu at 0).
 */
import { DimensionError } from '../../core/errors.js';
import { Rational } from '../../field/rational.js';
import { Mat } from '../../linalg/mat.js';
import { QQ } from '../../field/qq.js';
import { parameterCount, type ReluNet } from '../../network/relu-net.js';
import { layerOffsets } from '../../network/parameters.js';
import { labelled, sumOfSquares, type Labelled, type LabelledInput } from './data.js';

/** A hidden pre-activation exactly 0 at a data point: `layers[layer]`, row `neuron`, at `point`. */
export interface Tie {
  readonly point: number;
  readonly layer: number;
  readonly neuron: number;
}

interface Common {
  readonly sse: Rational;
  /** r_i = f(x_i) - y_i. */
  readonly residuals: Rational[];
}

export type SseDerivatives =
  | (Common & {
      readonly differentiable: true;
      /** d sse / d theta, in relu-net/1 order. */
      readonly gradient: Rational[];
      /** The exact Hessian of sse (symmetric, P x P). */
      readonly hessian: Mat<Rational>;
      /** df(x_i)/d theta, one row per point. */
      readonly jacobian: Rational[][];
    })
  | (Common & {
      readonly differentiable: false;
      readonly ties: Tie[];
      /** One-sided partials: right[p] = sse'(theta; e_p), left[p] = -sse'(theta; -e_p). */
      readonly right: Rational[];
      readonly left: Rational[];
    });

interface Forward {
  /** h[k]: the input of layers[k] (h[0] = x). */
  h: Rational[][];
  /** z[k]: pre-activations of layers[k]. */
  z: Rational[][];
}

function forward(net: ReluNet<Rational>, x: readonly Rational[]): Forward {
  const h: Rational[][] = [x.slice()];
  const z: Rational[][] = [];
  net.layers.forEach((layer, k) => {
    const zk = layer.W.rows.map((row, p) => row.reduce((acc, w, q) => (w.isZero() ? acc : acc.add(w.mul(h[k][q]))), layer.b[p]));
    z.push(zk);
    if (k < net.layers.length - 1) h.push(zk.map((v) => (v.sign() > 0 ? v : Rational.ZERO)));
  });
  return { h, z };
}

function checkScalar(net: ReluNet<Rational>, data: Labelled, fn: string): void {
  if (net.layers[net.layers.length - 1].W.nrows !== 1) throw new DimensionError(fn, 'needs a net with one output');
  if (data.X.length > 0 && data.d !== net.layers[0].W.ncols) throw new DimensionError(fn, `the net takes ${net.layers[0].W.ncols} inputs, the points have ${data.d}`);
}

/** sse, its gradient and Hessian at the net's parameters, exactly (see the module comment). */
export function sseDerivatives(net: ReluNet<Rational>, data: LabelledInput): SseDerivatives {
  const fn = 'sseDerivatives';
  const d = labelled(data, fn);
  checkScalar(net, d, fn);
  const L = net.layers.length;
  const passes = d.X.map((x) => forward(net, x));
  const residuals = passes.map((f, i) => f.z[L - 1][0].sub(d.y[i]));
  const sse = sumOfSquares(residuals);
  const ties: Tie[] = [];
  passes.forEach((f, point) => f.z.slice(0, L - 1).forEach((zk, layer) => zk.forEach((v, neuron) => v.isZero() && ties.push({ point, layer, neuron }))));
  const P = parameterCount(net);
  if (ties.length > 0) {
    const unit = (p: number, s: number): Rational[] => Array.from({ length: P }, (_, a) => (a === p ? Rational.of(s) : Rational.ZERO));
    const right = Array.from({ length: P }, (_, p) => directional(net, passes, residuals, unit(p, 1)));
    const left = Array.from({ length: P }, (_, p) => directional(net, passes, residuals, unit(p, -1)).neg());
    return { differentiable: false, sse, residuals, ties, right, left };
  }
  const off = layerOffsets(net);
  const H: Rational[][] = Array.from({ length: P }, () => new Array<Rational>(P).fill(Rational.ZERO));
  const gradient = new Array<Rational>(P).fill(Rational.ZERO);
  const jacobian: Rational[][] = [];
  passes.forEach((pass, i) => {
    const g = backward(net, pass);
    const row = new Array<Rational>(P).fill(Rational.ZERO);
    net.layers.forEach((layer, k) => {
      const { nrows, ncols } = layer.W;
      for (let p = 0; p < nrows; p++) {
        if (g[k][p].isZero()) continue;
        for (let q = 0; q < ncols; q++) row[off[k] + p * ncols + q] = g[k][p].mul(pass.h[k][q]);
        row[off[k] + nrows * ncols + p] = g[k][p];
      }
    });
    jacobian.push(row);
    const r = residuals[i];
    const nz = row.flatMap((v, a) => (v.isZero() ? [] : [a]));
    for (const a of nz) {
      gradient[a] = gradient[a].add(r.mul(row[a]));
      for (const b of nz) H[a][b] = H[a][b].add(row[a].mul(row[b]));
    }
    if (!r.isZero()) addCrossLayerTerms(net, pass, g, off, r, H);
  });
  const two = Rational.of(2);
  return {
    differentiable: true,
    sse,
    residuals,
    gradient: gradient.map((v) => v.mul(two)),
    hessian: Mat.fromRows(
      QQ,
      H.map((row) => row.map((v) => v.mul(two))),
      P,
    ),
    jacobian,
  };
}

/** g[k] = df/dz_k (back-propagation; g[L-1] = [1]). */
function backward(net: ReluNet<Rational>, pass: Forward): Rational[][] {
  const L = net.layers.length;
  const g: Rational[][] = new Array(L);
  g[L - 1] = [Rational.ONE];
  for (let k = L - 2; k >= 0; k--) {
    const W = net.layers[k + 1].W;
    g[k] = pass.z[k].map((v, p) => (v.sign() > 0 ? W.rows.reduce((acc, row, r) => (row[p].isZero() ? acc : acc.add(row[p].mul(g[k + 1][r]))), Rational.ZERO) : Rational.ZERO));
  }
  return g;
}

/** H += r f'' for one point: the cross-layer blocks of the module comment (symmetrised). */
function addCrossLayerTerms(net: ReluNet<Rational>, pass: Forward, g: Rational[][], off: number[], r: Rational, H: Rational[][]): void {
  const L = net.layers.length;
  for (let k = 0; k < L - 1; k++) {
    const nk = net.layers[k].W.nrows;
    const ck = net.layers[k].W.ncols;
    // T = dh_l / dz_k for l = k+1, ..., L-1 (h_l is the input of layers[l]): starts at D_k.
    let T: Rational[][] = Array.from({ length: nk }, (_, s) => Array.from({ length: nk }, (_, p) => (s === p && pass.z[k][p].sign() > 0 ? Rational.ONE : Rational.ZERO)));
    for (let l = k + 1; l < L; l++) {
      const Wl = net.layers[l].W;
      const nl = Wl.nrows;
      const cl = Wl.ncols;
      for (let rr = 0; rr < nl; rr++) {
        const grr = g[l][rr];
        if (grr.isZero()) continue;
        const rg = r.mul(grr);
        for (let s = 0; s < cl; s++) {
          const a = off[l] + rr * cl + s; // W_l[rr][s]
          for (let p = 0; p < nk; p++) {
            const t = T[s][p];
            if (t.isZero()) continue;
            const base = rg.mul(t);
            for (let q = 0; q < ck; q++) {
              const hq = pass.h[k][q];
              if (hq.isZero()) continue;
              const v = base.mul(hq);
              const bIdx = off[k] + p * ck + q; // W_k[p][q]
              H[a][bIdx] = H[a][bIdx].add(v);
              H[bIdx][a] = H[bIdx][a].add(v);
            }
            const bIdx = off[k] + nk * ck + p; // b_k[p]
            H[a][bIdx] = H[a][bIdx].add(base);
            H[bIdx][a] = H[bIdx][a].add(base);
          }
        }
      }
      if (l < L - 1) {
        // T <- D_l W_l T
        T = Wl.rows.map((row, u) => (pass.z[l][u].sign() > 0 ? Array.from({ length: nk }, (_, p) => row.reduce((acc, w, s) => (w.isZero() || T[s][p].isZero() ? acc : acc.add(w.mul(T[s][p]))), Rational.ZERO)) : new Array<Rational>(nk).fill(Rational.ZERO)));
      }
    }
  }
}

function reluDirectional(z: Rational, t: Rational): Rational {
  const s = z.sign();
  if (s > 0) return t;
  if (s < 0) return Rational.ZERO;
  return t.sign() > 0 ? t : Rational.ZERO;
}

/** sse'(theta; direction): the one-sided directional derivative, exact, at any point (smooth or not). */
export function sseDirectionalDerivative(net: ReluNet<Rational>, data: LabelledInput, direction: readonly Rational[]): Rational {
  const fn = 'sseDirectionalDerivative';
  const d = labelled(data, fn);
  checkScalar(net, d, fn);
  const P = parameterCount(net);
  if (direction.length !== P) throw new DimensionError(fn, `the net has ${P} parameters, the direction ${direction.length}`);
  const passes = d.X.map((x) => forward(net, x));
  const L = net.layers.length;
  return directional(
    net,
    passes,
    passes.map((f, i) => f.z[L - 1][0].sub(d.y[i])),
    direction,
  );
}

/**
 * 2 sum_i r_i f_i'(theta; direction) by forward mode, with the one-sided derivative of relu,
 * relu'(z; t) = t (z > 0), 0 (z < 0), max(t, 0) (z = 0): the chain rule holds for one-sided
 * directional derivatives of piecewise-linear (Lipschitz, directionally differentiable) maps.
 */
function directional(net: ReluNet<Rational>, passes: readonly Forward[], residuals: readonly Rational[], direction: readonly Rational[]): Rational {
  const L = net.layers.length;
  const off = layerOffsets(net);
  let total = Rational.ZERO;
  passes.forEach((pass, i) => {
    let dh = new Array<Rational>(pass.h[0].length).fill(Rational.ZERO);
    net.layers.forEach((layer, k) => {
      const { nrows, ncols } = layer.W;
      const dz = layer.W.rows.map((row, u) => {
        let acc = direction[off[k] + nrows * ncols + u];
        for (let s = 0; s < ncols; s++) {
          const dw = direction[off[k] + u * ncols + s];
          if (!dw.isZero()) acc = acc.add(dw.mul(pass.h[k][s]));
          if (!row[s].isZero() && !dh[s].isZero()) acc = acc.add(row[s].mul(dh[s]));
        }
        return acc;
      });
      if (k === L - 1) total = total.add(residuals[i].mul(dz[0]));
      else dh = dz.map((t, u) => reluDirectional(pass.z[k][u], t));
    });
  });
  return total.mul(Rational.of(2));
}
