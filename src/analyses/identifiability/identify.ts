/**
 * `identify(net, samples, { width })`: is `net` determined, among shallow ReLU nets of width at
 * most `width` (V1: output bias on), by its values on `samples`? The answer is `identifiable`
 * with either a counterexample (a net of width <= width that agrees on every sample and computes
 * another function, checked exactly on the spot) or, for univariate nets, a certificate that
 * none exists. For input dimension > 1 the answer comes from a search that is no proof when it
 * finds nothing (`proof: false`); see `multivariate.ts`.
 */
import { DimensionError, UsageError } from '../../core/errors.js';
import type { Rational } from '../../field/rational.js';
import { Mat } from '../../linalg/mat.js';
import { inputDim, isShallowScalar, outputDim, type ReluNet } from '../../network/relu-net.js';
import { sortedUnique } from '../../spline/spline.js';
import { checkCounterexample, type DifferencePoint } from './check.js';
import type { ClosedNode, KnotSearchStats } from './knot-search.js';
import { identifyMultivariate, type MultivariateOptions } from './multivariate.js';
import { identifyUnivariate, type UnivariateOptions } from './univariate.js';

/** Points as a matrix (one row a point), as rows, or (univariate) as a list of numbers. */
export type SampleInput = Mat<Rational> | readonly (readonly Rational[])[] | readonly Rational[];

export type IdentifyMethod = 'spare-neuron' | 'affine-part' | 'knot-search' | 'silent-neuron' | 'pattern-search';

export interface IdentifyOptions extends UnivariateOptions, MultivariateOptions {
  /** M: compare with nets of width at most M. Default: the net's own width (shallow), mu(f) for deeper univariate nets. */
  readonly width?: number;
}

export interface IdentifyResult {
  /** No other function computed by a net of width <= `width` agrees with the net on the samples. */
  readonly identifiable: boolean;
  /** The answer is proven: by the checked counterexample, or by the exhaustive exact search. */
  readonly proof: boolean;
  /** The search covered every candidate (univariate: always). */
  readonly complete: boolean;
  readonly width: number;
  readonly inputDim: number;
  /** Distinct sample points used. */
  readonly sampleCount: number;
  readonly counterexample: ReluNet<Rational> | null;
  /** Where the counterexample and the net differ (checked exactly). */
  readonly differsAt: DifferencePoint | null;
  readonly method: IdentifyMethod;
  readonly reason: string;
  /** mu(f), the minimal width of the net's function (univariate; V1). */
  readonly minimalWidth: number | null;
  /** Univariate "identifiable" answers: the closed nodes of the search, re-checkable (see `certificate.ts`). */
  readonly closed: readonly ClosedNode[];
  /** Knots any interpolant of the samples needs (univariate: disjoint non-collinear triples). */
  readonly knotLowerBound: number | null;
  readonly stats: KnotSearchStats | { tuples: number; lps: number; seconds: number } | null;
}

/** The distinct sample points, as coordinate lists (univariate: ascending). */
export function normalizeSamples(samples: SampleInput, dim: number, fn = 'identify'): Rational[][] {
  const rows: (readonly Rational[])[] =
    samples instanceof Mat ? samples.rows.slice() : samples.length > 0 && !Array.isArray(samples[0]) ? (samples as readonly Rational[]).map((x) => [x]) : (samples as readonly (readonly Rational[])[]).slice();
  rows.forEach((r, i) => {
    if (r.length !== dim) throw new DimensionError(fn, `sample ${i} has ${r.length} coordinate${r.length === 1 ? '' : 's'}, the net takes ${dim}`);
  });
  if (dim === 1) return sortedUnique(rows.map((r) => r[0])).map((x) => [x]);
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.join(',')) && seen.add(r.join(','))).map((r) => r.slice());
}

export function identify(net: ReluNet<Rational>, samples: SampleInput, options: IdentifyOptions = {}): IdentifyResult {
  if (!net.domain.exact) throw new UsageError('identify: needs an exact (rational) net; convert float nets with convertNet(net, QQ), which is exact');
  if (outputDim(net) !== 1) throw new DimensionError('identify', `needs a net with one output; this one has ${outputDim(net)}`);
  if (options.width !== undefined && (!Number.isSafeInteger(options.width) || options.width < 0)) throw new UsageError(`identify: width must be a non-negative integer, got ${options.width}`);
  const d = inputDim(net);
  const points = normalizeSamples(samples, d);
  if (d === 1) {
    const u = identifyUnivariate(
      net,
      points.map((p) => p[0]),
      options,
    );
    const differsAt = u.counterexample === null ? null : checkCounterexample(net, u.counterexample, points, u.width).differsAt;
    return {
      identifiable: u.counterexample === null,
      proof: true,
      complete: true,
      width: u.width,
      inputDim: 1,
      sampleCount: points.length,
      counterexample: u.counterexample,
      differsAt,
      method: u.method,
      reason: u.reason,
      minimalWidth: u.minimal.width,
      closed: u.closed,
      knotLowerBound: u.lowerBound,
      stats: u.stats,
    };
  }
  if (!isShallowScalar(net)) throw new DimensionError('identify', `for input dimension ${d} the net must be shallow (one hidden layer); this one has ${net.layers.length} layers`);
  return identifyMultivariate(net, points, options);
}
