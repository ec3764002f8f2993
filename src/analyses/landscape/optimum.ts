/**
 * The exact global minimum of sse over all shallow nets of width m (hidden biases on, output
 * bias on unless `outputBias: false`), any input dimension: Matena and Raffel's combinatorial
 * search with Pilanci and Ergen's convex problem at each vertex (LITERATURE-B 1.2-1.4).
 *
 * With x~ = (x, 1) and u_j = |v_j| (w_j, b_j), neuron j is e_j relu(u_j . x~) with e_j = sign(v_j).
 * For a closed pattern S_j (the points with u_j . x~_i >= 0) and u_j in its cone
 * K_j = {u : (2 D_j - I) X~ u >= 0}, relu(u_j . x~_i) = [i in S_j] u_j . x~_i: on the cone the
 * net is linear in (u, c). The cones of all patterns cover R^D, so
 *   min over nets = min over multisets {(S_j, e_j)} of  min_{u_j in K_j, c} || c + sum_j e_j D_j X~ u_j - y ||^2,
 * each a convex QP (least squares under linear inequalities), solved exactly by `minimizeLeastSquares`.
 *
 * Search: the all-inactive pattern is dropped (u = 0 in any other cone does the same), redundant
 * cone rows are removed (one LP each), and the multisets of patterns are visited in increasing
 * order of their unconstrained least-squares value (a lower bound for every sign choice: the
 * projection of y on the span of the D_j X~ and 1); the search stops when that bound reaches the
 * best value found, which is therefore the exact minimum. The minimiser is checked by exact
 * evaluation of its sse.
 */
import { BudgetExceededError, DimensionError, UsageError } from '../../core/errors.js';
import { Rational } from '../../field/rational.js';
import { QQ } from '../../field/qq.js';
import { Budget, type BudgetOptions } from '../../arrangement/budget.js';
import { listPatterns } from '../../arrangement/patterns.js';
import { Mat } from '../../linalg/mat.js';
import { solve } from '../../linalg/operations.js';
import { minimize } from '../../lp/optimize.js';
import { minimizeLeastSquares } from '../../lp/qp.js';
import { evaluateScalar } from '../../network/evaluate.js';
import { createReluNet, type ReluNet } from '../../network/relu-net.js';
import { dot, labelled, sumOfSquares, type LabelledInput } from './data.js';
import { countMultisets, multisets } from './multisets.js';

export interface OptimumOptions extends BudgetOptions {
  /** Include the output bias c (default true, the V1 model of MATH.md). */
  outputBias?: boolean;
  /** Skip multisets by their least-squares bound (default true); false solves every vertex QP (a baseline). */
  prune?: boolean;
}

/** One neuron of the optimal vertex: its closed activation pattern on the data and the sign of v. */
export interface VertexNeuron {
  readonly pattern: string;
  readonly sign: 1 | -1;
}

export interface OptimumResult {
  /** The global minimum of sum_i (f(x_i) - y_i)^2 over nets of this width. */
  readonly sse: Rational;
  /** A minimiser: its exact sse equals `sse` (checked). */
  readonly net: ReluNet<Rational>;
  readonly width: number;
  readonly outputBias: boolean;
  /** The vertex of the product of zonotopes whose QP attains the minimum. */
  readonly vertex: VertexNeuron[];
  /** KKT multipliers of that QP (one per kept cone row, in vertex order): the optimality certificate on the vertex. */
  readonly multipliers: Rational[];
  readonly counts: {
    /** Closed patterns of one unit (the all-inactive one included). */
    readonly patterns: number;
    /** Multisets of m patterns (the all-inactive one left out). */
    readonly patternMultisets: number;
    /** Multisets whose least-squares bound could not beat the best value found (never solved). */
    readonly pruned: number;
    /** Convex QPs solved (multiset x signs). */
    readonly qps: number;
  };
  readonly seconds: number;
}

