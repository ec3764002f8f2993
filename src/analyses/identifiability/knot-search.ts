/**
 * The exact decision behind univariate `identify`: is there a CPWL g with minimal width (V1)
 * mu(g) <= M, g(x_j) = f(x_j) at every sample, and (when `different`) g != f?
 *
 * Completeness (the toolkit's own argument; MATH.md "Finite-sample identifiability").
 * Let Z be the samples together with the knots of f. Write any candidate g by its K(g) knots
 * (distinct points, nonzero jumps) and its left line a x + c; mu(g) <= M iff K(g) <= M - 1 (and g
 * constant when K(g) = 0 and M <= 1), or K(g) = M and some set S of knots has jumps summing to -a
 * (e(g) = 0; src/spline/minimal.ts). Give each knot its place (an open gap of Z, or a point of Z)
 * and its sign: g is a point of that placement's polyhedron Q (strict rows: signs, gaps; equal
 * rows: points, sample equations, and a = 0 when g must be constant), which `knot-tree.ts`
 * enumerates entirely, pruning only (i) prefixes whose equations are infeasible (their
 * extensions add rows, never remove them) and (ii) placements with fewer knots than the samples
 * force (`cornerLowerBound`). With K = M knots g must also lie on a hyperplane
 * sum_S mu + a = 0 for some S: when the equations fix every jump and a this is an exact subset
 * sum on those values; otherwise `width-rule.ts` finds the sets S whose hyperplane meets Q, and
 * when none yields a counterexample every S is closed by its own LP. So every admissible g lies
 * in some leaf's Q (cut by its S). Conversely every point there is an admissible g once
 * "g != f" holds:
 * - (a) some knot lies in an OPEN gap I of Z. f has no kink in I, so g != f as soon as g has one
 *   there. Knots sharing I might coincide and cancel at the LP's point; but only their total jump
 *   and first moment (sum mu, sum gamma) enter any row (every point of Z lies outside I), so they
 *   are spread apart keeping both (`spreadKnots`): g then has genuine kinks in I.
 * - (b) every knot lies ON a point of Z. Then h = g - f is affine between consecutive points of
 *   Z, vanishes at the samples, and h = 0 iff h(z) = 0 at the other points of Z and
 *   h'(-inf) = h'(+inf) = 0: affine conditions L(v) = 0. Q is relatively open in the solution set
 *   E of its equations (its other rows are strict), so L vanishes on Q iff it vanishes on E: each
 *   row of L is a combination of the equations with the matching right-hand side (a certificate,
 *   `same-function`), else a point of Q with L != 0 is found by a step inside Q along ker of
 *   the equations.
 * When `different` is false (M < mu(f): every such g differs from f) the leaves need only be
 * feasible. Every infeasible node keeps its Motzkin certificate, so "none exists" is checkable.
 */
import { BudgetExceededError } from '../../core/errors.js';
import { QQ } from '../../field/qq.js';
import { Rational } from '../../field/rational.js';
import { Mat } from '../../linalg/mat.js';
import { nullspace, solve } from '../../linalg/operations.js';
import { findInteriorPoint, type LpOptions } from '../../lp/interior.js';
import { cellSpline } from '../../spline/cells.js';
import type { Spline } from '../../spline/spline.js';
import { knotCells, subsetRules, walkKnotTree, withRule, type LeafRule, type PlacedKnot, type TreeNode, type Verdict } from './knot-tree.js';
import { findSubsetSum } from '../../spline/subset-sum.js';
import { candidateSubsets } from './width-rule.js';
import type { Layout } from './layout.js';

/** Why a node of the tree is closed, re-checkable from the node's system alone. */
export type ClosedNode =
  | { readonly key: string; readonly kind: 'infeasible'; readonly strict: readonly Rational[]; readonly equal: readonly Rational[] }
  /** Leaf with K = M: each jump mu_i and a is combinations[i] . (equations), so fixed, and no subset of the jumps sums to -a. */
  | { readonly key: string; readonly kind: 'no-subset'; readonly combinations: readonly (readonly Rational[])[] }
  /** Leaf of kind (b): row r of `sameRows` (h at a point of Z, or a slope at infinity) equals combination[r] . (equations). */
  | { readonly key: string; readonly kind: 'same-function'; readonly combinations: readonly (readonly Rational[])[] };

