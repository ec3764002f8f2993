/**
 * The spline lens on univariate shallow nets (Sahs et al. 2022; LITERATURE-A 2.2, MATH.md):
 * f(x) = c + sum_i v_i relu(w_i x + b_i) = c + sum_i mu_i relu(s_i (x - beta_i)) + constants,
 * with breakpoint beta_i = -b_i / w_i, orientation s_i = sign(w_i) and delta-slope
 * mu_i = v_i |w_i|. The slope jumps by mu_i at beta_i whatever s_i; the far-left slope is
 * -sum_{s_i = -1} mu_i. Neurons with w_i = 0 are the constants v_i relu(b_i).
 */
import { DimensionError } from '../core/errors.js';
import { QQ } from '../field/qq.js';
import { Rational } from '../field/rational.js';
import { createReluNet, inputDim, isShallowScalar, type ReluNet } from '../network/relu-net.js';
import { splineFromJumps, type Jump, type Spline } from './spline.js';

/** What a neuron contributes to the function. */
export type NeuronRole =
  /** A kink that survives: its breakpoint's total jump is not 0. */
  | 'kink'
  /** A kink cancelled by other neurons at the same breakpoint (total jump 0): only its affine part remains. */
  | 'cancelled'
  /** w = 0 and v relu(b) != 0: a constant. */
  | 'constant'
  /** Contributes the zero function: v = 0, or w = 0 with b <= 0. */
  | 'dead';

export interface NeuronLens {
  readonly index: number;
  readonly w: Rational;
  readonly b: Rational;
  readonly v: Rational;
  /** beta = -b/w, or null when w = 0. */
  readonly breakpoint: Rational | null;
  /** s = sign(w): 1 faces right (active for x > beta), -1 faces left, 0 when w = 0. */
  readonly orientation: 1 | -1 | 0;
  /** mu = v |w| (0 when w = 0). */
  readonly deltaSlope: Rational;
  /** v relu(b) when w = 0, else 0. */
  readonly constant: Rational;
  readonly role: NeuronRole;
}

/** Neurons with w != 0 sharing one breakpoint. */
export interface BreakpointGroup {
  readonly at: Rational;
  /** Indices of the neurons (w != 0) whose breakpoint this is, including those with v = 0. */
  readonly neurons: readonly number[];
  /** The slope change there: the sum of the neurons' delta-slopes. */
  readonly jump: Rational;
}

export interface SplineLens {
  readonly neurons: readonly NeuronLens[];
  /** Distinct breakpoints, ascending; a group with jump 0 is not a knot of f. */
  readonly groups: readonly BreakpointGroup[];
  readonly outputBias: Rational;
  /** f'(-inf) = -sum_{s_i = -1} mu_i. */
  readonly leftSlope: Rational;
  /** f'(+inf) = sum_{s_i = 1} mu_i. */
  readonly rightSlope: Rational;
  readonly spline: Spline;
}

/** Hidden weights (w_i, b_i, v_i) and output bias c of a univariate shallow net (checked). */
export function shallowUnivariateParameters(net: ReluNet<Rational>, fn: string): { w: Rational[]; b: Rational[]; v: Rational[]; c: Rational } {
  if (inputDim(net) !== 1) throw new DimensionError(fn, `needs a univariate net (1 input); this one takes ${inputDim(net)}`);
  if (!isShallowScalar(net)) throw new DimensionError(fn, `needs a shallow net with one output (two layers); this one has ${net.layers.length} layer(s) and ${net.layers[net.layers.length - 1].W.nrows} output(s)`);
  const [hidden, out] = net.layers;
  return { w: hidden.W.col(0), b: hidden.b.slice(), v: out.W.row(0), c: out.b[0] };
}

