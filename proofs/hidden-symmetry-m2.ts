/**
 * Hidden-symmetry mechanism M2: a hidden kink (LITERATURE-A 3.5, the toolkit's own list and
 * examples). A first-layer breakpoint where the downstream neuron is off is invisible: in
 * (1,1,1,1) with w_2 > 0 > b_2, F = v relu(w_2 (w_1 x + b_1) + b_2) + c has one kink, not two, and
 * functional dimension 3 < 4.
 */
import fc from 'fast-check';
import { chainNet as deep, defineMechanism } from './lib/mechanisms.js';
import { anyRational, nonzero, positive } from './lib/fdim.js';

export const hiddenSymmetryM2Theorem = defineMechanism({
  id: 'M2',
  title: 'hidden kink',
  why: 'a first-layer breakpoint where the downstream neuron is off is invisible, so it can move (symmetry curve b1 = t, b2 = -1 - t in the example)',
  example: '(1,1,1,1), theta = (w1=1, b1=0; w2=1, b2=-1; v=1, c=0): F = relu(relu(x) - 1) = relu(x - 1); control w2 = -1, b2 = 1: two kinks, functional dimension 4',
  exampleExpected: '3 < D - N_h = 4',
  fixed: [
    { label: 'example', net: deep(1, 0, 1, -1, 1, 0), expected: 3, compare: 'equal' },
    { label: 'control', net: deep(1, 0, -1, 1, 1, 0), expected: 4, compare: 'equal' },
  ],
  planted: fc.tuple(nonzero, anyRational, positive, positive, nonzero, anyRational).map(([w1, b1, w2, b2, v, c]) => deep(w1, b1, w2, b2.neg(), v, c)),
  plantedText: '(1,1,1,1) with w1, v != 0, w2 > 0 > b2 (the second neuron off wherever the first is)',
  drop: 1,
});
