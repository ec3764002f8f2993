/**
 * Minimum-seminorm interpolation with a (conditionally) positive definite kernel and a polynomial
 * null space (Micchelli 1986; Wendland, Scattered Data Approximation, ch. 8): the f that
 * interpolates (x_n, y_n) with the least J[f] is f = sum_n a_n k(., x_n) + sum_{j < m} c_j q_j,
 * where
 *   [ K   P ] [a]   [y]
 *   [ P^T 0 ] [c] = [0],   K_nl = k(x_n, x_l),  P_nj = q_j(x_n),
 * and J[f] = a^T K a. m = 0 is plain kernel interpolation (k positive definite, no null space).
 *
 * Float: the system is solved by Gaussian elimination with partial pivoting, with the polynomial
 * basis in the centred and scaled variable u = (x - center) / halfWidth (for conditioning); the
 * residual max |f(x_n) - y_n| and the pivot ratio are returned to judge the answer by. Exact: over
 * QQ with raw monomials, through the linear algebra of src/linalg (for the rational kernels of
 * homogeneous activations: the ReLU family's spectral interpolant is exact, the natural cubic
 * spline for ReLU).
 */
import { UsageError } from '../../core/errors.js';
import { QQ } from '../../field/qq.js';
import { Rational } from '../../field/rational.js';
import { Mat } from '../../linalg/mat.js';
import { solve } from '../../linalg/operations.js';

export interface KernelInterpolant {
  evaluate(t: number): number;
  /** The kernel coefficients a. */
  readonly coefficients: Float64Array;
  /** The null-space coefficients c (in u = (x - center) / halfWidth). */
  readonly polynomial: Float64Array;
  /** a^T K a, the seminorm of f (in the kernel's normalisation). */
  readonly seminorm: number;
  /** max_n |f(x_n) - y_n|. */
  readonly residual: number;
  /** Largest over smallest |pivot| of the elimination: a rough condition indicator. */
  readonly pivotRatio: number;
}

/** Solves A z = r in place by partial pivoting (A row-major N x N); returns the pivot ratio (Infinity when singular). */
function solveDense(N: number, A: Float64Array, r: Float64Array): number {
  let big = 0;
  let small = Infinity;
  for (let k = 0; k < N; k++) {
    let p = k;
    for (let i = k + 1; i < N; i++) if (Math.abs(A[i * N + k]) > Math.abs(A[p * N + k])) p = i;
    const pivot = A[p * N + k];
    if (pivot === 0) return Infinity;
    if (p !== k) {
      for (let j = 0; j < N; j++) [A[k * N + j], A[p * N + j]] = [A[p * N + j], A[k * N + j]];
      [r[k], r[p]] = [r[p], r[k]];
    }
    big = Math.max(big, Math.abs(pivot));
    small = Math.min(small, Math.abs(pivot));
    for (let i = k + 1; i < N; i++) {
      const f = A[i * N + k] / pivot;
      if (f === 0) continue;
      for (let j = k; j < N; j++) A[i * N + j] -= f * A[k * N + j];
      r[i] -= f * r[k];
    }
  }
  for (let k = N - 1; k >= 0; k--) {
    let s = r[k];
    for (let j = k + 1; j < N; j++) s -= A[k * N + j] * r[j];
    r[k] = s / A[k * N + k];
  }
  return big / small;
}

/**
 * The minimum-seminorm interpolant of (x, y) for the kernel k with null space the polynomials of
 * degree < order. Needs distinct points, more of them than `order`.
 */
