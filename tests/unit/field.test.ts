import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { DivisionByZeroError, InputError } from '../../src/core/errors.js';
import { createF64, F64 } from '../../src/field/f64.js';
import { rationalFromFloat } from '../../src/field/float-exact.js';
import { formatFixed, formatSignificant } from '../../src/field/format.js';
import { parseJsonNumber, parseRational } from '../../src/field/parse.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { ZZ } from '../../src/field/zz.js';

const q = (n: bigint | number, d: bigint | number = 1n): Rational => Rational.of(n, d);

describe('Rational', () => {
  it('normalises sign and lowest terms', () => {
    expect(q(6, -4).toString()).toBe('-3/2');
    expect(q(0, -7).toString()).toBe('0');
    expect(q(-10, -5).toString()).toBe('2');
    expect(q(6, -4).eq(q(-3, 2))).toBe(true);
  });
  it('refuses a zero denominator and non-integer numbers', () => {
    expect(() => q(1, 0)).toThrow(DivisionByZeroError);
    expect(() => Rational.of(0.5)).toThrow(RangeError);
    expect(() => q(0).inv()).toThrow(DivisionByZeroError);
    expect(() => q(1).div(q(0))).toThrow(DivisionByZeroError);
  });
  it('does arithmetic exactly', () => {
    expect(q(1, 3).add(q(1, 6)).toString()).toBe('1/2');
    expect(q(1, 6).sub(q(1, 6)).toString()).toBe('0');
    expect(q(-2, 3).mul(q(9, 4)).toString()).toBe('-3/2');
    expect(q(2, 3).div(q(-4, 9)).toString()).toBe('-3/2');
    expect(q(5, 12).add(q(7, 18)).toString()).toBe('29/36');
    // (10^20 + 1) / (3 * 10^20) is just above 1/3: a float comparison gets this wrong.
    const big = q(10n ** 20n + 1n, 3n * 10n ** 20n);
    expect(big.cmp(q(1, 3))).toBe(1);
  });
  it('converts to and from fraction.js exactly', () => {
    const x = q(-123456789012345678901234567890n, 7n);
    expect(Rational.fromFraction(x.toFraction()).eq(x)).toBe(true);
    expect(Rational.fromFraction(new Fraction('-3/4')).toString()).toBe('-3/4');
  });
  it('rounds to the nearest float correctly, including ties, subnormals and overflow', () => {
    expect(q(1, 3).toNumber()).toBe(1 / 3);
    expect(q(1, 10).toNumber()).toBe(0.1);
    // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: round half to even gives 2^53.
    expect(q(2n ** 53n + 1n).toNumber()).toBe(2 ** 53);
    expect(q(2n ** 53n + 3n).toNumber()).toBe(2 ** 53 + 4);
    expect(q(1n, 2n ** 1074n).toNumber()).toBe(5e-324);
    expect(q(1n, 2n ** 1075n).toNumber()).toBe(0); // exactly half the smallest subnormal: ties to even (0)
    expect(q(3n, 2n ** 1076n).toNumber()).toBe(5e-324); // 0.75 of the smallest subnormal
    expect(q(10n ** 309n).toNumber()).toBe(Infinity);
    expect(q(-(10n ** 309n)).toNumber()).toBe(-Infinity);
    expect(q(10n ** 400n + 1n, 10n ** 400n).toNumber()).toBe(1);
  });
});

describe('exact float conversion', () => {
  it('gives the exact binary value, not a continued-fraction approximation', () => {
    expect(rationalFromFloat(0.1).toString()).toBe('3602879701896397/36028797018963968');
    expect(rationalFromFloat(-2.5).toString()).toBe('-5/2');
    expect(rationalFromFloat(2 ** -60).toString()).toBe(`1/${2n ** 60n}`);
    expect(rationalFromFloat(1e-20).isZero()).toBe(false); // new Fraction(1e-20) is 0
    expect(rationalFromFloat(123456.789).toNumber()).toBe(123456.789); // new Fraction gives 10000000/81
    expect(rationalFromFloat(5e-324).toString()).toBe(`1/${2n ** 1074n}`);
    expect(rationalFromFloat(Number.MAX_VALUE).toString()).toBe(((2n ** 53n - 1n) * 2n ** 971n).toString());
    expect(rationalFromFloat(-0).toString()).toBe('0');
  });
  it('refuses NaN and infinities', () => {
    expect(() => rationalFromFloat(NaN)).toThrow(InputError);
    expect(() => rationalFromFloat(Infinity)).toThrow(InputError);
  });
});

