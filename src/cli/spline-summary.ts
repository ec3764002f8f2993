/**
 * Everything the spline lens says about a univariate net, computed once and shown three ways:
 * the `spline` command's JSON and text, and the report section.
 */
import { BudgetExceededError } from '../core/errors.js';
import { formatForHumans } from '../field/format.js';
import type { Rational } from '../field/rational.js';
import { writeReluNet } from '../network/json-io.js';
import { hiddenNeuronCount, isShallowScalar, type ReluNet } from '../network/relu-net.js';
import { pathNorm, roughness, savareseCost } from '../spline/cost.js';
import { orbitCanonicalNet, splineLens, type SplineLens } from '../spline/lens.js';
import { leftFacingKinks, minimalForm, netOfMinimalForm, type MinimalForm, type ModelVariant } from '../spline/minimal.js';
import { splineJumps, splineToJson, type Spline } from '../spline/spline.js';
import { toSpline } from '../spline/to-spline.js';

export interface SplineSummary {
  readonly net: ReluNet<Rational>;
  readonly spline: Spline;
  /** Only for shallow nets. */
  readonly lens: SplineLens | null;
  readonly variant: ModelVariant;
  /** null when the subset-sum search ran out of budget. */
  readonly minimal: MinimalForm | null;
}

/** The CLI's budget for the orientation search: under a second when it runs out (any 32 kinks fit). */
export const DEFAULT_MAX_STATES = 1 << 16;

export function summariseSpline(net: ReluNet<Rational>, variant: ModelVariant = 'V1', maxStates = DEFAULT_MAX_STATES): SplineSummary {
  const lens = isShallowScalar(net) ? splineLens(net) : null;
  const spline = lens?.spline ?? toSpline(net);
  let minimal: MinimalForm | null;
  try {
    minimal = minimalForm(spline, { variant, maxStates, leftFacingHint: lens !== null ? leftFacingKinks(lens) : undefined });
  } catch (e) {
    if (!(e instanceof BudgetExceededError)) throw e;
    minimal = null;
  }
  return { net, spline, lens, variant, minimal };
}

/** The `spline --json` object: the FORMATS.md keys first, then the lens and the costs. */
export function splineJson(s: SplineSummary): Record<string, unknown> {
  const { spline, lens, minimal } = s;
  const str = (x: Rational): string => x.toString();
  return {
    ...splineToJson(spline),
    exact: true,
    jumps: splineJumps(spline).map(str),
    leftSlope: str(spline.slopes[0]),
    rightSlope: str(spline.slopes[spline.slopes.length - 1]),
    roughness: str(roughness(spline)),
    representationCost: str(savareseCost(spline)),
    shallow: lens !== null,
    width: hiddenNeuronCount(s.net),
    variant: s.variant,
    minimalWidth: minimal?.width ?? null,
    minimalWidthBounds: minimal === null ? widthBounds(spline, s.variant) : [minimal.width, minimal.width],
    affineExtra: minimal?.extra ?? null,
    minimalReason: minimal?.reason ?? 'the subset-sum search for the orientations ran out of budget: the minimal width lies within minimalWidthBounds',
    minimal: minimal !== null && s.variant !== 'V2' ? writeReluNet(netOfMinimalForm(minimal)) : null,
    pathNorm: lens !== null ? str(pathNorm(s.net)) : null,
    neurons:
      lens?.neurons.map((n) => ({
        index: n.index,
        w: str(n.w),
        b: str(n.b),
        v: str(n.v),
        role: n.role,
        breakpoint: n.breakpoint === null ? null : str(n.breakpoint),
        orientation: n.orientation,
        deltaSlope: str(n.deltaSlope),
        constant: str(n.constant),
      })) ?? null,
    breakpoints: lens?.groups.map((g) => ({ at: str(g.at), neurons: g.neurons, jump: str(g.jump), knot: !g.jump.isZero() })) ?? null,
    canonical: lens !== null ? writeReluNet(orbitCanonicalNet(s.net)) : null,
  };
}

/** mu(f) is K + e with e <= 1 in V1 once there is a kink (LITERATURE-A 4.2), e <= 2 otherwise. */
function widthBounds(spline: Spline, variant: ModelVariant): [number, number] {
  const K = spline.knots.length;
  return [K, variant === 'V2' ? K : variant === 'V1' && K > 0 ? K + 1 : K + 2];
}

/** Rows of the knots table: t_k, the jump there, the slope after it, f(t_k). */
export function knotRows(spline: Spline, digits: number): string[][] {
  const jumps = splineJumps(spline);
  return spline.knots.map((t, k) => [String(k + 1), formatForHumans(t, digits), formatForHumans(jumps[k], digits), formatForHumans(spline.slopes[k + 1], digits), formatForHumans(spline.values[k], digits)]);
}
export const KNOT_HEADER = ['k', 't_k', 'jump c_k', 'slope after', 'f(t_k)'];