export function kernelInterpolant(x: readonly number[], y: readonly number[], k: (s: number, t: number) => number, order: number): KernelInterpolant {
  const n = x.length;
  if (y.length !== n) throw new UsageError(`kernelInterpolant: ${n} points but ${y.length} values`);
  if (n <= order) throw new UsageError(`kernelInterpolant: ${n} points cannot pin down a null space of polynomials of degree < ${order}`);
  if (new Set(x).size !== n) throw new UsageError('kernelInterpolant: the points must be distinct');
  const lo = Math.min(...x);
  const hi = Math.max(...x);
  const center = (lo + hi) / 2;
  const half = hi > lo ? (hi - lo) / 2 : 1;
  const basis = (t: number, j: number): number => ((t - center) / half) ** j;
  const N = n + order;
  const A = new Float64Array(N * N);
  const rhs = new Float64Array(N);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < n; l++) {
      A[i * N + l] = l < i ? A[l * N + i] : k(x[i], x[l]);
      scale = Math.max(scale, Math.abs(A[i * N + l]));
    }
    rhs[i] = y[i];
  }
  // the polynomial block scaled to the kernel block's size: pivoting then compares like with like
  if (!(scale > 0 && Number.isFinite(scale))) scale = 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < order; j++) {
      A[i * N + n + j] = scale * basis(x[i], j);
      A[(n + j) * N + i] = scale * basis(x[i], j);
    }
  }
  const K = A.slice(0, N * N);
  const pivotRatio = solveDense(N, A, rhs);
  const a = rhs.slice(0, n);
  const c = rhs.slice(n).map((cj) => cj * scale);
  const evaluate = (t: number): number => {
    let f = 0;
    for (let i = 0; i < n; i++) f += a[i] * k(t, x[i]);
    for (let j = 0; j < order; j++) f += c[j] * basis(t, j);
    return f;
  };
  let seminorm = 0;
  for (let i = 0; i < n; i++) for (let l = 0; l < n; l++) seminorm += a[i] * K[i * N + l] * a[l];
  const residual = Math.max(...x.map((t, i) => Math.abs(evaluate(t) - y[i])));
  return { evaluate, coefficients: a, polynomial: c, seminorm, residual, pivotRatio };
}

export interface ExactKernelInterpolant {
  evaluate(t: Rational): Rational;
  readonly coefficients: Rational[];
  /** Coefficients of 1, x, x^2, ... (raw monomials). */
  readonly polynomial: Rational[];
  readonly seminorm: Rational;
}

/** The same over QQ, for a rational kernel phi(s - t): every number exact. */
export function kernelInterpolantExact(x: readonly Rational[], y: readonly Rational[], phi: (r: Rational) => Rational, order: number): ExactKernelInterpolant {
  const n = x.length;
  if (y.length !== n) throw new UsageError(`kernelInterpolantExact: ${n} points but ${y.length} values`);
  if (n <= order) throw new UsageError(`kernelInterpolantExact: ${n} points cannot pin down a null space of polynomials of degree < ${order}`);
  const mono = (t: Rational, j: number): Rational => Array.from({ length: j }).reduce<Rational>((s) => s.mul(t), Rational.ONE);
  const rows = Array.from({ length: n + order }, (_, i) =>
    Array.from({ length: n + order }, (_, l) => {
      if (i < n && l < n) return phi(x[i].sub(x[l]));
      if (i < n) return mono(x[i], l - n);
      if (l < n) return mono(x[l], i - n);
      return Rational.ZERO;
    }),
  );
  const r = solve(Mat.fromRows(QQ, rows, n + order), [...y, ...Array.from({ length: order }, () => Rational.ZERO)]);
  if (!r.ok || !r.unique) throw new UsageError('kernelInterpolantExact: the interpolation system is singular (repeated points?)');
  const a = r.x.slice(0, n);
  const c = r.x.slice(n);
  const evaluate = (t: Rational): Rational => a.reduce((s, ai, i) => s.add(ai.mul(phi(t.sub(x[i])))), c.reduce((s, cj, j) => s.add(cj.mul(mono(t, j))), Rational.ZERO));
  let seminorm = Rational.ZERO;
  for (let i = 0; i < n; i++) for (let l = 0; l < n; l++) seminorm = seminorm.add(a[i].mul(rows[i][l]).mul(a[l]));
  return { evaluate, coefficients: a, polynomial: c, seminorm };
}
