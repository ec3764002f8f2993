/**
 * The known symmetries of ReLU nets, as moves for property tests (LITERATURE-A 3.4): they never
 * change the function, so `expect(move(net)).toComputeSameFunctionAs(net)` is a law.
 * - positive scaling at a hidden neuron: incoming weights and bias times alpha > 0, outgoing
 *   weights divided by alpha (relu(alpha t) = alpha relu(t));
 * - permutation of the neurons of a hidden layer (rows of W_k and b_k, columns of W_{k+1}).
 */
import { DimensionError } from '../core/errors.js';
import { Rational } from '../field/rational.js';
import { createReluNet, type ReluNet } from '../network/relu-net.js';

function hiddenLayer(net: ReluNet<Rational>, layer: number, fn: string): void {
  if (!Number.isInteger(layer) || layer < 0 || layer >= net.layers.length - 1) throw new DimensionError(fn, `layer must be a hidden layer index in [0, ${net.layers.length - 2}], got ${layer}`);
}

/** The net with neuron `neuron` of hidden layer `layer` (0-based) rescaled by alpha > 0. */
export function scaleNeuron(net: ReluNet<Rational>, layer: number, neuron: number, alpha: Rational): ReluNet<Rational> {
  hiddenLayer(net, layer, 'scaleNeuron');
  const width = net.layers[layer].W.nrows;
  if (!Number.isInteger(neuron) || neuron < 0 || neuron >= width) throw new DimensionError('scaleNeuron', `neuron must be in [0, ${width - 1}], got ${neuron}`);
  if (alpha.sign() <= 0) throw new DimensionError('scaleNeuron', `alpha must be > 0 (a negative scale changes the function), got ${alpha}`);
  return createReluNet(
    net.domain,
    net.layers.map((l, k) => {
      if (k === layer) return { W: l.W.rows.map((r, i) => (i === neuron ? r.map((x) => x.mul(alpha)) : r)), b: l.b.map((x, i) => (i === neuron ? x.mul(alpha) : x)) };
      if (k === layer + 1) return { W: l.W.rows.map((r) => r.map((x, j) => (j === neuron ? x.div(alpha) : x))), b: l.b };
      return { W: l.W, b: l.b };
    }),
  );
}

/** The net with the neurons of hidden layer `layer` reordered: new neuron i is old neuron perm[i]. */
export function permuteNeurons(net: ReluNet<Rational>, layer: number, perm: readonly number[]): ReluNet<Rational> {
  hiddenLayer(net, layer, 'permuteNeurons');
  const width = net.layers[layer].W.nrows;
  if (perm.length !== width || [...perm].sort((a, b) => a - b).some((p, i) => p !== i)) throw new DimensionError('permuteNeurons', `perm must be a permutation of 0..${width - 1}, got ${JSON.stringify(perm)}`);
  return createReluNet(
    net.domain,
    net.layers.map((l, k) => {
      if (k === layer) return { W: perm.map((p) => l.W.rows[p]), b: perm.map((p) => l.b[p]) };
      if (k === layer + 1) return { W: l.W.rows.map((r) => perm.map((p) => r[p])), b: l.b };
      return { W: l.W, b: l.b };
    }),
  );
}