export interface KnotSearchOptions {
  readonly width: number;
  /** Require g != f (M >= mu(f)); otherwise any interpolant of width <= M will do. */
  readonly different: boolean;
  /** Keep the closed nodes' certificates (default true). */
  readonly certificate?: boolean;
  /** Most LPs before BudgetExceededError (default 200 000). */
  readonly maxLps?: number;
  /** Wall-clock budget in seconds (default none). */
  readonly maxSeconds?: number;
  readonly lp?: LpOptions;
}

export interface KnotSearchStats {
  nodes: number;
  lps: number;
  leaves: number;
  seconds: number;
}

export type KnotSearchResult =
  | { readonly found: true; readonly g: Spline; readonly knots: readonly PlacedKnot[]; readonly rule: LeafRule; readonly stats: KnotSearchStats }
  | { readonly found: false; readonly closed: readonly ClosedNode[]; readonly stats: KnotSearchStats };

export function searchKnots(layout: Layout, options: KnotSearchOptions): KnotSearchResult {
  const keep = options.certificate ?? true;
  const maxLps = options.maxLps ?? 200_000;
  const start = Date.now();
  const stats: KnotSearchStats = { nodes: 0, lps: 0, leaves: 0, seconds: 0 };
  const closed: ClosedNode[] = [];
  const lp = (node: TreeNode) => {
    stats.lps++;
    if (stats.lps > maxLps) throw new BudgetExceededError(`identify: more than ${maxLps} placements' LPs (raise maxLps / --max-count)`, { ...stats });
    if (options.maxSeconds !== undefined && (Date.now() - start) / 1000 > options.maxSeconds) throw new BudgetExceededError(`identify: the search ran past ${options.maxSeconds} s (raise maxSeconds / --max-seconds)`, { ...stats });
    return findInteriorPoint(node.system, node.n, options.lp);
  };
  const infeasible = (node: TreeNode, r: { certificate: { strict: Rational[]; equal: Rational[] } }): 'closed' => {
    if (keep) closed.push({ key: node.key, kind: 'infeasible', strict: r.certificate.strict, equal: r.certificate.equal });
    return 'closed';
  };
  /** A feasible leaf point: (a) spread the knots; (b) look for g != f on the affine hull. */
  const finish = (node: TreeNode, x0: Rational[]): Verdict<Rational[]> => {
    const inGap = node.knots.some((k) => layout.places[k.place].kind === 'gap');
    if (!options.different || inGap) return { found: spreadKnots(layout, node.knots, x0) };
    const moved = pointWhereDifferent(layout, node, x0);
    if ('found' in moved) return { found: moved.found };
    if (keep) closed.push({ key: node.key, kind: 'same-function', combinations: moved.combinations });
    return 'closed';
  };
  /**
   * K = M: some S with sum_S mu + a = 0 is needed. When the equations fix every jump and a (the
   * usual case once the samples pin the knots), that is a subset sum on known numbers, and the
   * hyperplane of a good S contains Q; otherwise `candidateSubsets` proposes the sets S whose
   * hyperplane meets Q, and only when none of them gives a counterexample is every S closed by
   * its own LP (the certificate).
   */
  const widthLeaf = (node: TreeNode, x0: Rational[]): Verdict<Rational[]> => {
    const K = node.knots.length;
    if (options.different && node.knots.every((k) => layout.places[k.place].kind === 'at')) {
      const moved = pointWhereDifferent(layout, node, x0);
      if (!('found' in moved)) {
        // g = f on the whole hull, whatever S: closed for every S at once.
        if (keep) closed.push({ key: node.key, kind: 'same-function', combinations: moved.combinations });
        return 'closed';
      }
    }
    const forms = [...Array.from({ length: K }, (_, i) => unitRow(node.n, 2 * i)), unitRow(node.n, 2 * K)];
    const fixed = constantOnHull(node, forms);
    if (fixed !== null) {
      const values = fixed.map((lambda) => dot(lambda, node.system.equal!.b));
      const S = findSubsetSum(values.slice(0, K).map((v) => [v]), [values[K].neg()]);
      if (S === null) {
        if (keep) closed.push({ key: node.key, kind: 'no-subset', combinations: fixed });
        return 'closed';
      }
      return finish(node, x0);
    }
    for (const leftFacing of candidateSubsets(node, constantOnHull)) {
      const sub = withRule(node, { kind: 'subset', leftFacing });
      const r = lp(sub);
      const v = r.ok ? finish(sub, r.x) : 'closed';
      if (v !== 'closed') return v;
    }
    // No set S gives a counterexample here: prove it set by set (each with its own certificate).
    for (const rule of subsetRules(node.knots)) {
      const sub = withRule(node, rule);
      const r = lp(sub);
      if (!r.ok) {
        infeasible(sub, r);
        continue;
      }
      const v = finish(sub, r.x);
      if (v !== 'closed') return v;
    }
    return 'closed';
  };
  const hit = walkKnotTree<Rational[]>(
    layout,
    {
      prefix(node) {
        const r = lp(node);
        return r.ok ? 'open' : infeasible(node, r);
      },
      leaf(node, rule) {
        stats.leaves++;
        const r = lp(node);
        if (!r.ok) return infeasible(node, r);
        if (rule.kind !== 'width') return finish(node, r.x);
        return widthLeaf(node, r.x);
      },
    },
    { width: options.width, tick: () => void stats.nodes++ },
  );
  stats.seconds = (Date.now() - start) / 1000;
  if (hit === null) return { found: false, closed, stats };
  const g = cellSpline(knotCells(layout, hit.node.knots), hit.found, { linearTerm: true });
  return { found: true, g, knots: hit.node.knots, rule: hit.rule, stats };
}

