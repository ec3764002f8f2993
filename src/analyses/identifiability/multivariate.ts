/**
 * Counterexamples to identifiability for input dimension d > 1: a SEARCH, never a proof that none
 * exists (`proof: false` when it finds nothing). In order:
 * 1. width > the net's width: a spare neuron relu(x_1 - R) with every sample strictly on its
 *    inactive side (LITERATURE-A 4.3 (ii));
 * 2. a neuron that no sample activates (w . x_j + b <= 0 for all j) gets another output weight
 *    (4.3 (i), O7 (a)); a neuron computing a constant or nothing becomes the spare neuron;
 * 3. LP placement: every neuron i of the candidate g gets an activation pattern on the samples
 *    and one test point t, and a sign s_i of its output weight. With u_i = v_i (w_i, b_i) the
 *    values g(x_j) = c + sum_{i active at x_j} u_i . (x_j, 1) are linear, the pattern is
 *    s_i u_i . (x, 1) > 0 where active and <= 0 elsewhere, and g(t) > f(t) (or <) is one more
 *    strict row: one exact LP per (patterns, signs, side). The patterns come from the open
 *    chambers of the samples' arrangement with t (`listPatterns`): first the net's own patterns,
 *    then each neuron's pattern replaced by every other, then random tuples, within `maxLps`.
 * Every counterexample is checked exactly (agreement on each sample, a difference at t).
 */
import { SeededRng } from '../../core/rng.js';
import { QQ } from '../../field/qq.js';
import { Rational } from '../../field/rational.js';
import { listPatterns } from '../../arrangement/patterns.js';
import { findInteriorPoint, type LinearSystem, type LpOptions } from '../../lp/interior.js';
import { evaluateScalar } from '../../network/evaluate.js';
import { createReluNet, hiddenNeuronCount, inputDim, type ReluNet } from '../../network/relu-net.js';
import { checkCounterexample } from './check.js';
import type { IdentifyResult } from './identify.js';

export interface MultivariateOptions {
  readonly width?: number;
  /** Most LPs of the pattern search (default 2000); its end is no proof. */
  readonly maxLps?: number;
  readonly maxSeconds?: number;
  /** Seed of the random tuples (default 1). */
  readonly seed?: number;
  /** Points where a difference is sought, besides the defaults (the samples' centroid and 2d points outside their box). */
  readonly testPoints?: readonly (readonly Rational[])[];
  readonly lp?: LpOptions;
}

interface Neuron {
  readonly w: readonly Rational[];
  readonly b: Rational;
  readonly v: Rational;
}

export function identifyMultivariate(net: ReluNet<Rational>, points: readonly (readonly Rational[])[], options: MultivariateOptions = {}): IdentifyResult {
  const start = Date.now();
  const d = inputDim(net);
  const m = hiddenNeuronCount(net);
  const M = options.width ?? m;
  const neurons: Neuron[] = net.layers[0].b.map((b, i) => ({ w: net.layers[0].W.row(i), b, v: net.layers[1].W.get(0, i) }));
  const c0 = net.layers[1].b[0];
  const R = points.reduce((acc, p) => (p[0].cmp(acc) > 0 ? p[0] : acc), Rational.ZERO).add(Rational.ONE);
  const spare: Neuron = { w: unit(d, 0), b: R.neg(), v: Rational.ONE };
  const beyond = unit(d, 0).map((x) => x.mul(R.add(Rational.ONE)));
  const base = { width: M, inputDim: d, sampleCount: points.length, minimalWidth: null, closed: [], knotLowerBound: null };
  const answer = (g: ReluNet<Rational>, at: readonly Rational[], method: IdentifyResult['method'], reason: string, stats: IdentifyResult['stats'] = null): IdentifyResult => {
    const c = checkCounterexample(net, g, points, M, at);
    if (!c.ok) throw new Error(`identify: the counterexample failed its check (${c.failures.join('; ')}); this is a bug`);
    return { ...base, identifiable: false, proof: true, complete: false, counterexample: g, differsAt: c.differsAt, method, reason, stats };
  };

  if (M >= m + 1) return answer(netOf([...neurons, spare], c0), beyond, 'spare-neuron', `width ${M} > ${m}: a spare neuron relu(x_1 - ${R}) is inactive at every sample and changes the function where x_1 > ${R}`);
  for (let i = 0; i < m && M >= m; i++) {
    const n = neurons[i];
    const flat = n.w.every((x) => x.isZero()) || n.v.isZero();
    if (flat) {
      const constant = n.w.every((x) => x.isZero()) && n.b.sign() > 0 ? n.v.mul(n.b) : Rational.ZERO;
      const g = netOf(neurons.map((o, k) => (k === i ? spare : o)), c0.add(constant));
      return answer(g, beyond, 'silent-neuron', `neuron ${i + 1} computes a constant (${constant}); used as a spare neuron relu(x_1 - ${R}) beyond the samples it changes the function and no sample sees it`);
    }
    if (points.every((p) => dotAffine(n.w, n.b, p).sign() <= 0)) {
      const g = netOf(neurons.map((o, k) => (k === i ? { ...o, v: o.v.add(Rational.ONE) } : o)), c0);
      // w . p + b = 1 at p = (1 - b) w / |w|^2.
      const norm = n.w.reduce((s, x) => s.add(x.mul(x)), Rational.ZERO);
      const p = n.w.map((x) => x.mul(Rational.ONE.sub(n.b)).div(norm));
      return answer(g, p, 'silent-neuron', `no sample activates neuron ${i + 1} (w . x + b <= 0 at every sample), so its output weight can change: the function changes where it is active`);
    }
  }
  const found = patternSearch(net, neurons, points, M, options, start);
  if (found.net !== null) {
    return answer(found.net, found.at!, 'pattern-search', `the LP placement search found a net of width ${M} through every sample that differs at a test point`, found.stats);
  }
  return {
    ...base,
    identifiable: true,
    proof: false,
    complete: false,
    counterexample: null,
    differsAt: null,
    method: 'pattern-search',
    reason: `no counterexample found by the pattern search (${found.stats.tuples} pattern tuples, ${found.stats.lps} LPs): this is NOT a proof of identifiability for input dimension ${d}`,
    stats: found.stats,
  };
}

