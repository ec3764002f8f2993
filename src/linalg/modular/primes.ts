/**
 * Word-size primes for the modular algorithms: the primes just below 2^26, largest first.
 * Below 2^26 a product of two residues is below 2^52, so it is exact in a float64, and the
 * kernels can reduce with one multiplication by 1/p (see `mulMod`).
 *
 * Primality is decided by the Miller-Rabin test with bases 2, 3, 5 and 7, which is
 * deterministic below 3 215 031 751 (Pomerance, Selfridge and Wagstaff 1980; Jaeschke 1993):
 * the list is proved, not sampled. A test recomputes it by trial division.
 */

/** The largest prime used is below this (2^26). */
export const PRIME_BOUND = 2 ** 26;

/** a * b mod m for 0 <= a, b < m < 2^26 (the product is exact in float64). */
function mulModSmall(a: number, b: number, m: number): number {
  return (a * b) % m;
}

function powModSmall(base: number, exp: number, m: number): number {
  let result = 1;
  let b = base % m;
  while (exp > 0) {
    if (exp & 1) result = mulModSmall(result, b, m);
    b = mulModSmall(b, b, m);
    exp = Math.floor(exp / 2);
  }
  return result;
}

/** Deterministic Miller-Rabin for 2 <= n < 2^26. */
export function isPrimeSmall(n: number): boolean {
  if (!Number.isInteger(n) || n < 2 || n >= PRIME_BOUND) throw new RangeError(`isPrimeSmall: ${n} is not an integer in [2, 2^26)`);
  for (const q of [2, 3, 5, 7]) if (n % q === 0) return n === q;
  let d = n - 1;
  let s = 0;
  while (d % 2 === 0) {
    d /= 2;
    s++;
  }
  witness: for (const a of [2, 3, 5, 7]) {
    let x = powModSmall(a, d, n);
    if (x === 1 || x === n - 1) continue;
    for (let i = 1; i < s; i++) {
      x = mulModSmall(x, x, n);
      if (x === n - 1) continue witness;
    }
    return false;
  }
  return true;
}

const found: number[] = [];
let nextCandidate = PRIME_BOUND - 1;

/**
 * The k-th prime below 2^26, counting down from the largest (k = 0 is 67 108 859). The list
 * is extended on demand; there are about 3.9 million such primes, far more than any
 * computation here needs.
 */
export function primeAt(k: number): number {
  while (found.length <= k) {
    if (nextCandidate < 3) throw new RangeError(`primeAt: only ${found.length} primes below 2^26`);
    if (isPrimeSmall(nextCandidate)) found.push(nextCandidate);
    nextCandidate -= 2;
  }
  return found[k];
}
