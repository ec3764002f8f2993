/**
 * The squared loss of a univariate shallow net in spline coordinates (Sahs et al. 2022;
 * LITERATURE-A 2.3 and 2.5, with sse = sum r^2, so every formula there is doubled):
 * f(x) = c + sum_i mu_i relu(s_i (x - beta_i)), coordinates (mu_1, beta_1, ..., mu_m, beta_m, c).
 * With A_i = {n : s_i (x_n - beta_i) > 0} and no beta_i on a data point,
 *   J[n][mu_i] = relu(s_i (x_n - beta_i)),  J[n][beta_i] = -mu_i s_i 1[n in A_i],  J[n][c] = 1,
 *   grad = 2 J^T r,  H = 2 (J^T J + R),  R = blocks [[0, rho_i], [rho_i, 0]] on (mu_i, beta_i),
 *   rho_i = d2f/dmu_i dbeta_i summed with the residuals = -s_i sum_{A_i} r_n.
 * The chart (w, b, v, c) -> (mu, beta, c), mu = v |w|, beta = -b / w, is defined where every
 * w_i != 0; `splineChart` gives it with its Jacobian, so the two sets of derivatives can be
 * checked against each other by the chain rule.
 */
import { DimensionError } from '../../core/errors.js';
import { QQ } from '../../field/qq.js';
import { Rational } from '../../field/rational.js';
import { Mat } from '../../linalg/mat.js';
import { createReluNet, type ReluNet } from '../../network/relu-net.js';
import { shallowUnivariateParameters } from '../../spline/lens.js';
import { labelled, sumOfSquares, type LabelledInput } from './data.js';

/** A univariate shallow net in spline coordinates (every w_i != 0). */
export interface SplineNet {
  readonly mu: readonly Rational[];
  readonly beta: readonly Rational[];
  readonly s: readonly (1 | -1)[];
  readonly c: Rational;
}

export interface SplineChart extends SplineNet {
  /** d(mu_1, beta_1, ..., mu_m, beta_m, c) / d(theta in relu-net/1 order: w_1..w_m, b_1..b_m, v_1..v_m, c). */
  readonly jacobian: Rational[][];
}

/** Names of the spline coordinates, in order. */
export function splineCoordinateNames(m: number): string[] {
  return [...Array.from({ length: m }, (_, i) => [`mu_${i + 1}`, `beta_${i + 1}`]).flat(), 'c'];
}

/** The spline coordinates of a univariate shallow net and the chart's Jacobian (DimensionError when some w_i = 0). */
export function splineChart(net: ReluNet<Rational>): SplineChart {
  const { w, b, v, c } = shallowUnivariateParameters(net, 'splineChart');
  const m = w.length;
  const zero = w.findIndex((x) => x.isZero());
  if (zero >= 0) throw new DimensionError('splineChart', `neuron ${zero + 1} has w = 0: it has no breakpoint, so the net lies outside the spline chart`);
  const s = w.map((x) => x.sign() as 1 | -1);
  const mu = w.map((x, i) => v[i].mul(x.abs()));
  const beta = w.map((x, i) => b[i].neg().div(x));
  const P = 3 * m + 1;
  const jacobian = Array.from({ length: 2 * m + 1 }, () => new Array<Rational>(P).fill(Rational.ZERO));
  for (let i = 0; i < m; i++) {
    jacobian[2 * i][i] = v[i].mul(Rational.of(s[i])); // dmu/dw = v s
    jacobian[2 * i][2 * m + i] = w[i].abs(); // dmu/dv = |w|
    jacobian[2 * i + 1][i] = b[i].div(w[i].mul(w[i])); // dbeta/dw = b / w^2
    jacobian[2 * i + 1][m + i] = w[i].inv().neg(); // dbeta/db = -1 / w
  }
  jacobian[2 * m][P - 1] = Rational.ONE;
  return { mu, beta, s, c, jacobian };
}

/** The net with w = s, b = -s beta, v = mu (|w| = 1: the scaling representative). */
export function netFromSpline(sp: SplineNet): ReluNet<Rational> {
  const m = sp.mu.length;
  if (m === 0) throw new DimensionError('netFromSpline', 'needs at least one neuron');
  return createReluNet(QQ, [
    { W: sp.s.map((s) => [Rational.of(s)]), b: sp.beta.map((beta, i) => beta.mul(Rational.of(-sp.s[i]))) },
    { W: [sp.mu.slice()], b: [sp.c] },
  ]);
}

