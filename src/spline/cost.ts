/**
 * Roughness and representation cost of univariate CPWL functions, and the minimum-cost
 * interpolant of 1-D data (Savarese, Evron, Soudry, Srebro, COLT 2019; LITERATURE-B 3.1-3.2).
 */
import { InputError } from '../core/errors.js';
import { QQ } from '../field/qq.js';
import { Rational } from '../field/rational.js';
import { createReluNet, type ReluNet } from '../network/relu-net.js';
import { shallowUnivariateParameters } from './lens.js';
import type { NeuronParameters } from './minimal.js';
import { splineFromJumps, splineJumps, type Jump, type Spline } from './spline.js';

/** int |f''| = sum_k |c_k|, the total variation of f' (exact). */
export function roughness(s: Spline): Rational {
  return splineJumps(s).reduce((acc, c) => acc.add(c.abs()), Rational.ZERO);
}

/**
 * Savarese et al.'s minimum representation cost of f: the infimum of (1/2) sum_i (v_i^2 + w_i^2)
 * over shallow nets of any width computing f (biases free), R(f) = max(int |f''|,
 * |f'(-inf) + f'(+inf)|) (their theorem, as recalled in LITERATURE-B 3.1).
 */
export function savareseCost(s: Spline): Rational {
  const tails = s.slopes[0].add(s.slopes[s.slopes.length - 1]).abs();
  const r = roughness(s);
  return r.cmp(tails) >= 0 ? r : tails;
}

/**
 * The path norm sum_i |v_i| |w_i| of a univariate shallow net: its weight cost
 * (1/2) sum (v_i^2 + w_i^2) once every neuron is balanced (|v_i| = |w_i|), and never below
 * `savareseCost` of its function.
 */
export function pathNorm(net: ReluNet<Rational>): Rational {
  const { w, v } = shallowUnivariateParameters(net, 'pathNorm');
  return w.reduce((acc, wi, i) => acc.add(wi.abs().mul(v[i].abs())), Rational.ZERO);
}

export interface MinCostInterpolant {
  /** R* = TV_int if |B0| <= TV_int, else (TV_int + |B0|) / 2. */
  readonly cost: Rational;
  /** The data sorted by x (duplicates merged). */
  readonly x: readonly Rational[];
  readonly y: readonly Rational[];
  /** s_k = (y_{k+1} - y_k) / (x_{k+1} - x_k). */
  readonly dataSlopes: readonly Rational[];
  /** TV_int = sum_k |s_{k+1} - s_k|. */
  readonly interiorVariation: Rational;
  /** B0 = s_1 + s_{n-1}. */
  readonly tailSum: Rational;
  /** f'(-inf) and f'(+inf) of the interpolant. */
  readonly leftSlope: Rational;
  readonly rightSlope: Rational;
  readonly spline: Spline;
  /**
   * A net in path form (|w| = 1) computing the spline with path norm = cost. Balancing each
   * neuron (w, v) -> (w sqrt|v|, v / sqrt|v|) makes its weight cost equal the path norm, but the
   * square roots are irrational, so the exact net is given unbalanced.
   */
  readonly net: ReluNet<Rational>;
}

/**
 * A minimum-cost interpolant of 1-D data (x_i, y_i) (LITERATURE-B 3.2, derived there and
 * checked against an LP; the non-unique minimiser built here puts every knot at a data point and,
 * when the tails must tilt, the whole tilt at x_1). Equal x with equal y are merged; equal x
 * with different y cannot be interpolated (InputError naming both points).
 */
