/**
 * The kernel of an integer matrix of full row rank, output-sensitively: the RREF kernel basis
 * (one vector per free column, that entry 1) modulo primes, combined by the CRT and recovered by
 * rational reconstruction, then verified exactly (A c = 0 for every vector; the vectors are
 * independent by their identity block). The verification is the certificate, so an unlucky prime
 * costs time, never a wrong answer. Its cost grows with the size of the kernel vectors, not with
 * Hadamard's bound on the minors as the certified `nullspace` does: Jacobian kernels at
 * float-converted parameters have entries of a few hundred bits where the bound runs to 10^4-10^5
 * (a 300 x 300 matrix of 300-bit entries). Past `maxPrimes` it gives up (null).
 */
import { Mat } from '../../linalg/mat.js';
import { CrtBasis, reconstructShared } from '../../linalg/modular/crt.js';
import { modpMatrix, rrefModP } from '../../linalg/modular/modp-api.js';
import { primeAt } from '../../linalg/modular/primes.js';
import { ZZ } from '../../field/zz.js';
import { gcdBig } from '../../field/bigint.js';

export interface KernelOptions {
  /** Primes to try before giving up (default 64). */
  maxPrimes?: number;
  /** First prime index (default 1000: apart from the primes the row-space tracker uses). */
  firstPrime?: number;
}

/** A basis of ker(A) (primitive integer vectors) when A (rows x n) has nullity `nullity`; null past the prime budget. */
export function integerKernel(A: readonly bigint[][], n: number, nullity: number, options: KernelOptions = {}): bigint[][] | null {
  const maxPrimes = options.maxPrimes ?? 64;
  if (nullity === 0) return [];
  const mat = Mat.fromRows(ZZ, A, n);
  const primes: number[] = [];
  const residues: Float64Array[] = [];
  let free: number[] | null = null;
  let nextTry = 1;
  for (let k = 0; primes.length < maxPrimes && k < 4 * maxPrimes; k++) {
    const p = primeAt((options.firstPrime ?? 1000) + k);
    const { matrix, pivots } = rrefModP(modpMatrix(mat, p));
    if (n - pivots.length !== nullity) continue; // this prime drops the rank: unlucky
    const isPivot = new Set(pivots);
    const cols = Array.from({ length: n }, (_, j) => j).filter((j) => !isPivot.has(j));
    if (free === null) free = cols;
    else if (cols.some((c, i) => c !== free![i])) continue; // another pivot set: one of the primes is unlucky
    primes.push(p);
    // Kernel vector for free column f: 1 at f, -R[k][f] at pivot column pivots[k].
    const flat = new Float64Array(nullity * n);
    cols.forEach((f, i) => {
      flat[i * n + f] = 1;
      pivots.forEach((c, k) => {
        const x = matrix.data[k * n + f];
        flat[i * n + c] = x === 0 ? 0 : p - x;
      });
    });
    residues.push(flat);
    if (primes.length < nextTry) continue;
    nextTry *= 2;
    const found = reconstruct(residues, primes, nullity, n);
    if (found !== null && found.every((c) => A.every((row) => dot(row, c) === 0n))) return found;
  }
  return null;
}

function reconstruct(residues: readonly Float64Array[], primes: readonly number[], nullity: number, n: number): bigint[][] | null {
  const crt = new CrtBasis(primes);
  const values = crt.combine(residues, nullity * n, false);
  const out: bigint[][] = [];
  for (let i = 0; i < nullity; i++) {
    const r = reconstructShared(values.slice(i * n, (i + 1) * n), crt.modulus);
    if (r === undefined) return null;
    out.push(primitive(r.num));
  }
  return out;
}

function dot(a: readonly bigint[], b: readonly bigint[]): bigint {
  let s = 0n;
  for (let j = 0; j < a.length; j++) if (a[j] !== 0n && b[j] !== 0n) s += a[j] * b[j];
  return s;
}

function primitive(v: bigint[]): bigint[] {
  let g = 0n;
  for (const x of v) if (x !== 0n) g = gcdBig(g, x);
  return g > 1n ? v.map((x) => x / g) : v;
}
