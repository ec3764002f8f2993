/**
 * Attainment of the bound: generic nets with no layer narrower than the input have functional
 * dimension D - N_h (Grigsby, Lindsey, Rolnick 2023, main theorem; LITERATURE-A 3.4).
 * Pending: needs issue 5's src/analyses/functional-dimension.
 */
import { definePendingTheorem } from 'relu-exact/arbitraries';

export const functionalDimensionAttainedTheorem = definePendingTheorem({
  name: 'functional-dimension-attained',
  title: 'No layer narrower than the input: generic parameters reach dim_fun = D - N_h',
  statement: {
    hypotheses: ['architecture (n_0, ..., n_L) with n_l >= n_0 for every layer l', 'parameters generic (here: relu-exact/arbitraries reluNet({ generic: true }), rational)'],
    claim: 'dim_fun(theta) = D - N_h (so no positive-dimensional hidden symmetry)',
  },
  source: 'Grigsby, Lindsey, Rolnick, Hidden symmetries of ReLU networks, ICML 2023 (existence of parameters without hidden symmetries; the generic statement as LITERATURE-A 3.3-3.4 reads it, with Grillo and Montufar 2026)',
  needs: "issue 5's src/analyses/functional-dimension",
  plan:
    'N seeded generic nets per architecture (1,H,1), (2,2,1), (2,3,1), (2,3,3,1) (the controls of LITERATURE-A 3.5: 7, 7, 10, 19); certificate: matrix-rank of the decisive-batch Jacobian with expected D - N_h. ' +
    '"Generic" is sampled, so a rank below the bound is reported as a counterexample to inspect (a non-generic draw), not as a refutation',
});
