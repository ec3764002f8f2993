/**
 * No finite sample identifies a ReLU net among wider nets (LITERATURE-A 4.3: the natural
 * construction, the paper's own was not retrieved). Pending: needs issue 7's identifiability.
 */
import { definePendingTheorem } from 'relu-exact/arbitraries';

export const noFiniteSampleIdentifiesTheorem = definePendingTheorem({
  name: 'no-finite-sample-identifies',
  title: 'For every net f and finite X, some net with one more neuron agrees with f on X and differs elsewhere',
  statement: {
    hypotheses: ['an irreducible shallow net f of width m in d inputs', 'a finite sample X in R^d'],
    claim: 'with R > max |x_n| the net g = f + relu(e_1 . x - R) has width m + 1, g = f on X, and g((R + 1) e_1) != f((R + 1) e_1)',
  },
  source: "Xia and Xu, Finite samples for shallow neural networks (2025): finite samples cannot identify irreducible ReLU nets; the construction is LITERATURE-A 4.3's",
  needs: "issue 7's src/analyses/identifiability (identify with --width m + 1 must answer not identifiable with a counterexample) and, for d >= 2, issue 5's irreducibility for the hypothesis",
  plan:
    'every irreducible univariate net of width <= 2 from the minimal-width-1d grid with every sample set of <= 3 points from {-2..2}, and 2-input nets once issue 5 is in; ' +
    'certificate: a new kind "sample-counterexample" (g agrees with f on every sample and differs at a stated point: forward passes only)',
});
