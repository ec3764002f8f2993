/**
 * The minimal width of a univariate shallow net (LITERATURE-A 4.2, V1 (with output bias), in one
 * dimension: the toolkit's own derivation, implemented in src/spline/minimal.ts).
 *
 * Hypotheses: f(x) = c + sum_i v_i relu(w_i x + b_i), one input, any rational parameters.
 * Claim: the least width of a net with output bias computing f is K + e, with K the number of
 * kinks of f and e = 0 if some set of kinks has jumps summing to -f'(-inf), e = 1 otherwise when
 * K >= 1, and for K = 0: width 0 if f is constant, 2 if not. minimalWidth computes it.
 *
 * Check: every net of the given width with w in {-1, 0, 1, 2}, b, v in {-1, 0, 1} (zero, dead,
 * parallel, antiparallel and cancelling neurons all occur), against an exhaustive search over
 * nets with breakpoints at the net's breakpoints or one fresh point (see bruteForceMinimalWidth).
 * The certificate holds a net of the certified width and the verifier proves the lower bound.
 */
import { minimalFormOfNet, netOfMinimalForm, Rational, writeReluNet, type ReluNet } from 'relu-exact';
import { defineTheorem, makeCertificate, reluNet } from 'relu-exact/arbitraries';
import { multisetsOf } from './lib/combinatorics.js';
import { bruteForceMinimalWidth, shallowNet, type Neuron } from './lib/univariate.js';

const GRID: Neuron[] = [-1, 0, 1, 2].flatMap((w) => [-1, 0, 1].flatMap((b) => [-1, 0, 1].map((v) => ({ w: Rational.of(w), b: Rational.of(b), v: Rational.of(v) }))));

/** The certificate for one net: the smaller of the toolkit's and the search's nets, predicted width from the toolkit. */
export function minimalWidthCertificate(theorem: string, net: ReluNet<Rational>, expected: number, toolkit: { width: number; net: ReluNet<Rational> }) {
  const search = bruteForceMinimalWidth(net);
  const best = search.width < toolkit.width ? search : toolkit;
  const width = net.layers.length === 1 ? 0 : net.layers[0].W.nrows;
  const problems = search.width === toolkit.width ? [] : [`minimalWidth says ${toolkit.width}, the exhaustive search finds ${search.width}`];
  const certificate = makeCertificate(
    theorem,
    { net: writeReluNet(net) },
    { kind: 'minimal-width', width: best.width, netWidth: width, irreducible: best.width === width, expected, holds: best.width === expected },
    { minimal: writeReluNet(best.net) },
  );
  return { certificate, problems };
}

export const minimalWidth1dTheorem = defineTheorem<ReluNet<Rational>>({
  name: 'minimal-width-1d',
  title: 'Minimal width of a univariate shallow net = kinks + e, e in {0, 1} (2 for a non-constant affine f)',
  statement: {
    hypotheses: ['a univariate shallow net with output bias (V1), any rational parameters'],
    claim: "the least width computing the same function is K + e: e = 0 iff some set of kinks has jumps summing to -f'(-inf) (K >= 1), else 1; for K = 0, 0 if f is constant, else 2",
  },
  source: "Xia and Xu, Finite samples for shallow neural networks (2025), irreducibility of ReLU nets; the characterisation used is the toolkit's own derivation, LITERATURE-A 4.2 (V1, d = 1)",
  size: { default: 2, min: 1, max: 3, meaning: 'width of the nets checked' },
  kinds: ['minimal-width'],
  instancesAre: 'every net of that width with w in {-1,0,1,2}, b, v in {-1,0,1}, output bias 0 (neurons as a multiset)',
  instances: (m) => multisetsOf(GRID, m).map((neurons) => shallowNet(neurons)),
  arbitrary: (m) => reluNet({ architecture: [1, m, 1], entries: { maxNumerator: 2, maxDenominator: 2 } }),
  check(net) {
    const form = minimalFormOfNet(net);
    return minimalWidthCertificate('minimal-width-1d', net, form.width, { width: form.width, net: netOfMinimalForm(form) });
  },
});
