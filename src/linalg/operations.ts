/**
 * The bare names: `rank`, `det`, `rref`, `nullspace`, `solve`, `canSolve`, `inertia`. Each is a
 * dispatcher on the matrix's domain with a `method` override (as SymPy's DomainMatrix and
 * FLINT's bare function names do):
 * - QQ and ZZ: `'fraction-free'` (default; bigint Bareiss after clearing denominators) or
 *   `'gauss-jordan'` (Rational objects; slower, kept as the cross-checking second algorithm).
 * - F64: elimination with pivoting and the domain's tolerance (default), or `'fraction-free'`,
 *   which decides exactly for the floats' exact binary values.
 * - `'modular'` (QQ, ZZ, and F64 by exact binary value): elimination modulo word-size primes
 *   with an exact certificate (src/linalg/modular). `'auto'` takes it for exact matrices from
 *   the measured crossover sizes in `modularPays` (dispatch.ts) on.
 */
import { DimensionError, UsageError } from '../core/errors.js';
import type { Field } from '../field/field.js';
import { gcdBig, lcmBig } from '../field/bigint.js';
import { QQ } from '../field/qq.js';
import { ZZ } from '../field/zz.js';
import { Rational } from '../field/rational.js';
import {
  clearDenominatorsByRow,
  clearDenominatorsGlobally,
  detBareiss,
  echelonBareissInPlace,
  integerRows,
  rrefFractionFreeInPlace,
} from './fraction-free.js';
import { rankWithMarginF64, rrefGaussJordan, type RrefResult } from './gauss-jordan.js';
import { inertiaFractionFreeInPlace, inertiaSymmetricElimination, type Inertia } from './inertia.js';
import { absGreater, fieldOf, Mat, maxAbsEntry } from './mat.js';
import { modularPays, type ExactOp } from './dispatch.js';
import { detModular, nullspaceModular, rankModular, rrefModular, solveModular } from './modular/index.js';

export type LinalgMethod = 'auto' | 'fraction-free' | 'gauss-jordan' | 'modular';

export interface LinalgOptions {
  /** Which algorithm; default `'auto'` (see the module comment). */
  method?: LinalgMethod;
}

/** The solution of A x = b: a particular solution (free variables 0), or why there is none. */
export type SolveResult<T> = { ok: true; x: T[]; unique: boolean } | { ok: false; reason: 'inconsistent' };

type Path = 'ff' | 'gj' | 'float' | 'mod';

function pathFor<T>(a: Mat<T>, options: LinalgOptions | undefined, fn: ExactOp | 'inertia'): Path {
  const method = options?.method ?? 'auto';
  const kind = a.domain.kind;
  if (method === 'auto') return kind === 'F64' ? 'float' : fn !== 'inertia' && modularPays(fn, a.nrows, a.ncols) ? 'mod' : 'ff';
  if (method === 'fraction-free') return 'ff';
  if (method === 'gauss-jordan') return kind === 'F64' ? 'float' : 'gj';
  if (method === 'modular') return 'mod';
  throw new UsageError(`${fn}: unknown method ${JSON.stringify(method)} (use 'auto', 'fraction-free', 'gauss-jordan' or 'modular')`);
}

/** The exact integer or rational matrix the modular path works on (F64: the floats' binary values). */
function asExact<T>(a: Mat<T>): Mat<bigint> | Mat<Rational> {
  return a.domain.kind === 'ZZ' ? (a as unknown as Mat<bigint>) : asRational(a);
}

/** The exact rational matrix behind an exact or float matrix (floats by their binary value). */
function asRational<T>(a: Mat<T>): Mat<Rational> {
  return a.domain.kind === 'QQ' ? (a as unknown as Mat<Rational>) : a.convert(QQ);
}

/** Rank. Exact for QQ and ZZ; for F64, relative to the domain's tolerance (see rankWithMarginF64). */
export function rank<T>(a: Mat<T>, options?: LinalgOptions): number {
  switch (pathFor(a, options, 'rank')) {
    case 'ff':
      return echelonBareissInPlace(a.domain.kind === 'ZZ' ? integerRows(a as unknown as Mat<bigint>) : clearDenominatorsByRow(asRational(a)).rows, a.ncols).rank;
    case 'gj':
      return rrefGaussJordan(asRational(a)).pivots.length;
    case 'float':
      return rankWithMarginF64(a as unknown as Mat<number>).rank;
    case 'mod':
      return rankModular(asExact(a));
  }
}

