import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { rationalFromFloat } from '../../src/field/float-exact.js';
import { formatFixed, formatSignificant } from '../../src/field/format.js';
import { parseRational } from '../../src/field/parse.js';
import { Rational } from '../../src/field/rational.js';

const bigRational = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n }))
  .map(([n, d]) => Rational.of(n, d));
const smallRational = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 50 })).map(([n, d]) => Rational.of(n, d));

/** The exact value of a binary expansion such as "-101.0011" (from Number.prototype.toString(2)). */
function fromBinaryText(s: string): Rational {
  const negative = s.startsWith('-');
  const [int, frac = ''] = s.replace('-', '').split('.');
  const value = Rational.of(BigInt('0b' + (int + frac || '0')), 1n << BigInt(frac.length));
  return negative ? value.neg() : value;
}

describe('the rationals form an ordered field', () => {
  test.prop([bigRational, bigRational, bigRational])('ring laws', (a, b, c) => {
    expect(a.add(b).eq(b.add(a))).toBe(true);
    expect(a.mul(b).eq(b.mul(a))).toBe(true);
    expect(a.add(b).add(c).eq(a.add(b.add(c)))).toBe(true);
    expect(a.mul(b.add(c)).eq(a.mul(b).add(a.mul(c)))).toBe(true);
    expect(a.sub(a).isZero()).toBe(true);
  });
  test.prop([bigRational, bigRational])('division inverts multiplication; order is compatible', (a, b) => {
    fc.pre(!b.isZero());
    expect(a.div(b).mul(b).eq(a)).toBe(true);
    expect(a.cmp(b)).toBe(a.sub(b).sign());
    expect(a.add(b.abs()).cmp(a)).toBeGreaterThanOrEqual(0);
  });
  test.prop([bigRational])('normalised: den > 0 and gcd 1; text round trip', (a) => {
    expect(a.den > 0n).toBe(true);
    const g = (x: bigint, y: bigint): bigint => (y === 0n ? (x < 0n ? -x : x) : g(y, x % y));
    expect(g(a.num, a.den)).toBe(1n);
    expect(parseRational(a.toString()).eq(a)).toBe(true);
    expect(Rational.fromFraction(a.toFraction()).eq(a)).toBe(true);
  });
});

describe('floats and rationals', () => {
  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])('float -> rational is the exact binary value and round-trips', (x) => {
    const q = rationalFromFloat(x);
    expect(q.toNumber()).toBe(x === 0 ? 0 : x);
    expect(q.eq(fromBinaryText(x.toString(2)))).toBe(true);
  });
  const decimalText = fc
    .tuple(fc.boolean(), fc.stringMatching(/^[1-9]\d{0,19}$/), fc.integer({ min: -345, max: 310 }))
    .map(([neg, digits, exp]) => `${neg ? '-' : ''}${digits}e${exp}`);
  test.prop([decimalText], { numRuns: 1000 })('rational -> float is correctly rounded (agrees with Number(text))', (s) => {
    expect(parseRational(s).toNumber()).toBe(Number(s));
  });
});

describe('formatting is correctly rounded', () => {
  test.prop([bigRational, fc.integer({ min: 1, max: 30 })])('significant digits: within half a unit in the last place', (q, digits) => {
    fc.pre(!q.isZero());
    const text = formatSignificant(q, digits);
    const r = parseRational(text);
    const mantissa = text.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '');
    expect(mantissa.length).toBeLessThanOrEqual(digits);
    // unit in the last place of a `digits`-digit number whose leading digit is at 10^lead
    const lead = Math.floor(Math.log10(Math.abs(r.toNumber())));
    const ulp = lead - digits + 1 >= 0 ? Rational.of(10n ** BigInt(lead - digits + 1)) : Rational.of(1n, 10n ** BigInt(digits - 1 - lead));
    expect(q.sub(r).abs().cmp(ulp.div(Rational.of(2)))).toBeLessThanOrEqual(0);
  });
  test.prop([smallRational, fc.integer({ min: 0, max: 12 })])('fixed places: within half a unit, exactly that many places', (q, places) => {
    const text = formatFixed(q, places);
    if (places > 0) expect(text.split('.')[1]).toHaveLength(places);
    const r = parseRational(text);
    const half = Rational.of(1n, 2n * 10n ** BigInt(places));
    expect(q.sub(r).abs().cmp(half)).toBeLessThanOrEqual(0);
  });
});