/** The spline lens of a univariate shallow net: per-neuron (beta, s, mu), breakpoint groups, and f. */
export function splineLens(net: ReluNet<Rational>): SplineLens {
  const { w, b, v, c } = shallowUnivariateParameters(net, 'splineLens');
  const basic = w.map((wi, i) => {
    const orientation = wi.sign() as 1 | -1 | 0;
    if (orientation === 0) return { index: i, w: wi, b: b[i], v: v[i], breakpoint: null, orientation, deltaSlope: Rational.ZERO, constant: b[i].sign() > 0 ? v[i].mul(b[i]) : Rational.ZERO };
    return { index: i, w: wi, b: b[i], v: v[i], breakpoint: b[i].neg().div(wi), orientation, deltaSlope: v[i].mul(wi.abs()), constant: Rational.ZERO };
  });
  const groups = groupBreakpoints(basic);
  const jumpAt = new Map(groups.map((g) => [g.at.toString(), g.jump]));
  const neurons: NeuronLens[] = basic.map((n) => {
    let role: NeuronRole;
    if (n.breakpoint === null) role = n.constant.isZero() ? 'dead' : 'constant';
    else if (n.deltaSlope.isZero()) role = 'dead';
    else role = jumpAt.get(n.breakpoint.toString())!.isZero() ? 'cancelled' : 'kink';
    return { ...n, role };
  });
  let leftSlope = Rational.ZERO;
  let rightSlope = Rational.ZERO;
  for (const n of neurons) {
    if (n.orientation < 0) leftSlope = leftSlope.sub(n.deltaSlope);
    if (n.orientation > 0) rightSlope = rightSlope.add(n.deltaSlope);
  }
  // f(0) = c + sum_i v_i relu(b_i), read off the parameters directly.
  const f0 = neurons.reduce((acc, n) => (n.b.sign() > 0 ? acc.add(n.v.mul(n.b)) : acc), c);
  const jumps: Jump[] = groups.map((g) => ({ at: g.at, jump: g.jump }));
  return { neurons, groups, outputBias: c, leftSlope, rightSlope, spline: splineFromJumps(leftSlope, jumps, { x: Rational.ZERO, y: f0 }) };
}

function groupBreakpoints(neurons: readonly { index: number; breakpoint: Rational | null; deltaSlope: Rational }[]): BreakpointGroup[] {
  const withKink = neurons.filter((n) => n.breakpoint !== null).sort((p, q) => p.breakpoint!.cmp(q.breakpoint!) || p.index - q.index);
  const groups: { at: Rational; neurons: number[]; jump: Rational }[] = [];
  for (const n of withKink) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.at.eq(n.breakpoint!)) {
      last.neurons.push(n.index);
      last.jump = last.jump.add(n.deltaSlope);
    } else groups.push({ at: n.breakpoint!, neurons: [n.index], jump: n.deltaSlope });
  }
  return groups;
}

/**
 * The representative of a neuron's scaling orbit {(a w, a b, v / a) : a > 0}: |w| = 1, so
 * (w, b, v) = (s, -s beta, mu), the spline coordinates themselves. For w = 0 the orbit
 * representative has |b| in {0, 1}; when b = 0 too, v is scaled to its sign.
 */
export function scalingRepresentative(w: Rational, b: Rational, v: Rational): { w: Rational; b: Rational; v: Rational } {
  const scale = !w.isZero() ? w.abs() : !b.isZero() ? b.abs() : null;
  if (scale === null) return { w, b, v: Rational.of(v.sign()) };
  return { w: w.div(scale), b: b.div(scale), v: v.mul(scale) };
}

/**
 * The canonical point of a univariate shallow net's orbit under positive scaling of each neuron
 * and permutation of the neurons: every neuron replaced by its scaling representative, then the
 * neurons sorted by (w, b, v). Two nets lie in one orbit iff their canonical nets are equal;
 * the function is unchanged. (Different orbits may still compute one function: compare splines.)
 */
export function orbitCanonicalNet(net: ReluNet<Rational>): ReluNet<Rational> {
  const { w, b, v, c } = shallowUnivariateParameters(net, 'orbitCanonicalNet');
  const reps = w.map((wi, i) => scalingRepresentative(wi, b[i], v[i]));
  reps.sort((p, q) => p.w.cmp(q.w) || p.b.cmp(q.b) || p.v.cmp(q.v));
  return createReluNet(QQ, [
    { W: reps.map((r) => [r.w]), b: reps.map((r) => r.b) },
    { W: [reps.map((r) => r.v)], b: [c] },
  ]);
}
