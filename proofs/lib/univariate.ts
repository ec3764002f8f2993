/** Univariate shallow nets for the spline theorems: neuron grids, nets from neurons, a brute-force minimal width. */
import fc from 'fast-check';
import { createReluNet, evaluateScalar, Mat, QQ, Rational, solve, type ReluNet } from 'relu-exact';
import { rational } from 'relu-exact/arbitraries';
import { subsetsOf } from './combinatorics.js';

export interface Neuron {
  readonly w: Rational;
  readonly b: Rational;
  readonly v: Rational;
}

const values = (nums: number[], dens: number[]): Rational[] => {
  const out: Rational[] = [];
  for (const p of nums) for (const q of dens) if (!out.some((r) => r.eq(Rational.of(p, q)))) out.push(Rational.of(p, q));
  return out.sort((a, b) => a.cmp(b));
};
const upTo = (S: number): number[] => Array.from({ length: 2 * S + 1 }, (_, i) => i - S);

/** w in {+-p/q : 1 <= p <= S, q in {1, 2}}, b in {p/q : |p| <= S, q in {1, 2}}, v in {-S..S}. */
export function neuronGrid(S: number): Neuron[] {
  const ws = values(upTo(S).filter((p) => p !== 0), [1, 2]);
  const bs = values(upTo(S), [1, 2]);
  const vs = values(upTo(S), [1]);
  return ws.flatMap((w) => bs.flatMap((b) => vs.map((v) => ({ w, b, v }))));
}

/** A neuron with w != 0, entries of height at most S: what shrinking searches. */
export function neuronArbitrary(S: number): fc.Arbitrary<Neuron> {
  return fc.record({ w: rational({ maxNumerator: S, maxDenominator: 2, sign: 'nonzero' }), b: rational({ maxNumerator: S, maxDenominator: 2 }), v: rational({ maxNumerator: S, maxDenominator: 1 }) });
}

/** c + sum_i v_i relu(w_i x + b_i); with no neuron, the width-0 net x -> 0 x + c. */
export function shallowNet(neurons: readonly Neuron[], c: Rational = Rational.ZERO): ReluNet<Rational> {
  if (neurons.length === 0) return createReluNet(QQ, [{ W: [[Rational.ZERO]], b: [c] }]);
  return createReluNet(QQ, [
    { W: neurons.map((n) => [n.w]), b: neurons.map((n) => n.b) },
    { W: [neurons.map((n) => n.v)], b: [c] },
  ]);
}

export function neuronsOf(net: ReluNet<Rational>): Neuron[] {
  if (net.layers.length === 1) return [];
  return net.layers[0].W.rows.map((r, i) => ({ w: r[0], b: net.layers[0].b[i], v: net.layers[1].W.get(0, i) }));
}

/**
 * The least width of a univariate shallow net with output bias computing the same function, by
 * exhaustive search (independent of src/spline/minimal.ts). Why the search space suffices: any
 * net can be rewritten without growing so that every neuron has |w| = 1 and its breakpoint at a
 * breakpoint p of the given net or at one fresh point t0: a neuron with w = 0 is a constant (the
 * output bias absorbs it); neurons sharing a breakpoint that is no knot of f have total jump 0 and
 * add an affine a (x - q), which the same neurons moved to t0 give up to a constant. So it tries
 * every set of (p, s) with p in the breakpoints and t0, s = +-1, smallest first, and asks whether
 * f lies in the span of relu(s (x - p)) and 1, an exact linear solve on the values at points that
 * decide such functions (the breakpoints and t0, and one point beyond each end).
 */
export function bruteForceMinimalWidth(net: ReluNet<Rational>): { width: number; net: ReluNet<Rational> } {
  const neurons = neuronsOf(net);
  const P: Rational[] = [];
  for (const n of neurons) if (!n.w.isZero() && !P.some((p) => p.eq(n.b.neg().div(n.w)))) P.push(n.b.neg().div(n.w));
  P.sort((a, b) => a.cmp(b));
  const t0 = P.length === 0 ? Rational.ZERO : P[P.length - 1].add(Rational.ONE);
  const places = [...P, t0];
  const Q = [places[0].sub(Rational.ONE), ...places, t0.add(Rational.ONE)];
  const target = Q.map((x) => evaluateScalar(net, [x]));
  const types = places.flatMap((p) => [1, -1].map((s) => ({ p, s })));
  const relu = (x: Rational): Rational => (x.sign() > 0 ? x : Rational.ZERO);
  for (let m = 0; m <= types.length; m++) {
    for (const chosen of subsetsOf(types, m)) {
      // Columns: relu(s (x - p)) for each chosen type, then the constant 1.
      const A = Mat.fromRows(QQ, Q.map((x) => [...chosen.map((t) => relu(x.sub(t.p).mul(Rational.of(t.s)))), Rational.ONE]), m + 1);
      const r = solve(A, target);
      if (!r.ok) continue;
      const found = chosen.map((t, i) => ({ w: Rational.of(t.s), b: t.p.mul(Rational.of(-t.s)), v: r.x[i] }));
      return { width: m, net: shallowNet(found, r.x[m]) };
    }
  }
  throw new Error('bruteForceMinimalWidth: no set of neurons reproduces the net (a bug)');
}

/** Three points inside each of the K + 1 pieces cut by the sorted knots: quarter points, and steps of 1 into the tails. */
export function threePerPiece(knots: readonly Rational[]): Rational[] {
  const K = knots.length;
  if (K === 0) return [-1, 0, 1].map((x) => Rational.of(x));
  const out: Rational[] = [3, 2, 1].map((k) => knots[0].sub(Rational.of(k)));
  for (let k = 0; k + 1 < K; k++) for (const t of [1, 2, 3]) out.push(knots[k].add(knots[k + 1].sub(knots[k]).mul(Rational.of(t, 4))));
  for (const k of [1, 2, 3]) out.push(knots[K - 1].add(Rational.of(k)));
  return out;
}
