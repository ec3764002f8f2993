/**
 * `jacobianWithTangents` for exact nets on integers: each layer's W and b are scaled by one
 * common denominator (cached per net), every vector of the forward and backward pass is an
 * integer vector over one denominator, and the rows come out as primitive integer vectors (the
 * form `CertifiedRowSpace` works on). Same rows up to a positive factor as the generic path,
 * without a gcd per arithmetic operation (the Rational path spends most of its time there).
 */
import { gcdBig, lcmBig } from '../../field/bigint.js';
import { Rational } from '../../field/rational.js';
import { parameterCount, type ReluNet } from '../../network/relu-net.js';
import type { NeuronAddress, StepMargin } from './jacobian.js';

interface ScaledLayer {
  /** W * delta and b * delta, integers. */
  W: bigint[][];
  b: bigint[];
  delta: bigint;
}

const scaledLayers = new WeakMap<ReluNet<Rational>, ScaledLayer[]>();

function scaled(net: ReluNet<Rational>): ScaledLayer[] {
  let layers = scaledLayers.get(net);
  if (layers === undefined) {
    layers = net.layers.map(({ W, b }) => {
      let delta = 1n;
      for (const row of W.rows) for (const x of row) if (x.den !== 1n) delta = lcmBig(delta, x.den);
      for (const x of b) if (x.den !== 1n) delta = lcmBig(delta, x.den);
      return { W: W.rows.map((row) => row.map((x) => x.num * (delta / x.den))), b: b.map((x) => x.num * (delta / x.den)), delta };
    });
    scaledLayers.set(net, layers);
  }
  return layers;
}

/** Numerators over one denominator. */
interface Over {
  num: bigint[];
  den: bigint;
}

/**
 * Per output, the row at x and its derivatives along x_1..x_t (pattern of x held), each as a
 * primitive integer vector (a positive multiple of the exact row); the neurons with a zero
 * pre-activation; and the step margin.
 */
export function jacobianWithTangentsInteger(net: ReluNet<Rational>, x: readonly Rational[], tangents: number): { rows: bigint[][][]; zeros: NeuronAddress[]; margin: StepMargin<Rational> } {
  const layers = scaled(net);
  const L = layers.length;
  const t1 = tangents + 1;
  const pi = x.reduce((acc, v) => (v.den === 1n ? acc : lcmBig(acc, v.den)), 1n);
  // h[k][s]: component s (0 the value, s >= 1 d/dx_s) of the input to layer k.
  const h: Over[][] = [[{ num: x.map((v) => v.num * (pi / v.den)), den: pi }, ...Array.from({ length: tangents }, (_, s) => ({ num: x.map((_, j) => (j === s ? 1n : 0n)), den: 1n }))]];
  const active: boolean[][] = [];
  const zeros: NeuronAddress[] = [];
  const margin: StepMargin<Rational> = { slack: null, gradient: Rational.ZERO };
  for (let k = 0; k < L - 1; k++) {
    const { W, b, delta } = layers[k];
    const z = h[k].map((comp, s) => ({ num: W.map((row, i) => dot(row, comp.num) + (s === 0 ? b[i] * comp.den : 0n)), den: delta * comp.den }));
    const on = z[0].num.map((v) => v > 0n);
    z[0].num.forEach((v, i) => {
      if (v === 0n) zeros.push({ layer: k, neuron: i });
      if (tangents === 0) return;
      let g = 0n;
      for (let s = 1; s < t1; s++) g += z[s].num[i] < 0n ? -z[s].num[i] : z[s].num[i];
      if (g === 0n) return;
      const slack = Rational.of(v < 0n ? -v : v, z[0].den);
      if (margin.slack === null || slack.cmp(margin.slack) < 0) margin.slack = slack;
      const grad = Rational.of(g, z[1].den);
      if (grad.cmp(margin.gradient) > 0) margin.gradient = grad;
    });
    active.push(on);
    h.push(z.map((comp) => ({ num: comp.num.map((v, i) => (on[i] ? v : 0n)), den: comp.den })));
  }
  const nOut = layers[L - 1].W.length;
  const D = parameterCount(net);
  const rows: bigint[][][] = [];
  for (let o = 0; o < nOut; o++) {
    const g: Over[] = new Array<Over>(L);
    g[L - 1] = { num: Array.from({ length: nOut }, (_, i) => (i === o ? 1n : 0n)), den: 1n };
    for (let k = L - 2; k >= 0; k--) {
      const { W, delta } = layers[k + 1];
      const next = g[k + 1];
      g[k] = { num: active[k].map((on, i) => (on ? W.reduce((acc, row, r) => (next.num[r] === 0n ? acc : acc + next.num[r] * row[i]), 0n) : 0n)), den: next.den * delta };
    }
    const perComponent: bigint[][] = [];
    for (let s = 0; s < t1; s++) {
      // Blocks: W of layer k has entries G_i H_j / (g.den h.den), b has G_i / g.den (s = 0) or 0.
      let common = 1n;
      for (let k = 0; k < L; k++) common = lcmBig(common, g[k].den * h[k][s].den);
      const row = new Array<bigint>(D);
      let at = 0;
      for (let k = 0; k < L; k++) {
        const G = g[k].num;
        const H = h[k][s].num;
        const fW = common / (g[k].den * h[k][s].den);
        const fb = common / g[k].den; // g.den divides common
        for (let i = 0; i < G.length; i++) for (let j = 0; j < H.length; j++) row[at++] = G[i] === 0n || H[j] === 0n ? 0n : G[i] * H[j] * fW;
        for (let i = 0; i < G.length; i++) row[at++] = s === 0 ? G[i] * fb : 0n;
      }
      perComponent.push(primitive(row));
    }
    rows.push(perComponent);
  }
  return { rows, zeros, margin };
}

function dot(a: readonly bigint[], b: readonly bigint[]): bigint {
  let s = 0n;
  for (let j = 0; j < a.length; j++) if (a[j] !== 0n && b[j] !== 0n) s += a[j] * b[j];
  return s;
}

function primitive(row: bigint[]): bigint[] {
  let g = 0n;
  for (const x of row) {
    if (x === 0n) continue;
    g = gcdBig(g, x);
    if (g === 1n) return row;
  }
  return g > 1n ? row.map((x) => x / g) : row;
}
