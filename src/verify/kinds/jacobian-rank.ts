/**
 * `jacobian-rank`: the batch functional dimension rank JE_Z of a net at a batch Z (Grigsby,
 * Lindsey, Rolnick; LITERATURE-A 3.2), with the Jacobian recomputed here by the verifier's own
 * backprop at every point of Z:
 * - every point must be parametrically smooth (no pre-activation exactly 0);
 * - rank = r from a nonzero r x r minor and n - r independent kernel vectors (src/verify/rank.ts);
 * - each hidden neuron's scaling direction must lie in the kernel (the argument for the bound
 *   D - N_h, LITERATURE-A 3.3), so the certificate also shows rank <= D - N_h on Z.
 * `holds` compares r with `claim.expected` as `claim.compare` says ('equal' or 'at-most').
 * rank JE_Z >= r is a lower bound of the functional dimension for every Z.
 */
import type { KindChecker } from '../kind.js';
import { dot } from '../exact.js';
import { hiddenNeuronsOf, jacobianRows, parameterCountOf, scalingVectors, zeroPreActivations } from '../jacobian.js';
import { certifiedRank } from '../rank.js';
import { int, need, net, rows, str, type Json } from '../read.js';

export function compareWith(claim: Record<string, Json>, value: number): { holds: boolean; text: string } {
  const expected = int(claim['expected'], 'claim.expected');
  const compare = claim['compare'] === undefined ? 'equal' : str(claim['compare'], 'claim.compare');
  need(compare === 'equal' || compare === 'at-most', 'claim.compare', `expected "equal" or "at-most", got ${JSON.stringify(compare)}`);
  return compare === 'equal' ? { holds: value === expected, text: `expected ${expected}` } : { holds: value <= expected, text: `expected at most ${expected}` };
}

export const jacobianRank: KindChecker = {
  kind: 'jacobian-rank',
  check({ instance, claim, witness }) {
    const f = net(instance['net'], 'instance.net');
    const d = f.layers[0].W[0].length;
    const Z = rows(instance['points'], 'instance.points', d);
    need(Z.length >= 1, 'instance.points', 'needs at least one point');
    Z.forEach((z, i) => {
      const zeros = zeroPreActivations(f, z);
      need(zeros.length === 0, `instance.points[${i}]`, `is not parametrically smooth: the pre-activation of ${zeros[0]} is 0 there`);
    });
    const J = Z.flatMap((z) => jacobianRows(f, z));
    const D = parameterCountOf(f);
    const r = int(claim['rank'], 'claim.rank');
    certifiedRank(J, D, r, witness);
    for (const s of scalingVectors(f)) need(J.every((row) => dot(row, s.vector).isZero()), 'instance.net', `the scaling direction of ${s.neuron} is not in the kernel of the Jacobian`);
    const bound = D - hiddenNeuronsOf(f);
    const { holds, text } = compareWith(claim, r);
    return { holds, summary: `rank of the Jacobian at ${Z.length} smooth point${Z.length === 1 ? '' : 's'} is ${r} (a nonzero minor and ${D - r} kernel vectors; the scaling directions in the kernel, so at most D - N_h = ${bound}); ${text}` };
  },
};
