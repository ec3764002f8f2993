/**
 * Exact linear programming: maximise or minimise c.x subject to A x <= b, x in R^n free.
 * Every answer carries its certificate and is checked exactly before it is returned:
 * - optimal: x feasible, dual y >= 0 with A^T y = c and b.y = c.x (LP duality);
 * - infeasible: a Farkas vector y >= 0 with A^T y = 0 and b.y < 0;
 * - unbounded: x feasible and a ray r with A r <= 0, c.r > 0.
 */
import { DimensionError } from '../core/errors.js';
import { lcmBig } from '../field/bigint.js';
import { Rational } from '../field/rational.js';
import { checkShape, combineRows, dotBig, toRationals } from './integer-rows.js';
import { simplexExact, type IntegerLp, type RawLpResult } from './simplex-exact.js';

export type LpResult =
  | { status: 'optimal'; x: Rational[]; value: Rational; dual: Rational[] }
  | { status: 'infeasible'; farkas: Rational[] }
  | { status: 'unbounded'; x: Rational[]; ray: Rational[] };

type Matrix = readonly (readonly Rational[])[];

/**
 * max c.x s.t. A x <= b (x free), exactly. `dual` (optimal) satisfies y >= 0, A^T y = c,
 * b.y = value; `farkas` (infeasible) y >= 0, A^T y = 0, b.y < 0; `ray` (unbounded) A r <= 0, c.r > 0.
 */
export function maximize(c: readonly Rational[], A: Matrix, b: readonly Rational[]): LpResult {
  const n = c.length;
  checkShape('maximize', A, b, n);
  const rowScale: bigint[] = [];
  const Ai: bigint[][] = [];
  const bi: bigint[] = [];
  A.forEach((row, i) => {
    let l = b[i].den;
    for (const x of row) if (x.den !== 1n) l = lcmBig(l, x.den);
    rowScale.push(l);
    Ai.push(row.map((x) => x.num * (l / x.den)));
    bi.push(b[i].num * (l / b[i].den));
  });
  const cScale = c.reduce((l, x) => lcmBig(l, x.den), 1n);
  const ci = c.map((x) => x.num * (cScale / x.den));
  const lp: IntegerLp = { A: Ai, b: bi, c: ci, n };
  const raw = simplexExact(lp);
  verifyRaw(lp, raw);
  switch (raw.status) {
    case 'optimal': {
      const x = toRationals(raw.x.num, raw.x.den);
      // Undo the scalings: scaled rows are rowScale_i * original, the scaled objective cScale * c.
      const dual = raw.dual.num.map((y, i) => Rational.of(y * rowScale[i], raw.dual.den * cScale));
      const value = c.reduce((s, cj, j) => s.add(cj.mul(x[j])), Rational.ZERO);
      return { status: 'optimal', x, value, dual };
    }
    case 'infeasible':
      return { status: 'infeasible', farkas: raw.farkas.map((y, i) => Rational.of(y * rowScale[i])) };
    case 'unbounded':
      return { status: 'unbounded', x: toRationals(raw.x.num, raw.x.den), ray: toRationals(raw.ray.num, raw.ray.den) };
  }
}

/** min c.x s.t. A x <= b: `maximize` of -c with the value negated (its dual satisfies A^T y = -c). */
export function minimize(c: readonly Rational[], A: Matrix, b: readonly Rational[]): LpResult {
  const r = maximize(
    c.map((x) => x.neg()),
    A,
    b,
  );
  return r.status === 'optimal' ? { ...r, value: r.value.neg() } : r;
}

/** The simplex's answer checked exactly on the integer problem; a failure is an internal error. */
export function verifyRaw(lp: IntegerLp, raw: RawLpResult): void {
  const { A, b, c, n } = lp;
  const fail = (why: string): never => {
    throw new Error(`simplex certificate check failed (${why}); this is a bug`);
  };
  const feasible = (X: readonly bigint[], dx: bigint): boolean => A.every((row, i) => dotBig(row, X) <= b[i] * dx);
  switch (raw.status) {
    case 'optimal': {
      const { x, dual } = raw;
      if (x.den <= 0n || dual.den <= 0n) fail('denominator');
      if (!feasible(x.num, x.den)) fail('primal infeasible');
      if (dual.num.some((y) => y < 0n)) fail('negative dual');
      const aty = combineRows(A, dual.num, n);
      if (aty.some((v, j) => v !== c[j] * dual.den)) fail('A^T y != c');
      if (dotBig(b, dual.num) * x.den !== dotBig(c, x.num) * dual.den) fail('duality gap');
      return;
    }
    case 'infeasible': {
      const y = raw.farkas;
      if (y.some((v) => v < 0n)) fail('negative Farkas multiplier');
      if (combineRows(A, y, n).some((v) => v !== 0n)) fail('A^T y != 0');
      if (dotBig(b, y) >= 0n) fail('b.y >= 0');
      return;
    }
    case 'unbounded': {
      if (!feasible(raw.x.num, raw.x.den)) fail('primal infeasible');
      if (!A.every((row) => dotBig(row, raw.ray.num) <= 0n)) fail('ray leaves the feasible set');
      if (dotBig(c, raw.ray.num) <= 0n) fail('ray does not improve');
      return;
    }
  }
}

/** Exact check of a Farkas certificate for A x <= b given as Rationals (for users and tests). */
export function isFarkasCertificate(A: Matrix, b: readonly Rational[], y: readonly Rational[]): boolean {
  if (y.length !== A.length) throw new DimensionError('isFarkasCertificate', `${A.length} rows but ${y.length} multipliers`);
  if (y.some((v) => v.sign() < 0)) return false;
  const n = A.length > 0 ? A[0].length : 0;
  for (let j = 0; j < n; j++) if (!A.reduce((s, row, i) => s.add(row[j].mul(y[i])), Rational.ZERO).isZero()) return false;
  return b.reduce((s, bi, i) => s.add(bi.mul(y[i])), Rational.ZERO).sign() < 0;
}
