/**
 * Exact parsing of the number forms of FORMATS.md. Text is read exactly ("0.1" is 1/10);
 * JSON numbers by their shortest round-trip text, or by their exact binary value on request.
 */
import { InputError } from '../core/errors.js';
import { rationalFromFloat } from './float-exact.js';
import { Rational } from './rational.js';

/**
 * Limits that keep a hostile or mistyped number from hanging the program (`"1e999999999"`
 * would otherwise build a billion-digit integer). Both are documented in the README.
 */
export interface ParseLimits {
  /** Largest |decimal exponent| of the value, after moving the decimal point. Default 10 000. */
  maxExponent: number;
  /** Largest number of digits in the text. Default 100 000. */
  maxDigits: number;
}

export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({ maxExponent: 10_000, maxDigits: 100_000 });

/** How JSON numbers (not strings) are read: `decimal` (default) or `binary` (`--floats binary`). */
export type FloatReading = 'decimal' | 'binary';

const INTEGER_RE = /^[+-]?\d+$/;
const FRACTION_RE = /^([+-]?\d+)\/(\d+)$/;
const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

const FORMS = 'expected an integer ("3"), a fraction ("-2/3"), a decimal ("0.125") or scientific notation ("-1.5e-3")';

/** Parse exact rational text. Throws InputError (without a location; callers add theirs). */
export function parseRational(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Rational {
  const shown = JSON.stringify(text.length > 40 ? text.slice(0, 37) + '...' : text);
  if (text === '') throw new InputError('"" is not a number (empty string)');
  if (text.length > limits.maxDigits + 16) throw new InputError(`${shown} is not accepted: more than ${limits.maxDigits} digits`);
  if (INTEGER_RE.test(text)) return Rational.fromBigint(BigInt(text));
  const frac = FRACTION_RE.exec(text);
  if (frac !== null) {
    const den = BigInt(frac[2]);
    if (den === 0n) throw new InputError(`${shown} is not a number (zero denominator)`);
    return Rational.of(BigInt(frac[1]), den);
  }
  const dec = DECIMAL_RE.exec(text);
  if (dec === null || (dec[2] === '' && (dec[3] ?? '') === '')) {
    const hint = /^\s|\s$/.test(text) ? ' (leading or trailing space)' : /^(nan|[+-]?inf(inity)?)$/i.test(text) ? ' (not finite)' : '';
    throw new InputError(`${shown} is not a number${hint}: ${FORMS}`);
  }
  const [, sign, intPart, fracPart = '', expText = '0'] = dec;
  if (expText.replace(/^[+-]?0*/, '').length > 9) throw new InputError(`${shown} is not accepted: exponent beyond the limit of ${limits.maxExponent}`);
  const exp = Number(expText) - fracPart.length;
  const digits = (intPart + fracPart).replace(/^0+/, '');
  if (digits === '') return Rational.ZERO;
  // The value is digits x 10^exp; its magnitude is about 10^(exp + digits.length - 1).
  const magnitude = exp + digits.length - 1;
  if (Math.abs(magnitude) > limits.maxExponent || Math.abs(exp) > limits.maxExponent + limits.maxDigits) {
    throw new InputError(`${shown} is not accepted: exponent beyond the limit of ${limits.maxExponent}`);
  }
  const m = BigInt(sign === '-' ? '-' + digits : digits);
  return exp >= 0 ? Rational.fromBigint(m * 10n ** BigInt(exp)) : Rational.of(m, 10n ** BigInt(-exp));
}

/**
 * Read a JSON number literal. `decimal`: by its shortest round-trip text, as the user wrote
 * it; a literal with more digits than a float64 holds is refused rather than rounded silently
 * (JSON readers disagree on such literals). `binary`: the exact value of the nearest float64.
 */
export function parseJsonNumber(literal: string, reading: FloatReading = 'decimal', limits: ParseLimits = DEFAULT_PARSE_LIMITS): Rational {
  const x = Number(literal);
  if (!Number.isFinite(x)) throw new InputError(`JSON number ${literal} is beyond the float64 range; write it as a string ("${literal}") to read it exactly`);
  if (reading === 'binary') return rationalFromFloat(x);
  const shortest = parseRational(String(x), limits);
  if (parseRational(literal, limits).eq(shortest) || x === 0) return shortest;
  throw new InputError(
    `JSON number ${literal} has more digits than a float64 holds (it would read as ${String(x)}); write it as a string, "${literal}", to keep it exact`,
  );
}
