/**
 * Dense matrices over a domain. The matrix holds its domain (QQ, ZZ or F64) so the bare
 * algorithm names (`rank`, `det`, ...) can dispatch on it. Matrices are treated as immutable:
 * algorithms copy before they eliminate.
 */
import { DimensionError } from '../core/errors.js';
import type { Field, Ring } from '../field/field.js';
import { QQ } from '../field/qq.js';
import { Rational } from '../field/rational.js';

export class Mat<T> {
  private constructor(
    readonly domain: Ring<T>,
    readonly nrows: number,
    readonly ncols: number,
    readonly rows: readonly (readonly T[])[],
  ) {}

  /**
   * A matrix from its rows. `ncols` is needed only for a matrix with no rows. Throws
   * DimensionError on ragged rows.
   */
  static fromRows<T>(domain: Ring<T>, rows: readonly (readonly T[])[], ncols?: number): Mat<T> {
    const n = rows.length > 0 ? rows[0].length : (ncols ?? 0);
    rows.forEach((r, i) => {
      if (r.length !== n) throw new DimensionError('Mat.fromRows', `row ${i} has ${r.length} entries, row 0 has ${n}`);
    });
    if (ncols !== undefined && ncols !== n) throw new DimensionError('Mat.fromRows', `rows have ${n} entries, ncols says ${ncols}`);
    return new Mat(domain, rows.length, n, rows.map((r) => r.slice()));
  }

  static zeros<T>(domain: Ring<T>, nrows: number, ncols: number): Mat<T> {
    return new Mat(domain, nrows, ncols, Array.from({ length: nrows }, () => new Array<T>(ncols).fill(domain.zero)));
  }

  static identity<T>(domain: Ring<T>, n: number): Mat<T> {
    return Mat.fromRows(
      domain,
      Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? domain.one : domain.zero))),
      n,
    );
  }

  get(i: number, j: number): T {
    return this.rows[i][j];
  }

  row(i: number): T[] {
    return this.rows[i].slice();
  }

  col(j: number): T[] {
    return this.rows.map((r) => r[j]);
  }

  /** A mutable copy of the entries (for algorithms that eliminate in place). */
  toArrays(): T[][] {
    return this.rows.map((r) => r.slice());
  }

  transpose(): Mat<T> {
    return Mat.fromRows(
      this.domain,
      Array.from({ length: this.ncols }, (_, j) => this.col(j)),
      this.nrows,
    );
  }

  /** Entry-wise map into another domain. */
  map<U>(domain: Ring<U>, f: (x: T, i: number, j: number) => U): Mat<U> {
    return Mat.fromRows(
      domain,
      this.rows.map((r, i) => r.map((x, j) => f(x, i, j))),
      this.ncols,
    );
  }

  /** The same matrix over another domain, through exact rationals (F64 targets round to nearest). */
  convert<U>(domain: Ring<U>): Mat<U> {
    const from = this.domain;
    return this.map(domain, (x) => domain.fromRational(from.toRational(x)));
  }

  equals(other: Mat<T>): boolean {
    return (
      this.nrows === other.nrows &&
      this.ncols === other.ncols &&
      this.rows.every((r, i) => r.every((x, j) => this.domain.eq(x, other.rows[i][j])))
    );
  }

  toString(): string {
    return this.rows.map((r) => r.map((x) => this.domain.format(x)).join('\t')).join('\n');
  }
}

/** A rational matrix from numbers, bigints, "p/q" strings or Rationals (tests and examples). */
export function qqMatrix(rows: readonly (readonly (Rational | bigint | number | string)[])[], ncols?: number): Mat<Rational> {
  return Mat.fromRows(QQ, rows.map((r) => r.map(toRational)), ncols);
}

function toRational(x: Rational | bigint | number | string): Rational {
  if (x instanceof Rational) return x;
  if (typeof x === 'bigint') return Rational.fromBigint(x);
  if (typeof x === 'number') return Rational.of(x);
  const [n, d] = x.split('/');
  return Rational.of(BigInt(n), d === undefined ? 1n : BigInt(d));
}

export function matMul<T>(a: Mat<T>, b: Mat<T>): Mat<T> {
  if (a.ncols !== b.nrows) throw new DimensionError('matMul', `${a.nrows}x${a.ncols} times ${b.nrows}x${b.ncols}`);
  const F = a.domain;
  const out: T[][] = [];
  for (let i = 0; i < a.nrows; i++) {
    const row = new Array<T>(b.ncols).fill(F.zero);
    const ai = a.rows[i];
    for (let k = 0; k < a.ncols; k++) {
      const aik = ai[k];
      if (F.isZero(aik)) continue;
      const bk = b.rows[k];
      for (let j = 0; j < b.ncols; j++) row[j] = F.add(row[j], F.mul(aik, bk[j]));
    }
    out.push(row);
  }
  return Mat.fromRows(F, out, b.ncols);
}

export function matVec<T>(a: Mat<T>, x: readonly T[]): T[] {
  if (a.ncols !== x.length) throw new DimensionError('matVec', `${a.nrows}x${a.ncols} times a vector of length ${x.length}`);
  const F = a.domain;
  return a.rows.map((r) => r.reduce((acc, aij, j) => F.add(acc, F.mul(aij, x[j])), F.zero));
}

/** Helper for algorithms generic over a field: narrows the domain type of a matrix. */
export function fieldOf<T>(a: Mat<T>, fn: string): Field<T> {
  const d = a.domain as Field<T>;
  if (typeof d.div !== 'function') throw new DimensionError(fn, `needs a matrix over a field (QQ or F64), got ${a.domain.kind}`);
  return d;
}

/** The largest |entry| (zero for an empty matrix). */
export function maxAbsEntry<T>(F: Ring<T>, rows: readonly (readonly T[])[]): T {
  let best = F.zero;
  for (const r of rows) for (const x of r) if (F.cmp(F.abs(x), best) > 0) best = F.abs(x);
  return best;
}

/** |x| > |y| in the domain's order. */
export function absGreater<T>(F: Ring<T>, x: T, y: T): boolean {
  return F.cmp(F.abs(x), F.abs(y)) > 0;
}
