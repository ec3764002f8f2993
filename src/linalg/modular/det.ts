/**
 * Exact determinants modulo word-size primes. Two algorithms, both certified:
 * - `detModularIntegerCrt`: det A mod p for enough primes that their product exceeds twice
 *   Hadamard's bound (the smaller of the products of the row and of the column norms), then the
 *   symmetric CRT. Deterministic: every residue is a genuine det mod p (a prime dividing det A
 *   just gives the residue 0), so no prime can be unlucky.
 * - `detModularIntegerDixon` (det-dixon.ts): a divisor s of det A from the denominators of a
 *   Dixon-lifted solve, then det A / s by CRT with few primes. Its lifting and check cost more
 *   than one elimination, so it pays from DIXON_FROM on (below, the CRT needs few primes).
 * Rational matrices are cleared of denominators row by row first and divided back.
 */
import { Rational } from '../../field/rational.js';
import { DimensionError } from '../../core/errors.js';
import type { Mat } from '../mat.js';
import { CrtBasis } from './crt.js';
import { integerMatrixOf, log2MinorBound, log2Norms, type IntegerMatrix } from './integer-matrix.js';
import { primeAt } from './primes.js';
import type { ModularOptions } from './certified.js';
import { detModP } from './det-modp.js';
import { detModularIntegerDixon } from './det-dixon.js';

/**
 * Smallest n from which `detModularInteger` takes the Dixon algorithm. Measured (min of repeated
 * runs, CRT time / Dixon time, entries in [-100, 100] and -20/1 .. 20/20; integer, rational):
 * 0.7, 0.8 at 40; 0.9, 1.0 at 48; 1.0, 1.0 at 56; 1.2, 1.1 at 64; 1.3, 1.4 at 80; 1.8, 1.8 at 120.
 */
export const DIXON_FROM = 56;

export interface DetModularOptions extends ModularOptions {
  /**
   * `'auto'` (default): `'dixon'` from DIXON_FROM on, else `'crt'`. `'dixon'` still ends in the
   * CRT-only algorithm when A is singular modulo the first prime. Results never depend on it.
   */
  algorithm?: 'auto' | 'crt' | 'dixon';
}

/** det of a square integer matrix by the algorithm `options.algorithm` chooses (module comment). */
export function detModularInteger(a: IntegerMatrix, options: DetModularOptions = {}): bigint {
  if (a.nrows !== a.ncols) throw new DimensionError('detModular', `needs a square matrix, got ${a.nrows}x${a.ncols}`);
  const algorithm = options.algorithm ?? 'auto';
  if (a.nrows > 0 && (algorithm === 'dixon' || (algorithm === 'auto' && a.nrows >= DIXON_FROM))) {
    const d = detModularIntegerDixon(a, options);
    if (d !== undefined) return d;
  }
  return detModularIntegerCrt(a, options);
}

/** det of a square integer matrix by CRT over enough primes (module comment). */
export function detModularIntegerCrt(a: IntegerMatrix, options: ModularOptions = {}): bigint {
  const n = a.nrows;
  if (n !== a.ncols) throw new DimensionError('detModular', `needs a square matrix, got ${a.nrows}x${a.ncols}`);
  if (n === 0) return 1n;
  const need = 1 + log2MinorBound(log2Norms(a), n) + 1e-6;
  const primes: number[] = [];
  const dets: Float64Array[] = [];
  const work = new Float64Array(n * n);
  let have = 0;
  for (let k = options.firstPrime ?? 0; have <= need; k++) {
    const p = primeAt(k);
    primes.push(p);
    dets.push(Float64Array.of(detModP(a, p, work)));
    have += Math.log2(p);
  }
  return new CrtBasis(primes).combine(dets, 1, true)[0];
}

/** Determinant of a ZZ or QQ matrix by CRT (exact). */
export function detModular(a: Mat<bigint>, options?: DetModularOptions): bigint;
export function detModular(a: Mat<Rational>, options?: DetModularOptions): Rational;
export function detModular(a: Mat<bigint> | Mat<Rational>, options: DetModularOptions = {}): bigint | Rational {
  if (a.nrows !== a.ncols) throw new DimensionError('detModular', `needs a square matrix, got ${a.nrows}x${a.ncols}`);
  const { int, scales } = integerMatrixOf(a);
  const d = detModularInteger(int, options);
  if (scales === undefined) return d;
  return Rational.of(
    d,
    scales.reduce((x, y) => x * y, 1n),
  );
}
