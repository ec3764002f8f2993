/**
 * From residues to exact integers and rationals: the Chinese remainder theorem in Garner's
 * mixed-radix form (the digits are computed in float64, only the final Horner sum is bigint),
 * rational reconstruction (Wang 1981; the half-extended Euclidean algorithm), and fractions in
 * lowest terms over a shared denominator without one big gcd per entry.
 */
import { absBig, bitLength, gcdBig } from '../../field/bigint.js';
import { Rational } from '../../field/rational.js';
import { invMod } from './modp.js';

/** Garner's constants for a list of distinct primes: inv(p_j) mod p_k for j < k, and prod p_k. */
export class CrtBasis {
  readonly modulus: bigint;
  private readonly inverses: Float64Array[];

  constructor(readonly primes: readonly number[]) {
    this.inverses = primes.map((pk, k) => {
      const row = new Float64Array(k);
      for (let j = 0; j < k; j++) row[j] = invMod(primes[j] % pk, pk);
      return row;
    });
    this.modulus = primes.reduce((acc, q) => acc * BigInt(q), 1n);
  }

  /**
   * The integers X with X = residues[k][t] mod primes[k] for every k, t: symmetric
   * (|X| <= modulus / 2) when `symmetric`, else in [0, modulus).
   */
  combine(residues: readonly Float64Array[], count: number, symmetric: boolean): bigint[] {
    const K = this.primes.length;
    // Mixed-radix digits, prime by prime across all entries (independent operations pipeline
    // well; a per-entry loop is bound by the latency of its dependency chain).
    const digits: Float64Array[] = [];
    for (let k = 0; k < K; k++) {
      const pk = this.primes[k];
      const pinv = 1 / pk;
      const inv = this.inverses[k];
      const d = residues[k].slice(0, count);
      for (let j = 0; j < k; j++) {
        const dj = digits[j];
        const c = inv[j];
        for (let t = 0; t < count; t++) d[t] = reduceLocal((d[t] - dj[t] + pk) * c, pk, pinv);
      }
      digits.push(d);
    }
    const out = new Array<bigint>(count);
    const half = this.modulus / 2n;
    const pairs: bigint[] = [];
    for (let k = 1; k < K; k += 2) pairs[k] = BigInt(this.primes[k - 1] * this.primes[k]);
    for (let t = 0; t < count; t++) {
      // X = d_0 + p_0 (d_1 + p_1 (d_2 + ...)): two digits at a time, d_k + p_k d_{k+1} < 2^52.
      let x = 0n;
      let k = K - 1;
      if (K % 2 === 1) {
        x = BigInt(digits[k][t]);
        k--;
      }
      for (; k >= 1; k -= 2) x = x * pairs[k] + BigInt(digits[k - 1][t] + this.primes[k - 1] * digits[k][t]);
      out[t] = symmetric && x > half ? x - this.modulus : x;
    }
    return out;
  }
}

/**
 * The fraction n/d with |n| <= bound, 0 < d <= bound and n = d u (mod M), when one exists with
 * bound = floor(sqrt(M / 2)) (then it is unique); undefined otherwise.
 */
export function rationalReconstruction(u: bigint, M: bigint): { num: bigint; den: bigint } | undefined {
  const bound = sqrtFloor(M / 2n);
  let r0 = M;
  let r1 = ((u % M) + M) % M;
  let t0 = 0n;
  let t1 = 1n;
  // Lehmer's acceleration (Knuth, TAOCP 2, 4.5.2, Algorithm L) while the remainders are long: a
  // batch of quotients from the leading 50 bits, proved to be the true ones, applied as one
  // 2x2 matrix. The remainders decrease, so a batch that ends above the bound skipped no stop;
  // one that ends at or below it is undone, and single steps finish.
  const boundBits = bitLength(bound);
  while (r1 > bound && bitLength(r1) > boundBits + 60) {
    const k = BigInt(bitLength(r0) - 50);
    const m = lehmerBatch(Number(r0 >> k), Number(r1 >> k));
    if (m === undefined) {
      const q = r0 / r1;
      [r0, r1] = [r1, r0 - q * r1];
      [t0, t1] = [t1, t0 - q * t1];
      continue;
    }
    const [A, B, C, D] = m.map(BigInt);
    const s1 = C * r0 + D * r1;
    if (s1 <= bound) break;
    [r0, r1] = [A * r0 + B * r1, s1];
    [t0, t1] = [A * t0 + B * t1, C * t0 + D * t1];
  }
  while (r1 > bound) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (t1 === 0n || absBig(t1) > bound) return undefined;
  return t1 < 0n ? { num: -r1, den: -t1 } : { num: r1, den: t1 };
}

