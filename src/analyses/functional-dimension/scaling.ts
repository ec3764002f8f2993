/**
 * The positive-scaling directions of a net: for each hidden neuron, the tangent of
 * theta -> (alpha (W^l_p, b^l_p), W^{l+1}[:, p] / alpha) at alpha = 1, that is +(W^l_p, b^l_p) on
 * its incoming coordinates and -W^{l+1}[:, p] on its outgoing ones (LITERATURE-A 3.3). Every
 * smooth Jacobian row is orthogonal to each of them, which gives the bound D - N_h.
 */
import { Rational } from '../../field/rational.js';
import type { ReluNet } from '../../network/relu-net.js';
import type { NeuronAddress } from './jacobian.js';
import { layerOffsets } from '../../network/parameters.js';
import { primitiveIntegerRow, type SparseVector } from './row-space.js';

export interface ScalingDirection {
  readonly neuron: NeuronAddress;
  /** Parameter indices and values (exact). */
  readonly index: readonly number[];
  readonly value: readonly Rational[];
}

export function scalingDirections(net: ReluNet<Rational>): ScalingDirection[] {
  const off = layerOffsets(net);
  const out: ScalingDirection[] = [];
  for (let k = 0; k < net.layers.length - 1; k++) {
    const { W, b } = net.layers[k];
    const next = net.layers[k + 1].W;
    for (let p = 0; p < W.nrows; p++) {
      const index: number[] = [];
      const value: Rational[] = [];
      const put = (i: number, v: Rational): void => {
        if (v.isZero()) return;
        index.push(i);
        value.push(v);
      };
      W.rows[p].forEach((w, j) => put(off[k] + p * W.ncols + j, w));
      put(off[k] + W.nrows * W.ncols + p, b[p]);
      for (let o = 0; o < next.nrows; o++) put(off[k + 1] + o * next.ncols + p, next.rows[o][p].neg());
      out.push({ neuron: { layer: k, neuron: p }, index, value });
    }
  }
  return out;
}

/**
 * The scaling directions whose incoming part is nonzero, as primitive integer vectors, with a
 * gauge coordinate for each: the neuron's first nonzero incoming weight, or its bias when all
 * its incoming weights are 0. They are linearly independent, and restricted to the gauge coordinates they form a
 * block-triangular matrix with nonzero diagonal (a gauge coordinate is incoming to its own neuron
 * and outgoing only from neurons of the layer before), so holding the gauge coordinates at 0
 * picks one point on every scaling orbit nearby.
 */
export function independentScalingDirections(net: ReluNet<Rational>): { directions: SparseVector[]; gauge: number[] } {
  const off = layerOffsets(net);
  const kept = scalingDirections(net).filter((s) => s.index.some((i) => i < off[s.neuron.layer + 1]));
  // index[0] is the first nonzero incoming weight, or the bias (incoming coordinates come first).
  const gauge = kept.map((s) => s.index[0]);
  return { directions: kept.map((s) => ({ index: s.index, value: primitiveIntegerRow(s.value) })), gauge };
}
