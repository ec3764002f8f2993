/**
 * Cells of univariate shallow nets relative to sample points: the linearisation of MATH.md
 * ("Loss landscape") that serves critical points, the global optimum and identifiability.
 *
 * Write neuron i in spline coordinates, v_i relu(w_i x + b_i) = mu_i relu(s_i (x - beta_i)), and
 * set gamma_i = mu_i beta_i. Fix, for every neuron, where its breakpoint lies relative to the
 * sorted samples x_0 < ... < x_{n-1} (an open gap between consecutive samples, beyond them, or
 * exactly on a sample), its orientation s_i and the sign of mu_i. Then
 * - at every sample the neuron is active or not by the placement alone, and when active its
 *   value is s_i (mu_i x_j - gamma_i): the values f(x_j) are LINEAR in (mu, gamma, c);
 * - "beta_i lies in its gap" is x_{k-1} < gamma_i / mu_i < x_k, which for a fixed sign of mu_i
 *   is a pair of strict LINEAR inequalities (reversed when mu_i < 0); "on sample k" is the
 *   equation gamma_i = mu_i x_k.
 * So each cell is a polyhedron (open in the gap directions) in (mu, gamma, c) with a linear
 * evaluation map: least squares on a cell is an exact linear solve, realisability an exact LP
 * (`findInteriorPoint` of src/lp takes `system` as it is). mu_i = 0 is not a cell of its own
 * here: the neuron is then absent from the function (its breakpoint is free), a family that the
 * callers handle by using fewer neurons.
 *
 * With `linearTerm` a free slope `a` joins the variables (f(x_j) gains a x_j): with right-facing
 * neurons only, g = a x + c + sum_i mu_i relu(x - beta_i) is every CPWL function written by its
 * knots, and a sample's value then depends only on the knots to its left (identifiability
 * searches left to right on this). Such a point is a function (`cellSpline`), not a net.
 */
import { DimensionError, UsageError } from '../core/errors.js';
import { QQ } from '../field/qq.js';
import { Rational } from '../field/rational.js';
import type { LinearSystem } from '../lp/interior.js';
import { createReluNet, type ReluNet } from '../network/relu-net.js';
import { splineFromJumps, type Spline } from './spline.js';

/** Where a breakpoint lies: in gap k (between x_{k-1} and x_k; gap 0 before x_0, gap n after x_{n-1}), or on sample k. */
export type BreakpointPlace = { readonly kind: 'gap'; readonly gap: number } | { readonly kind: 'at'; readonly sample: number };

/** One neuron's cell: its breakpoint's place, its orientation s = sign(w), and the sign of mu = v |w|. */
export interface NeuronCell {
  readonly place: BreakpointPlace;
  readonly orientation: 1 | -1;
  readonly muSign: 1 | -1;
}

export interface CellSystem {
  /** The variables, in order: mu_1, gamma_1, ..., mu_m, gamma_m, then a (with `linearTerm`), then c (with the output bias). */
  readonly variables: readonly string[];
  /** f(x_j) = design[j] . vars, one row per sample. */
  readonly design: readonly (readonly Rational[])[];
  /** The placement: sign of each mu (strict), gaps (strict), samples (equalities). */
  readonly system: LinearSystem;
}

export interface CellOptions {
  /** Include the output bias c as the last variable. Default true (the V1 model). */
  outputBias?: boolean;
  /** Include a free slope a (the term a x) before c. Default false. */
  linearTerm?: boolean;
}

/** Number of variables of a cell tuple: 2 per neuron, then a and c when present. */
export function cellVariableCount(m: number, options: CellOptions = {}): number {
  return 2 * m + (options.linearTerm === true ? 1 : 0) + ((options.outputBias ?? true) ? 1 : 0);
}

/** Whether a neuron with this cell is active at sample j (exact: a breakpoint on x_j is inactive there). */
export function activeAt(cell: NeuronCell, j: number): boolean {
  const { place, orientation } = cell;
  if (place.kind === 'gap') return orientation > 0 ? j >= place.gap : j < place.gap;
  return orientation > 0 ? j > place.sample : j < place.sample;
}

