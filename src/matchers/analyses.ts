/**
 * The analyses the matchers stand on: irreducibility of shallow nets in any input dimension
 * (src/analyses/irreducibility, V1: with output bias) and the exact functional dimension of any
 * net (src/analyses/functional-dimension). Irreducibility of deeper nets (more than one hidden
 * layer) has no characterisation in the toolkit, and is refused with that said.
 */
import { ReluExactError } from '../core/errors.js';
import type { Rational } from '../field/rational.js';
import { outputDim, type ReluNet } from '../network/relu-net.js';
import { irreducibility } from '../analyses/irreducibility/index.js';
import { functionalDimension } from '../analyses/functional-dimension/index.js';

/** A question the toolkit cannot answer for this net; the message says exactly what is not supported. */
export class AnalysisNotAvailableError extends ReluExactError {
  override name = 'AnalysisNotAvailableError';
  constructor(
    readonly analysis: string,
    readonly unsupported: string,
  ) {
    super(`${analysis}: ${unsupported}`);
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
  if (net.layers.length !== 2 || outputDim(net) !== 1) {
    const shape = net.layers.length !== 2 ? `${net.layers.length - 1} hidden layers` : `${outputDim(net)} outputs`;
    throw new AnalysisNotAvailableError('irreducibility', `decided for shallow nets (one hidden layer, one output, any input dimension) only; this net has ${shape}, and the toolkit has no characterisation of minimal width for it`);
  }
  const r = irreducibility(net);
  return { irreducible: r.irreducible, width: r.width, minimalWidth: r.minimalWidth, minimal: r.minimal, reasons: r.reasons };
}

export interface FunctionalDimensionVerdict {
  readonly functionalDimension: number;
  readonly upperBound: number;
  readonly exact: boolean;
  /** Whether every linear region was visited (false when the rank reached D - N_h first). */
  readonly allRegions: boolean;
}

/** The exact functional dimension (the rank over a decisive batch; any architecture). */
export function functionalDimensionOf(net: ReluNet<Rational>): FunctionalDimensionVerdict {
  const r = functionalDimension(net);
  return { functionalDimension: r.functionalDimension, upperBound: r.upperBound, exact: r.exact, allRegions: r.allRegions };
}
