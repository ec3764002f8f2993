/**
 * Univariate nets for the verifier: width-0 nets (one affine layer x -> 0 x + c) and shallow
 * ones, read as neurons (w, b, v) and an output bias; their breakpoints, exact equality of
 * functions and the kinks of a function, all from a plain forward pass at a few points.
 * A CPWL function whose knots lie in a finite set P is determined by its values on P and at one
 * point beyond each end of P (it is affine between consecutive points and on both tails).
 */
import { Rational } from '../field/rational.js';
import { forward } from './exact.js';
import { need, type PlainNet } from './read.js';

export interface Neuron {
  readonly w: Rational;
  readonly b: Rational;
  readonly v: Rational;
}

export interface Univariate {
  readonly net: PlainNet;
  readonly neurons: readonly Neuron[];
  readonly outputBias: Rational;
}

export function univariate(net: PlainNet, path: string): Univariate {
  const L = net.layers;
  need(L[0].W[0].length === 1, path, 'expected a univariate net (one input)');
  need(L[L.length - 1].W.length === 1, path, 'expected one output');
  if (L.length === 1) {
    need(L[0].W[0][0].isZero(), path, 'a one-layer net must be the width-0 net [[0]] (a constant); an affine map with a slope is no ReLU net of width 0');
    return { net, neurons: [], outputBias: L[0].b[0] };
  }
  need(L.length === 2, path, 'expected a shallow net (two layers) or the width-0 net (one layer)');
  return { net, neurons: L[0].W.map((row, i) => ({ w: row[0], b: L[0].b[i], v: L[1].W[0][i] })), outputBias: L[1].b[0] };
}

export function valueAt(f: Univariate, x: Rational): Rational {
  return forward(f.net, [x])[0];
}

/** -b/w of the neurons with w != 0, sorted, without repeats. */
export function breakpoints(...fs: Univariate[]): Rational[] {
  const all = fs.flatMap((f) => f.neurons.filter((n) => !n.w.isZero()).map((n) => n.b.neg().div(n.w)));
  all.sort((a, b) => a.cmp(b));
  return all.filter((x, i) => i === 0 || !x.eq(all[i - 1]));
}

/** The points that decide a CPWL function with knots in P: P itself and one point beyond each end ({0, 1} when P is empty). */
export function decidingPoints(P: readonly Rational[]): Rational[] {
  if (P.length === 0) return [Rational.ZERO, Rational.ONE];
  return [P[0].sub(Rational.ONE), ...P, P[P.length - 1].add(Rational.ONE)];
}

/** The first deciding point where f and g differ, or null when they are one function. */
export function differencePoint(f: Univariate, g: Univariate): Rational | null {
  return decidingPoints(breakpoints(f, g)).find((x) => !valueAt(f, x).eq(valueAt(g, x))) ?? null;
}

/** Where the slope of f really changes, by how much, and the far-left slope. */
export function kinksOf(f: Univariate): { kinks: { at: Rational; jump: Rational }[]; leftSlope: Rational } {
  const Q = decidingPoints(breakpoints(f));
  const y = Q.map((x) => valueAt(f, x));
  const slopes = Q.slice(1).map((x, k) => y[k + 1].sub(y[k]).div(x.sub(Q[k])));
  const kinks: { at: Rational; jump: Rational }[] = [];
  for (let k = 1; k < slopes.length; k++) {
    const jump = slopes[k].sub(slopes[k - 1]);
    if (!jump.isZero()) kinks.push({ at: Q[k], jump });
  }
  return { kinks, leftSlope: slopes[0] };
}
