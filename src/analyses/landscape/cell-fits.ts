/**
 * Exact least squares on the cells of univariate shallow nets (MATH.md, "Loss landscape"; the
 * linearisation of src/spline/cells.ts). A *live* neuron has mu != 0 and a breakpoint in an open
 * gap between samples or exactly on a sample; once every live neuron's place and orientation
 * are fixed, f at the samples is linear in the cell variables:
 *   gap neuron:      s (mu x - gamma) on its active side (gamma = mu beta),
 *   on sample x_k:   s mu (x - x_k) on its strict active side (beta = x_k is fixed),
 *   constant:        a (a neuron with w = 0, b > 0: needed only without an output bias),
 *   output bias:     c.
 * So the cell's least squares is an exact projection: the fitted values P_V y are unique even
 * when the design is rank-deficient (then the solutions form an affine subspace), and which of
 * them are realisable (signs of mu, breakpoints strictly inside their gaps) is an exact LP.
 * Duplicate x values share one sample (their rows repeat in the design).
 */
import { DimensionError } from '../../core/errors.js';
import { Rational } from '../../field/rational.js';
import { QQ } from '../../field/qq.js';
import { Mat } from '../../linalg/mat.js';
import { rank, solve } from '../../linalg/operations.js';
import { findInteriorPoint } from '../../lp/interior.js';
import { createReluNet, type ReluNet } from '../../network/relu-net.js';
import { activeAt, cellSystem, type BreakpointPlace, type NeuronCell } from '../../spline/cells.js';
import { labelled, sumOfSquares, type LabelledInput } from './data.js';

/** Univariate labelled data with its distinct sample positions. */
export interface UnivariateData {
  /** Distinct x values, ascending. */
  readonly xs: readonly Rational[];
  /** For each original point, the index of its x in `xs`. */
  readonly index: readonly number[];
  readonly y: readonly Rational[];
}

export function univariateData(data: LabelledInput, fn: string): UnivariateData {
  const d = labelled(data, fn);
  if (d.X.length === 0) throw new DimensionError(fn, 'needs at least one data point');
  if (d.d !== 1) throw new DimensionError(fn, `needs univariate data (one coordinate); the points have ${d.d}`);
  const sorted = [...new Set(d.X.map((r) => r[0].toString()))].map((s) => d.X.find((r) => r[0].toString() === s)![0]).sort((a, b) => a.cmp(b));
  const pos = new Map(sorted.map((x, i) => [x.toString(), i]));
  return { xs: sorted, index: d.X.map((r) => pos.get(r[0].toString())!), y: d.y };
}

/** A live neuron's place and orientation (mu != 0; its sign is chosen per realisation). */
export type LiveType = { readonly place: BreakpointPlace; readonly orientation: 1 | -1 } | { readonly place: { readonly kind: 'constant' }; readonly orientation: 1 };

/**
 * The live types that contribute on the samples: gaps and samples with a nonempty (strict)
 * active side, 4n - 2 of them on n samples; with `constant`, also the w = 0 neuron.
 */
export function liveTypes(n: number, options: { onSamples?: boolean; constant?: boolean } = {}): LiveType[] {
  const out: LiveType[] = [];
  for (let gap = 0; gap <= n; gap++) for (const orientation of [1, -1] as const) if (!(gap === 0 && orientation < 0) && !(gap === n && orientation > 0)) out.push({ place: { kind: 'gap', gap }, orientation });
  if (options.onSamples === true) {
    for (let sample = 0; sample < n; sample++) for (const orientation of [1, -1] as const) if (!(sample === 0 && orientation < 0) && !(sample === n - 1 && orientation > 0)) out.push({ place: { kind: 'at', sample }, orientation });
  }
  if (options.constant === true) out.push({ place: { kind: 'constant' }, orientation: 1 });
  return out;
}

/**
 * One realisable component of a cell's least-squares solutions (a sign of mu per live type) and
 * a point in it: spline coordinates of the gap and sample neurons (in type order), the values
 * of the constant neurons, the output bias.
 */
export interface Realisation {
  readonly muSigns: readonly (1 | -1)[];
  readonly orientations: readonly (1 | -1)[];
  readonly mu: readonly Rational[];
  readonly beta: readonly Rational[];
  readonly constants: readonly Rational[];
  readonly c: Rational;
}

export interface CellFit {
  readonly types: readonly LiveType[];
  /** f at each original point: the projection of y on the cell's span (unique). */
  readonly fitted: Rational[];
  readonly residuals: Rational[];
  readonly sse: Rational;
  /** Dimension of the solution set in the cell variables (columns - rank). */
  readonly nullity: number;
  readonly realisations: Realisation[];
  /** LPs solved (rank-deficient designs only). */
  readonly lps: number;
}

const isConstant = (t: LiveType): boolean => t.place.kind === 'constant';

