/**
 * Critical points of the squared loss of a univariate shallow net, away from data-point
 * breakpoints (LITERATURE-A 2.4: the toolkit's own derivation; Hessian blocks 2.5).
 *
 * Hypotheses: univariate data (x_n, y_n), a shallow net with output bias, no pre-activation 0 at a
 * data point, grad sse = 0.
 * Claim: either r is orthogonal to V = span(1, 1_{A_i}, x 1_{A_i}), so f(X) = P_V y and the point
 * minimises sse over its cell, or some neuron has v_i = 0 (mu_i = 0) with sum_{A_i} r != 0 (or,
 * for w_i = 0, sum_{A_i} r x != 0), whose 2 x 2 Hessian block [[*, rho], [rho, 0]] makes it a strict
 * saddle. `criticalPoints` must call the first kind 'minimum' (local minimum) and the second
 * 'saddle'.
 *
 * Check: every data set of n = S points with x in {0..3}, y in {-1,0,1}^n at width 1, and for
 * S = 4 the sets with x = {0, 1, 2}, y_1 = 0 at width 2, labels up to sign (y -> -y maps the
 * critical points of one to those of the other): every smooth critical family
 * `criticalPoints` enumerates (its representative). Certificate `critical-points`: the verifier
 * recomputes the residuals, the gradient and the type of each point.
 */
import fc from 'fast-check';
import { criticalPoints, Rational, writeReluNet } from 'relu-exact';
import { defineTheorem, makeCertificate, rational } from 'relu-exact/arbitraries';
import { subsetsOf } from './lib/combinatorics.js';

interface Instance {
  readonly x: Rational[];
  readonly y: Rational[];
  readonly width: number;
}

/** y in {-1,0,1}^k up to sign (y -> -y maps critical points to critical points of the same kind): the first nonzero label is 1. */
function labelsUpToSign(k: number): Rational[][] {
  const all = Array.from({ length: 3 ** k }, (_, code) => Array.from({ length: k }, (_, i) => (Math.floor(code / 3 ** i) % 3) - 1));
  return all.filter((y) => (y.find((v) => v !== 0) ?? 1) === 1).map((y) => y.map((v) => Rational.of(v)));
}

function instances(n: number): Instance[] {
  const out: Instance[] = [];
  for (const x of subsetsOf([0, 1, 2, 3], n)) for (const y of labelsUpToSign(n)) out.push({ x: x.map((v) => Rational.of(v)), y, width: 1 });
  // Width 2 (about 60 families each) from n = 4 on, on x = {0, 1, 2}.
  if (n >= 4) for (const y of labelsUpToSign(2)) out.push({ x: [0, 1, 2].map((v) => Rational.of(v)), y: [Rational.ZERO, ...y], width: 2 });
  return out;
}

export const criticalPointClassificationTheorem = defineTheorem<Instance>({
  name: 'critical-point-classification',
  title: 'Every smooth critical point is a cell-wise least-squares minimum or a saddle with a zero delta-slope',
  statement: {
    hypotheses: ['univariate data (x_n, y_n) and a shallow net with output bias whose breakpoints avoid the data points', 'grad sse = 0 there'],
    claim:
      'either the residual is orthogonal to V = span(1, 1_{A_i}, x 1_{A_i}), so f(X) = P_V y and the point minimises sse over its cell, ' +
      'or some neuron has mu_i = 0 with sum_{A_i} r_n != 0, and its (mu_i, beta_i) Hessian block [[*, rho], [rho, 0]] (rho != 0) makes it a strict saddle',
  },
  source: "Sahs et al., Shallow univariate ReLU networks as splines (2022): critical points; the classification is the toolkit's own derivation, LITERATURE-A 2.4 (Hessian blocks 2.5)",
  size: { default: 3, min: 2, max: 4, meaning: 'number of data points n' },
  kinds: ['critical-points'],
  instancesAre: 'width 1: every x subset of {0,1,2,3} with n points, y in {-1,0,1}^n; for n = 4 also width 2: x = {0,1,2}, y_1 = 0, the other y in {-1,0,1}; labels up to sign (the first nonzero one is 1)',
  instances,
  arbitrary: (n) =>
    fc.record({
      x: fc.uniqueArray(rational({ maxNumerator: 3, maxDenominator: 1 }), { minLength: 2, maxLength: n, selector: (r) => r.toString() }),
      width: fc.constantFrom(1, 2),
    }).chain(({ x, width }) => fc.array(rational({ maxNumerator: 1, maxDenominator: 1 }), { minLength: x.length, maxLength: x.length }).map((y) => ({ x, y, width }))),
  check({ x, y, width }) {
    const r = criticalPoints({ X: x.map((v) => [v]), y }, width, { clarke: false });
    const problems: string[] = [];
    const points = r.criticalPoints.map((family, k) => {
      const type = family.localMinimum ? 'minimum' : 'saddle';
      if (family.kind !== type) problems.push(`family ${k}: criticalPoints says ${family.kind} (localMinimum ${family.localMinimum})`);
      return { net: writeReluNet(family.net), type };
    });
    if (!r.complete) problems.push('the enumeration stopped early');
    return { certificate: makeCertificate('critical-point-classification', { x, y, width }, { kind: 'critical-points', count: points.length, holds: true }, { points }), problems };
  },
});
