/**
 * The on-the-spot check of a counterexample: it agrees with the net at every sample (exact
 * network evaluation), differs from it at a named point, and fits the width budget (its neuron
 * count, and for univariate nets also its minimal width by the V1 rules of LITERATURE-A 4.2).
 */
import type { Rational } from '../../field/rational.js';
import { evaluateScalar } from '../../network/evaluate.js';
import { hiddenNeuronCount, inputDim, isShallowScalar, type ReluNet } from '../../network/relu-net.js';
import { minimalWidth } from '../../spline/minimal.js';
import { splineDifference, toSpline } from '../../spline/to-spline.js';

export interface DifferencePoint {
  readonly x: readonly Rational[];
  /** The given net's value there. */
  readonly net: Rational;
  /** The counterexample's value there. */
  readonly counterexample: Rational;
}

export interface CounterexampleCheck {
  readonly ok: boolean;
  /** What failed, in words (empty when ok). */
  readonly failures: readonly string[];
  readonly differsAt: DifferencePoint | null;
  /** Hidden neurons of the counterexample (0 for an affine one-layer net). */
  readonly width: number;
  /** Its minimal width (V1), univariate only. */
  readonly minimalWidth: number | null;
}

/**
 * Checks `g` against `net` on `samples` (points as coordinate lists) with width budget `width`.
 * For univariate nets the point where they differ is found from the splines; otherwise `hint`
 * (a point the search proposes) is checked.
 */
export function checkCounterexample(net: ReluNet<Rational>, g: ReluNet<Rational>, samples: readonly (readonly Rational[])[], width: number, hint?: readonly Rational[]): CounterexampleCheck {
  const failures: string[] = [];
  samples.forEach((x, j) => {
    const a = evaluateScalar(net, x);
    const b = evaluateScalar(g, x);
    if (!a.eq(b)) failures.push(`sample ${j} (${x.join(', ')}): the net gives ${a}, the counterexample ${b}`);
  });
  const gWidth = g.layers.length === 1 ? 0 : hiddenNeuronCount(g);
  if (g.layers.length > 2 || (g.layers.length === 2 && !isShallowScalar(g))) failures.push('the counterexample is not a shallow net with one output');
  if (gWidth > width) failures.push(`the counterexample has ${gWidth} hidden neurons, more than the width ${width}`);
  let minimal: number | null = null;
  let differsAt: DifferencePoint | null = null;
  if (inputDim(net) === 1) {
    const gs = toSpline(g);
    minimal = minimalWidth(gs);
    if (minimal > width) failures.push(`the counterexample's function needs ${minimal} neurons, more than the width ${width}`);
    const d = splineDifference(toSpline(net), gs);
    if (d !== null) differsAt = pointCheck(net, g, [d.x]);
  } else if (hint !== undefined) {
    differsAt = pointCheck(net, g, hint);
  }
  if (differsAt === null) failures.push('no point was found where the counterexample differs from the net');
  return { ok: failures.length === 0, failures, differsAt, width: gWidth, minimalWidth: minimal };
}

function pointCheck(net: ReluNet<Rational>, g: ReluNet<Rational>, x: readonly Rational[]): DifferencePoint | null {
  const a = evaluateScalar(net, x);
  const b = evaluateScalar(g, x);
  return a.eq(b) ? null : { x, net: a, counterexample: b };
}
