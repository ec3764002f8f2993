/**
 * Critical points of the squared loss of a univariate shallow net, away from data-point
 * breakpoints (LITERATURE-A 2.4: the toolkit's own derivation). Pending: needs issue 6's landscape.
 */
import { definePendingTheorem } from 'relu-exact/arbitraries';

export const criticalPointClassificationTheorem = definePendingTheorem({
  name: 'critical-point-classification',
  title: 'Every smooth critical point is a cell-wise least-squares minimum or a saddle with a zero delta-slope',
  statement: {
    hypotheses: ['univariate data (x_n, y_n) and a shallow net with output bias whose breakpoints avoid the data points', 'grad sse = 0 there'],
    claim:
      'either the residual is orthogonal to V = span(1, 1_{A_i}, x 1_{A_i}), so f(X) = P_V y and the point minimises sse over its cell, ' +
      'or some neuron has mu_i = 0 with sum_{A_i} r_n != 0, and its (mu_i, beta_i) Hessian block [[*, rho], [rho, 0]] (rho != 0) makes it a strict saddle',
  },
  source: "Sahs et al., Shallow univariate ReLU networks as splines (2022): critical points; the classification is the toolkit's own derivation, LITERATURE-A 2.4 (Hessian blocks 2.5)",
  needs: "issue 6's src/analyses/landscape (critical points with exact inertia)",
  plan:
    'every data set of <= 4 points from {0..3} x {-1, 0, 1} and width <= 2: each critical point from the landscape analysis is classified; certificate: a new kind "critical-point" (the gradient recomputed to be 0; type (a): r orthogonal to V by dot products; type (b): the neuron, rho != 0 and the 2 x 2 minor with negative determinant)',
});
