/**
 * Independent oracles for tests: mathjs with Fraction entries (exact, and sharing no code with
 * relu-exact's bigint elimination), and converters between our Rational and mathjs Fractions.
 */
import { all, create, type Fraction as MathFraction } from 'mathjs';
import { Rational } from '../../src/field/rational.js';
import type { Mat } from '../../src/linalg/mat.js';

export const math = create(all, { number: 'Fraction' });

export function toMathFraction(q: Rational): MathFraction {
  return math.fraction(q.toString()) as MathFraction;
}

export function fromMathFraction(f: unknown): Rational {
  // mathjs returns a plain number for some exact zeros (lusolve does): only integers are accepted.
  if (typeof f === 'number') return Rational.of(f);
  const x = f as { s: bigint; n: bigint; d: bigint };
  return Rational.of(BigInt(x.s) * BigInt(x.n), BigInt(x.d));
}

export function toMathMatrix(a: Mat<Rational>): MathFraction[][] {
  return a.rows.map((r) => r.map(toMathFraction));
}

/** det by mathjs with Fraction entries. */
export function mathjsDet(a: Mat<Rational>): Rational {
  return fromMathFraction(math.det(toMathMatrix(a)));
}

/** Solution of a nonsingular system by mathjs lusolve with Fraction entries. */
export function mathjsSolve(a: Mat<Rational>, b: readonly Rational[]): Rational[] {
  const x = math.lusolve(toMathMatrix(a), b.map((v) => [toMathFraction(v)])) as unknown as { toArray?: () => unknown[][] } | unknown[][];
  const arr = (Array.isArray(x) ? x : (x as { toArray: () => unknown[][] }).toArray()) as unknown[][];
  return arr.map((row) => fromMathFraction(row[0]));
}
