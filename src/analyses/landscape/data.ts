/** Labelled data for the loss landscape: points and labels, checked once. */
import { DimensionError, UsageError } from '../../core/errors.js';
import { Rational } from '../../field/rational.js';
import { Mat } from '../../linalg/mat.js';

/** Points (rows of `X`, or a list of rows) and one label per point. */
export interface LabelledInput {
  readonly X: Mat<Rational> | readonly (readonly Rational[])[];
  readonly y?: readonly Rational[];
}

export interface Labelled {
  readonly X: readonly (readonly Rational[])[];
  readonly y: readonly Rational[];
  /** Input dimension d. */
  readonly d: number;
}

/** The rows and labels of `data` (UsageError without labels, DimensionError on ragged shapes). */
export function labelled(data: LabelledInput, fn: string): Labelled {
  const X = data.X instanceof Mat ? data.X.rows : data.X;
  if (data.y === undefined) throw new UsageError(`${fn}: the data need labels y (the loss is sum_i (f(x_i) - y_i)^2)`);
  if (data.y.length !== X.length) throw new DimensionError(fn, `${X.length} points but ${data.y.length} labels`);
  const d = X.length > 0 ? X[0].length : data.X instanceof Mat ? data.X.ncols : 0;
  X.forEach((r, i) => {
    if (r.length !== d) throw new DimensionError(fn, `point ${i} has ${r.length} coordinates, point 0 has ${d}`);
  });
  return { X, y: data.y, d };
}

/** sum_i r_i^2. */
export function sumOfSquares(r: readonly Rational[]): Rational {
  return r.reduce((acc, x) => acc.add(x.mul(x)), Rational.ZERO);
}

export function dot(a: readonly Rational[], b: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  for (let i = 0; i < a.length; i++) if (!a[i].isZero() && !b[i].isZero()) s = s.add(a[i].mul(b[i]));
  return s;
}
