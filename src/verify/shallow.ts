/**
 * Shallow nets of any input dimension for the verifier, f(x) = c + sum_j a_j relu(w_j . x + b_j),
 * and their decomposition (LITERATURE-A 4.2, the decomposition lemma): neurons with w_j != 0
 * grouped by hyperplane z_H = (w~, b~) (first nonzero entry of w~ equal to 1), (w_j, b_j) =
 * lambda_j z_H; since relu(-z) = relu(z) - z, f = sum_H c_H relu(z_H) + l with
 * c_H = sum_j a_j |lambda_j| and l = c + sum_{w_j = 0} a_j relu(b_j) - sum_{lambda_j < 0} a_j |lambda_j| z_H.
 * Written apart from src/analyses/irreducibility, which these facts check.
 */
import { Rational } from '../field/rational.js';
import { dot, forward, relu, ZERO } from './exact.js';
import { need, type PlainNet } from './read.js';

export interface ShallowNeuron {
  readonly w: readonly Rational[];
  readonly b: Rational;
  readonly a: Rational;
}

export interface Shallow {
  readonly d: number;
  readonly neurons: readonly ShallowNeuron[];
  readonly c: Rational;
}

/** A shallow scalar net, or the width-0 net (one layer with a zero row: the constant c). */
export function shallow(net: PlainNet, path: string): Shallow {
  const L = net.layers;
  const d = L[0].W[0].length;
  need(L[L.length - 1].W.length === 1, path, 'expected one output');
  if (L.length === 1) {
    need(L[0].W[0].every((x) => x.isZero()), path, 'a one-layer net must have a zero row (a constant); an affine map with a slope is no ReLU net of width 0');
    return { d, neurons: [], c: L[0].b[0] };
  }
  need(L.length === 2, path, 'expected a shallow net (two layers) or the width-0 net (one layer)');
  return { d, neurons: L[0].W.map((w, j) => ({ w, b: L[0].b[j], a: L[1].W[0][j] })), c: L[1].b[0] };
}

export interface Hyperplane {
  /** w~ (first nonzero entry 1) and b~. */
  readonly normal: Rational[];
  readonly offset: Rational;
  /** c_H. */
  coefficient: Rational;
}

export interface Decomposition {
  /** Every hyperplane carrying a neuron with a != 0 (c_H may be 0). */
  readonly hyperplanes: Hyperplane[];
  /** l = linear . x + constant. */
  readonly linear: Rational[];
  readonly constant: Rational;
}

const key = (h: { normal: readonly Rational[]; offset: Rational }): string => [...h.normal, h.offset].join(',');

/** The decomposition of sum_k sign_k f_k (the nets' neurons and output biases, with signs). */
export function decompose(terms: readonly { f: Shallow; sign: 1 | -1 }[]): Decomposition {
  const d = terms[0].f.d;
  const byKey = new Map<string, Hyperplane>();
  const linear = new Array<Rational>(d).fill(ZERO);
  let constant = ZERO;
  for (const { f, sign } of terms) {
    const s = Rational.of(sign);
    constant = constant.add(f.c.mul(s));
    for (const n of f.neurons) {
      const a = n.a.mul(s);
      if (a.isZero()) continue;
      const lead = n.w.find((x) => !x.isZero());
      if (lead === undefined) {
        constant = constant.add(a.mul(relu(n.b)));
        continue;
      }
      const h = { normal: n.w.map((x) => x.div(lead)), offset: n.b.div(lead), coefficient: ZERO };
      const found = byKey.get(key(h)) ?? (byKey.set(key(h), h), h);
      found.coefficient = found.coefficient.add(a.mul(lead.abs()));
      if (lead.sign() < 0) {
        // a relu(lambda z) = a |lambda| relu(z) - a |lambda| z for lambda < 0.
        const t = a.mul(lead.abs());
        h.normal.forEach((x, i) => (linear[i] = linear[i].sub(t.mul(x))));
        constant = constant.sub(t.mul(h.offset));
      }
    }
  }
  return { hyperplanes: [...byKey.values()], linear, constant };
}

export function kinksOf(dec: Decomposition): Hyperplane[] {
  return dec.hyperplanes.filter((h) => !h.coefficient.isZero());
}

/** f itself (forward pass) at x. */
export function valueOf(net: PlainNet, x: readonly Rational[]): Rational {
  return forward(net, x)[0];
}

/**
 * A point p on H off every other hyperplane, and the jump of the slope of f along w~ there,
 * from values of f only: on the moment curve of H (p0 + sum_j s^j u_j) each other hyperplane
 * vanishes for at most d - 1 values of s, so one of the first (d - 1) * (#others) + 1 values works.
 */
export function slopeJumpOn(net: PlainNet, H: Hyperplane, others: readonly Hyperplane[]): { point: Rational[]; jump: Rational } {
  const d = H.normal.length;
  const i0 = H.normal.findIndex((x) => !x.isZero());
  const directions = H.normal.flatMap((_, j) => (j === i0 ? [] : [H.normal.map((_, i) => (i === j ? Rational.ONE : i === i0 ? H.normal[j].neg() : ZERO))]));
  const z = (h: Hyperplane, x: readonly Rational[]): Rational => dot(h.normal, x).add(h.offset);
  let p: Rational[] | null = null;
  for (let s = 0; s <= (d - 1) * others.length && p === null; s++) {
    const x = H.normal.map((_, i) => (i === i0 ? H.offset.neg() : ZERO));
    directions.forEach((u, k) => u.forEach((ui, i) => (x[i] = x[i].add(ui.mul(Rational.of(BigInt(s) ** BigInt(k + 1)))))));
    if (others.every((h) => !z(h, x).isZero())) p = x;
  }
  need(p !== null, 'instance.net', 'no point on a kink hyperplane avoids the others (a verifier bug)');
  // Step along w~ short of every other hyperplane: f is affine on each side of H there.
  let eps = Rational.ONE;
  for (const h of others) {
    const rate = dot(h.normal, H.normal);
    if (!rate.isZero()) {
      const half = z(h, p).div(rate).abs().div(Rational.of(2));
      if (half.cmp(eps) < 0) eps = half;
    }
  }
  const at = (t: Rational): Rational => valueOf(net, p!.map((x, i) => x.add(H.normal[i].mul(t))));
  const left = at(ZERO).sub(at(eps.neg())).div(eps);
  const right = at(eps).sub(at(ZERO)).div(eps);
  return { point: p, jump: right.sub(left) };
}
