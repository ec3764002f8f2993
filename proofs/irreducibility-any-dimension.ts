/**
 * Irreducibility of shallow ReLU nets in any input dimension (LITERATURE-A 4.2: the toolkit's own
 * characterisation, V1, stated there for f(x) = c + sum_j a_j relu(w_j . x + b_j)).
 * Pending: needs issue 5's src/analyses/irreducibility.
 */
import { definePendingTheorem } from 'relu-exact/arbitraries';

export const irreducibilityAnyDimensionTheorem = definePendingTheorem({
  name: 'irreducibility-any-dimension',
  title: 'Irreducible iff width = K + e: kink hyperplanes plus e in {0, 1, 2} for the affine part',
  statement: {
    hypotheses: ['a shallow net f(x) = c + sum_j a_j relu(w_j . x + b_j), x in R^d, rational parameters'],
    claim:
      'group neurons by hyperplane z_H (w~ with first nonzero entry 1), c_H = sum_j a_j |lambda_j|, K = #{H : c_H != 0}, l the affine remainder; ' +
      'the minimal width is K + e with e = 0 iff some S has lin(l) + sum_S c_H w~_H = 0, else e = 1 iff some S and H0 not in S give lin(l) + sum_S c_H w~_H in span(w~_H0), else e = 2; f is irreducible iff its width is K + e',
  },
  source: "Xia and Xu, Finite samples for shallow neural networks (2025), the ReLU irreducibility theorem; the characterisation checked here is the toolkit's own derivation, LITERATURE-A 4.2 (V1)",
  needs: "issue 5's src/analyses/irreducibility (any input dimension), and a certificate kind for d >= 2 (a minimal net computing the same function, compared by src/verify on the linear regions of the difference; the lower bound from the kink hyperplanes and the subset conditions)",
  plan:
    'all 2-input shallow nets of width <= 3 with entries in {-1, 0, 1} (parallel, antiparallel, zero and cancelling neurons occur), the irreducibility module against a brute-force minimal width ' +
    '(candidate neurons on the net\'s hyperplanes plus generic fresh ones, an exact linear solve per set), as minimal-width-1d does for d = 1; size = width',
});
