/** Data instances `{ X, bias }` and their lifted vectors x~_i, read for the verifier. */
import { lift, rankOf, subsets } from './exact.js';
import { bool, need, rows, type Json } from './read.js';
import type { Rational } from '../field/rational.js';

export interface LiftedInstance {
  readonly n: number;
  readonly D: number;
  readonly vectors: Rational[][];
}

/** At most `maxPoints` points, none lifted to the zero vector (it lies on no hyperplane). */
export function liftedInstance(instance: Record<string, Json>, maxPoints: number): LiftedInstance {
  const X = rows(instance['X'], 'instance.X');
  const bias = bool(instance['bias'], 'instance.bias');
  need(X.length >= 1 && X.length <= maxPoints, 'instance.X', `expected 1 to ${maxPoints} points (the witness covers all 2^n sign vectors), got ${X.length}`);
  const vectors = lift(X, bias);
  const D = vectors[0].length;
  need(D >= 1, 'instance.X', 'points need at least one coordinate (or a bias)');
  vectors.forEach((v, i) => need(v.some((x) => !x.isZero()), `instance.X[${i}]`, 'a point lifted to 0 lies on no hyperplane; such instances are not covered'));
  return { n: vectors.length, D, vectors };
}

/** Any min(n, D) of the vectors linearly independent. */
export function inGeneralPosition(vectors: readonly (readonly Rational[])[], D: number): boolean {
  const k = Math.min(vectors.length, D);
  for (const idx of subsets(vectors.length, k)) if (rankOf(idx.map((i) => vectors[i])) < k) return false;
  return true;
}

/** sign(x~_i . theta) must be + where bit i is 1 and - where it is 0. */
export function signsMatch(vectors: readonly (readonly Rational[])[], bits: string, dots: readonly Rational[]): number {
  return vectors.findIndex((_, i) => dots[i].sign() !== (bits[i] === '1' ? 1 : -1));
}
