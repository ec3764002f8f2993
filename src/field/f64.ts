import { DivisionByZeroError } from '../core/errors.js';
import { signOfNumber } from '../core/sign.js';
import { type Field } from './field.js';
import { rationalFromFloat } from './float-exact.js';

/** Float64 numbers with an explicit tolerance: the one place a float "zero" is decided. */
export interface FloatField extends Field<number> {
  readonly kind: 'F64';
  /** |a| <= tol (times a scale, where the algorithm supplies one) counts as zero. */
  readonly tol: number;
}

export interface FloatFieldOptions {
  /** Relative tolerance for zero tests. Default 1e-10. */
  tol?: number;
}

/** A float64 domain with tolerance `tol` (default 1e-10). */
export function createF64(options: FloatFieldOptions = {}): FloatField {
  const tol = options.tol ?? 1e-10;
  if (!(tol >= 0) || !Number.isFinite(tol)) throw new RangeError(`createF64: tol must be a finite number >= 0, got ${tol}`);
  const isZero = (a: number): boolean => Math.abs(a) <= tol;
  return {
    kind: 'F64',
    exact: false,
    tol,
    zero: 0,
    one: 1,
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mul: (a, b) => a * b,
    neg: (a) => -a,
    abs: Math.abs,
    div: (a, b) => {
      if (b === 0) throw new DivisionByZeroError('F64.div');
      return a / b;
    },
    inv: (a) => {
      if (a === 0) throw new DivisionByZeroError('F64.inv');
      return 1 / a;
    },
    isZero,
    isNegligible: (a, scale) => Math.abs(a) <= tol * Math.abs(scale),
    // Order and equality are the float ones: comparing magnitudes (pivots, scales) must not
    // tie two small numbers. Only isZero / isNegligible apply the tolerance.
    eq: (a, b) => a === b,
    cmp: (a, b) => signOfNumber(a - b),
    sign: signOfNumber,
    fromInt: (n) => Number(n),
    fromRational: (q) => q.toNumber(),
    toRational: rationalFromFloat,
    toNumber: (a) => a,
    format: (a) => String(a),
  };
}

/** The default float domain (tolerance 1e-10). */
export const F64: FloatField = createF64();