function unit(d: number, k: number): Rational[] {
  return Array.from({ length: d }, (_, i) => (i === k ? Rational.ONE : Rational.ZERO));
}

function dotAffine(w: readonly Rational[], b: Rational, x: readonly Rational[]): Rational {
  return w.reduce((s, wi, i) => s.add(wi.mul(x[i])), b);
}

function netOf(neurons: readonly Neuron[], c: Rational): ReluNet<Rational> {
  return createReluNet(QQ, [
    { W: neurons.map((n) => n.w.slice()), b: neurons.map((n) => n.b) },
    { W: [neurons.map((n) => n.v)], b: [c] },
  ]);
}

interface Slot {
  /** Active set on the samples followed by the test point. */
  readonly bits: string;
  readonly sign: 1 | -1;
}

type SearchStats = { tuples: number; lps: number; seconds: number };

function patternSearch(
  net: ReluNet<Rational>,
  neurons: readonly Neuron[],
  points: readonly (readonly Rational[])[],
  M: number,
  options: MultivariateOptions,
  start: number,
): { net: ReluNet<Rational> | null; at: readonly Rational[] | null; stats: SearchStats } {
  const maxLps = options.maxLps ?? 2000;
  const stats: SearchStats = { tuples: 0, lps: 0, seconds: 0 };
  const rng = new SeededRng(options.seed ?? 1);
  const out = (g: ReluNet<Rational> | null, at: readonly Rational[] | null) => ({ net: g, at, stats: { ...stats, seconds: (Date.now() - start) / 1000 } });
  const overBudget = (): boolean => stats.lps >= maxLps || (options.maxSeconds !== undefined && (Date.now() - start) / 1000 > options.maxSeconds);
  const known = new Set(points.map((p) => p.join(',')));
  for (const t of [...(options.testPoints ?? []), ...defaultTestPoints(points, inputDim(net))]) {
    if (known.has(t.join(','))) continue;
    const pts = [...points, t];
    const chambers = listPatterns(pts, { bias: true }).map((p) => p.bits);
    const own: Slot[] = neurons.map((n) => ({ bits: pts.map((p) => (dotAffine(n.w, n.b, p).sign() > 0 ? '1' : '0')).join(''), sign: n.v.sign() >= 0 ? 1 : -1 }));
    for (const tuple of tuples(own, chambers, M, rng)) {
      if (overBudget()) return out(null, null);
      stats.tuples++;
      const ft = evaluateScalar(net, t);
      const g = solveTuple(tuple, points, pts, net, ft, options.lp, stats);
      if (g !== null) return out(g, t);
    }
  }
  return out(null, null);
}

/**
 * The own tuple, then each slot replaced by every chamber and sign, then random tuples, each tuple
 * once (width 0 has the one empty tuple: its LP was solved again and again).
 */
