/**
 * No finite sample identifies a ReLU net among wider nets (LITERATURE-A 4.3: the natural
 * construction; the paper's own was not retrieved).
 *
 * Hypotheses: an irreducible shallow net f of width m in d inputs (V1), a finite sample X.
 * Claim: with R > max_n |x_n,1|, g = f + relu(x_1 - R) has width m + 1, g = f on X, and
 * g((R + 1) e_1) = f((R + 1) e_1) + 1.
 *
 * Check: every irreducible univariate net of width <= 2 with w in {-1,1,2}, b in {-1,0,1},
 * v in {-1,1}, with X = {-2..2} (a net agreeing on it agrees on every subset) and S - 1 seeded
 * random sets, and 6 S seeded generic 2-input nets of width 2 and 3, each with a seeded set; `identify(f, X, { width: m + 1 })`
 * must answer "not identifiable" with its own checked counterexample. Certificate
 * `sample-counterexample` (forward passes only) for g.
 */
import fc from 'fast-check';
import { createReluNet, identify, irreducibility, QQ, Rational, writeReluNet, type ReluNet } from 'relu-exact';
import { defineTheorem, makeCertificate, rational, reluNet } from 'relu-exact/arbitraries';
import { multisetsOf } from './lib/combinatorics.js';
import { seeded } from './lib/fdim.js';
import { shallowNet, type Neuron } from './lib/univariate.js';

interface Instance {
  readonly net: ReluNet<Rational>;
  readonly samples: Rational[][];
}

const GRID_1D: Neuron[] = [-1, 1, 2].flatMap((w) => [-1, 0, 1].flatMap((b) => [-1, 1].map((v) => ({ w: Rational.of(w), b: Rational.of(b), v: Rational.of(v) }))));
const irreducible = (net: ReluNet<Rational>): boolean => irreducibility(net).irreducible;

function instances(size: number, seed: number): Instance[] {
  // The grid {-2..2} first (a net agreeing on it agrees on every subset), then seeded random sets.
  const grid = [-2, -1, 0, 1, 2].map((x) => [Rational.of(x)]);
  const sets1 = [grid, ...seeded(fc.array(fc.tuple(rational({ maxNumerator: 9, maxDenominator: 4 })), { minLength: 1, maxLength: 6 }), seed, size - 1).map((s) => s.map((p) => [...p]))];
  const nets1 = [1, 2].flatMap((m) => multisetsOf(GRID_1D, m).map((ns) => shallowNet(ns))).filter(irreducible);
  const nets2 = [2, 3].flatMap((m) => seeded(reluNet({ architecture: [2, m, 1], generic: true }), seed + m, 3 * size));
  const sets2 = seeded(fc.array(fc.tuple(rational({ maxNumerator: 9, maxDenominator: 4 }), rational({ maxNumerator: 9, maxDenominator: 4 })), { minLength: 1, maxLength: 8 }), seed + 5, nets2.length);
  return [...nets1.flatMap((net) => sets1.map((samples) => ({ net, samples }))), ...nets2.map((net, k) => ({ net, samples: sets2[k].map((p) => [...p]) }))];
}

/** f + relu(x_1 - R): one more neuron, silent on X. */
function withSilentNeuron(f: ReluNet<Rational>, R: Rational): ReluNet<Rational> {
  const [hidden, out] = f.layers;
  const d = hidden.W.ncols;
  return createReluNet(QQ, [
    { W: [...hidden.W.rows, Array.from({ length: d }, (_, i) => (i === 0 ? Rational.ONE : Rational.ZERO))], b: [...hidden.b, R.neg()] },
    { W: [[...out.W.rows[0], Rational.ONE]], b: out.b },
  ]);
}

export const noFiniteSampleIdentifiesTheorem = defineTheorem<Instance>({
  name: 'no-finite-sample-identifies',
  title: 'For every net f and finite X, some net with one more neuron agrees with f on X and differs elsewhere',
  statement: {
    hypotheses: ['an irreducible shallow net f of width m in d inputs (V1)', 'a finite sample X in R^d'],
    claim: 'with R > max |x_n,1| the net g = f + relu(e_1 . x - R) has width m + 1, g = f on X, and g((R + 1) e_1) != f((R + 1) e_1); identify(f, X, { width: m + 1 }) answers not identifiable',
  },
  source: "Xia and Xu, Finite samples for shallow neural networks (2025): finite samples cannot identify irreducible ReLU nets; the construction is LITERATURE-A 4.3's",
  size: { default: 1, min: 1, max: 20, meaning: 'sample sets per univariate net (the grid, then seeded ones); 2-input nets: 3 S per width' },
  kinds: ['sample-counterexample'],
  instancesAre: 'every irreducible univariate net of width 1, 2 with w in {-1,1,2}, b in {-1,0,1}, v in {-1,1} with X = {-2..2} and S - 1 seeded sets of up to 6 points; 3 S seeded generic (irreducible) 2-input nets of width 2 and of width 3, each with a seeded set of up to 8 points',
  instances,
  arbitrary: () =>
    fc.constantFrom(1, 2).chain((d) =>
      fc.record({
        net: reluNet({ architecture: [d, 2, 1], entries: { maxNumerator: 2, maxDenominator: 2 } }),
        samples: fc.array(fc.array(rational({ maxNumerator: 3, maxDenominator: 2 }), { minLength: d, maxLength: d }), { minLength: 1, maxLength: 4 }),
      }),
    ),
  hypothesis: ({ net }) => irreducible(net),
  check({ net, samples }) {
    const m = net.layers[0].W.nrows;
    const R = samples.reduce((r, p) => (p[0].abs().cmp(r) > 0 ? p[0].abs() : r), Rational.ZERO).add(Rational.ONE);
    const g = withSilentNeuron(net, R);
    const at = net.layers[0].W.row(0).map((_, i) => (i === 0 ? R.add(Rational.ONE) : Rational.ZERO));
    const answer = identify(net, samples, { width: m + 1 });
    const problems = answer.identifiable ? [`identify says the ${samples.length} samples identify f among width ${m + 1}: ${answer.reason}`] : [];
    return {
      certificate: makeCertificate('no-finite-sample-identifies', { net: writeReluNet(net), samples }, { kind: 'sample-counterexample', width: m + 1, holds: true }, { counterexample: writeReluNet(g), differsAt: at }),
      problems,
    };
  },
});
