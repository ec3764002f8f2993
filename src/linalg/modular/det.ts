/**
 * Determinant by Chinese remaindering: det A mod p for enough word-size primes that their
 * product exceeds twice Hadamard's bound (the smaller of the products of the row and of the
 * column norms), then the symmetric CRT. Deterministic: every residue is a genuine det mod p
 * (a prime dividing det A just gives the residue 0), so no prime can be unlucky. Rational
 * matrices are cleared of denominators row by row first and divided back.
 */
import { Rational } from '../../field/rational.js';
import { DimensionError } from '../../core/errors.js';
import type { Mat } from '../mat.js';
import { CrtBasis } from './crt.js';
import { integerMatrixOf, log2MinorBound, log2Norms, residues, type IntegerMatrix } from './integer-matrix.js';
import { identityRows } from './modp.js';
import { forwardEliminate } from './forward.js';
import { primeAt } from './primes.js';
import type { ModularOptions } from './certified.js';

/** Sign of the permutation k -> perm[k] (by counting cycles). */
export function permutationSign(perm: readonly number[]): 1 | -1 {
  const seen = new Uint8Array(perm.length);
  let sign: 1 | -1 = 1;
  for (let i = 0; i < perm.length; i++) {
    if (seen[i]) continue;
    let len = 0;
    for (let j = i; !seen[j]; j = perm[j]) {
      seen[j] = 1;
      len++;
    }
    if (len % 2 === 0) sign = -sign as 1 | -1;
  }
  return sign;
}

/** det A mod p for a square integer matrix. */
export function detModP(a: IntegerMatrix, p: number, work?: Float64Array): number {
  const n = a.nrows;
  const w = residues(a, p, work);
  const r = forwardEliminate(w, n, n, p, identityRows(n, n));
  if (r.status !== 'ok' || r.profile.rank < n) return 0;
  const d = r.pivotProduct;
  return permutationSign(r.profile.pivotRows) === 1 || d === 0 ? d : p - d;
}

/** det of a square integer matrix by CRT over enough primes (module comment). */
export function detModularInteger(a: IntegerMatrix, options: ModularOptions = {}): bigint {
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
export function detModular(a: Mat<bigint>, options?: ModularOptions): bigint;
export function detModular(a: Mat<Rational>, options?: ModularOptions): Rational;
export function detModular(a: Mat<bigint> | Mat<Rational>, options: ModularOptions = {}): bigint | Rational {
  if (a.nrows !== a.ncols) throw new DimensionError('detModular', `needs a square matrix, got ${a.nrows}x${a.ncols}`);
  const { int, scales } = integerMatrixOf(a);
  const d = detModularInteger(int, options);
  if (scales === undefined) return d;
  return Rational.of(
    d,
    scales.reduce((x, y) => x * y, 1n),
  );
}
