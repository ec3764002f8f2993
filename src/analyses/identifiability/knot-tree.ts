/**
 * The tree of knot placements walked by the univariate identifiability search and by its
 * certificate checker. A candidate g is written by its knots,
 *   g(x) = a x + c + sum_i mu_i relu(x - beta_i)   (right-facing neurons, gamma_i = mu_i beta_i),
 * each knot with a place (an open gap between consecutive points of Z = samples + knots of f, or
 * exactly on such a point, at most one knot per point) and the sign of mu_i. In this form a
 * sample's value depends only on the knots left of it (`cellSystem` with a linear term), so a
 * prefix of the placement, read left to right, already fixes every equation g(x_j) = f(x_j) of the
 * samples passed: a prefix whose equations have no solution closes its whole subtree.
 *
 * The walk is deterministic, so a checker that meets the same nodes can replace each LP by a
 * stored certificate. `walkKnotTree` calls the judge at every sample whose equation is not
 * implied (see `impliedSample`) and at every leaf; a judge answers 'open' to go on,
 * 'closed' to prune, or hands back a found point to stop.
 */
import { Rational } from '../../field/rational.js';
import type { LinearSystem } from '../../lp/interior.js';
import { cellSystem, cellVariableCount, type NeuronCell } from '../../spline/cells.js';
import { collinear, type Layout } from './layout.js';

/** A knot of the candidate: the index of its place in `layout.places`, and the sign of its jump. */
export interface PlacedKnot {
  readonly place: number;
  readonly sign: 1 | -1;
}

/** The extra equation of a leaf branch: the width rule (see `leafRule`). */
export type LeafRule =
  | { readonly kind: 'none' }
  /** g constant (K = 0 and width <= 1): a = 0. */
  | { readonly kind: 'flat' }
  /** K = width: some set S of knots must face left with sum_S mu + a = 0; the judge decides which (see `subsetRules`). */
  | { readonly kind: 'width' }
  /** K = width with the knots in `leftFacing` facing left: the row sum_S mu + a = 0. */
  | { readonly kind: 'subset'; readonly leftFacing: readonly number[] };

export interface TreeNode {
  readonly knots: readonly PlacedKnot[];
  /** Stable key of the node (knots and, for leaves, the rule): certificates are stored under it. */
  readonly key: string;
  /** Number of variables: mu_i, gamma_i per knot, then a, then c. */
  readonly n: number;
  /** The placement rows and the samples' equations (and the leaf rule). */
  readonly system: LinearSystem;
  /** g(z_k) = design[k] . vars for every point of Z. */
  readonly design: readonly (readonly Rational[])[];
}

export type Verdict<F> = 'open' | 'closed' | { found: F };

export interface Judge<F> {
  prefix(node: TreeNode): Verdict<F>;
  leaf(node: TreeNode, rule: LeafRule): Verdict<F>;
}

export interface WalkOptions {
  /** M: the candidates' width budget. */
  readonly width: number;
  /** Called at every node (for budgets). */
  readonly tick?: () => void;
}

export function knotCells(layout: Layout, knots: readonly PlacedKnot[]): NeuronCell[] {
  return knots.map((k) => ({ place: layout.places[k.place], orientation: 1, muSign: k.sign }));
}

export function knotsKey(knots: readonly PlacedKnot[]): string {
  return knots.map((k) => `${k.place}${k.sign > 0 ? '+' : '-'}`).join(' ');
}

export function ruleKey(rule: LeafRule): string {
  return rule.kind === 'subset' ? `S{${rule.leftFacing.join(',')}}` : rule.kind;
}

/**
 * Whether sample j's equation follows from the others on every candidate of this prefix: the
 * samples j-2, j-1, j are collinear and no knot lies strictly between x_{j-2} and x_j, so g is
 * affine there (a knot exactly on x_{j-2} adds c (x - x_{j-2}), affine on that stretch too).
 * Dropping it changes neither the solution set nor its affine hull.
 */
export function impliedSample(layout: Layout, knots: readonly PlacedKnot[], j: number): boolean {
  if (j < 2 || !collinear(layout.xs, layout.ys, j - 1)) return false;
  const last = knots.length === 0 ? -1 : knots[knots.length - 1].place;
  return last <= layout.placeOfSample[j - 2];
}

/**
 * The node's linear system: placement, the equations of `samples`, and the rule's row. Its key
 * names the last sample (a prefix node) or the leaf, the knots and the rule.
 */
export function nodeOf(layout: Layout, knots: readonly PlacedKnot[], samples: readonly number[], rule?: LeafRule): TreeNode {
  const cells = knotCells(layout, knots);
  const { design, system } = cellSystem(layout.z, cells, { linearTerm: true });
  const n = cellVariableCount(knots.length, { linearTerm: true });
  const eqA: Rational[][] = [...(system.equal?.A ?? []).map((r) => r.slice())];
  const eqB: Rational[] = [...(system.equal?.b ?? [])];
  const zIndex = new Map(layout.sampleOf.map((s, k) => [s, k]));
  for (const j of samples) {
    eqA.push(design[zIndex.get(j)!].slice());
    eqB.push(layout.ys[j]);
  }
  const row = rule === undefined ? null : ruleRow(knots.length, n, rule);
  if (row !== null) {
    eqA.push(row);
    eqB.push(Rational.ZERO);
  }
  const key = rule === undefined ? `at x${samples[samples.length - 1]}: ${knotsKey(knots)}` : `leaf: ${knotsKey(knots)} | ${ruleKey(rule)}`;
  return { knots: knots.slice(), key, n, design, system: { ...(system.strict !== undefined ? { strict: system.strict } : {}), ...(eqA.length > 0 ? { equal: { A: eqA, b: eqB } } : {}) } };
}

