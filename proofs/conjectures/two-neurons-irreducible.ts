/**
 * Two demonstration conjectures, both false, to show the counterexample search: fast-check draws
 * univariate nets of width 2 and shrinks the first reducible one to a minimal counterexample,
 * certified by a narrower net computing the same function.
 * - "every univariate net of width 2 is irreducible": false (zero weights; it shrinks to the zero net);
 * - "... with every weight and bias nonzero": still false (two neurons with one breakpoint and one
 *   orientation merge); fast-check shrinks coordinate by coordinate, so it stops at a small
 *   positively parallel pair such as relu(x + 1) + relu(2 x + 2).
 * With `reluNet({ generic: true })` (no proportional neurons, no zero weight) the statement is true.
 */
import { minimalFormOfNet, netOfMinimalForm, type Rational, type ReluNet } from 'relu-exact';
import { defineConjecture, reluNet } from 'relu-exact/arbitraries';
import { minimalWidthCertificate } from '../minimal-width-1d.js';

function certifyReducible(name: string) {
  return (net: ReluNet<Rational>) => {
    const form = minimalFormOfNet(net);
    return minimalWidthCertificate(name, net, net.layers[0].W.nrows, { width: form.width, net: netOfMinimalForm(form) }).certificate;
  };
}

const irreducible = (net: ReluNet<Rational>): boolean => minimalFormOfNet(net).width === net.layers[0].W.nrows;

export const twoNeuronsIrreducible = defineConjecture({
  name: 'demo-two-neurons-irreducible',
  statement: 'every univariate shallow net of width 2 (with output bias) is irreducible',
  note: 'false: a zero outgoing weight, a dead or constant neuron, or two neurons on one breakpoint make a narrower net compute the same function',
  arbitrary: reluNet({ architecture: [1, 2, 1] }),
  holds: irreducible,
  kinds: ['minimal-width'],
  certify: certifyReducible('demo-two-neurons-irreducible'),
});

export const twoNonzeroNeuronsIrreducible = defineConjecture({
  name: 'demo-two-nonzero-neurons-irreducible',
  statement: 'every univariate shallow net of width 2 whose weights and biases are all nonzero is irreducible',
  note: 'false: two neurons with one breakpoint and one orientation (positively parallel) merge into one',
  arbitrary: reluNet({ architecture: [1, 2, 1], entries: { sign: 'nonzero', maxDenominator: 1 } }),
  holds: irreducible,
  kinds: ['minimal-width'],
  certify: certifyReducible('demo-two-nonzero-neurons-irreducible'),
});
