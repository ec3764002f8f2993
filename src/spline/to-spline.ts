/** From univariate nets to their canonical splines, and exact equality of the functions of two nets. */
import type { Rational } from '../field/rational.js';
import { DimensionError } from '../core/errors.js';
import { inputDim, isShallowScalar, outputDim, type ReluNet } from '../network/relu-net.js';
import { splineByLayers, type LayeredSplineOptions } from './layers.js';
import { splineLens } from './lens.js';
import { decisivePoints, evaluateSpline, splineEquals, type Spline } from './spline.js';

/**
 * The canonical spline of a univariate net with one output: knots where the slope really
 * changes, slopes, values, f(0). Shallow nets go through the spline lens (breakpoints and
 * delta-slopes), deeper ones layer by layer. Throws DimensionError for other inputs or outputs.
 */
export function toSpline(net: ReluNet<Rational>, options: LayeredSplineOptions = {}): Spline {
  if (inputDim(net) !== 1) throw new DimensionError('toSpline', `needs a univariate net (1 input); this one takes ${inputDim(net)}`);
  if (outputDim(net) !== 1) throw new DimensionError('toSpline', `needs a net with one output; this one has ${outputDim(net)}`);
  return isShallowScalar(net) ? splineLens(net).spline : splineByLayers(net, options);
}

/** Whether two univariate nets (any depths and widths) compute exactly the same function. */
export function sameFunction(a: ReluNet<Rational>, b: ReluNet<Rational>, options: LayeredSplineOptions = {}): boolean {
  return splineEquals(toSpline(a, options), toSpline(b, options));
}

/** A point where two splines differ, with both values; null when they are the same function. */
export function splineDifference(a: Spline, b: Spline): { x: Rational; a: Rational; b: Rational } | null {
  if (splineEquals(a, b)) return null;
  for (const x of decisivePoints([a.knots, b.knots, []])) {
    const fa = evaluateSpline(a, x);
    const fb = evaluateSpline(b, x);
    if (!fa.eq(fb)) return { x, a: fa, b: fb };
  }
  throw new Error('splineDifference: unequal canonical forms agree at every decisive point (a bug)');
}