/**
 * The affine forms L of case (b): h at each point of Z that is no sample, then h'(-inf) and
 * h'(+inf), as rows (coefficients, target): h = row . vars - target.
 */
export function sameRows(layout: Layout, node: TreeNode): { row: Rational[]; target: Rational }[] {
  const out: { row: Rational[]; target: Rational }[] = [];
  layout.z.forEach((_, k) => {
    if (layout.sampleOf[k] < 0) out.push({ row: node.design[k].slice(), target: layout.fz[k] });
  });
  const K = node.knots.length;
  const left = new Array<Rational>(node.n).fill(Rational.ZERO);
  left[2 * K] = Rational.ONE;
  const right = left.slice();
  for (let i = 0; i < K; i++) right[2 * i] = Rational.ONE;
  out.push({ row: left, target: layout.leftSlope }, { row: right, target: layout.rightSlope });
  return out;
}

export const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, x, i) => (x.isZero() ? s : s.add(x.mul(b[i]))), Rational.ZERO);

/**
 * Case (b): from a point x0 of Q, a point of Q where some row of L is nonzero, or the
 * combinations proving that L vanishes on the affine hull of Q (hence on Q).
 */
function pointWhereDifferent(layout: Layout, node: TreeNode, x0: Rational[]): { found: Rational[] } | { combinations: Rational[][] } {
  const rows = sameRows(layout, node);
  for (const { row, target } of rows) if (!dot(row, x0).eq(target)) return { found: x0 };
  const combinations: Rational[][] = [];
  for (const { row } of rows) {
    const c = constantOnHull(node, [row]);
    if (c !== null) {
      combinations.push(c[0]);
      continue;
    }
    // row is not constant on E: step from x0 along a kernel direction d with row . d != 0.
    const A = node.system.equal?.A ?? [];
    const kernel = A.length === 0 ? identityRows(node.n) : nullspace(Mat.fromRows(QQ, A, node.n));
    const d = kernel.find((v) => !dot(row, v).isZero())!;
    return { found: stepInside(node, x0, d) };
  }
  return { combinations };
}

