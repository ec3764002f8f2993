/**
 * Hidden-symmetry mechanism M1: stably active neuron (LITERATURE-A 3.5, the toolkit's own list and examples:
 * the paper's list was not available). Pending: needs issue 5's src/analyses/functional-dimension.
 */
import { definePendingTheorem } from 'relu-exact/arbitraries';

export const hiddenSymmetryM1Theorem = definePendingTheorem({
  name: 'hidden-symmetry-m1',
  title: 'M1, stably active neuron: functional dimension below D - N_h',
  statement: {
    hypotheses: ['(1,1,1,1), theta = (w1=1, b1=0; w2=1, b2=1; v=1, c=0): F = relu(x)+1; symmetry curve (b2, c) = (1+t, -t)'],
    claim: 'a hidden neuron active on the whole image of the previous layer makes the next layer affine there, so its bias and the downstream biases trade off; the exact functional dimension is batch functional dimension 3 < D - N_h = 4, so the net has hidden symmetries',
  },
  source: "Grigsby, Lindsey, Rolnick, Hidden symmetries of ReLU networks, ICML 2023 (mechanisms of hidden symmetries); the mechanism and its exact example are the toolkit's own, LITERATURE-A 3.5",
  needs: "issue 5's src/analyses/functional-dimension (exact functional dimension over a decisive batch)",
  plan: 'the exact example, then N seeded nets with the mechanism planted (relu-exact/arbitraries reluNet degeneracies where one fits) against generic controls; certificate: matrix-rank of the decisive-batch Jacobian with the expected rank',
});