/**
 * The width rule of a complete placement with K knots (V1, MATH.md and src/spline/minimal.ts):
 * K <= M - 1 needs nothing (mu(g) <= K + 1), except K = 0 with M <= 1, where g must be constant;
 * K = M needs e(g) = 0, some set S of knots whose jumps sum to -a ('width': the judge decides).
 */
export function leafRule(knots: readonly PlacedKnot[], width: number): LeafRule {
  const K = knots.length;
  if (K === 0 && width <= 1) return { kind: 'flat' };
  return K < width ? { kind: 'none' } : { kind: 'width' };
}

/**
 * The sets S of the 'width' rule, one rule each. Knots with the same place and sign are
 * interchangeable, so S is chosen by how many of each such group it takes.
 */
export function subsetRules(knots: readonly PlacedKnot[]): LeafRule[] {
  const groups: number[][] = [];
  knots.forEach((k, i) => {
    const prev = i > 0 ? knots[i - 1] : undefined;
    if (prev !== undefined && prev.place === k.place && prev.sign === k.sign) groups[groups.length - 1].push(i);
    else groups.push([i]);
  });
  let subsets: number[][] = [[]];
  for (const g of groups) subsets = subsets.flatMap((s) => Array.from({ length: g.length + 1 }, (_, t) => [...s, ...g.slice(0, t)]));
  return subsets.map((leftFacing) => ({ kind: 'subset', leftFacing }));
}

/** The node with the rule's equation added (a leaf of rule 'width' splitting by S). */
export function withRule(node: TreeNode, rule: LeafRule): TreeNode {
  const row = ruleRow(node.knots.length, node.n, rule);
  if (row === null) return node;
  const equal = node.system.equal ?? { A: [], b: [] };
  const key = `leaf: ${knotsKey(node.knots)} | ${ruleKey(rule)}`;
  return { ...node, key, system: { ...node.system, equal: { A: [...equal.A, row], b: [...equal.b, Rational.ZERO] } } };
}

function ruleRow(K: number, n: number, rule: LeafRule): Rational[] | null {
  if (rule.kind !== 'flat' && rule.kind !== 'subset') return null;
  const row = new Array<Rational>(n).fill(Rational.ZERO);
  row[2 * K] = Rational.ONE;
  if (rule.kind === 'subset') for (const i of rule.leftFacing) row[2 * i] = Rational.ONE;
  return row;
}

/**
 * Walks every placement of at most `width` knots, pruned by the corner lower bound and by the
 * judge. Returns the first found point, or null when the tree is exhausted.
 */
export function walkKnotTree<F>(layout: Layout, judge: Judge<F>, options: WalkOptions): { found: F; node: TreeNode; rule: LeafRule } | null {
  const M = options.width;
  const { places } = layout;
  const knots: PlacedKnot[] = [];
  const samples: number[] = [];

  const visit = (p: number): { found: F; node: TreeNode; rule: LeafRule } | null => {
    options.tick?.();
    if (p === places.length) {
      const rule = leafRule(knots, M);
      const node = nodeOf(layout, knots, samples, rule);
      const v = judge.leaf(node, rule);
      return typeof v === 'object' ? { found: v.found, node, rule } : null;
    }
    const place = places[p];
    let pushed = false;
    if (place.kind === 'at' && layout.sampleOf[place.sample] >= 0) {
      const j = layout.sampleOf[place.sample];
      if (!impliedSample(layout, knots, j)) {
        samples.push(j);
        pushed = true;
        const v = judge.prefix(nodeOf(layout, knots, samples));
        if (v === 'closed') {
          samples.pop();
          return null;
        }
        if (typeof v === 'object') throw new Error('walkKnotTree: a prefix judge may only open or close');
      }
    }
    const room = M - knots.length - layout.lowerBound[layout.nextSample[p] + 1];
    const choices = place.kind === 'at' ? atOptions(room) : gapOptions(room);
    let result: { found: F; node: TreeNode; rule: LeafRule } | null = null;
    for (const add of choices) {
      for (const sign of add) knots.push({ place: p, sign });
      result = visit(p + 1);
      knots.length -= add.length;
      if (result !== null) break;
    }
    if (pushed) samples.pop();
    return result;
  };
  return visit(0);
}

/** At a point: no knot, or one of either sign. */
function atOptions(room: number): (1 | -1)[][] {
  return room >= 1 ? [[], [1], [-1]] : room >= 0 ? [[]] : [];
}

/** In an open gap: p positive and q negative knots, p + q <= room, fewest first. */
function gapOptions(room: number): (1 | -1)[][] {
  const out: (1 | -1)[][] = [];
  for (let total = 0; total <= room; total++) {
    for (let p = total; p >= 0; p--) out.push([...new Array<1>(p).fill(1), ...new Array<-1>(total - p).fill(-1)]);
  }
  return out;
}

/** Whether the root itself is closed by counting: the samples need more knots than the budget. */
export function rootLowerBound(layout: Layout): number {
  return layout.lowerBound[layout.nextSample[0] + 1];
}