/**
 * The linear system of a cell tuple on samples `xs` (strictly ascending). Checks the shapes
 * (DimensionError on misuse).
 */
export function cellSystem(xs: readonly Rational[], cells: readonly NeuronCell[], options: CellOptions = {}): CellSystem {
  const n = xs.length;
  for (let j = 1; j < n; j++) if (xs[j].cmp(xs[j - 1]) <= 0) throw new DimensionError('cellSystem', 'samples must be strictly ascending');
  cells.forEach((cell, i) => {
    const p = cell.place;
    const ok = p.kind === 'gap' ? Number.isInteger(p.gap) && p.gap >= 0 && p.gap <= n : Number.isInteger(p.sample) && p.sample >= 0 && p.sample < n;
    if (!ok) throw new DimensionError('cellSystem', `neuron ${i}: place ${JSON.stringify(p)} is outside the ${n} samples`);
  });
  const withBias = options.outputBias ?? true;
  const linear = options.linearTerm === true;
  const nv = cellVariableCount(cells.length, options);
  const zeros = (): Rational[] => new Array<Rational>(nv).fill(Rational.ZERO);
  const variables = cells.flatMap((_, i) => [`mu_${i + 1}`, `gamma_${i + 1}`]).concat(linear ? ['a'] : [], withBias ? ['c'] : []);

  const design = xs.map((x, j) => {
    const row = zeros();
    cells.forEach((cell, i) => {
      if (!activeAt(cell, j)) return;
      const s = Rational.of(cell.orientation);
      row[2 * i] = s.mul(x);
      row[2 * i + 1] = s.neg();
    });
    if (linear) row[2 * cells.length] = x;
    if (withBias) row[nv - 1] = Rational.ONE;
    return row;
  });

  // Rows a with a . vars > 0, and a . vars = 0.
  const strict: Rational[][] = [];
  const equal: Rational[][] = [];
  cells.forEach((cell, i) => {
    const sigma = Rational.of(cell.muSign);
    const muSign = zeros();
    muSign[2 * i] = sigma;
    strict.push(muSign);
    // sigma (gamma - mu t) > 0 says beta > t; sigma (mu t - gamma) > 0 says beta < t.
    const beyond = (t: Rational, above: boolean): Rational[] => {
      const row = zeros();
      const dir = above ? sigma : sigma.neg();
      row[2 * i] = dir.neg().mul(t);
      row[2 * i + 1] = dir;
      return row;
    };
    const p = cell.place;
    if (p.kind === 'gap') {
      if (p.gap > 0) strict.push(beyond(xs[p.gap - 1], true));
      if (p.gap < n) strict.push(beyond(xs[p.gap], false));
    } else {
      const row = zeros();
      row[2 * i] = xs[p.sample].neg();
      row[2 * i + 1] = Rational.ONE;
      equal.push(row);
    }
  });
  const rhs = (rows: Rational[][]): Rational[] => rows.map(() => Rational.ZERO);
  return {
    variables,
    design,
    system: { strict: { A: strict, b: rhs(strict) }, ...(equal.length > 0 ? { equal: { A: equal, b: rhs(equal) } } : {}) },
  };
}

/**
 * The net of a point (mu, gamma, c) of a cell: each neuron with |w| = 1 (w = s, b = -s beta,
 * v = mu, beta = gamma / mu). Without an output bias, c = 0.
 */
