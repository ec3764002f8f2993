/**
 * Irreducibility of shallow ReLU nets in any input dimension (LITERATURE-A 4.2: the toolkit's own
 * characterisation, V1: f(x) = c + sum_j a_j relu(w_j . x + b_j)).
 *
 * Hypotheses: a shallow scalar net with output bias, rational parameters, any input dimension.
 * Claim: with the neurons grouped by hyperplane z_H (w~ with first nonzero entry 1), c_H = sum_j
 * a_j |lambda_j|, K = #{H : c_H != 0} and l the affine remainder, the least width computing f is
 * K + e: e = 0 iff some S has lin(l) + sum_S c_H w~_H = 0, else e = 1 iff some S and H0 not in S
 * give lin(l) + sum_S c_H w~_H in span(w~_H0), else e = 2; f is irreducible iff its width is K + e.
 * `irreducibility` computes K + e and a minimal net.
 *
 * Check: every 2-input net of the given width with w in {-1,0,1}^2, b in {-1,0,1}, v in {-1,1}
 * (parallel, antiparallel, w = 0 and cancelling neurons all occur), against an exhaustive search
 * (bruteForceMinimalWidthShallow). Certificate `shallow-minimal-width`: the verifier shows the
 * witness net computes f (by the decomposition of f - g), each kink by a jump of the slope, and
 * the lower bound by trying every S and H0.
 */
import fc from 'fast-check';
import { irreducibility, Rational, writeReluNet, type ReluNet } from 'relu-exact';
import { defineTheorem, makeCertificate, reluNet } from 'relu-exact/arbitraries';
import { multisetsOf } from './lib/combinatorics.js';
import { netOf } from './lib/fdim.js';
import { bruteForceMinimalWidthShallow } from './lib/shallow.js';

const UNIT = [-1, 0, 1];
// Outer weights +-1: a zero one is the plain case; +-1 still gives cancelling kinks on a shared hyperplane.
const GRID = UNIT.flatMap((w1) => UNIT.flatMap((w2) => UNIT.flatMap((b) => [-1, 1].map((v) => ({ w: [w1, w2], b, v })))));

export const irreducibilityAnyDimensionTheorem = defineTheorem<ReluNet<Rational>>({
  name: 'irreducibility-any-dimension',
  title: 'Irreducible iff width = K + e: kink hyperplanes plus e in {0, 1, 2} for the affine part',
  statement: {
    hypotheses: ['a shallow net f(x) = c + sum_j a_j relu(w_j . x + b_j), x in R^d, rational parameters (V1: output bias)'],
    claim:
      'group neurons by hyperplane z_H (w~ with first nonzero entry 1), c_H = sum_j a_j |lambda_j|, K = #{H : c_H != 0}, l the affine remainder; ' +
      'the minimal width is K + e with e = 0 iff some S has lin(l) + sum_S c_H w~_H = 0, else e = 1 iff some S and H0 not in S give lin(l) + sum_S c_H w~_H in span(w~_H0), else e = 2; f is irreducible iff its width is K + e',
  },
  source: "Xia and Xu, Finite samples for shallow neural networks (2025), the ReLU irreducibility theorem; the characterisation checked here is the toolkit's own derivation, LITERATURE-A 4.2 (V1)",
  size: { default: 2, min: 1, max: 3, meaning: 'width of the 2-input nets checked' },
  kinds: ['shallow-minimal-width'],
  instancesAre: 'every 2-input net of that width with w in {-1,0,1}^2, b in {-1,0,1}, v in {-1,1}, output bias 0 (neurons as a multiset; up to the sign of f: the first neuron has v = 1)',
  // f and -f have the same minimal width: only multisets whose first neuron has v = 1.
  instances: (m) => multisetsOf(GRID, m).filter((ns) => ns[0].v === 1).map((ns) => netOf([{ W: ns.map((n) => n.w), b: ns.map((n) => n.b) }, { W: [ns.map((n) => n.v)], b: [0] }])),
  arbitrary: (m) => fc.constantFrom(2, 3).chain((d) => reluNet({ architecture: [d, m, 1], entries: { maxNumerator: 1, maxDenominator: 1 } })),
  check(net) {
    const toolkit = irreducibility(net);
    const search = bruteForceMinimalWidthShallow(net);
    const best = search.width < toolkit.minimalWidth ? search.net : toolkit.minimal;
    const width = Math.min(search.width, toolkit.minimalWidth);
    const netWidth = net.layers[0].W.nrows;
    const problems = search.width === toolkit.minimalWidth ? [] : [`irreducibility says ${toolkit.minimalWidth}, the exhaustive search finds ${search.width}`];
    if (toolkit.irreducible !== (toolkit.minimalWidth === netWidth)) problems.push(`irreducibility says irreducible = ${toolkit.irreducible} at minimal width ${toolkit.minimalWidth}`);
    return {
      certificate: makeCertificate('irreducibility-any-dimension', { net: writeReluNet(net) }, { kind: 'shallow-minimal-width', width, netWidth, irreducible: width === netWidth, expected: toolkit.minimalWidth, holds: width === toolkit.minimalWidth }, { minimal: writeReluNet(best) }),
      problems,
    };
  },
});
