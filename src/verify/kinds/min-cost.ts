/**
 * `min-cost-interpolant`: the least representation cost of a 1-D interpolant (Savarese et al.
 * 2019; LITERATURE-B 3.2): with the data sorted, s_k the slopes between neighbours,
 * TV = sum |s_{k+1} - s_k| and B0 = s_1 + s_{n-1}, R* = TV if |B0| <= TV, else (TV + |B0|) / 2.
 * The witness is a univariate net that interpolates the data (checked by a forward pass) and
 * whose path norm sum |v_i| |w_i| is the claimed cost. A cost equal to R* confirms the statement
 * (R* is attained); a cost below R* refutes it (an interpolant cheaper than the lower bound).
 */
import { Rational } from '../../field/rational.js';
import type { KindChecker } from '../kind.js';
import { need, net, num, nums } from '../read.js';
import { univariate, valueAt } from '../univariate.js';

export const minCostInterpolant: KindChecker = {
  kind: 'min-cost-interpolant',
  check({ instance, claim, witness }) {
    const xs = nums(instance['x'], 'instance.x');
    const ys = nums(instance['y'], 'instance.y', xs.length);
    need(xs.length >= 2, 'instance.x', 'needs at least two points');
    const order = xs.map((_, i) => i).sort((i, j) => xs[i].cmp(xs[j]));
    const x = order.map((i) => xs[i]);
    const y = order.map((i) => ys[i]);
    x.forEach((xi, k) => need(k === 0 || !xi.eq(x[k - 1]), 'instance.x', `the point ${xi} appears twice`));
    const s = x.slice(1).map((xi, k) => y[k + 1].sub(y[k]).div(xi.sub(x[k])));
    const tv = s.slice(1).reduce((acc, sk, k) => acc.add(sk.sub(s[k]).abs()), Rational.ZERO);
    const b0 = s[0].add(s[s.length - 1]).abs();
    const rStar = b0.cmp(tv) <= 0 ? tv : tv.add(b0).div(Rational.of(2));
    const expected = num(claim['expected'], 'claim.expected');
    need(expected.eq(rStar), 'claim.expected', `is ${expected} but the formula gives R* = ${rStar}`);
    const f = univariate(net(witness['net'], 'witness.net'), 'witness.net');
    const miss = xs.findIndex((xi, i) => !valueAt(f, xi).eq(ys[i]));
    need(miss < 0, 'witness.net', `does not interpolate point ${miss}: f(${xs[miss]}) = ${miss < 0 ? '' : valueAt(f, xs[miss])}, y = ${ys[miss]}`);
    const pathNorm = f.neurons.reduce((acc, n) => acc.add(n.v.abs().mul(n.w.abs())), Rational.ZERO);
    const cost = num(claim['cost'], 'claim.cost');
    need(cost.eq(pathNorm), 'claim.cost', `is ${cost} but the witness net's path norm is ${pathNorm}`);
    need(cost.cmp(rStar) <= 0, 'claim.cost', `${cost} is above R* = ${rStar}: the witness neither attains nor beats the bound`);
    return { holds: cost.eq(rStar), summary: cost.eq(rStar) ? `an interpolant of path norm R* = ${rStar}` : `an interpolant of path norm ${cost} < R* = ${rStar}` };
  },
};
