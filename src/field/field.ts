/**
 * The number domains algorithms run over. Arithmetic lives on a domain object, kept apart from
 * the matrix representation (as SymPy's DomainMatrix does), so one algorithm serves exact and
 * float numbers. Tolerances live in the F64 domain, never inside an algorithm.
 */
import type { Sign } from '../core/sign.js';
import type { Rational } from './rational.js';

export type DomainKind = 'QQ' | 'ZZ' | 'F64';

/** A commutative ring with an order (the domains here are all ordered). */
export interface Ring<T> {
  readonly kind: DomainKind;
  /** True when arithmetic is exact (QQ, ZZ); false for F64. */
  readonly exact: boolean;
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;
  /** Exact zero test; for F64, |a| <= tol (absolute). The tolerance lives here and below only. */
  isZero(a: T): boolean;
  /** Zero relative to a magnitude: exact domains ignore `scale`; F64 tests |a| <= tol * |scale|. */
  isNegligible(a: T, scale: T): boolean;
  /** Equality, order and sign are exact in every domain (F64: the float ones, no tolerance). */
  eq(a: T, b: T): boolean;
  /** Sign of a - b. */
  cmp(a: T, b: T): Sign;
  sign(a: T): Sign;
  fromInt(n: number | bigint): T;
  /** QQ: itself; ZZ: only integers (throws otherwise); F64: the nearest float. */
  fromRational(q: Rational): T;
  /** The exact value (F64: the float's exact binary value). */
  toRational(a: T): Rational;
  toNumber(a: T): number;
  format(a: T): string;
}

/** A ring with exact division by nonzero elements. */
export interface Field<T> extends Ring<T> {
  div(a: T, b: T): T;
  inv(a: T): T;
}

/** The integers: not a field, but the ring fraction-free algorithms run in. */
export interface IntegerRing extends Ring<bigint> {
  readonly kind: 'ZZ';
  /** a / b when b divides a (checked). */
  divExact(a: bigint, b: bigint): bigint;
  gcd(a: bigint, b: bigint): bigint;
}
