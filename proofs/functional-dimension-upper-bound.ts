/**
 * The upper bound of functional dimension (Grigsby, Lindsey, Meyerhoff, Wu 2022; LITERATURE-A 3.3).
 *
 * Hypotheses: a ReLU net of architecture (n_0, ..., n_L) with D parameters and N_h hidden neurons,
 * with some parametrically smooth point (no pre-activation exactly 0 there).
 * Claim: every smooth batch Z has rank JE_Z <= D - N_h, because the N_h scaling directions
 * (+(W^l_p, b^l_p) in, -W^{l+1}[:, p] out) lie in the kernel; so dim_fun <= D - N_h.
 *
 * Check: seeded nets of every listed architecture (widths <= 3, up to three hidden layers),
 * generic and with each planted degeneracy of relu-exact/arbitraries. The batch is the one
 * `functionalDimension` found to reach its supremum (probe points, region simplices), so its
 * rank is the functional dimension. Certificate `jacobian-rank`: the verifier recomputes the
 * Jacobian at every point, the rank from a nonzero minor and a kernel basis, and checks that the
 * scaling directions lie in the kernel.
 */
import fc from 'fast-check';
import { type Rational, type ReluNet } from 'relu-exact';
import { defineTheorem, reluNet, type NetDegeneracy } from 'relu-exact/arbitraries';
import { hasSmoothPoint, jacobianRankCertificate, seeded, upperBound } from './lib/fdim.js';

const ARCHITECTURES = [[1, 2, 1], [1, 3, 1], [2, 2, 1], [2, 3, 1], [3, 2, 1], [1, 2, 2, 1], [2, 2, 2, 1], [2, 2, 2, 2, 1]];
const DEGENERACIES: readonly NetDegeneracy[] = ['none', 'dead-neuron', 'parallel-neurons', 'zero-outer-weight'];
const ENTRIES = { maxNumerator: 3, maxDenominator: 2 };

export const functionalDimensionUpperBoundTheorem = defineTheorem<ReluNet<Rational>>({
  name: 'functional-dimension-upper-bound',
  title: "dim_fun(theta) <= D - N_h: each hidden neuron's scaling orbit lies in the kernel of the Jacobian",
  statement: {
    hypotheses: ['a ReLU net of architecture (n_0, ..., n_L), D parameters, N_h hidden neurons, with a parametrically smooth point (no pre-activation exactly 0)'],
    claim: 'the rank of the Jacobian of theta -> (f_theta(z_1), ..., f_theta(z_k)) is at most D - N_h for every smooth batch: the N_h scaling directions (+(W_p, b_p) in, -W_{:,p} out) are kernel vectors',
  },
  source: 'Grigsby, Lindsey, Meyerhoff, Wu, Functional dimension of feedforward ReLU neural networks (2022); LITERATURE-A 3.3 (proof sketch checked there)',
  size: { default: 1, min: 1, max: 20, meaning: 'seeded nets per architecture and degeneracy' },
  kinds: ['jacobian-rank'],
  instancesAre: `S seeded nets (entries p/q, |p| <= 3, q <= 2) of each architecture ${ARCHITECTURES.map((a) => `(${a.join(',')})`).join(', ')} for each degeneracy (${DEGENERACIES.join(', ')}); the batch is functionalDimension's witness`,
  instances: (size, seed) =>
    ARCHITECTURES.flatMap((architecture, i) => DEGENERACIES.flatMap((degeneracy, j) => (degeneracy === 'parallel-neurons' && architecture[1] < 2 ? [] : seeded(reluNet({ architecture, entries: ENTRIES, degeneracy }), seed + 101 * i + 13 * j, size)))),
  arbitrary: () => fc.constantFrom(...ARCHITECTURES).chain((architecture) => reluNet({ architecture, entries: ENTRIES })),
  hypothesis: hasSmoothPoint,
  check: (net) => jacobianRankCertificate('functional-dimension-upper-bound', net, upperBound(net), 'at-most'),
});
