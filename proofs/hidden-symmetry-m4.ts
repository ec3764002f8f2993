/**
 * Hidden-symmetry mechanism M4: positively parallel neurons (LITERATURE-A 3.5, the toolkit's own
 * list and examples). Two neurons on one hyperplane with one orientation are active on the same
 * set, so their four Jacobian columns span only {x 1_A, 1_A}: they merge into one neuron and the
 * functional dimension drops by 2.
 */
import fc from 'fast-check';
import { reluNet } from 'relu-exact/arbitraries';
import { defineMechanism, shallow1d } from './lib/mechanisms.js';

export const hiddenSymmetryM4Theorem = defineMechanism({
  id: 'M4',
  title: 'positively parallel neurons',
  why: 'two neurons on one hyperplane with one orientation merge into one',
  example: '(1,2,1): 2 relu(x - 1) + 3 relu(2x - 2); control 2 relu(x - 1) + 3 relu(2x - 3), functional dimension 5',
  exampleExpected: '3 < D - N_h = 5',
  fixed: [
    { label: 'example', net: shallow1d([1, 2], [-1, -2], [2, 3]), expected: 3, compare: 'equal' },
    { label: 'control', net: shallow1d([1, 2], [-1, -3], [2, 3]), expected: 5, compare: 'equal' },
  ],
  planted: fc.constantFrom(2, 3).chain((m) => reluNet({ architecture: [1, m, 1], generic: true, degeneracy: 'parallel-neurons' })),
  plantedText: "relu-exact/arbitraries reluNet({ architecture: [1, m, 1], generic: true, degeneracy: 'parallel-neurons' }), m = 2, 3",
  drop: 2,
});
