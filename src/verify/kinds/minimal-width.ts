/**
 * `minimal-width`: the least number of neurons of a univariate shallow net (with output bias,
 * V1) computing the instance's function, certified from both sides:
 * - upper: the witness net of that width computes the same function (compared at the deciding
 *   points of both nets' breakpoints);
 * - lower: a kink of f (a point where its slope jumps by c != 0) needs a neuron with that
 *   breakpoint, so width >= K. With exactly K neurons each kink carries one neuron of delta-slope
 *   c_k, and the far-left slope is -sum of the c_k of the left-facing ones: when no subset of
 *   jumps sums to -f'(-inf), K is impossible (all 2^K subsets are tried here). With no kink, one
 *   neuron is either a kink or a constant, so an affine f with a slope needs 2.
 * `holds` compares the certified width with `claim.expected`, the width the statement predicts
 * (the characterisation's K + e, or the net's own width for "irreducible").
 */
import { Rational } from '../../field/rational.js';
import type { KindChecker } from '../kind.js';
import { bool, int, need, net } from '../read.js';
import { differencePoint, kinksOf, univariate } from '../univariate.js';

export const minimalWidth: KindChecker = {
  kind: 'minimal-width',
  check({ instance, claim, witness }) {
    const f = univariate(net(instance['net'], 'instance.net'), 'instance.net');
    const g = univariate(net(witness['minimal'], 'witness.minimal'), 'witness.minimal');
    const width = int(claim['width'], 'claim.width');
    need(g.neurons.length === width, 'witness.minimal', `has ${g.neurons.length} neurons, the claim says ${width}`);
    const x = differencePoint(f, g);
    need(x === null, 'witness.minimal', `computes another function (they differ at x = ${x})`);
    const { kinks, leftSlope } = kinksOf(f);
    const K = kinks.length;
    need(width >= K, 'claim.width', `f has ${K} kinks, so no net of width ${width} computes it`);
    if (K === 0) need(width === (leftSlope.isZero() ? 0 : 2), 'claim.width', leftSlope.isZero() ? 'f is constant: width 0' : 'f is affine with a slope: width 2');
    else if (width === K + 1) {
      need(K <= 20, 'instance.net', 'too many kinks to try every orientation');
      const target = leftSlope.neg();
      for (let mask = 0; mask < 2 ** K; mask++) {
        const sum = kinks.reduce((acc, k, i) => ((mask >> i) & 1 ? acc.add(k.jump) : acc), Rational.ZERO);
        need(!sum.eq(target), 'claim.width', `facing left at kinks ${kinks.filter((_, i) => (mask >> i) & 1).map((k) => k.at).join(', ') || 'none'} makes f'(-inf) with one neuron per kink: width ${K} suffices`);
      }
    } else need(width === K, 'claim.width', `${width} is more than K + 1 = ${K + 1}; this verifier certifies only K and K + 1 (enough for one input)`);
    need(int(claim['netWidth'], 'claim.netWidth') === f.neurons.length, 'claim.netWidth', `the instance has ${f.neurons.length} neurons`);
    if (claim['irreducible'] !== undefined) need(bool(claim['irreducible'], 'claim.irreducible') === (width === f.neurons.length), 'claim.irreducible', `is wrong: minimal width ${width}, the net has ${f.neurons.length} neurons`);
    const expected = int(claim['expected'], 'claim.expected');
    return { holds: width === expected, summary: `minimal width ${width} (${K} kink${K === 1 ? '' : 's'}; the net has ${f.neurons.length} neurons); the statement predicts ${expected}` };
  },
};