/** Nullity = columns - rank (rank-nullity). */
export function nullity<T>(a: Mat<T>, options?: LinalgOptions): number {
  return a.ncols - rank(a, options);
}

/** Determinant of a square matrix, in the matrix's domain. */
export function det<T>(a: Mat<T>, options?: LinalgOptions): T {
  if (a.nrows !== a.ncols) throw new DimensionError('det', `needs a square matrix, got ${a.nrows}x${a.ncols}`);
  const D = a.domain;
  const path = pathFor(a, options, 'det');
  if (path === 'float') return detByElimination(fieldOf(a, 'det'), a);
  // Like rank and inertia, the Gauss-Jordan path of a ZZ matrix runs over QQ.
  if (path === 'gj') return D.fromRational(detByElimination(QQ, asRational(a)));
  if (path === 'mod') return D.kind === 'ZZ' ? (detModular(a as unknown as Mat<bigint>) as T) : D.fromRational(detModular(asRational(a)));
  if (D.kind === 'ZZ') return detBareiss(a as unknown as Mat<bigint>) as T;
  const { rows, scales } = clearDenominatorsByRow(asRational(a));
  const d = detBareiss(Mat.fromRows(ZZ, rows, a.ncols));
  return D.fromRational(Rational.of(d, scales.reduce((x, y) => x * y, 1n)));
}

/** det as the signed product of elimination pivots (any field; floats with partial pivoting). */
function detByElimination<T>(F: Field<T>, a: Mat<T>): T {
  const work = a.toArrays();
  const n = a.nrows;
  let result = F.one;
  for (let c = 0; c < n; c++) {
    let p = -1;
    for (let i = c; i < n; i++) {
      if (F.exact) {
        if (!F.isZero(work[i][c])) {
          p = i;
          break;
        }
      } else if (p < 0 || absGreater(F, work[i][c], work[p][c])) p = i;
    }
    if (p < 0 || (!F.exact && F.toNumber(work[p][c]) === 0)) return F.zero;
    if (p !== c) {
      [work[p], work[c]] = [work[c], work[p]];
      result = F.neg(result);
    }
    const pivot = work[c][c];
    result = F.mul(result, pivot);
    for (let i = c + 1; i < n; i++) {
      const f = F.div(work[i][c], pivot);
      for (let j = c + 1; j < n; j++) work[i][j] = F.sub(work[i][j], F.mul(f, work[c][j]));
    }
  }
  return result;
}

/** Reduced row echelon form over a field (QQ or F64); for ZZ use `rrefFractionFree`. */
export function rref<T>(a: Mat<T>, options?: LinalgOptions): RrefResult<T> {
  if (a.domain.kind === 'ZZ') throw new UsageError('rref: the RREF of an integer matrix is rational; use rrefFractionFree (den * RREF) or convert with a.convert(QQ)');
  const path = pathFor(a, options, 'rref');
  const D = a.domain;
  if (path === 'mod') {
    const r = rrefModular(asRational(a));
    return { matrix: (D.kind === 'QQ' ? r.matrix : r.matrix.convert(D)) as unknown as Mat<T>, pivots: r.pivots };
  }
  if (path !== 'ff') return rrefGaussJordan(a);
  // F64 with 'fraction-free' decides exactly on the floats' binary values (so rank, rref,
  // nullspace and solve agree under one method); the entries are then rounded to floats.
  const rows = clearDenominatorsByRow(asRational(a)).rows;
  const { den, pivots } = rrefFractionFreeInPlace(rows, a.ncols);
  const matrix = Mat.fromRows(D, rows.map((r) => r.map((x) => D.fromRational(Rational.of(x, den)))), a.ncols);
  return { matrix: matrix as unknown as Mat<T>, pivots };
}

/**
 * A basis of the right nullspace {x : A x = 0}, as vectors of length `ncols`: one per free
 * column f, with x_f = 1, zeros at the other free columns (the basis read off the RREF).
 * For ZZ matrices each vector is scaled to a primitive integer vector.
 */
