/**
 * Hidden-symmetry mechanism M1: a stably active neuron (LITERATURE-A 3.5, the toolkit's own list
 * and examples). A neuron active on the whole image of the layer before is affine there, so its
 * bias trades off against the downstream biases: in (1,1,1,1) with w_2, b_2 > 0,
 * F = v w_2 relu(w_1 x + b_1) + (v b_2 + c), a one-kink function, functional dimension 3 < 4.
 */
import fc from 'fast-check';
import { chainNet as deep, defineMechanism } from './lib/mechanisms.js';
import { anyRational, nonzero, positive } from './lib/fdim.js';

export const hiddenSymmetryM1Theorem = defineMechanism({
  id: 'M1',
  title: 'stably active neuron',
  why: 'a hidden neuron active on the whole image of the previous layer makes the next layer affine there, so its bias and the downstream biases trade off (symmetry curve (b2, c) = (1 + t, -t) in the example)',
  example: '(1,1,1,1), theta = (w1=1, b1=0; w2=1, b2=1; v=1, c=0): F = relu(x) + 1; control w2 = -1: F = relu(1 - relu(x)), kinks at 0 and 1, functional dimension 4 = D - N_h',
  exampleExpected: '3 < D - N_h = 4',
  fixed: [
    { label: 'example', net: deep(1, 0, 1, 1, 1, 0), expected: 3, compare: 'equal' },
    { label: 'control', net: deep(1, 0, -1, 1, 1, 0), expected: 4, compare: 'equal' },
  ],
  planted: fc.tuple(nonzero, anyRational, positive, positive, nonzero, anyRational).map(([w1, b1, w2, b2, v, c]) => deep(w1, b1, w2, b2, v, c)),
  plantedText: '(1,1,1,1) with w1, v != 0 and w2, b2 > 0 (the second neuron active on all of relu(w1 x + b1) >= 0)',
  drop: 1,
});