/** The exact global optimum of a small instance (see the module comment). Budgets: `maxCount` bounds the pattern multisets. */
export function optimum(data: LabelledInput, width: number, options: OptimumOptions = {}): OptimumResult {
  const fn = 'optimum';
  const started = performance.now();
  const d = labelled(data, fn);
  if (!Number.isSafeInteger(width) || width < 1) throw new UsageError(`${fn}: width must be an integer >= 1, got ${width}`);
  if (d.X.length === 0) throw new DimensionError(fn, 'needs at least one data point');
  const outputBias = options.outputBias ?? true;
  const prune = options.prune ?? true;
  const budget = new Budget(options, fn, 'pattern multisets');
  const n = d.X.length;
  const lifted = d.X.map((x) => [...x, Rational.ONE]);
  const D = d.d + 1;
  const all = listPatterns(d.X, { convention: 'closed', bias: true, ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}) }).map((p) => p.bits);
  const patterns = all.filter((bits) => bits.includes('1'));
  const total = countMultisets(patterns.length, width);
  if (options.maxCount !== undefined && total > BigInt(options.maxCount)) {
    throw new BudgetExceededError(`${fn}: ${total} multisets of ${width} of the ${patterns.length} patterns exceed the budget of ${options.maxCount} (count budget)`, { count: 0 });
  }
  const cones = patterns.map((bits) => irredundantRows(lifted.map((x, i) => (bits[i] === '1' ? x : x.map((v) => v.neg())))));
  const columns = patterns.map((bits) => Array.from({ length: D }, (_, a) => lifted.map((x, i) => (bits[i] === '1' ? x[a] : Rational.ZERO))));

  // Lower bounds: the unconstrained least squares of each multiset (cached per set of patterns).
  const boundCache = new Map<string, Rational>();
  const candidates: { idx: number[]; bound: Rational }[] = [];
  for (const tuple of multisets(patterns.length, width)) {
    budget.found();
    const set = [...new Set(tuple)];
    const key = set.join(',');
    let bound = boundCache.get(key);
    if (bound === undefined) {
      bound = projectionResidual([...set.flatMap((p) => columns[p]), ...(outputBias ? [lifted.map(() => Rational.ONE)] : [])], d.y);
      boundCache.set(key, bound);
    }
    candidates.push({ idx: tuple, bound });
  }
  candidates.sort((a, b) => a.bound.cmp(b.bound));

  const yMean = outputBias ? d.y.reduce((a, v) => a.add(v), Rational.ZERO).div(Rational.of(n)) : Rational.ZERO;
  const center = (v: readonly Rational[]): Rational[] => {
    if (!outputBias) return v.slice();
    const mean = v.reduce((a, t) => a.add(t), Rational.ZERO).div(Rational.of(n));
    return v.map((t) => t.sub(mean));
  };
  const yc = d.y.map((v) => v.sub(yMean));
  let best: { sse: Rational; idx: number[]; signs: (1 | -1)[]; u: Rational[]; multipliers: Rational[] } | null = null;
  let qps = 0;
  let pruned = 0;
  for (const cand of candidates) {
    budget.check();
    if (prune && best !== null && cand.bound.cmp(best.sse) >= 0) {
      pruned++;
      continue;
    }
    for (const signs of signChoices(cand.idx)) {
      qps++;
      // Columns e_j D_j X~ (centred when c is free: minimising over c first is exact).
      const cols = cand.idx.flatMap((p, j) => columns[p].map((col) => center(signs[j] > 0 ? col : col.map((v) => v.neg()))));
      const G = Array.from({ length: n }, (_, i) => cols.map((col) => col[i]));
      const A: Rational[][] = [];
      cand.idx.forEach((p, j) => {
        for (const row of cones[p]) A.push([...new Array<Rational>(j * D).fill(Rational.ZERO), ...row, ...new Array<Rational>((width - j - 1) * D).fill(Rational.ZERO)]);
      });
      const res = minimizeLeastSquares(G, yc, A, A.map(() => Rational.ZERO));
      if (res.status !== 'optimal') throw new Error(`${fn}: a vertex QP ended ${res.status}; this is a bug (u = 0 is feasible and sse >= 0)`);
      if (best === null || res.value.cmp(best.sse) < 0) best = { sse: res.value, idx: cand.idx, signs, u: res.x, multipliers: res.multipliers };
      if (prune && res.value.eq(cand.bound)) break; // no sign choice can beat the bound
    }
  }
  if (best === null) throw new Error(`${fn}: no vertex was solved; this is a bug`);
  const net = minimiserNet(best, lifted, d.y, D, width, outputBias);
  const check = sumOfSquares(d.X.map((x, i) => evaluateScalar(net, x).sub(d.y[i])));
  if (!check.eq(best.sse)) throw new Error(`${fn}: the minimiser's sse ${check} differs from the QP value ${best.sse}; this is a bug`);
  return {
    sse: best.sse,
    net,
    width,
    outputBias,
    vertex: best.idx.map((p, j) => ({ pattern: patterns[p], sign: best!.signs[j] })),
    multipliers: best.multipliers,
    counts: { patterns: all.length, patternMultisets: candidates.length, pruned, qps },
    seconds: (performance.now() - started) / 1000,
  };
}

