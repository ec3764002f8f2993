import { signOfBigint } from '../core/sign.js';
import { absBig, divExactBig, gcdBig } from './bigint.js';
import { type IntegerRing } from './field.js';
import { Rational } from './rational.js';

/** The integers as native bigint: the ring of the fraction-free (Bareiss) algorithms. */
export const ZZ: IntegerRing = {
  kind: 'ZZ',
  exact: true,
  zero: 0n,
  one: 1n,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  neg: (a) => -a,
  abs: absBig,
  divExact: divExactBig,
  gcd: gcdBig,
  isZero: (a) => a === 0n,
  isNegligible: (a) => a === 0n,
  eq: (a, b) => a === b,
  cmp: (a, b) => signOfBigint(a - b),
  sign: signOfBigint,
  fromInt: (n) => {
    if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError(`ZZ.fromInt: ${n} is not a safe integer`);
    return BigInt(n);
  },
  fromRational: (q) => {
    if (!q.isInteger()) throw new RangeError(`ZZ.fromRational: ${q} is not an integer`);
    return q.num;
  },
  toRational: (a) => Rational.fromBigint(a),
  toNumber: (a) => Number(a),
  format: (a) => a.toString(),
};