/**
 * Knuth's Algorithm L on the leading parts uh, vh (< 2^50) of u >= v: the cofactor matrix
 * [A, B; C, D] of the Euclidean steps whose quotients floor((uh + A) / (vh + C)) and
 * floor((uh + B) / (vh + D)) agree, hence are the quotients of the full u, v; undefined when not
 * even one step is certain. Every value stays below 2^51, exact in float64.
 */
function lehmerBatch(uh: number, vh: number): [number, number, number, number] | undefined {
  let A = 1;
  let B = 0;
  let C = 0;
  let D = 1;
  for (;;) {
    if (vh + C === 0 || vh + D === 0) break;
    const q = Math.floor((uh + A) / (vh + C));
    if (q !== Math.floor((uh + B) / (vh + D))) break;
    [A, C] = [C, A - q * C];
    [B, D] = [D, B - q * D];
    [uh, vh] = [vh, uh - q * vh];
  }
  return B === 0 ? undefined : [A, B, C, D];
}

/** floor(sqrt(n)) for n >= 0 (Newton's iteration from above). */
export function sqrtFloor(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) / 2n;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * nums[i] / den in lowest terms (den != 0). Instead of one gcd(num_i, den) per entry (a bigint
 * Euclid of ~0.4 ms at 1400 bits), one gcd G = gcd(prod num_i mod den, den): every common
 * factor of some num_i with den divides G with at least its multiplicity there, so
 * gcd(num_i, den) = gcd(num_i mod G, G), which is cheap because G is small for typical inputs.
 */
export function fractionsOverDenominator(nums: readonly bigint[], den: bigint): Rational[] {
  if (den === 0n) throw new RangeError('fractionsOverDenominator: zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const d = absBig(den);
  if (d === 1n) return nums.map((x) => Rational.fromBigint(sign * x));
  let product = 1n;
  for (const x of nums) if (x !== 0n) product = (product * (x % d)) % d;
  const G = gcdBig(product, d);
  return nums.map((x) => {
    if (x === 0n) return Rational.ZERO;
    const g = G === 1n ? 1n : gcdBig(x % G, G);
    return Rational.fromLowestTerms((sign * x) / g, d / g);
  });
}

/**
 * x mod p for |x| < 2^53: modp.ts's `reduce`, repeated here because a call into another module
 * in a hot loop is not inlined under the tsx loader that `npm run bench` uses (each goes through
 * an export getter; measured 2-5x slower).
 */
export function reduceLocal(x: number, p: number, pinv: number): number {
  const y = x - p * Math.floor(x * pinv);
  return y < 0 ? y + p : y >= p ? y - p : y;
}

/**
 * Fractions num_i / den with num_i = den u_i (mod M) for residues u_i mod M: one shared
 * denominator from the first entries, a per-entry reconstruction (and a new lcm) only where the
 * shared one does not give a small numerator. Undefined when some entry has no small fraction.
 * `prefix`, when given, is this function's result on the first entries of `us` (same M), which
 * are then not reconstructed again.
 */
export function reconstructShared(us: readonly bigint[], M: bigint, prefix?: { num: bigint[]; den: bigint }): { num: bigint[]; den: bigint } | undefined {
  let den = prefix?.den ?? 1n;
  const half = M / 2n;
  const num = new Array<bigint>(us.length);
  const start = prefix?.num.length ?? 0;
  for (let i = 0; i < start; i++) num[i] = prefix!.num[i];
  for (let i = start; i < us.length; i++) {
    let v = (us[i] * den) % M;
    if (v < 0n) v += M;
    if (v > half) v -= M;
    if (v * v * 2n < M) {
      num[i] = v;
      continue;
    }
    const q = rationalReconstruction(us[i], M);
    if (q === undefined) return undefined;
    const l = (den / gcdBig(den, q.den)) * q.den;
    const up = l / den;
    for (let j = 0; j < i; j++) num[j] *= up;
    num[i] = q.num * (l / q.den);
    den = l;
    if (den * den * 2n >= M) return undefined;
  }
  return { num, den };
}