/** Reduced design columns (one per free variable), one row per distinct sample. */
function reducedColumns(u: UnivariateData, types: readonly LiveType[], outputBias: boolean): Rational[][] {
  const cols: Rational[][] = [];
  for (const t of types) {
    const s = Rational.of(t.orientation);
    if (t.place.kind === 'constant') cols.push(u.xs.map(() => Rational.ONE));
    else if (t.place.kind === 'gap') {
      const cell = t as NeuronCell;
      cols.push(u.xs.map((x, j) => (activeAt({ ...cell, muSign: 1 }, j) ? s.mul(x) : Rational.ZERO)));
      cols.push(u.xs.map((_, j) => (activeAt({ ...cell, muSign: 1 }, j) ? s.neg() : Rational.ZERO)));
    } else {
      const xk = u.xs[t.place.sample];
      cols.push(u.xs.map((x, j) => (activeAt({ ...(t as NeuronCell), muSign: 1 }, j) ? s.mul(x.sub(xk)) : Rational.ZERO)));
    }
  }
  if (outputBias) cols.push(u.xs.map(() => Rational.ONE));
  return cols;
}

/** The cell's exact least squares and its realisable sign patterns (see the module comment). */
export function fitCell(u: UnivariateData, types: readonly LiveType[], options: { outputBias?: boolean; realiseBelow?: Rational } = {}): CellFit {
  const outputBias = options.outputBias ?? true;
  const cols = reducedColumns(u, types, outputBias);
  const k = cols.length;
  const rows = u.index.map((j) => cols.map((col) => col[j]));
  let fittedAt: Rational[]; // per distinct sample
  let z: Rational[] = [];
  let nullity = 0;
  if (k === 0) fittedAt = u.xs.map(() => Rational.ZERO);
  else {
    const G = Mat.fromRows(QQ, rows, k);
    const gram = Mat.fromRows(
      QQ,
      cols.map((_, a) => cols.map((_, b) => rows.reduce((acc, r) => acc.add(r[a].mul(r[b])), Rational.ZERO))),
      k,
    );
    const rhs = cols.map((_, a) => rows.reduce((acc, r, i) => acc.add(r[a].mul(u.y[i])), Rational.ZERO));
    const sol = solve(gram, rhs);
    if (!sol.ok) throw new Error('fitCell: the normal equations are inconsistent; this is a bug');
    z = sol.x;
    nullity = sol.unique ? 0 : k - rank(G);
    fittedAt = u.xs.map((_, j) => cols.reduce((acc, col, a) => acc.add(col[j].mul(z[a])), Rational.ZERO));
  }
  const fitted = u.index.map((j) => fittedAt[j]);
  const residuals = fitted.map((f, i) => f.sub(u.y[i]));
  const base = { types, fitted, residuals, sse: sumOfSquares(residuals), nullity };
  // A caller after a minimum need not realise a fit that cannot beat what it has.
  if (options.realiseBelow !== undefined && base.sse.cmp(options.realiseBelow) >= 0) return { ...base, realisations: [], lps: 0 };
  if (nullity === 0) {
    const r = realiseUnique(u, types, z, outputBias);
    return { ...base, realisations: r === null ? [] : [r], lps: 0 };
  }
  const realisations: Realisation[] = [];
  let lps = 0;
  for (const muSigns of signPatterns(types)) {
    lps++;
    const r = realiseByLp(u, types, muSigns, fittedAt, outputBias);
    if (r !== null) realisations.push(r);
  }
  return { ...base, realisations, lps };
}

/**
 * Sign patterns of mu up to permutations of identical types (those are one family): for each
 * run of equal consecutive types, the number of negative signs. Constants carry no sign.
 */
export function* signPatterns(types: readonly LiveType[]): Generator<(1 | -1)[]> {
  const runs: number[] = [];
  types.forEach((t, i) => {
    if (i > 0 && sameType(t, types[i - 1])) runs[runs.length - 1]++;
    else runs.push(1);
  });
  const negatives = runs.map(() => 0);
  for (;;) {
    const out: (1 | -1)[] = [];
    runs.forEach((len, r) => {
      for (let t = 0; t < len; t++) out.push(t < negatives[r] ? -1 : 1);
    });
    yield out;
    let r = runs.length - 1;
    while (r >= 0 && (negatives[r] === runs[r] || isConstant(types[runs.slice(0, r).reduce((a, b) => a + b, 0)]))) {
      negatives[r] = 0;
      r--;
    }
    if (r < 0) return;
    negatives[r]++;
  }
}

export function sameType(a: LiveType, b: LiveType): boolean {
  return a.orientation === b.orientation && JSON.stringify(a.place) === JSON.stringify(b.place);
}

/** Full cell variables (mu_i, gamma_i)* from the reduced ones; constants keep their value aside. */
function expand(u: UnivariateData, types: readonly LiveType[], z: readonly Rational[]): { full: Rational[]; constants: Rational[] } {
  const full: Rational[] = [];
  const constants: Rational[] = [];
  let a = 0;
  for (const t of types) {
    if (t.place.kind === 'constant') constants.push(z[a++]);
    else if (t.place.kind === 'gap') full.push(z[a++], z[a++]);
    else {
      const mu = z[a++];
      full.push(mu, mu.mul(u.xs[t.place.sample]));
    }
  }
  return { full, constants };
}

