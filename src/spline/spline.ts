/**
 * Continuous piecewise-linear (CPWL) functions of one real variable, in canonical form: the knots
 * where the slope really changes, the slopes between them, the values at the knots and f(0)
 * (the `spline` keys of FORMATS.md). Two CPWL functions are equal iff their canonical forms are
 * equal, which is how `sameFunction` decides equality exactly.
 */
import { DimensionError, UsageError } from '../core/errors.js';
import { Rational } from '../field/rational.js';

/** A CPWL function R -> R in canonical form. All numbers are exact rationals. */
export interface Spline {
  /** Knots t_1 < ... < t_K: exactly the points where the slope changes. */
  readonly knots: readonly Rational[];
  /** Slopes on (-inf, t_1), (t_1, t_2), ..., (t_K, inf): K + 1 entries, consecutive ones distinct. */
  readonly slopes: readonly Rational[];
  /** f(t_k), one per knot. */
  readonly values: readonly Rational[];
  /** f(0): with the slopes it pins the function down even when there is no knot. */
  readonly f0: Rational;
}

/** A slope change of size `jump` at `at` (several may share a point; zero jumps are allowed). */
export interface Jump {
  readonly at: Rational;
  readonly jump: Rational;
}

/**
 * The canonical spline with far-left slope `leftSlope`, slope changes `jumps` (merged where they
 * share a point, dropped where the merged total is 0) and value `anchor.y` at `anchor.x`.
 * This is the spline lens's "merge equal breakpoints, drop zero total jumps" (MATH.md).
 */
export function splineFromJumps(leftSlope: Rational, jumps: readonly Jump[], anchor: { x: Rational; y: Rational }): Spline {
  const merged = mergeJumps(jumps);
  const knots = merged.map((j) => j.at);
  const slopes = [leftSlope];
  for (const j of merged) slopes.push(slopes[slopes.length - 1].add(j.jump));
  return withValues(knots, slopes, anchor);
}

/** Jumps sorted by position, equal positions summed, zero totals dropped. */
export function mergeJumps(jumps: readonly Jump[]): Jump[] {
  const sorted = [...jumps].sort((a, b) => a.at.cmp(b.at));
  const out: Jump[] = [];
  for (const j of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.at.eq(j.at)) out[out.length - 1] = { at: last.at, jump: last.jump.add(j.jump) };
    else out.push(j);
  }
  return out.filter((j) => !j.jump.isZero());
}

/**
 * The canonical spline through the points (xs[i], ys[i]) (xs strictly ascending, at least one),
 * continued by `leftSlope` before xs[0] and `rightSlope` after the last point. Points where the
 * slope does not change are dropped.
 */
export function splineFromPoints(xs: readonly Rational[], ys: readonly Rational[], leftSlope: Rational, rightSlope: Rational): Spline {
  if (xs.length === 0 || xs.length !== ys.length) throw new DimensionError('splineFromPoints', `need as many values as points, at least one (got ${xs.length} points, ${ys.length} values)`);
  const segment = [leftSlope];
  for (let i = 1; i < xs.length; i++) {
    if (xs[i].cmp(xs[i - 1]) <= 0) throw new DimensionError('splineFromPoints', `points must be strictly ascending (xs[${i - 1}] = ${xs[i - 1]}, xs[${i}] = ${xs[i]})`);
    segment.push(ys[i].sub(ys[i - 1]).div(xs[i].sub(xs[i - 1])));
  }
  segment.push(rightSlope);
  const knots: Rational[] = [];
  const values: Rational[] = [];
  const slopes = [leftSlope];
  xs.forEach((x, i) => {
    if (segment[i].eq(segment[i + 1])) return;
    knots.push(x);
    values.push(ys[i]);
    slopes.push(segment[i + 1]);
  });
  const f0 = valueAt(knots, slopes, values, Rational.ZERO, { x: xs[0], y: ys[0], slopeLeft: leftSlope });
  return { knots, slopes, values, f0 };
}

/**
 * A spline from its knots, slopes and f(0), checked: knots strictly ascending, one more slope than
 * knots, consecutive slopes distinct (otherwise the knot is not a knot). Throws UsageError.
 */
export function createSpline(parts: { knots: readonly Rational[]; slopes: readonly Rational[]; f0: Rational }): Spline {
  const { knots, slopes, f0 } = parts;
  if (slopes.length !== knots.length + 1) throw new UsageError(`createSpline: need one more slope than knots (got ${knots.length} knots, ${slopes.length} slopes)`);
  for (let k = 0; k < knots.length; k++) {
    if (k > 0 && knots[k].cmp(knots[k - 1]) <= 0) throw new UsageError(`createSpline: knots must be strictly ascending (knots[${k - 1}] = ${knots[k - 1]}, knots[${k}] = ${knots[k]})`);
    if (slopes[k].eq(slopes[k + 1])) throw new UsageError(`createSpline: the slope does not change at knots[${k}] = ${knots[k]} (slopes ${slopes[k]} and ${slopes[k + 1]}); drop the knot`);
  }
  return withValues(knots, slopes, { x: Rational.ZERO, y: f0 });
}

