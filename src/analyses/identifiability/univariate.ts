/**
 * Exact finite-sample identifiability of a univariate net f among shallow nets of width <= M
 * (V1: output bias on). Three regimes, by the minimal width mu(f) = K + e (LITERATURE-A 4.2):
 * - M >= mu(f) + 1: a spare neuron with its breakpoint beyond every sample changes f only
 *   where no sample looks (LITERATURE-A 4.3 (ii)). Never identifiable.
 * - M = mu(f) and e >= 1 (K >= 1 and no set of kinks has jumps summing to -f'(-inf); or f affine
 *   and not constant): the kink -f'(-inf) relu(x - R) beyond the samples gives g with K + 1
 *   kinks and e(g) = 0 (that kink alone, facing left, makes the far-left slope), so
 *   mu(g) = K + 1 = mu(f). Never identifiable either: in the V1 model only nets with e = 0
 *   can have a distinguishing sample set. (The toolkit's own observation.)
 * - otherwise (M = mu(f) with e = 0, or M < mu(f)): the exact search of `knot-search.ts`.
 */
import { UsageError } from '../../core/errors.js';
import { QQ } from '../../field/qq.js';
import { Rational } from '../../field/rational.js';
import { createReluNet, hiddenNeuronCount, isShallowScalar, type ReluNet } from '../../network/relu-net.js';
import { fromSpline, minimalForm, type MinimalForm } from '../../spline/minimal.js';
import { evaluateSpline, splineFromJumps, splineJumps, type Spline } from '../../spline/spline.js';
import { toSpline } from '../../spline/to-spline.js';
import { checkCounterexample } from './check.js';
import { searchKnots, type ClosedNode, type KnotSearchOptions, type KnotSearchStats } from './knot-search.js';
import { rootLowerBound } from './knot-tree.js';
import { buildLayout } from './layout.js';

export type UnivariateMethod = 'spare-neuron' | 'affine-part' | 'knot-search';

export interface UnivariateOutcome {
  readonly width: number;
  readonly minimal: MinimalForm;
  readonly method: UnivariateMethod;
  readonly counterexample: ReluNet<Rational> | null;
  readonly reason: string;
  /** Knot search only: its closed nodes (empty unless kept), the corner lower bound, and counts. */
  readonly closed: readonly ClosedNode[];
  readonly lowerBound: number;
  readonly stats: KnotSearchStats | null;
}

export interface UnivariateOptions extends Omit<KnotSearchOptions, 'width' | 'different'> {
  readonly width?: number;
  /** Budget of the subset-sum search for mu(f) (see `minimalForm`). */
  readonly maxStates?: number;
}

/** The default budget: the net's own width (shallow nets), else mu(f). */
export function defaultWidth(net: ReluNet<Rational>, minimal: MinimalForm): number {
  return isShallowScalar(net) ? hiddenNeuronCount(net) : minimal.width;
}

