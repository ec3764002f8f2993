/**
 * Functional dimension and hidden symmetries, exactly (MATH.md "Functional dimension and hidden
 * symmetries"; Grigsby, Lindsey and Rolnick; LITERATURE-A 3.2-3.4).
 *
 * - Batch functional dimension: the exact rank of the Jacobian of E_Z at a batch Z
 *   (`batchFunctionalDimension`).
 * - Functional dimension: the supremum of the batch rank over finite batches avoiding every
 *   zero pre-activation. The toolkit computes it from the decisive batch: on the open region of
 *   an activation pattern the Jacobian row is an affine function of the point (the pattern and
 *   G_l are fixed, h^{l-1} is affine), so the rows at n_0 + 1 affinely independent points of the
 *   region span the rows of all its points; and every point with no zero pre-activation lies in
 *   such a region. Hence the rank over an n_0-simplex in every top-dimensional region
 *   (`iterRegions`, all of R^d by default, unbounded regions included) is the supremum, exactly,
 *   for every theta (GLMW's genericity is not needed for this statement, which is the toolkit's
 *   own). Regions where a pre-activation vanishes identically hold no such point and are skipped
 *   (counted in `nonSmoothRegions`). Per region the rows used are the row at the interior point
 *   and its derivatives along x_1..x_n0 (`jacobianWithTangentsInteger`): they span the same space
 *   as the simplex's rows, with smaller numbers.
 * - The rank is tracked exactly and incrementally (`CertifiedRowSpace`) and stops as soon as it
 *   reaches D - N_h, which no batch can exceed: a net at the bound needs only the first regions.
 * - hiddenSymmetries: functional dimension < D - N_h (positive-dimensional hidden symmetries near
 *   theta, LITERATURE-A 3.4; equality does not rule out discrete ones).
 */
import { BudgetExceededError } from '../../core/errors.js';
import { SeededRng } from '../../core/rng.js';
import { QQ } from '../../field/qq.js';
import { Rational } from '../../field/rational.js';
import { Mat } from '../../linalg/mat.js';
import { rank, type LinalgOptions } from '../../linalg/operations.js';
import type { LpOptions } from '../../lp/interior.js';
import { hiddenNeuronCount, inputDim, parameterCount, type ReluNet } from '../../network/relu-net.js';
import { iterRegions, type Box, type LinearRegion } from '../../arrangement/regions.js';
import type { BudgetOptions } from '../../arrangement/budget.js';
import { batchJacobian, NowhereSmoothError, type JacobianOptions, type NeuronAddress, type StepMargin } from './jacobian.js';
import { jacobianWithTangentsInteger } from './jacobian-integer.js';
import { CertifiedRowSpace } from './row-space.js';
import { independentScalingDirections } from './scaling.js';

export interface BatchFunctionalDimension {
  readonly batchFunctionalDimension: number;
  readonly parameterCount: number;
  /** D - N_h. */
  readonly upperBound: number;
  readonly points: number;
  /** Points kept with an exactly-zero pre-activation (onZero 'flag'); their rows use relu'(0) = 0. */
  readonly flagged: readonly { point: number; neurons: NeuronAddress[] }[];
  readonly exact: true;
}

/** The exact rank of the Jacobian of E_Z at the batch (refuses points with a zero pre-activation unless flagged). */
export function batchFunctionalDimension(net: ReluNet<Rational>, points: readonly (readonly Rational[])[], options: JacobianOptions & LinalgOptions = {}): BatchFunctionalDimension {
  const D = parameterCount(net);
  const { rows, flagged } = batchJacobian(net, points, options);
  const r = rows.length === 0 ? 0 : rank(Mat.fromRows(QQ, rows, D), options);
  return { batchFunctionalDimension: r, parameterCount: D, upperBound: D - hiddenNeuronCount(net), points: points.length, flagged, exact: true };
}

export interface FunctionalDimensionOptions extends BudgetOptions {
  /** Restrict to the regions inside an open box (the functional dimension of f on the box); default all of R^d. */
  box?: Box;
  lp?: LpOptions;
  /** Stop once the rank reaches D - N_h (default true). */
  stopAtBound?: boolean;
  /** Random points tried before the regions (default min(2 D, 2000); 0: regions only). */
  probes?: number;
  /** Seed of the probe points (default 1). */
  seed?: number;
}