/** Rows of the per-neuron table of the spline lens. */
export function neuronRows(lens: SplineLens, digits: number): string[][] {
  return lens.neurons.map((n) => [
    String(n.index + 1),
    `${n.w}, ${n.b}, ${n.v}`,
    n.breakpoint === null ? '-' : formatForHumans(n.breakpoint, digits),
    n.orientation === 0 ? '-' : n.orientation > 0 ? '+1 (right)' : '-1 (left)',
    n.breakpoint === null ? `const ${n.constant}` : formatForHumans(n.deltaSlope, digits),
    n.role,
  ]);
}
export const NEURON_HEADER = ['i', 'w, b, v', 'breakpoint beta', 'orientation s', 'delta-slope mu', 'role'];

/** What a reader should know about degenerate neurons, one sentence each (and, given data x, the neurons no point activates). */
export function lensNotes(lens: SplineLens, dataX?: readonly Rational[]): string[] {
  const notes: string[] = [];
  const list = (ix: readonly number[]): string => ix.map((i) => i + 1).join(', ');
  for (const g of lens.groups) {
    const live = g.neurons.filter((i) => !lens.neurons[i].deltaSlope.isZero());
    if (live.length > 1 && !g.jump.isZero()) notes.push(`neurons ${list(live)} share the breakpoint ${g.at}: one knot, jump ${g.jump} (the sum of their delta-slopes)`);
    if (live.length > 0 && g.jump.isZero()) notes.push(`neuron${live.length > 1 ? 's' : ''} ${list(live)} at ${g.at} cancel: the jumps sum to 0, so f has no knot there (only an affine part remains)`);
  }
  const dead = lens.neurons.filter((n) => n.role === 'dead').map((n) => n.index);
  if (dead.length > 0) notes.push(`neuron${dead.length > 1 ? 's' : ''} ${list(dead)} contribute${dead.length > 1 ? '' : 's'} nothing (zero outer weight, or w = 0 with b <= 0)`);
  const constants = lens.neurons.filter((n) => n.role === 'constant').map((n) => n.index);
  if (constants.length > 0) notes.push(`neuron${constants.length > 1 ? 's' : ''} ${list(constants)} ${constants.length > 1 ? 'have' : 'has'} w = 0: a constant v relu(b), no breakpoint`);
  if (dataX !== undefined && dataX.length > 0) {
    const idle = lens.neurons.filter((n) => (n.role === 'kink' || n.role === 'cancelled') && dataX.every((x) => n.w.mul(x).add(n.b).sign() <= 0)).map((n) => n.index);
    if (idle.length > 0) notes.push(`neuron${idle.length > 1 ? 's' : ''} ${list(idle)} ${idle.length > 1 ? 'are' : 'is'} active at no data point (dead on the data: the loss on these data has zero gradient in ${idle.length > 1 ? 'their' : 'its'} parameters)`);
  }
  return notes;
}

/** One paragraph: the function's shape, costs and minimal width. */
export function splineSentence(s: SplineSummary, digits: number): string {
  const { spline, minimal } = s;
  const K = spline.knots.length;
  const depth = s.net.layers.length - 1;
  const kind =
    s.lens !== null
      ? `univariate shallow net of width ${hiddenNeuronCount(s.net)}`
      : depth === 0
        ? 'univariate affine net (no hidden layer)'
        : `univariate net with ${depth} hidden layers (${hiddenNeuronCount(s.net)} neurons)`;
  const h = (x: Rational): string => formatForHumans(x, digits);
  const minimalText =
    minimal === null
      ? `The minimal width (${s.variant}) lies between ${widthBounds(spline, s.variant).join(' and ')}: the exact subset-sum search for the orientations ran out of budget.`
      : `Minimal width (${s.variant}): ${minimal.width} = ${minimal.kinkCount} kink${minimal.kinkCount === 1 ? '' : 's'} + ${minimal.extra}, because ${minimal.reason}.`;
  return [
    `A ${kind}: f is continuous piecewise linear with ${K} knot${K === 1 ? '' : 's'}, slope ${h(spline.slopes[0])} far left and ${h(spline.slopes[K])} far right, f(0) = ${h(spline.f0)}.`,
    `Roughness int |f''| = ${h(roughness(spline))}; Savarese's minimum representation cost max(int |f''|, |f'(-inf) + f'(+inf)|) = ${h(savareseCost(spline))}${s.lens !== null ? `; this net's path norm sum |v w| = ${h(pathNorm(s.net))}` : ''}.`,
    minimalText,
  ].join(' ');
}
