/**
 * `shallow-minimal-width`: the least number of neurons of a shallow net with output bias (V1) in
 * any input dimension computing the instance's function f, certified from both sides:
 * - upper: the witness net g of that width computes f: f - g decomposes (src/verify/shallow.ts)
 *   into c_H = 0 on every hyperplane and a zero affine part, which is g = f by algebra alone;
 * - lower: each hyperplane H with c_H != 0 is a kink of f, shown from values of f (the slope along
 *   w~_H jumps at a point of H off the other hyperplanes, so f is not differentiable on an open
 *   piece of H): every net computing f has a neuron on H, so width >= K. With exactly K neurons
 *   each kink carries one, of coefficient c_H, facing z_H or -z_H, and the affine part is then
 *   -sum_S c_H z_H + const: K needs a set S with lin(l) + sum_S c_H w~_H = 0. One more neuron helps
 *   only as a second one on a kink H0 (adding any beta z_H0): K + 1 needs S, H0 not in S with
 *   lin(l) + sum_S c_H w~_H in span(w~_H0). A pair on a new hyperplane adds any affine function, so
 *   K + 2 always suffices. The verifier tries every S and H0 (K <= 12).
 * `holds` compares the certified width with `claim.expected`.
 */
import { Rational } from '../../field/rational.js';
import type { KindChecker } from '../kind.js';
import { bool, int, need, net } from '../read.js';
import { decompose, kinksOf, shallow, slopeJumpOn, type Hyperplane } from '../shallow.js';

function inSpan(v: readonly Rational[], u: readonly Rational[]): boolean {
  return v.every((vi, i) => u.every((uj, j) => vi.mul(uj).eq(v[j].mul(u[i]))));
}

/** lin(l) + sum_S c_H w~_H for every subset S of the kinks (bit k of the mask: kink k in S). */
function subsetSums(linear: readonly Rational[], kinks: readonly Hyperplane[]): { mask: number; sum: Rational[] }[] {
  return Array.from({ length: 2 ** kinks.length }, (_, mask) => ({
    mask,
    sum: linear.map((x, i) => kinks.reduce((s, h, k) => ((mask >> k) & 1 ? s.add(h.coefficient.mul(h.normal[i])) : s), x)),
  }));
}

export const shallowMinimalWidth: KindChecker = {
  kind: 'shallow-minimal-width',
  check({ instance, claim, witness }) {
    const fNet = net(instance['net'], 'instance.net');
    const f = shallow(fNet, 'instance.net');
    const g = shallow(net(witness['minimal'], 'witness.minimal'), 'witness.minimal');
    need(g.d === f.d, 'witness.minimal', `takes ${g.d} inputs, the instance ${f.d}`);
    const width = int(claim['width'], 'claim.width');
    need(g.neurons.length === width, 'witness.minimal', `has ${g.neurons.length} neurons, the claim says ${width}`);
    const diff = decompose([{ f, sign: 1 }, { f: g, sign: -1 }]);
    const left = diff.hyperplanes.find((h) => !h.coefficient.isZero());
    need(left === undefined && diff.linear.every((x) => x.isZero()) && diff.constant.isZero(), 'witness.minimal', left !== undefined ? `does not cancel f's kink on the hyperplane (${left.normal.join(', ')}) . x + ${left.offset} = 0` : 'differs from f by an affine function');
    const dec = decompose([{ f, sign: 1 }]);
    const kinks = kinksOf(dec);
    const K = kinks.length;
    need(K <= 12, 'instance.net', 'too many kinks to try every subset');
    kinks.forEach((H, k) => {
      const { point, jump } = slopeJumpOn(fNet, H, dec.hyperplanes.filter((h) => h !== H));
      need(!jump.isZero(), 'instance.net', `no kink of f at (${point.join(', ')}) on hyperplane ${k}, though c_H = ${H.coefficient} (a verifier bug)`);
    });
    need(width >= K, 'claim.width', `f has ${K} kink hyperplanes, so no net of width ${width} computes it`);
    need(width <= K + 2, 'claim.width', `K + 2 = ${K + 2} neurons always suffice (a pair on a new hyperplane adds any affine function)`);
    const sums = subsetSums(dec.linear, kinks);
    const inS = (mask: number): string => kinks.flatMap((_, k) => ((mask >> k) & 1 ? [String(k)] : [])).join(', ') || 'none';
    if (width >= K + 1) {
      const zero = sums.find((s) => s.sum.every((x) => x.isZero()));
      need(zero === undefined, 'claim.width', `kinks {${zero?.mask === undefined ? '' : inS(zero.mask)}} facing -z_H give f's affine part: width ${K} suffices`);
    }
    if (width === K + 2) {
      for (const s of sums) {
        const H0 = kinks.findIndex((h, k) => !((s.mask >> k) & 1) && inSpan(s.sum, h.normal));
        need(H0 < 0, 'claim.width', `kinks {${inS(s.mask)}} facing -z_H and a second neuron on kink ${H0} give f's affine part: width ${K + 1} suffices`);
      }
    }
    need(int(claim['netWidth'], 'claim.netWidth') === f.neurons.length, 'claim.netWidth', `the instance has ${f.neurons.length} neurons`);
    if (claim['irreducible'] !== undefined) need(bool(claim['irreducible'], 'claim.irreducible') === (width === f.neurons.length), 'claim.irreducible', `is wrong: minimal width ${width}, the net has ${f.neurons.length} neurons`);
    const expected = int(claim['expected'], 'claim.expected');
    return { holds: width === expected, summary: `minimal width ${width} = K + ${width - K} (${K} kink hyperplane${K === 1 ? '' : 's'}, each shown by a jump of the slope; the net has ${f.neurons.length} neurons); the statement predicts ${expected}` };
  },
};
