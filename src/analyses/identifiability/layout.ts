/**
 * The places where a candidate's knots can lie, relative to the samples and the target's knots,
 * and the knot lower bound from the samples alone: the bookkeeping shared by the search
 * (`knot-search.ts`) and the certificate checker (`certificate.ts`), which must walk the same tree.
 */
import { Rational } from '../../field/rational.js';
import type { BreakpointPlace } from '../../spline/cells.js';
import { evaluateSpline, sortedUnique, type Spline } from '../../spline/spline.js';

export interface Layout {
  /** Samples, strictly ascending, and f at them. */
  readonly xs: readonly Rational[];
  readonly ys: readonly Rational[];
  /** Refinement points Z: the samples and the knots of f (or {0} when both are empty), ascending. */
  readonly z: readonly Rational[];
  /** f at each point of Z. */
  readonly fz: readonly Rational[];
  /** For each point of Z, its index among the samples, or -1 (a knot of f that is no sample). */
  readonly sampleOf: readonly number[];
  /** The places in walking order: gap 0, at 0, gap 1, ..., at N-1, gap N (N = |Z|). */
  readonly places: readonly BreakpointPlace[];
  /** For each place, the index of the first sample at or to the right of it (n when none). */
  readonly nextSample: readonly number[];
  /** For each place 'at k' on a sample, the index of that place; per sample index. */
  readonly placeOfSample: readonly number[];
  /** lowerBound[j]: knots any interpolant needs strictly right of sample j - 1 (see `cornerLowerBound`); length n + 2. */
  readonly lowerBound: readonly number[];
  /** f'(-inf) and f'(+inf). */
  readonly leftSlope: Rational;
  readonly rightSlope: Rational;
}

export function buildLayout(f: Spline, xs: readonly Rational[]): Layout {
  const ys = xs.map((x) => evaluateSpline(f, x));
  let z = sortedUnique([...xs, ...f.knots]);
  if (z.length === 0) z = [Rational.ZERO];
  const sampleIndex = new Map(xs.map((x, j) => [x.toString(), j]));
  const sampleOf = z.map((p) => sampleIndex.get(p.toString()) ?? -1);
  const places: BreakpointPlace[] = [];
  const nextSample: number[] = [];
  const placeOfSample = new Array<number>(xs.length).fill(-1);
  const firstSampleFrom = (k: number): number => {
    for (let i = k; i < z.length; i++) if (sampleOf[i] >= 0) return sampleOf[i];
    return xs.length;
  };
  for (let k = 0; k <= z.length; k++) {
    places.push({ kind: 'gap', gap: k });
    nextSample.push(firstSampleFrom(k));
    if (k === z.length) break;
    if (sampleOf[k] >= 0) placeOfSample[sampleOf[k]] = places.length;
    places.push({ kind: 'at', sample: k });
    nextSample.push(firstSampleFrom(k));
  }
  return {
    xs,
    ys,
    z,
    fz: z.map((p) => evaluateSpline(f, p)),
    sampleOf,
    places,
    nextSample,
    placeOfSample,
    lowerBound: cornerLowerBound(xs, ys),
    leftSlope: f.slopes[0],
    rightSlope: f.slopes[f.slopes.length - 1],
  };
}

/** Whether (x_{i-1}, y_{i-1}), (x_i, y_i), (x_{i+1}, y_{i+1}) lie on one line. */
export function collinear(xs: readonly Rational[], ys: readonly Rational[], i: number): boolean {
  return ys[i].sub(ys[i - 1]).mul(xs[i + 1].sub(xs[i])).eq(ys[i + 1].sub(ys[i]).mul(xs[i].sub(xs[i - 1])));
}

/**
 * lb[j] = the most pairwise disjoint open intervals (x_{i-1}, x_{i+1}) with i >= j whose three
 * samples are not collinear ("corners"). A CPWL g through three non-collinear points has a knot
 * strictly between the outer two, so every interpolant has at least lb[j] knots right of x_{j-1}.
 * Two such intervals are disjoint iff their centres differ by at least 2: a simple recursion.
 */
export function cornerLowerBound(xs: readonly Rational[], ys: readonly Rational[]): number[] {
  const n = xs.length;
  const lb = new Array<number>(n + 2).fill(0);
  for (let j = n - 2; j >= 1; j--) lb[j] = Math.max(lb[j + 1], collinear(xs, ys, j) ? 0 : 1 + lb[j + 2]);
  lb[0] = lb[1];
  return lb;
}

/** The open interval of a place (null ends are infinite), or the point. */
export function placeBounds(layout: Layout, place: BreakpointPlace): { lo: Rational | null; hi: Rational | null } {
  if (place.kind === 'at') return { lo: layout.z[place.sample], hi: layout.z[place.sample] };
  return { lo: place.gap > 0 ? layout.z[place.gap - 1] : null, hi: place.gap < layout.z.length ? layout.z[place.gap] : null };
}
