/**
 * Kink data of a shallow net of any input dimension (LITERATURE-A 4.2, the decomposition lemma;
 * the toolkit's own checked statement, MATH.md "Irreducibility"):
 *
 *   f(x) = c + sum_j a_j relu(w_j . x + b_j) = sum_{H : c_H != 0} c_H relu(z_H(x)) + l(x).
 *
 * Neurons with w_j != 0 are grouped by the hyperplane they define. Each group has a canonical
 * representative z_H = (w~, b~), scaled so the first nonzero entry of w~ is 1, and each neuron is
 * (w_j, b_j) = lambda_j z_H. Since relu(-z) = relu(z) - z, a group equals c_H relu(z_H) plus the
 * affine -sum_{lambda_j < 0} a_j |lambda_j| z_H, with c_H = sum_j a_j |lambda_j|. Neurons with
 * w_j = 0 are the constants a_j relu(b_j). The kink set {H : c_H != 0}, the c_H and l are
 * determined by f (f is non-differentiable exactly on those hyperplanes, its gradient jumping by
 * c_H w~_H across H), so two shallow nets compute one function iff these data agree
 * (`sameFunctionShallow`).
 */
import { DimensionError } from '../../core/errors.js';
import { Rational } from '../../field/rational.js';
import { inputDim, outputDim, type ReluNet } from '../../network/relu-net.js';

/** f(x) = c + sum_j v_j relu(w_j . x + b_j); a one-layer (affine) net has no neurons and its W row as linear part. */
export interface ShallowParameters {
  readonly inputDim: number;
  readonly w: readonly (readonly Rational[])[];
  readonly b: readonly Rational[];
  readonly v: readonly Rational[];
  readonly c: Rational;
  /** The linear part of a one-layer net (zero for a shallow net). */
  readonly linear: readonly Rational[];
}

/** The parameters of a shallow scalar net (two layers), or of an affine one (one layer) when `allowAffine`. */
export function shallowParameters(net: ReluNet<Rational>, fn: string, allowAffine = false): ShallowParameters {
  const d = inputDim(net);
  if (outputDim(net) !== 1) throw new DimensionError(fn, `needs a net with one output; this one has ${outputDim(net)}`);
  if (net.layers.length === 1 && allowAffine) {
    return { inputDim: d, w: [], b: [], v: [], c: net.layers[0].b[0], linear: net.layers[0].W.row(0) };
  }
  if (net.layers.length !== 2) throw new DimensionError(fn, `needs a shallow net (one hidden layer, two layers in relu-net/1); this one has ${net.layers.length} layer${net.layers.length === 1 ? '' : 's'}`);
  const [hidden, out] = net.layers;
  return { inputDim: d, w: hidden.W.toArrays(), b: hidden.b.slice(), v: out.W.row(0), c: out.b[0], linear: new Array<Rational>(d).fill(Rational.ZERO) };
}

export interface GroupMember {
  /** Index of the hidden neuron. */
  readonly neuron: number;
  /** (w_j, b_j) = lambda z_H; lambda > 0: positively parallel to z_H, lambda < 0: antiparallel. */
  readonly lambda: Rational;
  /** The outer weight a_j. */
  readonly outer: Rational;
}

/** The neurons with w != 0 on one hyperplane. */
export interface HyperplaneGroup {
  /** w~: the first nonzero entry is 1. */
  readonly normal: readonly Rational[];
  /** b~. */
  readonly offset: Rational;
  readonly members: readonly GroupMember[];
  /** c_H = sum_j a_j |lambda_j|: the kink coefficient (0: no kink, the group is affine). */
  readonly coefficient: Rational;
  /** A stable key for z_H (its entries as text). */
  readonly key: string;
}

/** l(x) = linear . x + constant. */
export interface AffinePart {
  readonly linear: readonly Rational[];
  readonly constant: Rational;
}

export interface KinkData {
  readonly inputDim: number;
  /** Every hyperplane carrying a neuron, in order of first appearance (c_H may be 0). */
  readonly groups: readonly HyperplaneGroup[];
  /** The groups with c_H != 0, in order of first appearance: K = kinks.length. */
  readonly kinks: readonly HyperplaneGroup[];
  /** Neurons with w = 0 (constants a_j relu(b_j)). */
  readonly constantNeurons: readonly number[];
  /** The affine remainder l. */
  readonly affine: AffinePart;
}

/** z_H = (w, b) / w_p with p the first nonzero coordinate of w, and lambda = w_p; null when w = 0. */
export function canonicalHyperplane(w: readonly Rational[], b: Rational): { normal: Rational[]; offset: Rational; lambda: Rational } | null {
  const p = w.findIndex((x) => !x.isZero());
  if (p < 0) return null;
  const lambda = w[p];
  return { normal: w.map((x) => x.div(lambda)), offset: b.div(lambda), lambda };
}