function cellsOf(types: readonly LiveType[], muSigns: readonly (1 | -1)[]): NeuronCell[] {
  const cells: NeuronCell[] = [];
  types.forEach((t, i) => {
    if (t.place.kind !== 'constant') cells.push({ place: t.place, orientation: t.orientation, muSign: muSigns[i] });
  });
  return cells;
}

function realiseUnique(u: UnivariateData, types: readonly LiveType[], z: readonly Rational[], outputBias: boolean): Realisation | null {
  const { full, constants } = expand(u, types, z);
  const muSigns = types.map((t, i) => (isConstant(t) ? 1 : (full[2 * liveIndex(types, i)].sign() as 1 | -1 | 0)));
  if (muSigns.some((s) => s === 0)) return null;
  const cells = cellsOf(types, muSigns as (1 | -1)[]);
  const { system } = cellSystem(u.xs, cells, { outputBias: false });
  if (!system.strict!.A.every((row) => row.reduce((acc, v, j) => acc.add(v.mul(full[j])), Rational.ZERO).sign() > 0)) return null;
  return build(types, muSigns as (1 | -1)[], full, constants, outputBias ? z[z.length - 1] : Rational.ZERO);
}

function liveIndex(types: readonly LiveType[], i: number): number {
  return types.slice(0, i).filter((t) => !isConstant(t)).length;
}

function realiseByLp(u: UnivariateData, types: readonly LiveType[], muSigns: readonly (1 | -1)[], fittedAt: readonly Rational[], outputBias: boolean): Realisation | null {
  const cells = cellsOf(types, muSigns);
  const nConst = types.filter(isConstant).length;
  const cs = cellSystem(u.xs, cells, { outputBias: false });
  const nLive = cs.variables.length;
  const extra = nConst + (outputBias ? 1 : 0);
  const pad = (row: readonly Rational[], tail: Rational[]): Rational[] => [...row, ...tail];
  const zeros = new Array<Rational>(extra).fill(Rational.ZERO);
  const equalA = cs.design.map((row) => pad(row, new Array<Rational>(extra).fill(Rational.ONE)));
  const equal = { A: [...equalA, ...(cs.system.equal?.A ?? []).map((r) => pad(r, zeros))], b: [...fittedAt, ...(cs.system.equal?.b ?? [])] };
  const strict = { A: cs.system.strict!.A.map((r) => pad(r, zeros)), b: cs.system.strict!.b };
  const r = findInteriorPoint({ strict, equal }, nLive + extra);
  if (!r.ok) return null;
  const full = r.x.slice(0, nLive);
  const constants = r.x.slice(nLive, nLive + nConst);
  return build(types, muSigns, full, constants, outputBias ? r.x[nLive + nConst] : Rational.ZERO);
}

function build(types: readonly LiveType[], muSigns: readonly (1 | -1)[], full: readonly Rational[], constants: readonly Rational[], c: Rational): Realisation {
  const live = types.filter((t) => !isConstant(t));
  return {
    muSigns,
    orientations: live.map((t) => t.orientation),
    mu: live.map((_, i) => full[2 * i]),
    beta: live.map((_, i) => full[2 * i + 1].div(full[2 * i])),
    constants: constants.slice(),
    c,
  };
}

/** One neuron v relu(w x + b) of a univariate shallow net. */
export interface Neuron {
  readonly w: Rational;
  readonly b: Rational;
  readonly v: Rational;
}

/** The neuron mu relu(s (x - beta)) with |w| = 1; a constant a as w = 0, b = 1, v = a. */
export function splineNeuron(s: 1 | -1, beta: Rational, mu: Rational): Neuron {
  return { w: Rational.of(s), b: beta.mul(Rational.of(-s)), v: mu };
}

/**
 * The net of `neurons` and output bias c, padded to `width` with dead neurons (breakpoint one
 * past the last sample, facing right, v = 0: inactive on every sample, no ties).
 */
export function assembleNet(neurons: readonly Neuron[], c: Rational, width: number, xMax: Rational): ReluNet<Rational> {
  if (neurons.length > width) throw new DimensionError('assembleNet', `${neurons.length} neurons do not fit in width ${width}`);
  const dead = splineNeuron(1, xMax.add(Rational.ONE), Rational.ZERO);
  const all = [...neurons, ...new Array<Neuron>(width - neurons.length).fill(dead)];
  return createReluNet(QQ, [
    { W: all.map((n) => [n.w]), b: all.map((n) => n.b) },
    { W: [all.map((n) => n.v)], b: [c] },
  ]);
}

/** The realisation's neurons (live ones, then one per constant). */
export function realisationNeurons(real: Realisation): Neuron[] {
  return [...real.mu.map((mu, i) => splineNeuron(real.orientations[i], real.beta[i], mu)), ...real.constants.map((a) => ({ w: Rational.ZERO, b: Rational.ONE, v: a }))];
}