export function identifyUnivariate(net: ReluNet<Rational>, xs: readonly Rational[], options: UnivariateOptions = {}): UnivariateOutcome {
  const f = toSpline(net);
  const minimal = minimalForm(f, options.maxStates !== undefined ? { maxStates: options.maxStates } : {});
  const M = options.width ?? defaultWidth(net, minimal);
  if (!Number.isSafeInteger(M) || M < 0) throw new UsageError(`identify: width must be a non-negative integer, got ${M}`);
  const layout = buildLayout(f, xs);
  const R = layout.z[layout.z.length - 1].add(Rational.ONE);
  const base = { width: M, minimal, closed: [], lowerBound: rootLowerBound(layout), stats: null };
  const mu = minimal.width;
  if (M >= mu + 1) {
    const own = isShallowScalar(net) && M >= hiddenNeuronCount(net) + 1;
    const g = own ? withNeuron(net, R) : netOf(withKink(f, R, Rational.ONE), M);
    const why = `mu(f) = ${mu} < width ${M}: a spare neuron relu(${xMinus(R)}), whose breakpoint lies beyond every sample${xs.length > 0 ? '' : ' (there are none)'}, changes f only right of ${R}`;
    return { ...base, method: 'spare-neuron', counterexample: checked(net, g, xs, M), reason: why + (own ? '; here it is added to the net itself' : '') };
  }
  if (M === mu && minimal.extra >= 1) {
    const a = f.slopes[0];
    const g = netOf(withKink(f, R, a.neg()), M);
    const why =
      `f has ${minimal.kinkCount} kink(s) and e = ${minimal.extra} (${minimal.reason}); adding the kink ${a.neg()} relu(${xMinus(R)}) beyond every sample ` +
      `gives a function whose new neuron, facing left, alone makes the far-left slope ${a}, so it needs only ${minimal.kinkCount + 1} neuron${minimal.kinkCount === 0 ? '' : 's'} (mu(f) = ${mu})`;
    return { ...base, method: 'affine-part', counterexample: checked(net, g, xs, M), reason: why };
  }
  const different = M >= mu;
  const result = searchKnots(layout, { ...options, width: M, different });
  if (result.found) {
    const g = netOf(result.g, M);
    const where = result.knots.length === 0 ? 'no knots' : `knots ${result.g.knots.join(', ')}`;
    const why = different
      ? `the exact search over knot placements found a different function of width <= ${M} (${where}) through every sample`
      : `mu(f) = ${mu} > width ${M}, so every net of width ${M} computes another function; the exact search found one through every sample (${where})`;
    return { ...base, method: 'knot-search', counterexample: checked(net, g, xs, M), reason: why, stats: result.stats };
  }
  const why =
    base.lowerBound > M
      ? `the samples contain ${base.lowerBound} disjoint non-collinear consecutive triples, each forcing a knot of any interpolant strictly inside it: more than the width ${M}`
      : `the exact search over placements of at most ${M} knots closed every branch (${result.stats.nodes} nodes, ${result.stats.lps} exact LPs)` +
        (different ? '; the only interpolants of that width compute f itself' : '; no net of that width interpolates the samples');
    return { ...base, method: 'knot-search', counterexample: null, reason: why, closed: result.closed, stats: result.stats };
}

/** `x - r` as text (`x + 2` for r = -2). */
function xMinus(r: Rational): string {
  return r.sign() < 0 ? `x + ${r.neg()}` : `x - ${r}`;
}

/** The canonical spline f + jump relu(x - at). */
function withKink(f: Spline, at: Rational, jump: Rational): Spline {
  const jumps = f.knots.map((t, k) => ({ at: t, jump: splineJumps(f)[k] }));
  // Anchored at the new kink, where g = f (not at x = 0, which lies left of `at` when every sample is negative).
  return splineFromJumps(f.slopes[0], [...jumps, { at, jump }], { x: at, y: evaluateSpline(f, at) });
}

/** The net plus one neuron relu(x - at) (output weight 1). */
function withNeuron(net: ReluNet<Rational>, at: Rational): ReluNet<Rational> {
  const [hidden, out] = net.layers;
  return createReluNet(QQ, [
    { W: [...hidden.W.rows, [Rational.ONE]], b: [...hidden.b, at.neg()] },
    { W: [[...out.W.row(0), Rational.ONE]], b: out.b },
  ]);
}

/** A minimal V1 net for g; width 0 (g constant) gets one dead neuron when the budget allows, so it stays a shallow net. */
export function netOf(g: Spline, width: number): ReluNet<Rational> {
  const net = fromSpline(g);
  if (net.layers.length > 1 || width === 0) return net;
  return createReluNet(QQ, [
    { W: [[Rational.ZERO]], b: [Rational.ZERO] },
    { W: [[Rational.ZERO]], b: net.layers[0].b },
  ]);
}

function checked(net: ReluNet<Rational>, g: ReluNet<Rational>, xs: readonly Rational[], width: number): ReluNet<Rational> {
  const c = checkCounterexample(net, g, xs.map((x) => [x]), width);
  if (!c.ok) throw new Error(`identify: the counterexample failed its check (${c.failures.join('; ')}); this is a bug`);
  return g;
}