describe('parseRational', () => {
  it.each([
    ['3', '3'],
    ['-2/3', '-2/3'],
    ['+4/6', '2/3'],
    ['0.125', '1/8'],
    ['-1.5e-3', '-3/2000'],
    ['1E3', '1000'],
    ['.5', '1/2'],
    ['5.', '5'],
    ['0.1', '1/10'],
    ['-0', '0'],
    ['000012', '12'],
    ['12345678901234567890123', '12345678901234567890123'],
    ['2.5e+2', '250'],
    ['1e-10000', `1/${10n ** 10000n}`],
  ])('reads %s exactly as %s', (text, expected) => {
    expect(parseRational(text).toString()).toBe(expected);
  });
  it.each([
    ['', 'empty'],
    ['1/0', 'zero denominator'],
    ['NaN', 'not finite'],
    ['Infinity', 'not finite'],
    ['-inf', 'not finite'],
    ['abc', 'is not a number'],
    [' 1', 'leading or trailing space'],
    ['1 ', 'leading or trailing space'],
    ['1/2/3', 'is not a number'],
    ['2/-3', 'is not a number'],
    ['1.5/2', 'is not a number'],
    ['0x10', 'is not a number'],
    ['1e', 'is not a number'],
    ['.', 'is not a number'],
    ['--1', 'is not a number'],
    ['1e10001', 'exponent beyond the limit'],
    ['1e-10001', 'exponent beyond the limit'],
    ['1e999999999999', 'exponent beyond the limit'],
    ['1' + '0'.repeat(100_100), 'more than 100000 digits'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(() => parseRational(text)).toThrow(reason);
  });
  it('refuses a huge exponent at once instead of building the number', () => {
    const start = performance.now();
    expect(() => parseRational('1e999999999')).toThrow(InputError);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('parseJsonNumber', () => {
  it('reads a JSON number by its shortest round-trip text', () => {
    expect(parseJsonNumber('0.1').toString()).toBe('1/10');
    expect(parseJsonNumber('1.0').toString()).toBe('1');
    expect(parseJsonNumber('1e21').toString()).toBe('1000000000000000000000');
    expect(parseJsonNumber('-0').toString()).toBe('0');
    expect(parseJsonNumber('0.30000000000000004').eq(q(30000000000000004n, 10n ** 17n))).toBe(true);
  });
  it('reads the exact binary value on request', () => {
    expect(parseJsonNumber('0.1', 'binary').toString()).toBe('3602879701896397/36028797018963968');
  });
  it('refuses literals a float64 cannot hold as written, and out-of-range ones', () => {
    expect(() => parseJsonNumber('12345678901234567891')).toThrow('more digits than a float64 holds');
    expect(() => parseJsonNumber('0.10000000000000000001')).toThrow('write it as a string');
    expect(() => parseJsonNumber('1e400')).toThrow('beyond the float64 range');
  });
});

describe('formatting', () => {
  it('gives correctly rounded significant digits', () => {
    expect(formatSignificant(q(1, 3), 5)).toBe('0.33333');
    expect(formatSignificant(q(2, 3), 5)).toBe('0.66667');
    expect(formatSignificant(q(-22, 7), 10)).toBe('-3.142857143');
    expect(formatSignificant(q(1, 8), 2)).toBe('0.12'); // half to even
    expect(formatSignificant(q(3, 8), 2)).toBe('0.38');
    expect(formatSignificant(q(1n, 10n ** 30n), 3)).toBe('1e-30');
  });
  it('gives correctly rounded fixed places without double rounding', () => {
    expect(formatFixed(q(-2, 3), 5)).toBe('-0.66667');
    expect(formatFixed(q(1, 8), 2)).toBe('0.12');
    expect(formatFixed(q(5, 8), 2)).toBe('0.62');
    expect(formatFixed(q(7, 8), 0)).toBe('1');
    expect(formatFixed(q(-1, 1000), 2)).toBe('0.00');
    // 0.1234499999...: rounding first to 6 significant digits (0.123450) and then to 4 places would give 0.1235.
    expect(formatFixed(q(1234499999n, 10n ** 10n), 4)).toBe('0.1234');
  });
});

describe('domains', () => {
  it('QQ, ZZ and F64 agree on exact small arithmetic', () => {
    expect(QQ.add(QQ.fromInt(2), QQ.fromInt(3)).toString()).toBe('5');
    expect(ZZ.divExact(12n, -4n)).toBe(-3n);
    expect(() => ZZ.divExact(7n, 2n)).toThrow();
    expect(() => ZZ.fromRational(q(1, 2))).toThrow(RangeError);
    expect(F64.add(0.1, 0.2)).toBeCloseTo(0.3, 15);
  });
  it('F64 decides zero with its explicit tolerance only', () => {
    const loose = createF64({ tol: 1e-6 });
    expect(loose.isZero(1e-7)).toBe(true);
    expect(loose.sign(-1e-7)).toBe(-1); // order and sign are the float ones; only isZero/isNegligible use tol
    expect(loose.cmp(1e-8, 2e-8)).toBe(-1);
    expect(loose.isNegligible(1e-3, 1e4)).toBe(true);
    expect(F64.isZero(1e-7)).toBe(false);
    expect(createF64({ tol: 0 }).isZero(1e-300)).toBe(false);
    expect(() => createF64({ tol: -1 })).toThrow(RangeError);
    expect(F64.toRational(0.5).toString()).toBe('1/2');
    expect(F64.fromRational(q(1, 3))).toBe(1 / 3);
  });
});