export interface FunctionalDimensionResult {
  readonly functionalDimension: number;
  readonly parameterCount: number;
  readonly hiddenNeurons: number;
  /** D - N_h. */
  readonly upperBound: number;
  readonly hiddenSymmetries: boolean;
  /** Regions visited (all of them unless the bound was reached first; 0 when the probe points reached it). */
  readonly regionsVisited: number;
  /** Every region was visited (false when the rank reached the bound first). */
  readonly allRegions: boolean;
  /** Visited regions where some pre-activation is identically 0 (no smooth point there). */
  readonly nonSmoothRegions: number;
  /** A sub-batch whose batch rank is the functional dimension: the probe points and region simplices that raised the rank. */
  readonly witness: readonly Rational[][];
  /**
   * Directions completing the scaling directions to a basis of the Jacobian's kernel over the
   * decisive batch (empty at the bound): the infinitesimal hidden symmetries. They hold each
   * neuron's first nonzero incoming weight (its bias when there is none) fixed, the gauge that
   * removes the scaling orbits, and are the RREF nullspace basis of the rest (one free parameter
   * set to 1), so they are sparse and name the parameters a hidden symmetry moves.
   */
  readonly hiddenDirections: readonly Rational[][];
  readonly exact: true;
}

/**
 * The exact functional dimension of a net, from its exact linear regions. Random points come
 * first (`probePoints`): each smooth one adds a valid row, and when they reach D - N_h the answer
 * is proven without enumerating a single region (the bound is a theorem, the rows' independence
 * is certified). Otherwise the regions are enumerated, all of them unless the bound is reached.
 */
export function functionalDimension(net: ReluNet<Rational>, options: FunctionalDimensionOptions = {}): FunctionalDimensionResult {
  const D = parameterCount(net);
  const Nh = hiddenNeuronCount(net);
  const d = inputDim(net);
  const scaling = independentScalingDirections(net);
  // Per tag: a probe point (its rows: the row there) or a region (interior point p and a step
  // keeping p + step e_k inside: the rows there and their tangents); null for a non-smooth region.
  const sources: ({ p: Rational[]; step: Rational | null } | null)[] = [];
  const rowsOf = (tag: number): bigint[][] => {
    const s = sources[tag]!;
    return jacobianWithTangentsInteger(net, s.p, s.step === null ? 0 : d).rows.flat();
  };
  const space = new CertifiedRowSpace(D, scaling.directions, scaling.gauge, { recompute: rowsOf });
  const stopAtBound = options.stopAtBound ?? true;
  for (const p of probePoints(d, options.probes ?? Math.min(2 * D, 2000), options.box, options.seed ?? 1)) {
    const { rows, zeros } = jacobianWithTangentsInteger(net, p, 0);
    if (zeros.length > 0) continue;
    sources.push({ p, step: null });
    for (const perOutput of rows) space.addInteger(perOutput[0], sources.length - 1);
    if (space.full) break;
  }
  let visited = 0;
  let nonSmooth = 0;
  let allRegions = !(stopAtBound && space.full);
  try {
    if (allRegions) {
      for (const region of iterRegions(net, { box: options.box, lp: options.lp, maxCount: options.maxCount, maxSeconds: options.maxSeconds, onProgress: options.onProgress })) {
        visited++;
        if (region.pattern.some((layer) => layer.includes(0))) {
          nonSmooth++;
          sources.push(null);
          continue;
        }
        const { rows, margin } = jacobianWithTangentsInteger(net, region.interiorPoint, d);
        sources.push({ p: region.interiorPoint, step: simplexStep(margin, region.interiorPoint, options.box) });
        for (const perOutput of rows) for (const row of perOutput) space.addInteger(row, sources.length - 1);
        if (stopAtBound && space.full) {
          allRegions = false;
          break;
        }
      }
    }
  } catch (e) {
    if (e instanceof BudgetExceededError) {
      throw new BudgetExceededError(`functionalDimension: ${e.message}; the rank so far, ${space.rank}, is a lower bound (the upper bound is ${D - Nh})`, { lowerBound: space.rank, upperBound: D - Nh, regions: visited });
    }
    throw e;
  }
  if (allRegions && visited > 0 && nonSmooth === visited && sources.every((x) => x === null)) throw new NowhereSmoothError(nowhereSmoothDetail(net, options.box));
  const summary = space.finish();
  const used = [...new Set(summary.tags)].sort((a, b) => a - b);
  const fd = summary.rank;
  return {
    functionalDimension: fd,
    parameterCount: D,
    hiddenNeurons: Nh,
    upperBound: D - Nh,
    hiddenSymmetries: fd < D - Nh,
    regionsVisited: visited,
    allRegions,
    nonSmoothRegions: nonSmooth,
    witness: used.flatMap((t) => {
      const { p, step } = sources[t]!;
      return step === null ? [p] : [p, ...p.map((_, k) => p.map((x, i) => (i === k ? x.add(step) : x)))];
    }),
    hiddenDirections: summary.kernelComplement.map((v) => v.map((x) => Rational.fromBigint(x))),
    exact: true,
  };
}