export function cellNet(cells: readonly NeuronCell[], vars: readonly Rational[], options: CellOptions = {}): ReluNet<Rational> {
  if (options.linearTerm === true) throw new UsageError('cellNet: a free linear term is no part of a relu-net/1 net; use cellSpline for the function');
  const withBias = options.outputBias ?? true;
  if (vars.length !== 2 * cells.length + (withBias ? 1 : 0)) throw new DimensionError('cellNet', `expected ${2 * cells.length + (withBias ? 1 : 0)} values, got ${vars.length}`);
  if (cells.length === 0) return createReluNet(QQ, [{ W: [[Rational.ZERO]], b: [withBias ? vars[0] : Rational.ZERO] }]);
  const w = cells.map((c) => Rational.of(c.orientation));
  const b = cells.map((c, i) => {
    const mu = vars[2 * i];
    if (mu.isZero()) throw new DimensionError('cellNet', `neuron ${i + 1} has mu = 0: its breakpoint is not determined by the cell`);
    return vars[2 * i + 1].div(mu).mul(w[i]).neg();
  });
  const v = cells.map((_, i) => vars[2 * i]);
  return createReluNet(QQ, [
    { W: w.map((x) => [x]), b },
    { W: [v], b: [withBias ? vars[vars.length - 1] : Rational.ZERO] },
  ]);
}

/**
 * The function of a point (mu, gamma, [a], [c]) of a cell, as a canonical spline: a jump mu_i at
 * beta_i = gamma_i / mu_i, far-left slope a - sum_{s_i = -1} mu_i, and
 * f(0) = c + sum_i mu_i relu(-s_i beta_i) = c - sum_{active at 0} s_i gamma_i.
 */
export function cellSpline(cells: readonly NeuronCell[], vars: readonly Rational[], options: CellOptions = {}): Spline {
  const nv = cellVariableCount(cells.length, options);
  if (vars.length !== nv) throw new DimensionError('cellSpline', `expected ${nv} values, got ${vars.length}`);
  const a = options.linearTerm === true ? vars[2 * cells.length] : Rational.ZERO;
  let leftSlope = a;
  let f0 = (options.outputBias ?? true) ? vars[nv - 1] : Rational.ZERO;
  const jumps = cells.map((cell, i) => {
    const mu = vars[2 * i];
    const gamma = vars[2 * i + 1];
    if (mu.isZero()) throw new DimensionError('cellSpline', `neuron ${i + 1} has mu = 0: its breakpoint is not determined by the cell`);
    const beta = gamma.div(mu);
    if (cell.orientation < 0) leftSlope = leftSlope.sub(mu);
    if (beta.neg().mul(Rational.of(cell.orientation)).sign() > 0) f0 = f0.sub(gamma.mul(Rational.of(cell.orientation)));
    return { at: beta, jump: mu };
  });
  return splineFromJumps(leftSlope, jumps, { x: Rational.ZERO, y: f0 });
}

/** Every neuron cell on n samples: n + 1 gaps and (with `onSamples`) n samples, 2 orientations, 2 signs of mu. */
export function neuronCells(n: number, options: { onSamples?: boolean } = {}): NeuronCell[] {
  const places: BreakpointPlace[] = Array.from({ length: n + 1 }, (_, gap) => ({ kind: 'gap' as const, gap }));
  if (options.onSamples === true) for (let sample = 0; sample < n; sample++) places.push({ kind: 'at', sample });
  return places.flatMap((place) => ([1, -1] as const).flatMap((orientation) => ([1, -1] as const).map((muSign) => ({ place, orientation, muSign }))));
}

/**
 * Every multiset of `m` cells drawn from `choices` (neurons are interchangeable: a tuple and its
 * permutations are one cell of the quotient), as index-nondecreasing tuples; lazily.
 */
export function* cellTuples(choices: readonly NeuronCell[], m: number): Generator<NeuronCell[]> {
  if (m === 0) {
    yield [];
    return;
  }
  const idx = new Array<number>(m).fill(0);
  for (;;) {
    yield idx.map((k) => choices[k]);
    let p = m - 1;
    while (p >= 0 && idx[p] === choices.length - 1) p--;
    if (p < 0) return;
    idx[p]++;
    for (let q = p + 1; q < m; q++) idx[q] = idx[p];
  }
}

/** The number of multisets `cellTuples(choices, m)` yields: C(k + m - 1, m) for k choices. */
export function countCellTuples(k: number, m: number): bigint {
  let r = 1n;
  for (let i = 1; i <= m; i++) r = (r * BigInt(k + i - 1)) / BigInt(i);
  return r;
}