/** For each form, multipliers lambda with form = lambda . A_eq (so it is constant on E); null if some form is not. */
export function constantOnHull(node: TreeNode, forms: readonly (readonly Rational[])[]): Rational[][] | null {
  const A = node.system.equal?.A ?? [];
  if (A.length === 0) return forms.every((f) => f.every((x) => x.isZero())) ? forms.map(() => []) : null;
  const At = Mat.fromRows(
    QQ,
    Array.from({ length: node.n }, (_, j) => A.map((r) => r[j])),
    A.length,
  );
  const out: Rational[][] = [];
  for (const f of forms) {
    const s = solve(At, f);
    if (!s.ok) return null;
    out.push(s.x);
  }
  return out;
}

function unitRow(n: number, k: number): Rational[] {
  return Array.from({ length: n }, (_, j) => (j === k ? Rational.ONE : Rational.ZERO));
}

function identityRows(n: number): Rational[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO)));
}

/** x0 + t d with t > 0 small enough that every strict row stays strict (equations hold along d). */
function stepInside(node: TreeNode, x0: Rational[], d: Rational[]): Rational[] {
  let t = Rational.ONE;
  const strict = node.system.strict;
  strict?.A.forEach((a, i) => {
    const rate = dot(a, d);
    if (rate.sign() >= 0) return;
    const slack = dot(a, x0).sub(strict.b[i]);
    const limit = slack.div(rate.neg()).div(Rational.of(2));
    if (limit.cmp(t) < 0) t = limit;
  });
  return x0.map((x, i) => x.add(t.mul(d[i])));
}

/**
 * Moves knots that share an open gap apart, keeping each gap's sum of gamma (so every row of the
 * system keeps its value): after this, the knots of a placement are at distinct points.
 */
export function spreadKnots(layout: Layout, knots: readonly PlacedKnot[], x: readonly Rational[]): Rational[] {
  const out = x.slice();
  const byPlace = new Map<number, number[]>();
  knots.forEach((k, i) => {
    if (layout.places[k.place].kind === 'gap') byPlace.set(k.place, [...(byPlace.get(k.place) ?? []), i]);
  });
  for (const [place, idx] of byPlace) {
    if (idx.length < 2) continue;
    const beta = (i: number): Rational => out[2 * i + 1].div(out[2 * i]);
    const distinct = (ts: Rational[]): boolean => new Set(ts.map(String)).size === ts.length;
    if (distinct(idx.map(beta))) continue;
    const p = layout.places[place];
    const lo = p.kind === 'gap' && p.gap > 0 ? layout.z[p.gap - 1] : null;
    const hi = p.kind === 'gap' && p.gap < layout.z.length ? layout.z[p.gap] : null;
    const inside = (t: Rational): boolean => (lo === null || t.cmp(lo) > 0) && (hi === null || t.cmp(hi) < 0);
    const t0 = idx.map(beta);
    const last = idx[idx.length - 1];
    // t_r + r eps for all but the last; the last moves to keep sum mu t fixed.
    const pull = idx.slice(0, -1).reduce((s, i, r) => s.add(out[2 * i].mul(Rational.of(r + 1))), Rational.ZERO).div(out[2 * last]);
    let eps = Rational.ONE;
    for (let tries = 0; tries < 400; tries++, eps = eps.div(Rational.of(2))) {
      const ts = t0.map((t, r) => (r < idx.length - 1 ? t.add(eps.mul(Rational.of(r + 1))) : t.sub(eps.mul(pull))));
      if (!ts.every(inside) || !distinct(ts)) continue;
      idx.forEach((i, r) => (out[2 * i + 1] = out[2 * i].mul(ts[r])));
      break;
    }
  }
  return out;
}
