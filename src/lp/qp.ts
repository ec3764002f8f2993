/**
 * Exact convex quadratic programming: minimise 1/2 x^T Q x + q.x subject to A x >= b, x in R^n
 * free, Q symmetric positive semidefinite, over the rationals.
 *
 * Method: the KKT conditions as a linear complementarity problem, solved by Lemke's
 * complementary pivoting (Lemke 1965; Cottle, Pang and Stone, "The Linear Complementarity
 * Problem", 4.4). With x = x+ - x- and multipliers l >= 0,
 *   w = M z + r,  z = (x+, x-, l) >= 0,  w >= 0,  z.w = 0,
 *   M = [[Q, -Q, -A^T], [-Q, Q, A^T], [A, -A, 0]],  r = (q, -q, -b),
 * whose first two blocks force Q x + q = A^T l (stationarity) and the third A x >= b with
 * complementary slackness. M is positive semidefinite, hence copositive-plus, so Lemke's method
 * ends at a solution whenever the QP has a KKT point (feasible and bounded below), and on a
 * secondary ray only when it has none (Cottle-Pang-Stone Thm 4.4.13). Degeneracy is resolved by
 * the lexicographic ratio test, which never revisits a basis: the method is finite without
 * assumptions (QPs whose optimum sits at a fully degenerate vertex, as every cone-constrained
 * problem here does at x = 0, are the normal case, not the exception).
 *
 * The tableau is fraction-free (integer entries over one denominator, Bareiss updates), as in
 * the simplex of `simplex-exact.ts`. Every answer is checked exactly before it is returned:
 * A x >= b, l >= 0, Q x + q = A^T l, l.(A x - b) = 0. For a convex QP these KKT conditions
 * are a proof of optimality, and the multipliers l are the certificate.
 */
import { DimensionError, UsageError } from '../core/errors.js';
import { lcmBig } from '../field/bigint.js';
import { Rational } from '../field/rational.js';
import { QQ } from '../field/qq.js';
import { inertia } from '../linalg/operations.js';
import { Mat } from '../linalg/mat.js';
import { findFeasiblePoint } from './interior.js';

type Matrix = readonly (readonly Rational[])[];

export interface ConvexQp {
  /** n x n, symmetric positive semidefinite (the caller's promise; `checkConvex` tests it). */
  readonly Q: Matrix;
  readonly q: readonly Rational[];
  /** Constraints A x >= b (k x n); may be empty. */
  readonly A: Matrix;
  readonly b: readonly Rational[];
}

export type QpResult =
  | {
      status: 'optimal';
      x: Rational[];
      /** 1/2 x^T Q x + q.x at x. */
      value: Rational;
      /** l >= 0 with Q x + q = A^T l and l_i (A x - b)_i = 0: the KKT certificate. */
      multipliers: Rational[];
      pivots: number;
    }
  | { status: 'infeasible'; farkas: Rational[] }
  | { status: 'unbounded' };

/** The QP's minimum with its KKT certificate, exactly (see the module comment). */
export function minimizeConvexQp(qp: ConvexQp, options: { checkConvex?: boolean } = {}): QpResult {
  const { Q, q, A, b } = qp;
  const n = q.length;
  const k = A.length;
  if (Q.length !== n || Q.some((row) => row.length !== n)) throw new DimensionError('minimizeConvexQp', `Q must be ${n} x ${n}`);
  if (b.length !== k || A.some((row) => row.length !== n)) throw new DimensionError('minimizeConvexQp', `A must be ${k} x ${n} with b of length ${k}`);
  if (options.checkConvex ?? true) checkConvex(Q);
  const N = 2 * n + k;
  const M: Rational[][] = [];
  const r: Rational[] = [];
  for (let i = 0; i < n; i++) {
    M.push([...Q[i], ...Q[i].map((v) => v.neg()), ...A.map((row) => row[i].neg())]);
    r.push(q[i]);
  }
  for (let i = 0; i < n; i++) {
    M.push(M[i].map((v) => v.neg()));
    r.push(q[i].neg());
  }
  for (let j = 0; j < k; j++) {
    M.push([...A[j], ...A[j].map((v) => v.neg()), ...new Array<Rational>(k).fill(Rational.ZERO)]);
    r.push(b[j].neg());
  }
  const solved = lemke(M, r);
  if (solved === null) {
    // No KKT point: infeasible (with a Farkas vector for -A x <= -b) or unbounded below.
    const feasible = findFeasiblePoint(
      A.map((row) => row.map((v) => v.neg())),
      b.map((v) => v.neg()),
      n,
    );
    return feasible.ok ? { status: 'unbounded' } : { status: 'infeasible', farkas: feasible.farkas };
  }
  const { z, pivots } = solved;
  const x = Array.from({ length: n }, (_, i) => z[i].sub(z[n + i]));
  const multipliers = z.slice(2 * n, N);
  checkKkt(qp, x, multipliers);
  const Qx = Q.map((row) => dotQ(row, x));
  const value = dotQ(x, Qx).div(Rational.of(2)).add(dotQ(q, x));
  return { status: 'optimal', x, value, multipliers, pivots };
}