/** Which neuron has a pre-activation identically 0 (at a probe point: one of them, in words). */
function nowhereSmoothDetail(net: ReluNet<Rational>, box: Box | undefined): string {
  const p = probePoints(inputDim(net), 1, box, 7)[0];
  const zero = jacobianWithTangentsInteger(net, p, 0).zeros[0];
  const where = box === undefined ? 'everywhere' : 'everywhere in the box';
  return zero === undefined ? `every linear region has a pre-activation that is identically 0` : `the pre-activation of the neuron in row ${zero.neuron} of layers[${zero.layer}] is 0 ${where}`;
}

/**
 * Seeded random rational points with small denominators (multiples of 1/64): a quarter each at
 * scales 1, 10, 100 and 1000 around 0, or uniform in the box. They only speed the search up: the
 * answer does not depend on them.
 */
function probePoints(d: number, count: number, box: Box | undefined, seed: number): Rational[][] {
  const rng = new SeededRng(seed);
  const scales = [1, 10, 100, 1000];
  return Array.from({ length: count }, (_, i) => {
    if (box !== undefined) {
      return box.lower.map((lo, j) => {
        const t = Rational.of(rng.nextInt(1, 1023), 1024);
        return lo.add(box.upper[j].sub(lo).mul(t));
      });
    }
    return Array.from({ length: d }, () => Rational.of(Math.round(scales[i % 4] * rng.nextNormal() * 64), 64));
  });
}

/** slack / (2 L) over the pre-activations and the box faces (MATH.md step 2); 1 when nothing bounds the step. */
function simplexStep(margin: StepMargin<Rational>, p: readonly Rational[], box: Box | undefined): Rational {
  let slack = margin.slack;
  let L = margin.gradient;
  if (box !== undefined) {
    if (L.cmp(Rational.ONE) < 0) L = Rational.ONE;
    p.forEach((x, i) => {
      for (const gap of [x.sub(box.lower[i]), box.upper[i].sub(x)]) if (slack === null || gap.cmp(slack) < 0) slack = gap;
    });
  }
  return slack === null || L.isZero() ? Rational.ONE : slack.div(L.mul(Rational.of(2)));
}

/**
 * An n_0-simplex strictly inside a region (MATH.md step 2): the interior point p and
 * p + (t / (2 L)) e_k, with t the least slack of the region's inequalities at p and L the largest
 * L1 norm of their linear parts (all of R^d: step 1).
 */
export function regionSimplex(region: LinearRegion): Rational[][] {
  const p = region.interiorPoint;
  const d = p.length;
  let slack: Rational | null = null;
  let L = Rational.ZERO;
  for (const form of region.inequalities) {
    const value = form.slice(0, d).reduce((s, a, i) => s.add(a.mul(p[i])), form[d]);
    if (slack === null || value.cmp(slack) < 0) slack = value;
    const norm = form.slice(0, d).reduce((s, a) => s.add(a.abs()), Rational.ZERO);
    if (norm.cmp(L) > 0) L = norm;
  }
  const step = slack === null || L.isZero() ? Rational.ONE : slack.div(L.mul(Rational.of(2)));
  return [p, ...Array.from({ length: d }, (_, k) => p.map((x, i) => (i === k ? x.add(step) : x)))];
}

/** The whole decisive batch: an n_0-simplex in every region with no identically-zero pre-activation. */
export function decisiveBatch(net: ReluNet<Rational>, options: Omit<FunctionalDimensionOptions, 'stopAtBound'> = {}): Rational[][] {
  const out: Rational[][] = [];
  for (const region of iterRegions(net, options)) if (!region.pattern.some((layer) => layer.includes(0))) out.push(...regionSimplex(region));
  return out;
}
