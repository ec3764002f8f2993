/**
 * The width rule at a leaf with K = M knots: the candidate needs a set S of knots (facing left)
 * with sum_S mu_i + a = 0 (e(g) = 0, src/spline/minimal.ts). Searching the 2^K sets one LP each
 * is hopeless past K ~ 12, so the sets are split by what the leaf's equations fix: on the affine
 * hull E of the leaf's polyhedron Q each jump is either a constant v_i (i in C) or varies (i in V).
 * For S = T + C' (T in V, C' in C) the condition reads psi_T = -sum_{C'} v_i with
 * psi_T = sum_T mu_i + a, and
 * - psi_T constant on E: an exact subset sum over the constants;
 * - otherwise psi_T ranges over an OPEN interval on Q (Q is relatively open in E and convex), whose
 *   ends are the LP minimum and maximum over the closure of Q: some subset sum of the constants
 *   must fall strictly inside (meet in the middle).
 * Each hit is a set S whose hyperplane meets Q. This finds every S that exists; the proof that
 * none exists is left to the caller (per-S LP certificates), the rare case.
 */
import { BudgetExceededError } from '../../core/errors.js';
import { lcmBig } from '../../field/bigint.js';
import { Rational } from '../../field/rational.js';
import { maximize, minimize } from '../../lp/optimize.js';
import type { TreeNode } from './knot-tree.js';

type ConstantOnHull = (node: TreeNode, forms: readonly (readonly Rational[])[]) => Rational[][] | null;

/** Sets S (indices of left-facing knots) whose hyperplane sum_S mu + a = 0 meets Q, most promising first; lazily. */
export function* candidateSubsets(node: TreeNode, constantOnHull: ConstantOnHull, maxHalf = 1 << 18): Generator<number[]> {
  const K = node.knots.length;
  const unit = (k: number): Rational[] => Array.from({ length: node.n }, (_, j) => (j === k ? Rational.ONE : Rational.ZERO));
  const b = node.system.equal?.b ?? [];
  const value = (lambda: readonly Rational[]): Rational => lambda.reduce((s, x, i) => s.add(x.mul(b[i])), Rational.ZERO);
  const constants: { i: number; v: Rational }[] = [];
  const varying: number[] = [];
  for (let i = 0; i < K; i++) {
    const c = constantOnHull(node, [unit(2 * i)]);
    if (c === null) varying.push(i);
    else constants.push({ i, v: value(c[0]) });
  }
  if (varying.length > 20) throw new BudgetExceededError(`identify: ${varying.length} jumps are free at one leaf; the width rule would need 2^${varying.length} cases`);
  const sums = new SubsetSums(constants.map((c) => c.v), maxHalf);
  for (let mask = 0; mask < 1 << varying.length; mask++) {
    const T = varying.filter((_, k) => (mask >> k) & 1);
    const psi = unit(2 * K);
    for (const i of T) psi[2 * i] = Rational.ONE;
    const c = constantOnHull(node, [psi]);
    const hit = c !== null ? sums.exact(value(c[0]).neg()) : sums.inOpenInterval(...negatedRange(rangeOnClosure(node, psi)));
    if (hit !== null) yield [...T, ...hit.map((k) => constants[k].i)].sort((x, y) => x - y);
  }
}

/** min and max of the form over the closure of Q (null: unbounded). */
function rangeOnClosure(node: TreeNode, form: readonly Rational[]): [Rational | null, Rational | null] {
  // Closure: strict rows a.x > b become -a.x <= -b; equations both ways.
  const A: Rational[][] = [];
  const rhs: Rational[] = [];
  const s = node.system.strict;
  s?.A.forEach((a, i) => {
    A.push(a.map((x) => x.neg()));
    rhs.push(s.b[i].neg());
  });
  const e = node.system.equal;
  e?.A.forEach((a, i) => {
    A.push(a.slice(), a.map((x) => x.neg()));
    rhs.push(e.b[i], e.b[i].neg());
  });
  const lo = minimize(form, A, rhs);
  const hi = maximize(form, A, rhs);
  return [lo.status === 'optimal' ? lo.value : null, hi.status === 'optimal' ? hi.value : null];
}

/** psi in (lo, hi) iff the sum -psi is in (-hi, -lo). */
function negatedRange([lo, hi]: [Rational | null, Rational | null]): [Rational | null, Rational | null] {
  return [hi === null ? null : hi.neg(), lo === null ? null : lo.neg()];
}

/** Subset sums of a list of rationals, by meet in the middle (each half's distinct sums, the right half sorted). */
class SubsetSums {
  private readonly scale: bigint;
  private readonly left: Map<bigint, number[]>;
  private readonly right: { sum: bigint; subset: number[] }[];

  constructor(values: readonly Rational[], maxHalf: number) {
    this.scale = values.reduce((l, v) => lcmBig(l, v.den), 1n);
    const ints = values.map((v) => v.num * (this.scale / v.den));
    const half = ints.length >> 1;
    this.left = sumsOf(ints.slice(0, half), 0, maxHalf);
    this.right = [...sumsOf(ints.slice(half), half, maxHalf)].map(([sum, subset]) => ({ sum, subset })).sort((p, q) => (p.sum < q.sum ? -1 : p.sum > q.sum ? 1 : 0));
  }

  exact(target: Rational): number[] | null {
    const t = this.scaled(target);
    if (t === null) return null;
    for (const [l, subset] of this.left) {
      const k = this.firstAtLeast(t - l);
      if (k < this.right.length && this.right[k].sum === t - l) return [...subset, ...this.right[k].subset];
    }
    return null;
  }

  /** A subset whose sum lies strictly between lo and hi (null ends are infinite). */
  inOpenInterval(lo: Rational | null, hi: Rational | null): number[] | null {
    for (const [l, subset] of this.left) {
      // Smallest right sum r with l + r > lo, then check l + r < hi.
      let k = 0;
      if (lo !== null) {
        const bound = lo.sub(Rational.of(l, this.scale)).mul(Rational.fromBigint(this.scale));
        k = this.firstAbove(bound);
      }
      if (k >= this.right.length) continue;
      const sum = Rational.of(l + this.right[k].sum, this.scale);
      if (hi === null || sum.cmp(hi) < 0) return [...subset, ...this.right[k].subset];
    }
    return null;
  }

  private scaled(x: Rational): bigint | null {
    const v = x.mul(Rational.fromBigint(this.scale));
    return v.isInteger() ? v.num : null;
  }

  private firstAtLeast(t: bigint): number {
    let lo = 0;
    let hi = this.right.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.right[mid].sum < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose sum exceeds the rational bound. */
  private firstAbove(bound: Rational): number {
    let lo = 0;
    let hi = this.right.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (Rational.fromBigint(this.right[mid].sum).cmp(bound) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function sumsOf(ints: readonly bigint[], offset: number, maxHalf: number): Map<bigint, number[]> {
  let sums = new Map<bigint, number[]>([[0n, []]]);
  ints.forEach((x, k) => {
    const next = new Map(sums);
    for (const [s, subset] of sums) if (!next.has(s + x)) next.set(s + x, [...subset, offset + k]);
    sums = next;
    if (sums.size > maxHalf) throw new BudgetExceededError(`identify: more than ${maxHalf} distinct subset sums of the jumps`);
  });
  return sums;
}
