/**
 * Recovering a smooth (tanh or sigmoid) shallow net from its values at sample points, to a
 * stated precision: the demonstration that finite samples identify such nets (LITERATURE-A 4.5).
 *
 * Method (nonlinear least squares on sum_i (f_theta(x_i) - y_i)^2, theta = (a_j, w_j, b_j; c)):
 * 1. float64 Levenberg-Marquardt from seeded random starts (breakpoints -b/w spread over the
 *    samples, a and c by linear least squares), keeping the best;
 * 2. Gauss-Newton in decimal.js at `digits` significant digits (plus guard digits) from there.
 *    At a zero-residual solution with a Jacobian of full rank (an irreducible net) Gauss-Newton
 *    converges quadratically, so each step about doubles the correct digits; it stops when the
 *    step falls below 10^-(digits - 5).
 * The result is reported with its residual on the samples and its last step, and in the
 * symmetry class's representative (w > 0, neurons sorted), so it compares with a target by
 * `parameterDistance`. Nothing here is a proof: the precision is what the iteration reached.
 */
import type { Decimal } from 'decimal.js';
import { SeededRng } from '../../core/rng.js';
import { UsageError } from '../../core/errors.js';
import { activate, activateDerivative, canonicalSmoothNet, createSmoothNet, decimalContext, toDecimal, type SmoothActivation, type SmoothInput, type SmoothNet } from './smooth-net.js';

export interface RecoveryOptions {
  /** Significant digits of the decimal phase (default 60). */
  readonly digits?: number;
  /** Random starts of the float phase (default 200; it stops at the first that fits the samples to float precision). */
  readonly restarts?: number;
  readonly seed?: number;
  /** Iterations per float start (default 400) and of the decimal phase (default 60). */
  readonly floatIterations?: number;
  readonly decimalIterations?: number;
}

export interface Recovery {
  /** The recovered net, as its symmetry class's representative. */
  readonly net: SmoothNet;
  /** max_i |f(x_i) - y_i| after the decimal phase. */
  readonly residual: Decimal;
  /** The last Gauss-Newton step (max norm): the digits it moved are about the digits still uncertain. */
  readonly lastStep: Decimal;
  readonly decimalIterations: number;
  /** Sum of squares after the float phase, and the start that reached it. */
  readonly floatCost: number;
  readonly start: number;
}

/** A width-m net of the given activation through the points (xs, ys), by the two-phase least squares. */
export function recoverSmoothNet(activation: SmoothActivation, m: number, xs: readonly SmoothInput[], ys: readonly SmoothInput[], options: RecoveryOptions = {}): Recovery {
  if (!Number.isInteger(m) || m < 1) throw new UsageError(`recoverSmoothNet: width must be a positive integer, got ${m}`);
  if (xs.length !== ys.length || xs.length < 3 * m + 1) throw new UsageError(`recoverSmoothNet: need as many values as points, at least 3m + 1 = ${3 * m + 1} (got ${xs.length} points, ${ys.length} values)`);
  const digits = options.digits ?? 60;
  const D = decimalContext(digits + 20);
  const X = xs.map((x) => toDecimal(D, x));
  const Y = ys.map((y) => toDecimal(D, y));
  const best = floatPhase(activation, m, X.map((x) => x.toNumber()), Y.map((y) => y.toNumber()), options);
  let theta = best.theta.map((t) => new D(t));
  let lastStep = new D(Infinity);
  let it = 0;
  const tolerance = new D(10).pow(-(digits - 5));
  for (; it < (options.decimalIterations ?? 60); it++) {
    const { r, J } = residualsAndJacobian(D, activation, m, X, Y, theta);
    const step = solveLeastSquares(D, J, r.map((v) => v.neg()));
    if (step === null) break;
    theta = theta.map((t, k) => t.add(step[k]));
    lastStep = step.reduce((acc, v) => (v.abs().gt(acc) ? v.abs() : acc), new D(0));
    if (lastStep.lt(tolerance)) {
      it++;
      break;
    }
  }
  const { r } = residualsAndJacobian(D, activation, m, X, Y, theta);
  const residual = r.reduce((acc, v) => (v.abs().gt(acc) ? v.abs() : acc), new D(0));
  const net = createSmoothNet(activation, Array.from({ length: m }, (_, j) => ({ a: theta[3 * j], w: theta[3 * j + 1], b: theta[3 * j + 2] })), theta[3 * m]);
  return { net: canonicalSmoothNet(net), residual, lastStep, decimalIterations: it, floatCost: best.cost, start: best.start };
}

/** Residuals f_theta(x_i) - y_i and their Jacobian, in the context D. */
function residualsAndJacobian(D: typeof Decimal, activation: SmoothActivation, m: number, X: readonly Decimal[], Y: readonly Decimal[], theta: readonly Decimal[]): { r: Decimal[]; J: Decimal[][] } {
  const r: Decimal[] = [];
  const J: Decimal[][] = [];
  X.forEach((x, i) => {
    let f = theta[3 * m];
    const row: Decimal[] = [];
    for (let j = 0; j < m; j++) {
      const [a, w, b] = [theta[3 * j], theta[3 * j + 1], theta[3 * j + 2]];
      const z = w.mul(x).add(b);
      const s = activate(D, activation, z);
      const ds = activateDerivative(D, activation, z);
      f = f.add(a.mul(s));
      row.push(s, a.mul(ds).mul(x), a.mul(ds));
    }
    row.push(new D(1));
    r.push(f.sub(Y[i]));
    J.push(row);
  });
  return { r, J };
}

