/**
 * Hidden-symmetry mechanism M5: zero outgoing weight (LITERATURE-A 3.5, the toolkit's own list and examples:
 * the paper's list was not available). Pending: needs issue 5's src/analyses/functional-dimension.
 */
import { definePendingTheorem } from 'relu-exact/arbitraries';

export const hiddenSymmetryM5Theorem = definePendingTheorem({
  name: 'hidden-symmetry-m5',
  title: 'M5, zero outgoing weight: functional dimension below D - N_h',
  statement: {
    hypotheses: ['(1,2,1): 2 relu(x-1) + 0 relu(3-x)'],
    claim: 'with outgoing weight 0 the incoming weights are free; the exact functional dimension is batch functional dimension 4 < D - N_h = 5, so the net has hidden symmetries',
  },
  source: "Grigsby, Lindsey, Rolnick, Hidden symmetries of ReLU networks, ICML 2023 (mechanisms of hidden symmetries); the mechanism and its exact example are the toolkit's own, LITERATURE-A 3.5",
  needs: "issue 5's src/analyses/functional-dimension (exact functional dimension over a decisive batch)",
  plan: 'the exact example, then N seeded nets with the mechanism planted (relu-exact/arbitraries reluNet degeneracies where one fits) against generic controls; certificate: matrix-rank of the decisive-batch Jacobian with the expected rank',
});
