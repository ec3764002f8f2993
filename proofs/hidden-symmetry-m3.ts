/**
 * Hidden-symmetry mechanism M3: antiparallel neurons on one hyperplane (LITERATURE-A 3.5, the
 * toolkit's own list and examples). With (w_1, b_1) = -alpha (w_0, b_0), alpha > 0, the two
 * neurons are active on complementary sides, 1_{H+} + 1_{H-} = 1 repeats the output bias's
 * Jacobian column, and the functional dimension drops by 1.
 */
import fc from 'fast-check';
import { reluNet } from 'relu-exact/arbitraries';
import { netOf, positive } from './lib/fdim.js';
import { defineMechanism, layersOf, shallow1d } from './lib/mechanisms.js';

export const hiddenSymmetryM3Theorem = defineMechanism({
  id: 'M3',
  title: 'antiparallel neurons on one hyperplane',
  why: '1_{H+} + 1_{H-} = 1 makes the Jacobian columns of the two neurons and the output bias dependent',
  example: '(1,2,1): 2 relu(x - 1) + 3 relu(1 - x); control 2 relu(x - 1) + 3 relu(2 - x), functional dimension 5',
  exampleExpected: '4 < D - N_h = 5',
  fixed: [
    { label: 'example', net: shallow1d([1, -1], [-1, 1], [2, 3]), expected: 4, compare: 'equal' },
    { label: 'control', net: shallow1d([1, -1], [-1, 2], [2, 3]), expected: 5, compare: 'equal' },
  ],
  planted: fc.tuple(fc.constantFrom(2, 3), positive).chain(([m, alpha]) =>
    reluNet({ architecture: [1, m, 1], generic: true }).map((net) => {
      const layers = layersOf(net);
      layers[0].W[1] = [layers[0].W[0][0].mul(alpha).neg()];
      layers[0].b[1] = layers[0].b[0].mul(alpha).neg();
      return netOf(layers);
    }),
  ),
  plantedText: 'generic (1,2,1) and (1,3,1) nets (relu-exact/arbitraries) with neuron 1 set to -alpha times neuron 0, alpha > 0',
  drop: 1,
});
