/** Exact conversion between float64 and rationals: floats enter the exact world only here. */
import { InputError } from '../core/errors.js';
import { Rational } from './rational.js';

const view = new DataView(new ArrayBuffer(8));

/**
 * The exact value of a finite float64, mantissa x 2^exponent (IEEE 754 binary64).
 * Unlike `new Fraction(x)`, which approximates by continued fractions, nothing is rounded:
 * `rationalFromFloat(0.1)` is 3602879701896397/36028797018963968.
 */
export function rationalFromFloat(x: number): Rational {
  if (!Number.isFinite(x)) throw new InputError(`${x} is not a finite number`);
  if (x === 0) return Rational.ZERO;
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (biased === 0) exponent = -1074; // subnormal
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  if (negative) mantissa = -mantissa;
  return exponent >= 0 ? Rational.fromBigint(mantissa << BigInt(exponent)) : Rational.of(mantissa, 1n << BigInt(-exponent));
}

/** The nearest float64 to q (round half to even). */
export function floatFromRational(q: Rational): number {
  return q.toNumber();
}