/** Fills in f at the knots and f(0) from one known value. */
function withValues(knots: readonly Rational[], slopes: readonly Rational[], anchor: { x: Rational; y: Rational }): Spline {
  // g(x) = slopes[0] x + sum_k jump_k relu(x - t_k) differs from f by a constant.
  const g: Rational[] = [];
  knots.forEach((t, k) => g.push(k === 0 ? slopes[0].mul(t) : g[k - 1].add(slopes[k].mul(t.sub(knots[k - 1])))));
  const gAt = (x: Rational): Rational => valueAt(knots, slopes, g, x, { x: Rational.ZERO, y: Rational.ZERO, slopeLeft: slopes[0] });
  const shift = anchor.y.sub(gAt(anchor.x));
  const values = g.map((v) => v.add(shift));
  return { knots: knots.slice(), slopes: slopes.slice(), values, f0: gAt(Rational.ZERO).add(shift) };
}

/** f(x) from knots, slopes and values; without knots, from `fallback` (a point and the slope). */
function valueAt(knots: readonly Rational[], slopes: readonly Rational[], values: readonly Rational[], x: Rational, fallback: { x: Rational; y: Rational; slopeLeft: Rational }): Rational {
  if (knots.length === 0) return fallback.y.add(fallback.slopeLeft.mul(x.sub(fallback.x)));
  const k = lastKnotAtOrBelow(knots, x);
  if (k < 0) return values[0].add(slopes[0].mul(x.sub(knots[0])));
  return values[k].add(slopes[k + 1].mul(x.sub(knots[k])));
}

/** The largest k with knots[k] <= x, or -1 (binary search). */
function lastKnotAtOrBelow(knots: readonly Rational[], x: Rational): number {
  let lo = -1;
  let hi = knots.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (knots[mid].cmp(x) <= 0) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** f(x), exactly. */
export function evaluateSpline(s: Spline, x: Rational): Rational {
  return valueAt(s.knots, s.slopes, s.values, x, { x: Rational.ZERO, y: s.f0, slopeLeft: s.slopes[0] });
}

/** The slope f'(x) of the piece containing x; at a knot, the slope on its right. */
export function slopeAt(s: Spline, x: Rational): Rational {
  return s.slopes[lastKnotAtOrBelow(s.knots, x) + 1];
}

/** The slope changes c_k = f'(t_k+) - f'(t_k-) at the knots (f'' = sum_k c_k delta_{t_k}). */
export function splineJumps(s: Spline): Rational[] {
  return s.knots.map((_, k) => s.slopes[k + 1].sub(s.slopes[k]));
}

/** Exact equality of the two functions (canonical forms are unique). */
export function splineEquals(a: Spline, b: Spline): boolean {
  return a.f0.eq(b.f0) && a.knots.length === b.knots.length && a.knots.every((t, k) => t.eq(b.knots[k])) && a.slopes.every((m, k) => m.eq(b.slopes[k]));
}

/**
 * Points where two splines' difference is decided: every knot of either, a point between each
 * two consecutive ones, and one point beyond each end. Two CPWL functions whose knots are among
 * these agree everywhere iff they agree at all of them (each is linear between the points).
 */
export function decisivePoints(knotSets: readonly (readonly Rational[])[]): Rational[] {
  const all = sortedUnique(knotSets.flat());
  if (all.length === 0) return [Rational.ZERO, Rational.ONE];
  const two = Rational.of(2);
  const out = [all[0].sub(Rational.ONE)];
  all.forEach((t, k) => {
    out.push(t);
    out.push(k + 1 < all.length ? t.add(all[k + 1]).div(two) : t.add(Rational.ONE));
  });
  return out;
}

/** The distinct values, ascending. */
export function sortedUnique(xs: readonly Rational[]): Rational[] {
  const sorted = [...xs].sort((a, b) => a.cmp(b));
  return sorted.filter((x, i) => i === 0 || !x.eq(sorted[i - 1]));
}

/** Knots, slopes, values and f0 as exact "p/q" strings (the FORMATS.md `spline` keys). */
export function splineToJson(s: Spline): { knots: string[]; slopes: string[]; values: string[]; f0: string } {
  const str = (xs: readonly Rational[]): string[] => xs.map(String);
  return { knots: str(s.knots), slopes: str(s.slopes), values: str(s.values), f0: s.f0.toString() };
}
