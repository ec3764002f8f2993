/**
 * The modular kernels as a small public API over Z/pZ (p prime, p < 2^26): rank, RREF,
 * nullspace, determinant and solve mod p on `ModpMat` (flat Float64Array rows). The certified
 * exact algorithms are built on the same kernels (certified.ts, det.ts, dixon.ts).
 */
import { DimensionError } from '../../core/errors.js';
import type { Rational } from '../../field/rational.js';
import type { Mat } from '../mat.js';
import { backSubstitute, identityRows, invMod, mulMod, type ModpMat } from './modp.js';
import { forwardEliminate } from './forward.js';
import { isPrimeSmall } from './primes.js';
import { permutationSign } from './det-modp.js';

function checkPrime(p: number, fn: string): void {
  if (!Number.isInteger(p) || p < 2 || p >= 2 ** 26 || !isPrimeSmall(p)) throw new RangeError(`${fn}: p must be a prime below 2^26, got ${p}`);
}

/** A ZZ or QQ matrix mod p (QQ: num * den^{-1}; throws RangeError when p divides a denominator). */
export function modpMatrix(a: Mat<bigint> | Mat<Rational>, p: number): ModpMat {
  checkPrime(p, 'modpMatrix');
  const P = BigInt(p);
  const m = a.nrows;
  const n = a.ncols;
  const data = new Float64Array(m * n);
  const res = (x: bigint): number => Number(((x % P) + P) % P);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const x = a.rows[i][j] as bigint | Rational;
      if (typeof x === 'bigint') data[i * n + j] = res(x);
      else {
        const d = res(x.den);
        if (d === 0) throw new RangeError(`modpMatrix: ${p} divides the denominator of entry (${i}, ${j}) = ${x}`);
        data[i * n + j] = mulMod(res(x.num), invMod(d, p), p);
      }
    }
  }
  return { p, nrows: m, ncols: n, data };
}

function eliminated(a: ModpMat, fn: string): { work: Float64Array; rows: Int32Array; rank: number; pivots: number[]; pivotRows: number[]; product: number } {
  checkPrime(a.p, fn);
  const work = a.data.slice();
  const rows = identityRows(a.nrows, a.ncols);
  if (a.nrows === 0 || a.ncols === 0) return { work, rows, rank: 0, pivots: [], pivotRows: [], product: 1 };
  const r = forwardEliminate(work, a.nrows, a.ncols, a.p, rows);
  if (r.status !== 'ok') throw new Error(`${fn}: elimination failed (internal error)`);
  return { work, rows, rank: r.profile.rank, pivots: r.profile.pivotCols, pivotRows: r.profile.pivotRows, product: r.pivotProduct };
}

/** Rank over Z/pZ. */
export function rankModP(a: ModpMat): number {
  return eliminated(a, 'rankModP').rank;
}

/** Determinant over Z/pZ, in [0, p). */
export function detModPMat(a: ModpMat): number {
  if (a.nrows !== a.ncols) throw new DimensionError('detModP', `needs a square matrix, got ${a.nrows}x${a.ncols}`);
  const e = eliminated(a, 'detModP');
  if (e.rank < a.nrows) return 0;
  return permutationSign(e.pivotRows) === 1 ? e.product : (a.p - e.product) % a.p;
}

/** RREF over Z/pZ and its pivot columns. */
export function rrefModP(a: ModpMat): { matrix: ModpMat; pivots: number[] } {
  const e = eliminated(a, 'rrefModP');
  const n = a.ncols;
  backSubstitute(e.work, n, a.p, e.rows, { rank: e.rank, pivotCols: e.pivots, pivotRows: e.pivotRows });
  const data = new Float64Array(a.nrows * n);
  for (let k = 0; k < e.rank; k++) data.set(e.work.subarray(e.rows[k], e.rows[k] + n), k * n);
  return { matrix: { p: a.p, nrows: a.nrows, ncols: n, data }, pivots: e.pivots };
}

/** Nullspace basis over Z/pZ: one vector per free column f, x_f = 1 (the RREF basis). */
export function nullspaceModP(a: ModpMat): Float64Array[] {
  const { matrix, pivots } = rrefModP(a);
  const n = a.ncols;
  const p = a.p;
  const isPivot = new Set(pivots);
  const basis: Float64Array[] = [];
  for (let f = 0; f < n; f++) {
    if (isPivot.has(f)) continue;
    const v = new Float64Array(n);
    v[f] = 1;
    pivots.forEach((c, k) => {
      const x = matrix.data[k * n + f];
      v[c] = x === 0 ? 0 : p - x;
    });
    basis.push(v);
  }
  return basis;
}

/** Solve A x = b over Z/pZ: a particular solution (free variables 0), or inconsistency. */
export function solveModP(a: ModpMat, b: ArrayLike<number>): { ok: true; x: Float64Array; unique: boolean } | { ok: false } {
  const m = a.nrows;
  const n = a.ncols;
  if (b.length !== m) throw new DimensionError('solveModP', `A is ${m}x${n} but b has length ${b.length}`);
  const data = new Float64Array(m * (n + 1));
  for (let i = 0; i < m; i++) {
    data.set(a.data.subarray(i * n, i * n + n), i * (n + 1));
    data[i * (n + 1) + n] = ((b[i] % a.p) + a.p) % a.p;
  }
  const { matrix, pivots } = rrefModP({ p: a.p, nrows: m, ncols: n + 1, data });
  if (pivots.includes(n)) return { ok: false };
  const x = new Float64Array(n);
  pivots.forEach((c, k) => {
    x[c] = matrix.data[k * (n + 1) + n];
  });
  return { ok: true, x, unique: pivots.length === n };
}