export function minCostInterpolant(xs: readonly Rational[], ys: readonly Rational[]): MinCostInterpolant {
  const { x, y } = sortedData(xs, ys);
  const n = x.length;
  if (n === 1) {
    const spline = splineFromJumps(Rational.ZERO, [], { x: x[0], y: y[0] });
    const net = pathFormNet([], Rational.ZERO, spline);
    return { cost: Rational.ZERO, x, y, dataSlopes: [], interiorVariation: Rational.ZERO, tailSum: Rational.ZERO, leftSlope: Rational.ZERO, rightSlope: Rational.ZERO, spline, net };
  }
  const s = x.slice(1).map((xi, k) => y[k + 1].sub(y[k]).div(xi.sub(x[k])));
  const tv = s.slice(1).reduce((acc, sk, k) => acc.add(sk.sub(s[k]).abs()), Rational.ZERO);
  const b0 = s[0].add(s[n - 2]);
  const tilt = b0.abs().cmp(tv) <= 0 ? Rational.ZERO : b0.abs().sub(tv).div(Rational.of(2));
  const cost = tv.add(tilt);
  const leftSlope = s[0].sub(tilt.mul(Rational.of(b0.sign())));
  const rightSlope = s[n - 2];
  const jumps: Jump[] = x.map((at, k) => ({ at, jump: (k === n - 1 ? rightSlope : s[k]).sub(k === 0 ? leftSlope : s[k - 1]) }));
  const spline = splineFromJumps(leftSlope, jumps, { x: x[0], y: y[0] });
  return { cost, x, y, dataSlopes: s, interiorVariation: tv, tailSum: b0, leftSlope, rightSlope, spline, net: pathFormNet(jumps, rightSlope, spline) };
}

/**
 * Units alpha_k relu(x - t_k) + beta_k relu(t_k - x) with alpha_k + beta_k = c_k of one sign and
 * sum alpha_k = B (LITERATURE-B 3.1): cost sum |alpha| + |beta| = sum |c_k|. Possible when
 * -sum c^- <= B <= sum c^+, which holds for the interpolant above.
 */
function pathFormNet(jumps: readonly Jump[], rightSlope: Rational, spline: Spline): ReluNet<Rational> {
  const positive = jumps.reduce((acc, j) => (j.jump.sign() > 0 ? acc.add(j.jump) : acc), Rational.ZERO);
  const negative = jumps.reduce((acc, j) => (j.jump.sign() < 0 ? acc.sub(j.jump) : acc), Rational.ZERO);
  const side = rightSlope.sign();
  const lambda = side > 0 ? rightSlope.div(positive) : side < 0 ? rightSlope.neg().div(negative) : Rational.ZERO;
  const units: NeuronParameters[] = [];
  for (const { at, jump } of jumps) {
    const alpha = jump.sign() === side ? jump.mul(lambda) : Rational.ZERO;
    const beta = jump.sub(alpha);
    if (!alpha.isZero()) units.push({ w: Rational.ONE, b: at.neg(), v: alpha });
    if (!beta.isZero()) units.push({ w: Rational.of(-1), b: at, v: beta });
  }
  const atZero = units.reduce((acc, u) => (u.b.sign() > 0 ? acc.add(u.v.mul(u.b)) : acc), Rational.ZERO);
  const bias = spline.f0.sub(atZero);
  if (units.length === 0) return createReluNet(QQ, [{ W: [[Rational.ZERO]], b: [bias] }]);
  return createReluNet(QQ, [
    { W: units.map((u) => [u.w]), b: units.map((u) => u.b) },
    { W: [units.map((u) => u.v)], b: [bias] },
  ]);
}

function sortedData(xs: readonly Rational[], ys: readonly Rational[]): { x: Rational[]; y: Rational[] } {
  if (xs.length === 0) throw new InputError('no data points: an interpolant needs at least one', { path: 'X' });
  if (ys.length !== xs.length) throw new InputError(`has ${ys.length} labels for ${xs.length} points`, { path: 'y' });
  const order = xs.map((_, i) => i).sort((i, j) => xs[i].cmp(xs[j]) || i - j);
  const x: Rational[] = [];
  const y: Rational[] = [];
  let lastIndex = -1;
  for (const i of order) {
    if (x.length > 0 && x[x.length - 1].eq(xs[i])) {
      if (!y[y.length - 1].eq(ys[i])) throw new InputError(`points ${lastIndex} and ${i} share x = ${xs[i]} but have labels ${ys[lastIndex]} and ${ys[i]}: no function interpolates both`, { path: `y[${i}]` });
      continue;
    }
    x.push(xs[i]);
    y.push(ys[i]);
    lastIndex = i;
  }
  return { x, y };
}
