/**
 * Hidden-symmetry mechanism M5: zero outgoing weight (LITERATURE-A 3.5, the toolkit's own list and
 * examples). With v_i = 0 the Jacobian columns of w_i and b_i vanish and only v_i's column (a
 * relu with a fresh breakpoint) remains: both incoming parameters are free, one more than the
 * scaling accounts for, so the functional dimension drops by n_0 = 1.
 */
import fc from 'fast-check';
import { reluNet } from 'relu-exact/arbitraries';
import { defineMechanism, shallow1d } from './lib/mechanisms.js';

export const hiddenSymmetryM5Theorem = defineMechanism({
  id: 'M5',
  title: 'zero outgoing weight',
  why: 'with outgoing weight 0 the incoming weights are free',
  example: '(1,2,1): 2 relu(x - 1) + 0 relu(3 - x); control 2 relu(x - 1) + relu(3 - x), functional dimension 5',
  exampleExpected: '4 < D - N_h = 5',
  fixed: [
    { label: 'example', net: shallow1d([1, -1], [-1, 3], [2, 0]), expected: 4, compare: 'equal' },
    { label: 'control', net: shallow1d([1, -1], [-1, 3], [2, 1]), expected: 5, compare: 'equal' },
  ],
  planted: fc.constantFrom(2, 3).chain((m) => reluNet({ architecture: [1, m, 1], generic: true, degeneracy: 'zero-outer-weight' })),
  plantedText: "relu-exact/arbitraries reluNet({ architecture: [1, m, 1], generic: true, degeneracy: 'zero-outer-weight' }), m = 2, 3",
  drop: 1,
});
