/**
 * `functional-dimension-1d`: the functional dimension of a univariate ReLU net of any depth,
 * exactly (LITERATURE-A 3.2; MATH.md "Functional dimension"), from the verifier's own Jacobian:
 * - >= r: the Jacobian at the witness points (each smooth) has a nonzero r x r minor;
 * - <= r: the n - r independent witness kernel vectors annihilate the Jacobian row at every smooth
 *   x. On each open interval between the knots (src/verify/jacobian.ts) the activation pattern is
 *   fixed, so the row is affine in x and its values at two points of the interval span all of
 *   them; each interval's two points are checked (intervals where a pre-activation is
 *   identically 0 hold no smooth point and are skipped).
 * `holds` compares r with `claim.expected` ('equal' or 'at-most', as for `jacobian-rank`).
 */
import type { KindChecker } from '../kind.js';
import { dot } from '../exact.js';
import { hiddenNeuronsOf, jacobianRows, knotsOfUnivariate, parameterCountOf, pointsInEveryInterval, zeroPreActivations } from '../jacobian.js';
import { certifiedRank } from '../rank.js';
import { int, need, net, rows } from '../read.js';
import { compareWith } from './jacobian-rank.js';

export const functionalDimension1d: KindChecker = {
  kind: 'functional-dimension-1d',
  check({ instance, claim, witness }) {
    const f = net(instance['net'], 'instance.net');
    need(f.layers[0].W[0].length === 1, 'instance.net', 'expected a univariate net (one input)');
    const Z = rows(witness['points'], 'witness.points', 1);
    Z.forEach((z, i) => {
      const zeros = zeroPreActivations(f, z);
      need(zeros.length === 0, `witness.points[${i}]`, `is not parametrically smooth: the pre-activation of ${zeros[0]} is 0 there`);
    });
    const D = parameterCountOf(f);
    const r = int(claim['functionalDimension'], 'claim.functionalDimension');
    const kernel = certifiedRank(Z.flatMap((z) => jacobianRows(f, z)), D, r, witness);
    const knots = knotsOfUnivariate(f);
    let smooth = 0;
    for (const x of pointsInEveryInterval(knots)) {
      if (zeroPreActivations(f, x).length > 0) continue;
      smooth++;
      for (const row of jacobianRows(f, x)) kernel.forEach((u, k) => need(dot(row, u).isZero(), `witness.kernel[${k}]`, `is not in the kernel of the Jacobian at x = ${x[0]}`));
    }
    const { holds, text } = compareWith(claim, r);
    return { holds, summary: `functional dimension ${r} (a nonzero minor at ${Z.length} points; ${D - r} kernel vectors checked at ${smooth} smooth points, two in each of the ${knots.length + 1} intervals between knots with a smooth point; D - N_h = ${D - hiddenNeuronsOf(f)}); ${text}` };
  },
};