/** Throws a UsageError unless Q is symmetric positive semidefinite (exact inertia). */
function checkConvex(Q: Matrix): void {
  Q.forEach((row, i) =>
    row.forEach((v, j) => {
      if (!v.eq(Q[j][i])) throw new UsageError(`minimizeConvexQp: Q is not symmetric at (${i}, ${j})`);
    }),
  );
  if (Q.length > 0 && inertia(Mat.fromRows(QQ, Q)).neg > 0) throw new UsageError('minimizeConvexQp: Q has a negative eigenvalue; the problem is not convex');
}

function dotQ(a: readonly Rational[], b: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  for (let i = 0; i < a.length; i++) if (!a[i].isZero() && !b[i].isZero()) s = s.add(a[i].mul(b[i]));
  return s;
}

/** The exact KKT check; a failure is a bug (the pivoting is exact). */
function checkKkt(qp: ConvexQp, x: readonly Rational[], l: readonly Rational[]): void {
  const fail = (why: string): never => {
    throw new Error(`minimizeConvexQp: KKT check failed (${why}); this is a bug`);
  };
  const { Q, q, A, b } = qp;
  if (l.some((v) => v.sign() < 0)) fail('negative multiplier');
  A.forEach((row, j) => {
    const slack = dotQ(row, x).sub(b[j]);
    if (slack.sign() < 0) fail(`constraint ${j} violated`);
    if (!slack.isZero() && !l[j].isZero()) fail(`complementarity at ${j}`);
  });
  for (let i = 0; i < q.length; i++) {
    const g = dotQ(Q[i], x).add(q[i]).sub(A.reduce((acc, row, j) => acc.add(row[i].mul(l[j])), Rational.ZERO));
    if (!g.isZero()) fail(`stationarity in coordinate ${i}`);
  }
}

/**
 * Lemke's method with the lexicographic ratio test on w = M z + r. Returns z, or null on a
 * secondary ray. Row i is scaled by the positive integer l_i clearing its denominators; then
 * w_i' = l_i w_i (complementary to z_i as before) and the covering vector is d_i = l_i > 0:
 *   w_i' - sum_j l_i M_ij z_j - l_i z0 = l_i r_i.
 */
