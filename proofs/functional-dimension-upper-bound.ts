/**
 * The upper bound of functional dimension (Grigsby, Lindsey, Meyerhoff, Wu 2022; LITERATURE-A 3.3).
 * Pending: needs issue 5's src/analyses/functional-dimension.
 */
import { definePendingTheorem } from 'relu-exact/arbitraries';

export const functionalDimensionUpperBoundTheorem = definePendingTheorem({
  name: 'functional-dimension-upper-bound',
  title: 'dim_fun(theta) <= D - N_h: each hidden neuron\'s scaling orbit lies in the kernel of the Jacobian',
  statement: {
    hypotheses: ['a ReLU net of architecture (n_0, ..., n_L), D parameters, N_h hidden neurons; a parametrically smooth batch (no pre-activation exactly 0 at a batch point)'],
    claim: 'the rank of the Jacobian of theta -> (f_theta(z_1), ..., f_theta(z_k)) is at most D - N_h for every batch: the N_h scaling directions (+(W_p, b_p) in, -W_{:,p} out) are independent kernel vectors',
  },
  source: 'Grigsby, Lindsey, Meyerhoff, Wu, Functional dimension of feedforward ReLU neural networks (2022); LITERATURE-A 3.3 (proof sketch checked there)',
  needs: "issue 5's src/analyses/functional-dimension (exact Jacobian over a decisive batch)",
  plan:
    'random generic and degenerate nets of every architecture with widths <= 3 and depth <= 3 (relu-exact/arbitraries reluNet), the decisive batch from the linear regions; certificate: the matrix-rank kind for the Jacobian (pivot minor, rows as combinations) with expected <= D - N_h, plus the N_h scaling vectors checked to be in the kernel by the verifier (a new kind "jacobian-kernel")',
});
