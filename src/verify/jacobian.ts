/**
 * The verifier's own Jacobian of theta -> F_theta(x) (backprop over plain rational layers, the
 * formulas of LITERATURE-A 3.6: dF/dW^l_pq = G_l[:, p] h^{l-1}_q, dF/db^l_p = G_l[:, p] with
 * G_l = W^L Delta_{L-1} ... W^{l+1} Delta_l), the positive-scaling directions (LITERATURE-A 3.3),
 * and, for univariate nets of any depth, the open intervals on which every pre-activation keeps
 * one sign. Parameters are ordered as in relu-net/1: layer by layer, W row by row, then b.
 * Written apart from src/analyses/functional-dimension, which these facts check.
 */
import { Rational } from '../field/rational.js';
import { dot, relu, ZERO } from './exact.js';
import type { PlainNet } from './read.js';

export function parameterCountOf(net: PlainNet): number {
  return net.layers.reduce((s, l) => s + l.W.length * (l.W[0].length + 1), 0);
}

export function hiddenNeuronsOf(net: PlainNet): number {
  return net.layers.slice(0, -1).reduce((s, l) => s + l.W.length, 0);
}

/** Pre-activations of every hidden layer at x, and the hidden outputs h^0 = x, h^1, ... */
export function preActivations(net: PlainNet, x: readonly Rational[]): { z: Rational[][]; h: Rational[][] } {
  const z: Rational[][] = [];
  const h: Rational[][] = [[...x]];
  net.layers.slice(0, -1).forEach((layer) => {
    const zk = layer.W.map((row, i) => dot(row, h[h.length - 1]).add(layer.b[i]));
    z.push(zk);
    h.push(zk.map(relu));
  });
  return { z, h };
}

/** "layer k neuron p" (from 1, as relu-net/1 rows are read) of every exactly-zero pre-activation at x. */
export function zeroPreActivations(net: PlainNet, x: readonly Rational[]): string[] {
  return preActivations(net, x).z.flatMap((zk, k) => zk.flatMap((v, p) => (v.isZero() ? [`layer ${k + 1} neuron ${p + 1}`] : [])));
}

/** One Jacobian row per output at x (x must be smooth: no zero pre-activation). */
export function jacobianRows(net: PlainNet, x: readonly Rational[]): Rational[][] {
  const { z, h } = preActivations(net, x);
  const L = net.layers.length;
  const outputs = net.layers[L - 1].W.length;
  const rows: Rational[][] = [];
  for (let o = 0; o < outputs; o++) {
    // g = dF_o / d(pre-activations of layer k), from the last layer down.
    let g: Rational[] = net.layers[L - 1].W.map((_, i) => (i === o ? Rational.ONE : ZERO));
    const blocks: Rational[][] = [];
    for (let k = L - 1; k >= 0; k--) {
      const { W } = net.layers[k];
      const input = h[k];
      blocks[k] = [...W.flatMap((_, p) => input.map((hq) => g[p].mul(hq))), ...g];
      if (k > 0) g = input.map((_, q) => (z[k - 1][q].sign() > 0 ? W.reduce((s, row, p) => s.add(g[p].mul(row[q])), ZERO) : ZERO));
    }
    rows.push(blocks.flat());
  }
  return rows;
}

/** The tangent of each hidden neuron's scaling orbit: +(W^l_p, b^l_p) in, -W^{l+1}[:, p] out. */
export function scalingVectors(net: PlainNet): { neuron: string; vector: Rational[] }[] {
  const D = parameterCountOf(net);
  const out: { neuron: string; vector: Rational[] }[] = [];
  let offset = 0;
  net.layers.forEach((layer, k) => {
    const n = layer.W.length;
    const m = layer.W[0].length;
    const next = net.layers[k + 1];
    if (next !== undefined) {
      const nextOffset = offset + n * (m + 1);
      for (let p = 0; p < n; p++) {
        const v = new Array<Rational>(D).fill(ZERO);
        layer.W[p].forEach((w, q) => (v[offset + p * m + q] = w));
        v[offset + n * m + p] = layer.b[p];
        next.W.forEach((row, o) => (v[nextOffset + o * n + p] = row[p].neg()));
        out.push({ neuron: `layer ${k + 1} neuron ${p + 1}`, vector: v });
      }
    }
    offset += n * (m + 1);
  });
  return out;
}

/**
 * Univariate nets: the points where some pre-activation changes sign or first touches 0, found
 * layer by layer. With the knots K_{l-1} of h^{l-1}, every pre-activation of layer l is affine
 * between consecutive knots (and on both tails), so its zeros there are exact; adding them gives
 * K_l. Between consecutive final knots every pre-activation is affine without an interior root:
 * of one sign throughout, or identically 0.
 */
export function knotsOfUnivariate(net: PlainNet): Rational[] {
  let knots: Rational[] = [];
  const one = Rational.ONE;
  for (let k = 0; k < net.layers.length - 1; k++) {
    const at = (x: Rational): Rational[] => preActivations(net, [x]).z[k];
    const found: Rational[] = [];
    // Pieces [a, b] with the affine value known at both ends; tails as (k1 - 1, k1) and (kn, kn + 1).
    const ends = knots.length === 0 ? [ZERO, one] : [knots[0].sub(one), ...knots, knots[knots.length - 1].add(one)];
    for (let i = 0; i + 1 < ends.length; i++) {
      const [a, b] = [ends[i], ends[i + 1]];
      const [za, zb] = [at(a), at(b)];
      za.forEach((va, p) => {
        const vb = zb[p];
        if (va.eq(vb)) return; // constant on the piece (0 or not): no isolated root
        const root = a.sub(va.mul(b.sub(a)).div(vb.sub(va)));
        const tail = (i === 0 && root.cmp(b) <= 0) || (i + 2 === ends.length && root.cmp(a) >= 0) || ends.length === 2;
        if (tail || (root.cmp(a) >= 0 && root.cmp(b) <= 0)) found.push(root);
      });
    }
    knots = [...knots, ...found].sort((x, y) => x.cmp(y)).filter((x, i, all) => i === 0 || !x.eq(all[i - 1]));
  }
  return knots;
}

/** Two points inside each open interval between consecutive knots (tails included). */
export function pointsInEveryInterval(knots: readonly Rational[]): Rational[][] {
  const one = Rational.ONE;
  if (knots.length === 0) return [[ZERO], [one]];
  const third = Rational.of(1, 3);
  const out: Rational[] = [knots[0].sub(Rational.of(2)), knots[0].sub(one)];
  for (let i = 0; i + 1 < knots.length; i++) {
    const step = knots[i + 1].sub(knots[i]).mul(third);
    out.push(knots[i].add(step), knots[i].add(step).add(step));
  }
  out.push(knots[knots.length - 1].add(one), knots[knots.length - 1].add(Rational.of(2)));
  return out.map((x) => [x]);
}
