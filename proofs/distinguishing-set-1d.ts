/**
 * A finite set distinguishing a given univariate net from all nets of its width (LITERATURE-A
 * 4.4, step 1 of the sketch derived there; `distinguishingSamples` implements it).
 *
 * Hypotheses: an irreducible univariate shallow net f (V1: output bias) of width m with K >= 1
 * kinks p_1 < ... < p_K.
 * Claim: three points inside each of the K + 1 linear pieces identify f among nets of width <= m
 * exactly when m = K (e = 0). When e = 1 (m = K + 1) no finite set does: a kink beyond the samples
 * restores the far-left slope (LITERATURE-A 4.3), so the sketch's step 2 (samples near the kinks)
 * cannot help in the V1 model; it was worked out for V0 there.
 *
 * Check: every irreducible net of the given width with w in {-1,1,2}, b in {-1,0,1}, v in {-1,1}
 * (zero neurons are reducible, and would only be skipped). For e = 0
 * the set is `distinguishingSamples(net, { reduce: false })` (which must succeed), for e = 1 the
 * same construction (which it must refuse); `identify(f, set, { width: m })` answers. Certificate
 * `distinguishing-set-1d`: the verifier proves "identifying" from the kinks and the three points
 * per piece (the argument in its doc comment), and checks a counterexample by forward passes.
 */
import { distinguishingSamples, identify, minimalFormOfNet, Rational, toSpline, writeReluNet, type ReluNet } from 'relu-exact';
import { defineTheorem, makeCertificate, reluNet } from 'relu-exact/arbitraries';
import { multisetsOf } from './lib/combinatorics.js';
import { shallowNet, threePerPiece, type Neuron } from './lib/univariate.js';

const GRID: Neuron[] = [-1, 1, 2].flatMap((w) => [-1, 0, 1].flatMap((b) => [-1, 1].map((v) => ({ w: Rational.of(w), b: Rational.of(b), v: Rational.of(v) }))));

function irreducibleWithKinks(net: ReluNet<Rational>): boolean {
  const form = minimalFormOfNet(net);
  return form.width === net.layers[0].W.nrows && form.kinkCount >= 1;
}

export const distinguishingSet1dTheorem = defineTheorem<ReluNet<Rational>>({
  name: 'distinguishing-set-1d',
  title: 'Three samples per linear region identify f among nets of its width iff e = 0 (width = kinks)',
  statement: {
    hypotheses: ['an irreducible univariate shallow net f (V1) of width m with K >= 1 kinks p_1 < ... < p_K'],
    claim: 'the set with three points inside each of the K + 1 linear pieces is a uniqueness set among nets of width <= m (every such net agreeing with f on it computes f) iff m = K; for m = K + 1 a net of width m agrees on it and differs',
  },
  source: "Xia and Xu, Finite samples for shallow neural networks (2025): a finite distinguishing set for a given irreducible net; the 1-D construction is LITERATURE-A 4.4's sketch (step 1), the e = 1 exception LITERATURE-A 4.3's spare kink",
  size: { default: 2, min: 1, max: 3, meaning: 'width of the nets checked' },
  kinds: ['distinguishing-set-1d'],
  instancesAre: 'every irreducible net with a kink of that width with w in {-1,1,2}, b in {-1,0,1}, v in {-1,1}, output bias 0 (neurons as a multiset; up to the sign of f: the first neuron has v = 1)',
  // f and -f have the same kinks and answers: only multisets whose first neuron has v = 1.
  instances: (m) => multisetsOf(GRID, m).filter((ns) => ns[0].v.sign() > 0).map((neurons) => shallowNet(neurons)),
  arbitrary: (m) => reluNet({ architecture: [1, m, 1], entries: { maxNumerator: 2, maxDenominator: 2 } }),
  hypothesis: irreducibleWithKinks,
  check(net) {
    const m = net.layers[0].W.nrows;
    const K = toSpline(net).knots.length;
    const built = distinguishingSamples(net, { reduce: false });
    const problems: string[] = [];
    if (built.ok !== (m === K)) problems.push(`distinguishingSamples ${built.ok ? 'builds a set' : `refuses (${built.reason})`}, though m ${m === K ? '=' : '!='} K = ${K}`);
    const samples = built.ok ? [...built.samples] : threePerPiece(toSpline(net).knots);
    // distinguishingSamples answers with identify's result on its set (it throws if identify disagrees).
    const answer = built.ok ? built.certificate : identify(net, samples, { width: m });
    const instance = { net: writeReluNet(net), samples: samples.map((x) => [x]), width: m };
    const claim = { kind: 'distinguishing-set-1d', identifiable: answer.identifiable, expected: m === K, holds: answer.identifiable === (m === K) };
    const witness = answer.counterexample === null ? {} : { counterexample: writeReluNet(answer.counterexample), differsAt: answer.differsAt!.x };
    return { certificate: makeCertificate('distinguishing-set-1d', instance, claim, witness), problems };
  },
});