/** A breakpoint exactly on a data point: neuron i, point n. */
export interface SplineTie {
  readonly neuron: number;
  readonly point: number;
}

export type SplineSseDerivatives =
  | { differentiable: true; sse: Rational; residuals: Rational[]; gradient: Rational[]; hessian: Mat<Rational>; jacobian: Rational[][] }
  | {
      differentiable: false;
      sse: Rational;
      residuals: Rational[];
      ties: SplineTie[];
      /** One-sided partials; they differ only in the beta of a neuron with a tie (and mu_i != 0). */
      right: Rational[];
      left: Rational[];
    };

/** sse with its gradient and Hessian in (mu, beta, c), exactly; or the one-sided partials at a tie. */
export function splineSseDerivatives(sp: SplineNet, data: LabelledInput, options: { outputBias?: boolean } = {}): SplineSseDerivatives {
  const fn = 'splineSseDerivatives';
  const d = labelled(data, fn);
  if (d.X.length > 0 && d.d !== 1) throw new DimensionError(fn, `needs univariate data; the points have ${d.d} coordinates`);
  const withBias = options.outputBias ?? true;
  const m = sp.mu.length;
  const x = d.X.map((r) => r[0]);
  const n = x.length;
  const act = (i: number, k: number): Rational => {
    const t = x[k].sub(sp.beta[i]).mul(Rational.of(sp.s[i]));
    return t.sign() > 0 ? t : Rational.ZERO;
  };
  const f = x.map((_, k) => sp.mu.reduce((acc, mu, i) => acc.add(mu.mul(act(i, k))), withBias ? sp.c : Rational.ZERO));
  const residuals = f.map((v, k) => v.sub(d.y[k]));
  const sse = sumOfSquares(residuals);
  const Pn = 2 * m + (withBias ? 1 : 0);
  // Columns of J, with the active set chosen by `side` at a tie (+1: beta slightly right of the point).
  const jacobianOn = (side: 1 | -1): Rational[][] =>
    x.map((xk, k) => {
      const row = new Array<Rational>(Pn).fill(Rational.ZERO);
      for (let i = 0; i < m; i++) {
        row[2 * i] = act(i, k);
        const t = xk.sub(sp.beta[i]).sign();
        const active = t === 0 ? -side * sp.s[i] > 0 : t * sp.s[i] > 0;
        if (active) row[2 * i + 1] = sp.mu[i].mul(Rational.of(-sp.s[i]));
      }
      if (withBias) row[Pn - 1] = Rational.ONE;
      return row;
    });
  const grad = (J: Rational[][]): Rational[] => Array.from({ length: Pn }, (_, a) => J.reduce((acc, row, k) => acc.add(row[a].mul(residuals[k])), Rational.ZERO).mul(Rational.of(2)));
  const ties: SplineTie[] = [];
  for (let i = 0; i < m; i++) for (let k = 0; k < n; k++) if (x[k].eq(sp.beta[i])) ties.push({ neuron: i, point: k });
  if (ties.length > 0) return { differentiable: false, sse, residuals, ties, right: grad(jacobianOn(1)), left: grad(jacobianOn(-1)) };
  const J = jacobianOn(1);
  const H = Array.from({ length: Pn }, (_, a) => Array.from({ length: Pn }, (_, b) => J.reduce((acc, row, k) => (row[a].isZero() || row[b].isZero() ? acc : acc.add(row[a].mul(row[b]))), Rational.ZERO)));
  for (let i = 0; i < m; i++) {
    let sumA = Rational.ZERO;
    for (let k = 0; k < n; k++) if (x[k].sub(sp.beta[i]).sign() * sp.s[i] > 0) sumA = sumA.add(residuals[k]);
    const rho = sumA.mul(Rational.of(-sp.s[i]));
    H[2 * i][2 * i + 1] = H[2 * i][2 * i + 1].add(rho);
    H[2 * i + 1][2 * i] = H[2 * i + 1][2 * i].add(rho);
  }
  const two = Rational.of(2);
  return {
    differentiable: true,
    sse,
    residuals,
    gradient: grad(J),
    hessian: Mat.fromRows(
      QQ,
      H.map((r) => r.map((v) => v.mul(two))),
      Pn,
    ),
    jacobian: J,
  };
}
