/**
 * The analyses the matchers stand on, behind one small interface so that issue 5's modules plug
 * in here (and only here) once they are merged:
 * - irreducibility: univariate shallow nets now, through the 1-D minimal form (src/spline/minimal.ts);
 *   any input dimension needs src/analyses/irreducibility (issue 5);
 * - functional dimension: needs src/analyses/functional-dimension (issue 5).
 */
import { ReluExactError } from '../core/errors.js';
import type { Rational } from '../field/rational.js';
import { inputDim, isShallowScalar, type ReluNet } from '../network/relu-net.js';
import { minimalFormOfNet, netOfMinimalForm } from '../spline/minimal.js';

/** An analysis this build does not have yet; `needs` names the module. */
export class AnalysisNotAvailableError extends ReluExactError {
  override name = 'AnalysisNotAvailableError';
  constructor(
    readonly analysis: string,
    readonly needs: string,
  ) {
    super(`${analysis}: needs ${needs}, which is not part of this build`);
  }
}

export interface IrreducibilityVerdict {
  readonly irreducible: boolean;
  readonly width: number;
  readonly minimalWidth: number;
  /** A net of minimal width computing the same function. */
  readonly minimal: ReluNet<Rational>;
  readonly reasons: readonly string[];
}

export function decideIrreducibility(net: ReluNet<Rational>): IrreducibilityVerdict {
  if (!isShallowScalar(net) || inputDim(net) !== 1) {
    throw new AnalysisNotAvailableError('irreducibility of nets with more than one input or hidden layer', "issue 5's src/analyses/irreducibility");
  }
  const form = minimalFormOfNet(net);
  const width = net.layers[0].W.nrows;
  return { irreducible: form.width === width, width, minimalWidth: form.width, minimal: netOfMinimalForm(form), reasons: [form.reason] };
}

export interface FunctionalDimensionVerdict {
  readonly functionalDimension: number;
  readonly upperBound: number;
  readonly exact: boolean;
}

export function functionalDimensionOf(_net: ReluNet<Rational>): FunctionalDimensionVerdict {
  throw new AnalysisNotAvailableError('functional dimension', "issue 5's src/analyses/functional-dimension");
}
