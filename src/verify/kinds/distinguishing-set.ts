/**
 * `distinguishing-set-1d`: whether a finite set X identifies a univariate shallow net f among
 * shallow nets of width at most M.
 * - Not identifying: a counterexample (as `sample-counterexample`).
 * - Identifying, proven here when M <= K (the kinks of f, found from values of f) and X has three
 *   points inside each of the K + 1 linear pieces of f. Let g (width <= M, so at most K kinks)
 *   agree with f on X, and a2 < a3 be the last two samples of piece i, b1 < b2 the first two of
 *   piece i + 1. a2, a3 fix f's line L_i, and b1 is not on it, so g has a kink q_i in (a2, b2); with
 *   three samples per piece these windows are disjoint, so g has exactly one kink in each, and
 *   no other. q_i in (a2, a3] would put a3, b1, b2 on one line of g, q_i in [b1, b2) would put a2,
 *   a3, b1 on one: so q_i lies in (a3, b1), g follows L_i between q_{i-1} and q_i (three samples),
 *   and continuity puts q_i where L_{i-1} and L_i meet: g = f.
 * `holds` compares the answer with `claim.expected` (the statement: identifying iff M = K).
 */
import type { KindChecker } from '../kind.js';
import { bool, int, need, net, rows } from '../read.js';
import { kinksOf, univariate } from '../univariate.js';
import { checkSampleCounterexample } from './sample-counterexample.js';

export const distinguishingSet1d: KindChecker = {
  kind: 'distinguishing-set-1d',
  check({ instance, claim, witness }) {
    const fNet = net(instance['net'], 'instance.net');
    const f = univariate(fNet, 'instance.net');
    const X = rows(instance['samples'], 'instance.samples', 1);
    const M = int(instance['width'], 'instance.width');
    const identifiable = bool(claim['identifiable'], 'claim.identifiable');
    const kinks = kinksOf(f).kinks.map((k) => k.at);
    const K = kinks.length;
    let summary: string;
    if (identifiable) {
      need(M <= K, 'claim.identifiable', `proven here only for width M <= K (f has ${K} kinks, M = ${M})`);
      const per = Array.from({ length: K + 1 }, (_, i) => X.filter(([x]) => (i === 0 || x.cmp(kinks[i - 1]) > 0) && (i === K || x.cmp(kinks[i]) < 0)).length);
      const thin = per.findIndex((c) => c < 3);
      need(thin < 0, 'instance.samples', `piece ${thin} of f holds ${per[thin]} samples inside, the argument needs 3`);
      summary = `identifying among width <= ${M}: ${K} kinks of f, at least 3 samples inside each of its ${K + 1} pieces (${per.join(', ')})`;
    } else {
      const { width, point } = checkSampleCounterexample(fNet, X, witness, M);
      summary = `not identifying: a net of width ${width} <= ${M} agrees on all ${X.length} samples and differs at ${point[0]}`;
    }
    const expected = bool(claim['expected'], 'claim.expected');
    return { holds: identifiable === expected, summary: `${summary}; the statement predicts ${expected ? '' : 'not '}identifying (M ${M === K ? '=' : '!='} K = ${K})` };
  },
};
