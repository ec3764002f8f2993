/** Formatting of exact rationals: lowest terms, and N correct decimal digits. */
import { Decimal } from 'decimal.js';
import { absBig } from './bigint.js';
import type { Rational } from './rational.js';

/** `"p"` or `"p/q"` in lowest terms (FORMATS.md output form). */
export function formatRational(q: Rational): string {
  return q.toString();
}

/**
 * q to `digits` significant digits, correctly rounded (half to even). decimal.js rounds a
 * quotient once, at the working precision, so the digits shown are the true leading digits of q.
 */
export function formatSignificant(q: Rational, digits: number): string {
  if (!Number.isInteger(digits) || digits < 1 || digits > 1e6) throw new RangeError(`formatSignificant: digits must be an integer in [1, 1e6], got ${digits}`);
  const D = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -7, toExpPos: 21 });
  return new D(q.num.toString()).div(new D(q.den.toString())).toString();
}

/**
 * q with exactly `places` digits after the decimal point, correctly rounded (half to even).
 * Done in bigint: dividing at a precision and then fixing the places would round twice.
 */
export function formatFixed(q: Rational, places: number): string {
  if (!Number.isInteger(places) || places < 0 || places > 1e6) throw new RangeError(`formatFixed: places must be an integer in [0, 1e6], got ${places}`);
  const scale = 10n ** BigInt(places);
  const n = absBig(q.num) * scale;
  let r = n / q.den;
  const rem2 = 2n * (n % q.den);
  if (rem2 > q.den || (rem2 === q.den && (r & 1n) === 1n)) r += 1n;
  const s = r.toString().padStart(places + 1, '0');
  const body = places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
  return q.num < 0n && r !== 0n ? '-' + body : body;
}

/** Human display: the exact value, and a decimal approximation when it is not an integer. */
export function formatForHumans(q: Rational, digits = 6): string {
  if (q.isInteger()) return q.toString();
  return `${q.toString()} (~${formatSignificant(q, digits)})`;
}
