import { type Field } from './field.js';
import { Rational } from './rational.js';

/** The exact rationals. Elements are {@link Rational} (normalised bigint pairs). */
export interface RationalField extends Field<Rational> {
  readonly kind: 'QQ';
}

export const QQ: RationalField = {
  kind: 'QQ',
  exact: true,
  zero: Rational.ZERO,
  one: Rational.ONE,
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  neg: (a) => a.neg(),
  abs: (a) => a.abs(),
  div: (a, b) => a.div(b),
  inv: (a) => a.inv(),
  isZero: (a) => a.isZero(),
  isNegligible: (a) => a.isZero(),
  eq: (a, b) => a.eq(b),
  cmp: (a, b) => a.cmp(b),
  sign: (a) => a.sign(),
  fromInt: (n) => Rational.of(n),
  fromRational: (q) => q,
  toRational: (a) => a,
  toNumber: (a) => a.toNumber(),
  format: (a) => a.toString(),
};
