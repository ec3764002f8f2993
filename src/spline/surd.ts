/**
 * Quadratic surds c sqrt(r): a rational c times the square root of a positive integer r. They
 * keep the quotient coordinates of nets with rational weights exact when |w| is irrational
 * (|w|^2 is always rational): omega = w / |w| and beta = -b / |w| are rational multiples of
 * sqrt(r) with one radicand per neuron.
 *
 * Representation: r is reduced by trial division (square factors of primes up to 997 moved into
 * c) and a final perfect-square test, so r = 1 exactly when the value is rational. r is not
 * always square-free (a large prime squared times another factor stays), so equality compares
 * c^2 r and the signs, never the representations.
 */
import { Rational } from '../field/rational.js';

const SMALL_PRIMES: readonly bigint[] = (() => {
  const out: bigint[] = [];
  for (let p = 2; p < 1000; p++) if (out.every((q) => p % Number(q) !== 0)) out.push(BigInt(p));
  return out;
})();

/** floor(sqrt(n)) for n >= 0, by Newton's iteration on bigints. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Number(n) may be far off for large n: converge from above, then step down
  if (x * x > n || (x + 1n) * (x + 1n) <= n) {
    x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
    for (;;) {
      const y = (x + n / x) >> 1n;
      if (y >= x) break;
      x = y;
    }
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

export class Surd {
  private constructor(
    /** The rational factor c. */
    readonly coefficient: Rational,
    /** The radicand r >= 1 (1: the value is the rational c). */
    readonly radicand: bigint,
  ) {}

  static readonly ZERO = new Surd(Rational.ZERO, 1n);

  static of(coefficient: Rational, radicand = 1n): Surd {
    if (radicand < 1n) throw new RangeError(`Surd.of: the radicand must be a positive integer, got ${radicand}`);
    if (coefficient.isZero()) return Surd.ZERO;
    let c = coefficient;
    let r = radicand;
    for (const p of SMALL_PRIMES) {
      const p2 = p * p;
      if (p2 > r) break;
      while (r % p2 === 0n) {
        r /= p2;
        c = c.mul(Rational.fromBigint(p));
      }
    }
    const s = isqrt(r);
    if (s * s === r) return new Surd(c.mul(Rational.fromBigint(s)), 1n);
    return new Surd(c, r);
  }

  /** sqrt(q) for a rational q >= 0: sqrt(p / d) = sqrt(p d) / d. */
  static sqrt(q: Rational): Surd {
    if (q.sign() < 0) throw new RangeError(`Surd.sqrt: ${q} is negative`);
    return Surd.of(Rational.of(1n, q.den), q.num * q.den);
  }

  isRational(): boolean {
    return this.radicand === 1n;
  }

  sign(): -1 | 0 | 1 {
    return this.coefficient.sign();
  }

  /** The value as a rational (throws when it is irrational). */
  toRational(): Rational {
    if (!this.isRational()) throw new RangeError(`Surd.toRational: ${this.toString()} is irrational`);
    return this.coefficient;
  }

  /** c^2 r: the square, always rational. */
  square(): Rational {
    return this.coefficient.mul(this.coefficient).mul(Rational.fromBigint(this.radicand));
  }

  scale(q: Rational): Surd {
    return new Surd(this.coefficient.mul(q), q.isZero() ? 1n : this.radicand);
  }

  mul(o: Surd): Surd {
    return Surd.of(this.coefficient.mul(o.coefficient), this.radicand * o.radicand);
  }

  /** 1 / (c sqrt r) = (1 / (c r)) sqrt r (throws at 0). */
  inv(): Surd {
    return new Surd(this.coefficient.mul(Rational.fromBigint(this.radicand)).inv(), this.radicand);
  }

  /** The k-th power, k >= 0. */
  pow(k: number): Surd {
    let out = Surd.of(Rational.ONE);
    for (let i = 0; i < k; i++) out = out.mul(this);
    return out;
  }

  /** Exact equality of the values. */
  eq(o: Surd): boolean {
    return this.sign() === o.sign() && this.square().eq(o.square());
  }

  /** The nearest float of c times the float sqrt(r) (within about 2 ulps). */
  toNumber(): number {
    return this.coefficient.toNumber() * Math.sqrt(Number(this.radicand));
  }

  /** `p/q` when rational, else `p/q*sqrt(r)`. */
  toString(): string {
    return this.isRational() ? this.coefficient.toString() : `${this.coefficient.toString()}*sqrt(${this.radicand})`;
  }

  toJSON(): string {
    return this.toString();
  }
}