export function hyperplaneKey(normal: readonly Rational[], offset: Rational): string {
  return [...normal, offset].join(',');
}

/** The decomposition lemma for a shallow (or affine) scalar net. */
export function kinkData(net: ReluNet<Rational>): KinkData {
  return kinkDataOf(shallowParameters(net, 'kinkData', true));
}

export function kinkDataOf(p: ShallowParameters): KinkData {
  const d = p.inputDim;
  const byKey = new Map<string, { normal: Rational[]; offset: Rational; members: GroupMember[] }>();
  const constantNeurons: number[] = [];
  let linear = p.linear.slice();
  let constant = p.c;
  p.w.forEach((w, j) => {
    const z = canonicalHyperplane(w, p.b[j]);
    if (z === null) {
      constantNeurons.push(j);
      if (p.b[j].sign() > 0) constant = constant.add(p.v[j].mul(p.b[j]));
      return;
    }
    const key = hyperplaneKey(z.normal, z.offset);
    let g = byKey.get(key);
    if (g === undefined) byKey.set(key, (g = { normal: z.normal, offset: z.offset, members: [] }));
    g.members.push({ neuron: j, lambda: z.lambda, outer: p.v[j] });
    if (z.lambda.sign() < 0) {
      // a relu(lambda z) = a |lambda| relu(z) - a |lambda| z for lambda < 0.
      const s = p.v[j].mul(z.lambda.abs());
      linear = linear.map((x, i) => x.sub(s.mul(z.normal[i])));
      constant = constant.sub(s.mul(z.offset));
    }
  });
  const groups: HyperplaneGroup[] = [...byKey.entries()].map(([key, g]) => ({
    ...g,
    key,
    coefficient: g.members.reduce((acc, m) => acc.add(m.outer.mul(m.lambda.abs())), Rational.ZERO),
  }));
  if (linear.length !== d) throw new DimensionError('kinkData', `linear part has ${linear.length} entries for ${d} inputs`);
  return { inputDim: d, groups, kinks: groups.filter((g) => !g.coefficient.isZero()), constantNeurons, affine: { linear, constant } };
}

/** Where two shallow functions differ, in words, or null when they are the same function. */
export function kinkDataDifference(a: KinkData, b: KinkData): string | null {
  if (a.inputDim !== b.inputDim) return `input dimensions differ (${a.inputDim} and ${b.inputDim})`;
  const bk = new Map(b.kinks.map((g) => [g.key, g.coefficient]));
  for (const g of a.kinks) {
    const c = bk.get(g.key);
    if (c === undefined) return `the first has a kink on ${describeHyperplane(g)} = 0 and the second none`;
    if (!c.eq(g.coefficient)) return `kink coefficients on ${describeHyperplane(g)} = 0 differ (${g.coefficient} and ${c})`;
    bk.delete(g.key);
  }
  for (const key of bk.keys()) return `the second has a kink on ${describeHyperplane(b.kinks.find((g) => g.key === key)!)} = 0 and the first none`;
  if (!a.affine.constant.eq(b.affine.constant) || a.affine.linear.some((x, i) => !x.eq(b.affine.linear[i]))) {
    return `affine parts differ (${describeAffine(a.affine)} and ${describeAffine(b.affine)})`;
  }
  return null;
}

/**
 * Whether two shallow (or affine, one-layer) scalar nets compute exactly the same function:
 * same kink hyperplanes with the same c_H and the same affine remainder (no sampling).
 */
export function sameFunctionShallow(a: ReluNet<Rational>, b: ReluNet<Rational>): boolean {
  return kinkDataDifference(kinkData(a), kinkData(b)) === null;
}

/** `x1 - 2 x2 + 3` for z_H. */
export function describeHyperplane(g: { normal: readonly Rational[]; offset: Rational }): string {
  return describeAffine({ linear: g.normal, constant: g.offset });
}

export function describeAffine(l: AffinePart): string {
  const v = (i: number): string => (l.linear.length === 1 ? 'x' : `x${i + 1}`);
  const terms: string[] = [];
  l.linear.forEach((c, i) => {
    if (c.isZero()) return;
    const mag = c.abs();
    const body = mag.eq(Rational.ONE) ? v(i) : `${mag} ${v(i)}`;
    terms.push(terms.length === 0 ? (c.sign() < 0 ? `-${body}` : body) : `${c.sign() < 0 ? '-' : '+'} ${body}`);
  });
  if (!l.constant.isZero() || terms.length === 0) {
    const mag = l.constant.abs().toString();
    terms.push(terms.length === 0 ? l.constant.toString() : `${l.constant.sign() < 0 ? '-' : '+'} ${mag}`);
  }
  return terms.join(' ');
}
