/**
 * Hidden-symmetry mechanism M2: hidden kink (LITERATURE-A 3.5, the toolkit's own list and examples:
 * the paper's list was not available). Pending: needs issue 5's src/analyses/functional-dimension.
 */
import { definePendingTheorem } from 'relu-exact/arbitraries';

export const hiddenSymmetryM2Theorem = definePendingTheorem({
  name: 'hidden-symmetry-m2',
  title: 'M2, hidden kink: functional dimension below D - N_h',
  statement: {
    hypotheses: ['(1,1,1,1), b2 = -1: F = relu(relu(x) - 1) = relu(x - 1); symmetry curve b1 = t, b2 = -1 - t'],
    claim: 'a first-layer breakpoint where the downstream neuron is off is invisible, so it can move; the exact functional dimension is batch functional dimension 3 < D - N_h = 4, so the net has hidden symmetries',
  },
  source: "Grigsby, Lindsey, Rolnick, Hidden symmetries of ReLU networks, ICML 2023 (mechanisms of hidden symmetries); the mechanism and its exact example are the toolkit's own, LITERATURE-A 3.5",
  needs: "issue 5's src/analyses/functional-dimension (exact functional dimension over a decisive batch)",
  plan: 'the exact example, then N seeded nets with the mechanism planted (relu-exact/arbitraries reluNet degeneracies where one fits) against generic controls; certificate: matrix-rank of the decisive-batch Jacobian with the expected rank',
});
