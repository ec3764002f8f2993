/**
 * The spline identity of one neuron (Sahs et al. 2022; LITERATURE-A 2.2, checked there).
 *
 * Hypotheses: w != 0.
 * Claim: v relu(w x + b) = mu relu(s (x - beta)) for every real x, with breakpoint beta = -b/w,
 * orientation s = sign(w) and delta-slope mu = v |w|; the slope jumps by mu at beta whatever s.
 *
 * Check: every neuron of a grid (w = +-p/q, b = p/q, v integer, heights up to the size); the
 * toolkit's splineLens gives (beta, s, mu) and its evaluator both sides; the certificate holds the
 * lens and the three points that decide two functions that are affine off beta.
 */
import { evaluateScalar, Rational, splineLens } from 'relu-exact';
import { defineTheorem, makeCertificate } from 'relu-exact/arbitraries';
import { neuronArbitrary, neuronGrid, shallowNet, type Neuron } from './lib/univariate.js';

export const splineIdentityTheorem = defineTheorem<Neuron>({
  name: 'spline-identity',
  title: 'v relu(w x + b) = mu relu(s (x - beta)) with beta = -b/w, s = sign w, mu = v |w|',
  statement: { hypotheses: ['w != 0'], claim: 'v relu(w x + b) = mu relu(s (x - beta)) for all real x, beta = -b/w, s = sign(w), mu = v |w|' },
  source: 'Sahs, Pyle, Damaraju, Caro, Tavaslioglu, Lu, Anselmi, Patel, Shallow univariate ReLU networks as splines, Frontiers in AI 2022 (the spline reparameterisation); LITERATURE-A 2.2',
  size: { default: 2, min: 1, max: 6, meaning: 'grid height S (|p| <= S)' },
  kinds: ['spline-identity'],
  instancesAre: 'every neuron with w in {+-p/q : 1 <= p <= S, q <= 2}, b in {p/q : |p| <= S, q <= 2}, v in {-S..S}',
  instances: neuronGrid,
  arbitrary: neuronArbitrary,
  hypothesis: (n) => !n.w.isZero(),
  check(n) {
    const lens = splineLens(shallowNet([n])).neurons[0];
    const beta = lens.breakpoint!;
    const points = [beta.sub(Rational.ONE), beta, beta.add(Rational.ONE)];
    const rhs = (x: Rational): Rational => {
      const t = x.sub(beta).mul(Rational.of(lens.orientation));
      return t.sign() > 0 ? lens.deltaSlope.mul(t) : Rational.ZERO;
    };
    const holds = points.every((x) => evaluateScalar(shallowNet([n]), [x]).eq(rhs(x)));
    return {
      certificate: makeCertificate(
        'spline-identity',
        { neuron: n },
        { kind: 'spline-identity', lens: { breakpoint: beta, orientation: lens.orientation, deltaSlope: lens.deltaSlope }, holds },
        { points },
      ),
    };
  },
});