function lemke(M: Matrix, r: readonly Rational[]): { z: Rational[]; pivots: number } | null {
  const N = r.length;
  if (r.every((v) => v.sign() >= 0)) return { z: new Array<Rational>(N).fill(Rational.ZERO), pivots: 0 };
  // Columns: w_0..w_{N-1} (their block holds B^{-1}), z_0..z_{N-1}, z0, rhs.
  const Z0 = 2 * N;
  const RHS = 2 * N + 1;
  const T: bigint[][] = M.map((row, i) => {
    const l = row.reduce((acc, v) => lcmBig(acc, v.den), r[i].den);
    const out = new Array<bigint>(2 * N + 2).fill(0n);
    out[i] = 1n;
    row.forEach((v, j) => (out[N + j] = -v.num * (l / v.den)));
    out[Z0] = -l;
    out[RHS] = r[i].num * (l / r[i].den);
    return out;
  });
  const basis = Array.from({ length: N }, (_, i) => i);
  let den = 1n;
  let pivots = 0;
  const pivot = (pr: number, k: number): void => {
    const prow = T[pr];
    const p = prow[k];
    for (let i = 0; i < N; i++) {
      if (i === pr) continue;
      const row = T[i];
      const f = row[k];
      for (let j = 0; j <= RHS; j++) row[j] = f === 0n ? (row[j] * p) / den : (row[j] * p - f * prow[j]) / den;
    }
    if (p < 0n) for (const row of T) for (let j = 0; j <= RHS; j++) row[j] = -row[j];
    den = p < 0n ? -p : p;
    basis[pr] = k;
    pivots++;
  };
  // z0 enters where r_i (= rhs_i / d_i) is smallest; among ties the largest index keeps every
  // row of (rhs, B^{-1}) lexicographically positive after the pivot.
  let r0 = 0;
  for (let i = 1; i < N; i++) if (r[i].cmp(r[r0]) <= 0) r0 = i;
  let leaving = basis[r0];
  pivot(r0, Z0);
  const limit = 100 * N + 10_000;
  while (leaving !== Z0) {
    if (pivots > limit) throw new Error('minimizeConvexQp: Lemke exceeded its pivot bound; this is a bug');
    const k = leaving < N ? leaving + N : leaving - N; // the complement of the variable that left enters
    let tied: number[] = [];
    for (let i = 0; i < N; i++) {
      if (T[i][k] <= 0n) continue;
      const c = tied.length === 0 ? -1 : ratioCompare(T[i], T[tied[0]], k, RHS);
      if (c < 0) tied = [i];
      else if (c === 0) tied.push(i);
    }
    if (tied.length === 0) return null;
    // z0 leaves whenever it attains the minimum ratio (that ends the method); otherwise the
    // lexicographic minimum of (rhs, B^{-1}) / T[i][k], unique since B^{-1} is nonsingular.
    let best = tied.find((i) => basis[i] === Z0) ?? tied[0];
    if (basis[best] !== Z0) for (const i of tied) if (lexCompare(T[i], T[best], k, N) < 0) best = i;
    leaving = basis[best];
    pivot(best, k);
  }
  const z = new Array<Rational>(N).fill(Rational.ZERO);
  basis.forEach((v, i) => {
    if (v >= N && v < 2 * N) z[v - N] = Rational.of(T[i][RHS], den);
  });
  return { z, pivots };
}

/** Sign of a[j] / a[k] - b[j] / b[k] for a[k], b[k] > 0. */
function ratioCompare(a: readonly bigint[], b: readonly bigint[], k: number, j: number): number {
  const d = a[j] * b[k] - b[j] * a[k];
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Rows a / a[k] and b / b[k] compared on the B^{-1} block (columns 0..N-1), in order. */
function lexCompare(a: readonly bigint[], b: readonly bigint[], k: number, N: number): number {
  for (let j = 0; j < N; j++) {
    const c = ratioCompare(a, b, k, j);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Least squares under linear inequalities: minimise ||G x - y||^2 subject to A x >= b.
 * `value` is the SSE ||G x - y||^2 and the `multipliers` certify it: 2 G^T (G x - y) = A^T l,
 * l >= 0, complementary. G^T G is positive semidefinite, so the problem is always convex, and
 * it is bounded below: it ends `optimal` or `infeasible`.
 */
export function minimizeLeastSquares(G: Matrix, y: readonly Rational[], A: Matrix, b: readonly Rational[]): QpResult {
  if (G.length !== y.length) throw new DimensionError('minimizeLeastSquares', `G has ${G.length} rows, y ${y.length} entries`);
  const n = G.length > 0 ? G[0].length : A.length > 0 ? A[0].length : 0;
  const Q = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => G.reduce((acc, row) => (row[i].isZero() || row[j].isZero() ? acc : acc.add(row[i].mul(row[j]))), Rational.ZERO)));
  const q = Array.from({ length: n }, (_, i) => G.reduce((acc, row, t) => acc.sub(row[i].mul(y[t])), Rational.ZERO));
  const res = minimizeConvexQp({ Q, q, A, b }, { checkConvex: false }); // G^T G is PSD by construction
  if (res.status !== 'optimal') return res;
  const sse = G.reduce((acc, row, t) => {
    const e = dotQ(row, res.x).sub(y[t]);
    return acc.add(e.mul(e));
  }, Rational.ZERO);
  return { ...res, value: sse, multipliers: res.multipliers.map((v) => v.add(v)) };
}