/** Sign choices for a multiset of patterns: per run of equal patterns, how many are negative. */
function* signChoices(idx: readonly number[]): Generator<(1 | -1)[]> {
  const runs: number[] = [];
  idx.forEach((p, i) => (i > 0 && p === idx[i - 1] ? runs[runs.length - 1]++ : runs.push(1)));
  const neg = runs.map(() => 0);
  for (;;) {
    yield runs.flatMap((len, r) => Array.from({ length: len }, (_, t) => (t < neg[r] ? -1 : 1) as 1 | -1));
    let r = runs.length - 1;
    while (r >= 0 && neg[r] === runs[r]) neg[r--] = 0;
    if (r < 0) return;
    neg[r]++;
  }
}

/** ||y - P y||^2 for P the orthogonal projection on the span of `cols` (exact normal equations). */
export function projectionResidual(cols: readonly (readonly Rational[])[], y: readonly Rational[]): Rational {
  if (cols.length === 0) return sumOfSquares(y);
  const gram = Mat.fromRows(
    QQ,
    cols.map((a) => cols.map((b) => dot(a, b))),
    cols.length,
  );
  const sol = solve(
    gram,
    cols.map((a) => dot(a, y)),
  );
  if (!sol.ok) throw new Error('projectionResidual: inconsistent normal equations; this is a bug');
  const fitted = y.map((_, i) => cols.reduce((acc, col, a) => acc.add(col[i].mul(sol.x[a])), Rational.ZERO));
  return sumOfSquares(fitted.map((f, i) => f.sub(y[i])));
}

/**
 * The cone {u : a_i . u >= 0} with redundant rows removed: parallel rows once, and a row that
 * the others imply (min a_i . u over them, with a_i . u >= -1, is >= 0) dropped, one LP each.
 */
function irredundantRows(rows: readonly Rational[][]): Rational[][] {
  const seen = new Set<string>();
  let kept = rows.filter((r) => {
    if (r.every((v) => v.isZero())) return false;
    const lead = r.find((v) => !v.isZero())!.abs();
    const key = r.map((v) => v.div(lead).toString()).join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (let i = kept.length - 1; i >= 0; i--) {
    const others = kept.filter((_, j) => j !== i);
    // min a_i.u s.t. -a_j.u <= 0 (j != i), -a_i.u <= 1
    const A = [...others.map((r) => r.map((v) => v.neg())), kept[i].map((v) => v.neg())];
    const b = [...others.map(() => Rational.ZERO), Rational.ONE];
    const r = minimize(kept[i], A, b);
    if (r.status === 'optimal' && r.value.sign() >= 0) kept = others;
  }
  return kept;
}

function minimiserNet(best: { idx: number[]; signs: (1 | -1)[]; u: Rational[] }, lifted: readonly Rational[][], y: readonly Rational[], D: number, width: number, outputBias: boolean): ReluNet<Rational> {
  const u = Array.from({ length: width }, (_, j) => best.u.slice(j * D, (j + 1) * D));
  const v = u.map((uj, j) => (uj.every((t) => t.isZero()) ? Rational.ZERO : Rational.of(best.signs[j])));
  let c = Rational.ZERO;
  if (outputBias) {
    // c = mean(y - sum_j e_j relu(u_j . x~)).
    const pred = lifted.map((x) => u.reduce((acc, uj, j) => {
      const z = dot(uj, x);
      return z.sign() > 0 ? acc.add(z.mul(v[j])) : acc;
    }, Rational.ZERO));
    c = y.reduce((acc, t, i) => acc.add(t.sub(pred[i])), Rational.ZERO).div(Rational.of(y.length));
  }
  return createReluNet(QQ, [
    { W: u.map((uj) => uj.slice(0, D - 1)), b: u.map((uj) => uj[D - 1]) },
    { W: [v], b: [c] },
  ]);
}
