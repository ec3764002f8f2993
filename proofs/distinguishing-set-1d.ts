/**
 * A finite set distinguishing a given univariate net from all nets of the same width
 * (LITERATURE-A 4.4, a sketch derived there). Pending: needs issue 7's identifiability.
 */
import { definePendingTheorem } from 'relu-exact/arbitraries';

export const distinguishingSet1dTheorem = definePendingTheorem({
  name: 'distinguishing-set-1d',
  title: 'Three samples per linear region (plus samples near kinks when e >= 1) identify f among nets of its width',
  statement: {
    hypotheses: ['an irreducible univariate shallow net f of width m with kinks p_1 < ... < p_K'],
    claim:
      'the set with three points inside each of the K + 1 linear regions, and when e >= 1 points s_k < p_k < s\'_k close enough to each kink, is a uniqueness set: every net of width <= m agreeing with f on it computes f',
  },
  source: "Xia and Xu, Finite samples for shallow neural networks (2025): a finite distinguishing set for a given irreducible net; the 1-D construction is LITERATURE-A 4.4's sketch",
  needs: "issue 7's src/analyses/identifiability (identify decides exactly for univariate nets)",
  plan: 'every irreducible net of width <= 2 from the minimal-width-1d grid: build the set, and check identify(f, set, width m) answers identifiable; a counterexample net is a refutation (certificate kind "sample-counterexample")',
});
