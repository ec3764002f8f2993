/**
 * Hidden-symmetry mechanism M6: a neuron dead on the image of the earlier layers (LITERATURE-A
 * 3.5, the toolkit's own list; derived there, run here for the first time). A layer-l neuron
 * (l >= 2) with incoming weights <= 0 and bias < 0 never fires on relu outputs (>= 0). Its
 * n_{l-1} incoming weights, its bias and its n_{l+1} outgoing weights all have zero Jacobian
 * columns, and the net without it has N_h - 1 hidden neurons, so
 * dim_fun <= (D - n_{l-1} - 1 - n_{l+1}) - (N_h - 1) = D - N_h - (n_{l-1} + n_{l+1}):
 * a drop of at least n_{l-1} + 1 for one output (the rest of the net may lose more).
 */
import fc from 'fast-check';
import { Rational } from 'relu-exact';
import { reluNet } from 'relu-exact/arbitraries';
import { netOf } from './lib/fdim.js';
import { defineMechanism, layersOf } from './lib/mechanisms.js';

// (1,2,2,1): h = (relu(x), relu(1 - x)); second layer: -h1 - h2 - 1 (dead) and h1 + 2 h2 - 1; output 5 g1 + g2.
const example = netOf([
  { W: [[1], [-1]], b: [0, 1] },
  { W: [[-1, -1], [1, 2]], b: [-1, -1] },
  { W: [[5, 1]], b: [0] },
]);
const control = netOf([
  { W: [[1], [-1]], b: [0, 1] },
  { W: [[-1, 1], [1, 2]], b: [1, -1] },
  { W: [[5, 1]], b: [0] },
]);

export const hiddenSymmetryM6Theorem = defineMechanism({
  id: 'M6',
  title: 'neuron dead on the image of earlier layers',
  why: 'a deeper neuron whose pre-activation is negative on the whole image has free incoming weights, bias and outgoing weights',
  example: '(1,2,2,1): h = (relu(x), relu(1 - x)), second layer -h1 - h2 - 1 (dead) and h1 + 2 h2 - 1, output 5 g1 + g2; control: the first second-layer neuron -h1 + h2 + 1 instead',
  exampleExpected: 'at most D - N_h - 3 = 6 (D - N_h = 9); the control reaches 9',
  fixed: [
    { label: 'example', net: example, expected: 6, compare: 'at-most' },
    { label: 'control', net: control, expected: 9, compare: 'equal' },
  ],
  planted: reluNet({ architecture: [1, 2, 2, 1], generic: true }).map((net) => {
    const layers = layersOf(net);
    layers[1].W[0] = layers[1].W[0].map((w) => w.abs().neg());
    layers[1].b[0] = layers[1].b[0].abs().neg().sub(Rational.ONE);
    return netOf(layers);
  }),
  plantedText: 'generic (1,2,2,1) nets (relu-exact/arbitraries) with second-layer neuron 0 given weights -|w| and bias -|b| - 1',
  drop: 3,
  compare: 'at-most',
});
