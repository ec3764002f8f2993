/**
 * Hidden-symmetry mechanism M6: neuron dead on the image of earlier layers (LITERATURE-A 3.5, the toolkit's own list and examples:
 * the paper's list was not available). Pending: needs issue 5's src/analyses/functional-dimension.
 */
import { definePendingTheorem } from 'relu-exact/arbitraries';

export const hiddenSymmetryM6Theorem = definePendingTheorem({
  name: 'hidden-symmetry-m6',
  title: 'M6, neuron dead on the image of earlier layers: functional dimension below D - N_h',
  statement: {
    hypotheses: ['any deeper layer, e.g. a second-layer neuron with pre-activation -h1 - h2 - 1 < 0'],
    claim: 'its n_{l-1} + 1 incoming weights and its outgoing weight are free (not run in LITERATURE-A: the drop below D - N_h is derived, not measured); the exact functional dimension is a rank drop of n_{l-1} + 1 below D - N_h, so the net has hidden symmetries',
  },
  source: "Grigsby, Lindsey, Rolnick, Hidden symmetries of ReLU networks, ICML 2023 (mechanisms of hidden symmetries); the mechanism and its exact example are the toolkit's own, LITERATURE-A 3.5",
  needs: "issue 5's src/analyses/functional-dimension (exact functional dimension over a decisive batch)",
  plan: 'the exact example, then N seeded nets with the mechanism planted (relu-exact/arbitraries reluNet degeneracies where one fits) against generic controls; certificate: matrix-rank of the decisive-batch Jacobian with the expected rank',
});
