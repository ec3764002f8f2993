/**
 * Determinant of an integer matrix from a linear solve (Abbott, Bronstein and Mulders 1999,
 * "Fast deterministic computation of determinants of dense matrices"; Pan 1988; the survey
 * part of Storjohann 2005): solve A x = b for a fixed pseudo-random integer b by Dixon lifting.
 * By Cramer's rule det(A) x = adj(A) b is an integer vector, so the lcm s of the denominators of
 * x (in lowest terms) divides det A; for most matrices s is det A up to a small cofactor (s is
 * the largest invariant factor of A with high probability, and the others are usually 1). The
 * cofactor t = det A / s is an integer with |t| <= H / s (H Hadamard's bound), recovered by CRT
 * from t = det A * s^-1 mod p for primes p not dividing s whose product exceeds 2 H / s: a few
 * primes instead of the ~ log2(2H) / 26 that `detModularIntegerCrt` needs.
 *
 * Everything is certified: a residue det A mod p0 != 0 proves A nonsingular, so the exactly
 * checked solution (dixon.ts) is the unique one and s divides det A; the CRT of t is a proof by
 * the bound. Whatever b is, only the running time depends on it (s = 1 just needs all the primes).
 * A matrix singular modulo the first prime (a singular matrix, or an unlucky prime) is left to the
 * CRT-only algorithm (det.ts), which decides det = 0.
 */
import { bitLength, gcdBig } from '../../field/bigint.js';
import { SeededRng } from '../../core/rng.js';
import { DimensionError } from '../../core/errors.js';
import { CrtBasis } from './crt.js';
import { lift } from './dixon.js';
import { integerMatrix, log2MinorBound, log2Norms, type IntegerMatrix } from './integer-matrix.js';
import { invMod, mulMod } from './modp.js';
import { primeAt } from './primes.js';
import { detModP } from './det-modp.js';
import type { ModularOptions } from './certified.js';

/**
 * The entries of b, from [-B_RANGE, B_RANGE]: a prime power q^e of the last invariant factor is
 * missed from s with probability about 1 / q when b is uniform mod q, so a range far above the
 * small primes is enough; 2^20 keeps the lifting in float64 (dixon.ts).
 */
const B_RANGE = 1 << 20;
const B_SEED = 20260101;

export interface DixonDetOptions extends ModularOptions {
  /** The right-hand side b (length n) instead of the pseudo-random one; tests use it to make s small. */
  rhs?: readonly bigint[];
}

/**
 * det A for a square integer matrix A (n >= 1) by the solve-then-cofactor method (module
 * comment); undefined when A is singular modulo the first prime (then the caller decides).
 */
export function detModularIntegerDixon(a: IntegerMatrix, options: DixonDetOptions = {}): bigint | undefined {
  const n = a.nrows;
  if (options.rhs !== undefined && options.rhs.length !== n) throw new DimensionError('detModularIntegerDixon', `A is ${n}x${n} but rhs has length ${options.rhs.length}`);
  const work = new Float64Array(n * n);
  let index = options.firstPrime ?? 0;
  const p0 = primeAt(index++);
  const d0 = detModP(a, p0, work);
  if (d0 === 0) return undefined;
  const rng = new SeededRng(B_SEED);
  const b = options.rhs ?? Array.from({ length: n }, () => BigInt(rng.nextInt(-B_RANGE, B_RANGE)));
  const aug = a.rows.map((row, i) => [...row, b[i]]);
  const identity = Array.from({ length: n }, (_, i) => i);
  const log2Cramer = log2MinorBound(log2Norms(integerMatrix(aug, n + 1)), n);
  // No early reconstructions: the numerators and the denominator of x are typically close to
  // Hadamard's bound, so every attempt before the bound would fail (and cost a big Euclid each).
  const x = lift(aug, n, { rank: n, pivotRows: identity, pivotCols: identity }, p0, log2Cramer, false);
  if (x === undefined) return undefined; // not reached: A is invertible mod p0 and the bound holds
  // s = lcm of the reduced denominators of nums / den = den / gcd(den, nums...).
  let g = x.den;
  for (const v of x.nums) if (g !== 1n && v !== 0n) g = gcdBig(g, v);
  const s = x.den / g;
  // |t| <= H / s <= 2^(log2H - (bitLength(s) - 1)): the CRT modulus must exceed twice that.
  const need = 1 + log2MinorBound(log2Norms(a), n) - (bitLength(s) - 1) + 1e-6;
  const primes = [p0];
  const residues = [Float64Array.of(cofactorResidue(d0, s, p0))]; // p0 does not divide s: s | det A, det A != 0 mod p0
  let have = Math.log2(p0);
  while (have <= need) {
    const p = primeAt(index++);
    if (s % BigInt(p) === 0n) continue; // det A = 0 mod p: says nothing about t
    primes.push(p);
    residues.push(Float64Array.of(cofactorResidue(detModP(a, p, work), s, p)));
    have += Math.log2(p);
  }
  return s * new CrtBasis(primes).combine(residues, 1, true)[0];
}

/** t = d * s^-1 mod p (s not divisible by p). */
function cofactorResidue(d: number, s: bigint, p: number): number {
  return mulMod(d, invMod(Number(s % BigInt(p)), p), p);
}
