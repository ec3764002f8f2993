/**
 * `chamber-count`: the number of open activation patterns (chambers of the central arrangement
 * {theta : x~_i . theta = 0}) of a data set, certified completely: every one of the 2^n sign
 * vectors is either realised (an exact theta with the signs, checked strictly) or infeasible (a
 * Gordan vector y >= 0, y != 0 with sum_i y_i s_i x~_i = 0: then s_i x~_i . theta > 0 for all i is
 * impossible, since the y-weighted sum would be both > 0 and = 0). The count is compared with
 * Cover's C(n, D) = 2 sum_{k<D} binom(n-1, k) or Whitney's sum_T (-1)^{|T| - rank T}, both
 * recomputed here.
 */
import { binomial, dot, rankOf } from '../exact.js';
import { inGeneralPosition, liftedInstance, signsMatch } from '../data.js';
import type { KindChecker } from '../kind.js';
import { bits, bool, int, list, need, nums, obj, str } from '../read.js';
import { Rational } from '../../field/rational.js';

export const chamberCount: KindChecker = {
  kind: 'chamber-count',
  check({ instance, claim, witness }) {
    const { n, D, vectors } = liftedInstance(instance, 12);
    const seen = new Set<string>();
    const fresh = (b: string, path: string): void => {
      need(!seen.has(b), path, `the sign vector ${b} is listed twice`);
      seen.add(b);
    };
    const realised = list(witness['realised'], 'witness.realised');
    realised.forEach((entry, k) => {
      const path = `witness.realised[${k}]`;
      const e = obj(entry, path);
      const b = bits(e['bits'], `${path}.bits`, n);
      fresh(b, `${path}.bits`);
      const theta = nums(e['theta'], `${path}.theta`, D);
      const bad = signsMatch(vectors, b, vectors.map((v) => dot(v, theta)));
      need(bad < 0, `${path}.theta`, `x~_${bad} . theta does not have the sign bit ${bad} of ${b} asks for`);
    });
    list(witness['infeasible'], 'witness.infeasible').forEach((entry, k) => {
      const path = `witness.infeasible[${k}]`;
      const e = obj(entry, path);
      const b = bits(e['bits'], `${path}.bits`, n);
      fresh(b, `${path}.bits`);
      const y = nums(e['gordan'], `${path}.gordan`, n);
      need(y.every((t) => t.sign() >= 0) && y.some((t) => t.sign() > 0), `${path}.gordan`, 'a Gordan vector must be >= 0 and not 0');
      for (let j = 0; j < D; j++) {
        const s = vectors.reduce((acc, v, i) => acc.add(y[i].mul(v[j]).mul(Rational.of(b[i] === '1' ? 1 : -1))), Rational.ZERO);
        need(s.isZero(), `${path}.gordan`, `sum_i y_i s_i x~_i is not 0 (coordinate ${j} is ${s})`);
      }
    });
    need(seen.size === 2 ** n, 'witness', `covers ${seen.size} of the 2^${n} sign vectors; every one must be realised or shown infeasible`);
    const count = int(claim['count'], 'claim.count');
    need(count === realised.length, 'claim.count', `is ${count} but ${realised.length} sign vectors are realised`);
    const formula = str(claim['formula'], 'claim.formula');
    need(formula === 'cover' || formula === 'whitney', 'claim.formula', `expected "cover" or "whitney", got ${JSON.stringify(formula)}`);
    const value = formula === 'cover' ? coverValue(n, D) : whitneyValue(vectors);
    const expected = int(claim['expected'], 'claim.expected');
    need(BigInt(expected) === value, 'claim.expected', `is ${expected} but ${formula === 'cover' ? "Cover's" : "Whitney's"} formula gives ${value}`);
    if (claim['generalPosition'] !== undefined) {
      const gp = inGeneralPosition(vectors, D);
      need(bool(claim['generalPosition'], 'claim.generalPosition') === gp, 'claim.generalPosition', `is wrong: the points are ${gp ? '' : 'not '}in general position`);
    }
    return { holds: BigInt(count) === value, summary: `${count} chambers (all 2^${n} sign vectors accounted for); ${formula} gives ${value}` };
  },
};

function coverValue(n: number, D: number): bigint {
  let s = 0n;
  for (let k = 0; k < D; k++) s += binomial(n - 1, k);
  return 2n * s;
}

function whitneyValue(vectors: readonly (readonly Rational[])[]): bigint {
  let total = 0n;
  for (let mask = 0; mask < 2 ** vectors.length; mask++) {
    const T = vectors.filter((_, i) => (mask >> i) & 1);
    total += (T.length - rankOf(T)) % 2 === 0 ? 1n : -1n;
  }
  return total;
}