export function nullspace<T>(a: Mat<T>, options?: LinalgOptions): T[][] {
  if (pathFor(a, options, 'nullspace') === 'mod') {
    const basis = nullspaceModular(asExact(a));
    const D = a.domain;
    return (D.kind === 'F64' ? (basis as Rational[][]).map((v) => v.map((x) => D.fromRational(x))) : basis) as T[][];
  }
  if (a.domain.kind === 'ZZ') {
    const basis = nullspace(a.convert(QQ), options);
    return basis.map((v) => primitiveIntegerVector(v)) as T[][];
  }
  const F = fieldOf(a, 'nullspace');
  const { matrix, pivots } = rref(a, options);
  const pivotSet = new Set(pivots);
  const basis: T[][] = [];
  for (let f = 0; f < a.ncols; f++) {
    if (pivotSet.has(f)) continue;
    const v = new Array<T>(a.ncols).fill(F.zero);
    v[f] = F.one;
    pivots.forEach((p, k) => {
      v[p] = F.neg(matrix.get(k, f));
    });
    basis.push(v);
  }
  return basis;
}

function primitiveIntegerVector(v: Rational[]): bigint[] {
  const l = v.reduce((acc, x) => lcmBig(acc, x.den), 1n);
  const ints = v.map((x) => x.num * (l / x.den));
  const g = ints.reduce((acc, x) => gcdBig(acc, x), 0n);
  return g > 1n ? ints.map((x) => x / g) : ints;
}

/** Solve A x = b over a field (QQ or F64): a particular solution, or `{ ok: false }`. */
export function solve<T>(a: Mat<T>, b: readonly T[], options?: LinalgOptions): SolveResult<T> {
  if (b.length !== a.nrows) throw new DimensionError('solve', `A is ${a.nrows}x${a.ncols} but b has length ${b.length}`);
  if (a.domain.kind === 'ZZ') throw new UsageError('solve: solutions of integer systems are rational; convert with a.convert(QQ)');
  const F = fieldOf(a, 'solve');
  if (pathFor(a, options, 'solve') === 'mod') {
    const r = solveModular(asRational(a), b.map((x) => a.domain.toRational(x)));
    return r.ok ? { ok: true, x: r.x.map((x) => F.fromRational(x)), unique: r.unique } : r;
  }
  const augmented = Mat.fromRows(
    a.domain,
    a.rows.map((r, i) => [...r, b[i]]),
    a.ncols + 1,
  );
  const { matrix, pivots } = rref(augmented, options);
  if (pivots.length > 0 && pivots[pivots.length - 1] === a.ncols) return { ok: false, reason: 'inconsistent' };
  const x = new Array<T>(a.ncols).fill(F.zero);
  pivots.forEach((p, k) => {
    x[p] = matrix.get(k, a.ncols);
  });
  return { ok: true, x, unique: pivots.length === a.ncols };
}

/** Whether A x = b has a solution (a flag, as FLINT's can_solve). */
export function canSolve<T>(a: Mat<T>, b: readonly T[], options?: LinalgOptions): boolean {
  return solve(a, b, options).ok;
}

/** Inertia of a symmetric matrix: counts of positive, negative and zero eigenvalues. */
export function inertia<T>(s: Mat<T>, options?: LinalgOptions): Inertia {
  if (s.nrows !== s.ncols) throw new DimensionError('inertia', `needs a square matrix, got ${s.nrows}x${s.ncols}`);
  const D = s.domain;
  const scale = maxAbsEntry(D, s.rows); // exact domains ignore it; F64 compares relative to it
  for (let i = 0; i < s.nrows; i++) {
    for (let j = i + 1; j < s.ncols; j++) {
      if (!D.isNegligible(D.sub(s.get(i, j), s.get(j, i)), scale)) throw new DimensionError('inertia', `needs a symmetric matrix; entries (${i},${j}) and (${j},${i}) differ`);
    }
  }
  switch (pathFor(s, options, 'inertia')) {
    case 'mod': // the fraction-free symmetric elimination is the fast exact path (README: "Inertia")
    case 'ff': {
      // An F64 matrix passes the symmetry check within the tolerance, but the fraction-free
      // elimination needs exact symmetry (its bigint divisions are exact only then): use the
      // exact symmetric part (S + S^T) / 2 of the floats' exact values.
      const q = asRational(s);
      const exact = D.kind === 'F64' ? q.map(QQ, (x, i, j) => x.add(q.get(j, i)).div(Rational.of(2n))) : q;
      return inertiaFractionFreeInPlace(D.kind === 'ZZ' ? (s as unknown as Mat<bigint>).toArrays() : clearDenominatorsGlobally(exact).rows);
    }
    case 'gj':
      return inertiaSymmetricElimination(asRational(s));
    case 'float':
      return inertiaSymmetricElimination(s);
  }
}

export type { Inertia, RrefResult };
