/**
 * Exact rationals as normalised bigint pairs: `den > 0` and `gcd(num, den) = 1`, so equality
 * is structural and `toString` is already in lowest terms. fraction.js is used at the edges
 * (`toFraction`/`fromFraction`), not inside algorithms.
 */
import Fraction from 'fraction.js';
import { DivisionByZeroError } from '../core/errors.js';
import { signOfBigint, type Sign } from '../core/sign.js';
import { absBig, bitLength, gcdBig } from './bigint.js';

export class Rational {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** num/den in lowest terms; throws DivisionByZeroError when den = 0. */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = toBig(num, 'Rational.of');
    let d = toBig(den, 'Rational.of');
    if (d === 0n) throw new DivisionByZeroError('Rational.of');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Rational(n, 1n);
    const g = gcdBig(n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  static fromBigint(n: bigint): Rational {
    return new Rational(n, 1n);
  }

  /** num/den already in lowest terms with den > 0 (the caller's promise; skips the gcd, which costs ~0.4 ms at 1400 bits). */
  static fromLowestTerms(num: bigint, den: bigint): Rational {
    return new Rational(num, den);
  }

  /** The exact value of a fraction.js Fraction. */
  static fromFraction(f: Fraction): Rational {
    const s = f.s as unknown as bigint | number;
    const n = BigInt(f.n as unknown as bigint | number);
    const d = BigInt(f.d as unknown as bigint | number);
    return Rational.of(BigInt(s) * n, d);
  }

  toFraction(): Fraction {
    return new Fraction(this.num, this.den);
  }

  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  sign(): Sign {
    return signOfBigint(this.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  abs(): Rational {
    return this.num < 0n ? new Rational(-this.num, this.den) : this;
  }
  inv(): Rational {
    if (this.num === 0n) throw new DivisionByZeroError('Rational.inv');
    return this.num < 0n ? new Rational(-this.den, -this.num) : new Rational(this.den, this.num);
  }

  add(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return new Rational(this.num + o.num, 1n);
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    // Knuth 4.5.1: divide by gcd of denominators first to keep intermediates small.
    const g = gcdBig(this.den, o.den);
    if (g === 1n) return new Rational(this.num * o.den + o.num * this.den, this.den * o.den);
    const t = this.num * (o.den / g) + o.num * (this.den / g);
    const g2 = gcdBig(t, g);
    return new Rational(t / g2, (this.den / g) * (o.den / g2));
  }
  sub(o: Rational): Rational {
    return this.add(o.neg());
  }
  mul(o: Rational): Rational {
    if (this.num === 0n || o.num === 0n) return Rational.ZERO;
    if (this.den === 1n && o.den === 1n) return new Rational(this.num * o.num, 1n);
    const g1 = gcdBig(this.num, o.den);
    const g2 = gcdBig(o.num, this.den);
    return new Rational((this.num / g1) * (o.num / g2), (this.den / g2) * (o.den / g1));
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new DivisionByZeroError('Rational.div');
    return this.mul(o.inv());
  }

  cmp(o: Rational): Sign {
    if (this.den === o.den) return signOfBigint(this.num - o.num);
    return signOfBigint(this.num * o.den - o.num * this.den);
  }
  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }

  /** Lowest terms: `"p"` or `"p/q"` with q > 1 (the output form of FORMATS.md). */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
  toJSON(): string {
    return this.toString();
  }

  /** The nearest float64 (round half to even), correctly rounded even for huge num/den. */
  toNumber(): number {
    return rationalToNearestFloat(this.num, this.den);
  }
}

function toBig(x: bigint | number, fn: string): bigint {
  if (typeof x === 'bigint') return x;
  if (!Number.isSafeInteger(x)) throw new RangeError(`${fn}: ${x} is not a safe integer (convert floats with rationalFromFloat)`);
  return BigInt(x);
}

/** Correctly rounded n/d (d > 0), including subnormals, overflow to Infinity and underflow to 0. */
function rationalToNearestFloat(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  const a = absBig(n);
  // Scale so that the integer quotient has 55 or 56 bits: 53 kept plus guard bits.
  const shift = 55 - (bitLength(a) - bitLength(d));
  const scaledN = shift >= 0 ? a << BigInt(shift) : a;
  const scaledD = shift >= 0 ? d : d << BigInt(-shift);
  let q = scaledN / scaledD;
  const sticky = scaledN % scaledD !== 0n;
  // value = (q + sticky) * 2^-shift; floor(log2(value)) = bitLength(q) - 1 - shift.
  const exp = bitLength(q) - 1 - shift;
  if (exp > 1023) return negative ? -Infinity : Infinity;
  const keep = exp >= -1022 ? 53 : 53 - (-1022 - exp); // subnormals keep fewer bits
  if (keep < 0) return negative ? -0 : 0;
  const drop = bitLength(q) - keep;
  const half = 1n << BigInt(drop - 1);
  const low = q & ((1n << BigInt(drop)) - 1n);
  q >>= BigInt(drop);
  if (low > half || (low === half && (sticky || (q & 1n) === 1n))) q += 1n;
  // Exact scaling by 2^(drop - shift), split in two so no power of two under- or overflows.
  const e = drop - shift;
  const e1 = Math.trunc(e / 2);
  const value = Number(q) * 2 ** e1 * 2 ** (e - e1);
  return negative ? -value : value;
}
