/**
 * Rationals of bounded height: p/q with |p| <= maxNumerator and 1 <= q <= maxDenominator, in
 * lowest terms. They shrink towards 0 (the numerator towards 0) and towards small denominators
 * (q towards 1), and fast-check prints them as `p/q`.
 */
import fc from 'fast-check';
import { UsageError } from '../core/errors.js';
import { Rational } from '../field/rational.js';
import { checkInteger, checkOneOf } from './options.js';

export type RationalSign = 'any' | 'nonzero' | 'positive' | 'negative' | 'nonnegative' | 'nonpositive';
const SIGNS: readonly RationalSign[] = ['any', 'nonzero', 'positive', 'negative', 'nonnegative', 'nonpositive'];

export interface RationalOptions {
  /** Largest |p| (default 6). */
  maxNumerator?: number;
  /** Largest q (default 4; 1 gives integers). */
  maxDenominator?: number;
  /** Which signs may occur (default 'any', 0 included). */
  sign?: RationalSign;
}

const DEFAULTS: Required<RationalOptions> = { maxNumerator: 6, maxDenominator: 4, sign: 'any' };

function isRational(v: unknown): v is Rational {
  return typeof v === 'object' && v !== null && typeof (v as Rational).num === 'bigint' && typeof (v as Rational).den === 'bigint';
}

/** fc.Arbitrary of exact rationals (see RationalOptions for the defaults). */
export function rational(options: RationalOptions = {}): fc.Arbitrary<Rational> {
  const { maxNumerator, maxDenominator, sign } = { ...DEFAULTS, ...options };
  checkInteger('rational', 'maxNumerator', maxNumerator, 0);
  checkInteger('rational', 'maxDenominator', maxDenominator, 1);
  checkOneOf('rational', 'sign', sign, SIGNS);
  const needsNonzero = sign === 'nonzero' || sign === 'positive' || sign === 'negative';
  if (needsNonzero && maxNumerator === 0) throw new UsageError(`rational: sign '${sign}' needs maxNumerator >= 1`);
  const den = fc.integer({ min: 1, max: maxDenominator });
  const fits = (p: bigint, q: bigint): boolean => q <= BigInt(maxDenominator) && (p < 0n ? -p : p) <= BigInt(maxNumerator);
  if (sign === 'nonzero') {
    // |p| and a sign bit, so that shrinking goes to +1 rather than jumping over 0.
    return fc.tuple(fc.integer({ min: 1, max: maxNumerator }), fc.boolean(), den).map(
      ([p, negative, q]) => Rational.of(negative ? -p : p, q),
      (v) => {
        if (!isRational(v) || v.num === 0n || !fits(v.num, v.den)) throw new Error('not a rational of this arbitrary');
        return [Number(v.num < 0n ? -v.num : v.num), v.num < 0n, Number(v.den)] as [number, boolean, number];
      },
    );
  }
  const range = { any: [-maxNumerator, maxNumerator], positive: [1, maxNumerator], negative: [-maxNumerator, -1], nonnegative: [0, maxNumerator], nonpositive: [-maxNumerator, 0] }[sign];
  return fc.tuple(fc.integer({ min: range[0], max: range[1] }), den).map(
    ([p, q]) => Rational.of(p, q),
    (v) => {
      if (!isRational(v) || !fits(v.num, v.den) || v.num < BigInt(range[0]) || v.num > BigInt(range[1])) throw new Error('not a rational of this arbitrary');
      return [Number(v.num), Number(v.den)] as [number, number];
    },
  );
}