function* tuples(own: readonly Slot[], chambers: readonly string[], M: number, rng: SeededRng): Generator<Slot[]> {
  const slots = chambers.flatMap((bits) => [1, -1].map((sign) => ({ bits, sign: sign as 1 | -1 })));
  const seen = new Set<string>();
  const fresh = (tuple: readonly Slot[]): boolean => {
    const key = tuple.map((s) => `${s.sign}${s.bits}`).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  if (own.length === M) {
    if (fresh(own)) yield own.slice();
    for (let i = 0; i < M; i++) {
      for (const s of slots) {
        const t = own.map((o, k) => (k === i ? s : o));
        if (fresh(t)) yield t;
      }
    }
  }
  const all = slots.length ** M;
  for (let k = 0; k < 50 * slots.length * Math.max(1, M) && seen.size < all; k++) {
    const t = Array.from({ length: M }, () => slots[rng.nextInt(0, slots.length - 1)]);
    if (fresh(t)) yield t;
  }
}

/** One tuple: first agreement alone (pruning), then g(t) - f(t) > 0 and < 0. */
function solveTuple(tuple: readonly Slot[], points: readonly (readonly Rational[])[], pts: readonly (readonly Rational[])[], net: ReluNet<Rational>, ft: Rational, lp: LpOptions | undefined, stats: SearchStats): ReluNet<Rational> | null {
  const d = inputDim(net);
  const M = tuple.length;
  const nv = M * (d + 1) + 1;
  const lifted = (p: readonly Rational[]): Rational[] => [...p, Rational.ONE];
  const zero = (): Rational[] => new Array<Rational>(nv).fill(Rational.ZERO);
  const strict: Rational[][] = [];
  const weak: Rational[][] = [];
  tuple.forEach((slot, i) => {
    pts.forEach((p, j) => {
      const row = zero();
      const s = Rational.of(slot.bits[j] === '1' ? slot.sign : -slot.sign);
      lifted(p).forEach((x, k) => (row[i * (d + 1) + k] = x.mul(s)));
      (slot.bits[j] === '1' ? strict : weak).push(row);
    });
  });
  const valueRow = (j: number, p: readonly Rational[]): Rational[] => {
    const row = zero();
    tuple.forEach((slot, i) => {
      if (slot.bits[j] === '1') lifted(p).forEach((x, k) => (row[i * (d + 1) + k] = x));
    });
    row[nv - 1] = Rational.ONE;
    return row;
  };
  const equal = { A: points.map((p, j) => valueRow(j, p)), b: points.map((p) => evaluateScalar(net, p)) };
  const system = (extra: Rational[][], extraB: Rational[]): LinearSystem => ({
    strict: { A: [...strict, ...extra], b: [...strict.map(() => Rational.ZERO), ...extraB] },
    weak: { A: weak, b: weak.map(() => Rational.ZERO) },
    equal,
  });
  stats.lps++;
  if (!findInteriorPoint(system([], []), nv, lp).ok) return null;
  const tRow = valueRow(pts.length - 1, pts[pts.length - 1]);
  for (const side of [1, -1]) {
    stats.lps++;
    const r = findInteriorPoint(system([tRow.map((x) => x.mul(Rational.of(side)))], [ft.mul(Rational.of(side))]), nv, lp);
    if (!r.ok) continue;
    const neurons = tuple.map((slot, i) => {
      const u = r.x.slice(i * (d + 1), (i + 1) * (d + 1)).map((x) => x.mul(Rational.of(slot.sign)));
      return { w: u.slice(0, d), b: u[d], v: Rational.of(slot.sign) };
    });
    return netOf(neurons, r.x[nv - 1]);
  }
  return null;
}

/** The samples' centroid, and for each axis a point beyond the samples' box on either side. */
function defaultTestPoints(points: readonly (readonly Rational[])[], d: number): Rational[][] {
  const n = Rational.of(Math.max(1, points.length));
  const centroid = Array.from({ length: d }, (_, k) => points.reduce((s, p) => s.add(p[k]), Rational.ZERO).div(n));
  const spread = points.reduce((acc, p) => p.reduce((a, x, k) => { const dist = x.sub(centroid[k]).abs(); return dist.cmp(a) > 0 ? dist : a; }, acc), Rational.ZERO).add(Rational.ONE);
  const out: Rational[][] = [];
  for (let k = 0; k < d; k++) for (const s of [1, -1]) out.push(centroid.map((x, i) => (i === k ? x.add(spread.mul(Rational.of(s))) : x)));
  out.push(centroid);
  return out;
}