/** min |J d - rhs| by the normal equations, solved by Gaussian elimination with partial pivoting (null when singular). */
function solveLeastSquares(D: typeof Decimal, J: readonly Decimal[][], rhs: readonly Decimal[]): Decimal[] | null {
  const n = J[0].length;
  const A: Decimal[][] = Array.from({ length: n }, (_, p) => [
    ...Array.from({ length: n }, (_, q) => J.reduce((s, row) => s.add(row[p].mul(row[q])), new D(0))),
    J.reduce((s, row, i) => s.add(row[p].mul(rhs[i])), new D(0)),
  ]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let i = col + 1; i < n; i++) if (A[i][col].abs().gt(A[pivot][col].abs())) pivot = i;
    if (A[pivot][col].isZero()) return null;
    [A[col], A[pivot]] = [A[pivot], A[col]];
    for (let i = col + 1; i < n; i++) {
      const factor = A[i][col].div(A[col][col]);
      for (let k = col; k <= n; k++) A[i][k] = A[i][k].sub(factor.mul(A[col][k]));
    }
  }
  const x = new Array<Decimal>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = A[i][n];
    for (let k = i + 1; k < n; k++) s = s.sub(A[i][k].mul(x[k]));
    x[i] = s.div(A[i][i]);
  }
  return x;
}

/** Levenberg-Marquardt in float64 from seeded random starts; the best parameters found. */
function floatPhase(activation: SmoothActivation, m: number, xs: readonly number[], ys: readonly number[], options: RecoveryOptions): { theta: number[]; cost: number; start: number } {
  const rng = new SeededRng(options.seed ?? 1);
  const s = activation === 'tanh' ? Math.tanh : (z: number): number => 1 / (1 + Math.exp(-z));
  const ds = activation === 'tanh' ? (z: number): number => 1 - Math.tanh(z) ** 2 : (z: number): number => s(z) * (1 - s(z));
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const span = Math.max(hi - lo, 1e-9);
  const scale = Math.max(1e-300, ...ys.map(Math.abs));
  const n = 3 * m + 1;
  const evalAll = (theta: readonly number[]): { r: number[]; J: number[][]; cost: number } => {
    const r: number[] = [];
    const J: number[][] = [];
    xs.forEach((x, i) => {
      let f = theta[3 * m];
      const row: number[] = [];
      for (let j = 0; j < m; j++) {
        const z = theta[3 * j + 1] * x + theta[3 * j + 2];
        f += theta[3 * j] * s(z);
        row.push(s(z), theta[3 * j] * ds(z) * x, theta[3 * j] * ds(z));
      }
      row.push(1);
      r.push(f - ys[i]);
      J.push(row);
    });
    return { r, J, cost: r.reduce((acc, v) => acc + v * v, 0) };
  };
  let best = { theta: new Array<number>(n).fill(0), cost: Infinity, start: -1 };
  for (let start = 0; start < (options.restarts ?? 200); start++) {
    const theta = new Array<number>(n).fill(0);
    for (let j = 0; j < m; j++) {
      const w = (rng.nextNormal() * 4) / span;
      theta[3 * j + 1] = w;
      theta[3 * j + 2] = -w * (lo + rng.nextFloat() * span);
      theta[3 * j] = rng.nextNormal() * scale;
    }
    theta[3 * m] = ys.reduce((a, b) => a + b, 0) / ys.length;
    let cur = evalAll(theta);
    let lambda = 1e-3;
    for (let it = 0; it < (options.floatIterations ?? 400) && cur.cost > 1e-26 * scale * scale; it++) {
      const JtJ = Array.from({ length: n }, (_, p) => Array.from({ length: n }, (_, q) => cur.J.reduce((acc, row) => acc + row[p] * row[q], 0)));
      const g = Array.from({ length: n }, (_, p) => cur.J.reduce((acc, row, i) => acc - row[p] * cur.r[i], 0));
      const A = JtJ.map((row, p) => row.map((v, q) => (p === q ? v * (1 + lambda) + 1e-12 : v)));
      const step = solveFloat(A, g);
      if (step === null) break;
      const trial = theta.map((t, k) => t + step[k]);
      const next = evalAll(trial);
      if (Number.isFinite(next.cost) && next.cost < cur.cost) {
        theta.splice(0, n, ...trial);
        cur = next;
        lambda = Math.max(lambda / 3, 1e-15);
      } else {
        lambda *= 4;
        if (lambda > 1e12) break;
      }
    }
    if (cur.cost < best.cost) best = { theta: theta.slice(), cost: cur.cost, start };
    if (best.cost <= 1e-26 * scale * scale) break;
  }
  return best;
}

function solveFloat(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let p = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(M[i][col]) > Math.abs(M[p][col])) p = i;
    if (M[p][col] === 0 || !Number.isFinite(M[p][col])) return null;
    [M[col], M[p]] = [M[p], M[col]];
    for (let i = col + 1; i < n; i++) {
      const f = M[i][col] / M[col][col];
      for (let k = col; k <= n; k++) M[i][k] -= f * M[col][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n];
    for (let k = i + 1; k < n; k++) s -= M[i][k] * x[k];
    x[i] = s / M[i][i];
  }
  return x;
}
