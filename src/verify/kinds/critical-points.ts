/**
 * `critical-points`: smooth critical points of sse = sum_n (f(x_n) - y_n)^2 for univariate shallow
 * nets with output bias, each with its type in the classification (LITERATURE-A 2.4, the
 * toolkit's own derivation), all re-derived here from the residuals r_n = f(x_n) - y_n:
 * - smooth: no pre-activation w_i x_n + b_i is 0 at a data point (so sse is C^2 nearby);
 * - critical: every partial derivative is 0: d/dv_i = 2 sum_n r_n relu(z_in),
 *   d/dw_i = 2 v_i sum_{A_i} r_n x_n, d/db_i = 2 v_i sum_{A_i} r_n, d/dc = 2 sum_n r_n
 *   (A_i: the points where neuron i is active);
 * - 'minimum' (a): r is orthogonal to 1 and, for every neuron, to 1_{A_i} and x 1_{A_i}, i.e. to
 *   V = span(1, 1_{A_i}, x 1_{A_i}); every net in the same cell has fitted values in V, so by
 *   Pythagoras the point minimises sse over its cell;
 * - 'saddle' (b): some neuron has v_i = 0 and rho_b = 2 sum_{A_i} r_n != 0 or rho_w =
 *   2 sum_{A_i} r_n x_n != 0; its (v_i, b_i) or (v_i, w_i) Hessian block is [[2 sum relu(z)^2, rho],
 *   [rho, 0]] (at v_i = 0), of determinant -rho^2 < 0, so the Hessian is indefinite: a strict
 *   saddle. (For w_i != 0 this is the spline statement mu_i = 0, sum_{A_i} r != 0; the rho_w form
 *   covers w_i = 0 neurons, which the spline chart leaves out.)
 * At a critical point the two are exhaustive (a neuron with v_i != 0 has sum_{A_i} r = sum_{A_i} r x
 * = 0 by its own partials), which is the derivation; what a certificate adds is that each listed
 * point is smooth, critical, and of the stated type. `holds` is then true.
 */
import { Rational } from '../../field/rational.js';
import type { KindChecker } from '../kind.js';
import { forward, relu, ZERO } from '../exact.js';
import { list, need, net, nums, obj, str } from '../read.js';
import { univariate } from '../univariate.js';

export const criticalPointsKind: KindChecker = {
  kind: 'critical-points',
  check({ instance, witness }) {
    const x = nums(instance['x'], 'instance.x');
    const y = nums(instance['y'], 'instance.y', x.length);
    const points = list(witness['points'], 'witness.points');
    const counts: Record<string, number> = { minimum: 0, saddle: 0 };
    points.forEach((p, k) => {
      const path = `witness.points[${k}]`;
      const item = obj(p, path);
      const f = univariate(net(item['net'], `${path}.net`), `${path}.net`);
      const type = str(item['type'], `${path}.type`);
      const r = x.map((xn, n) => forward(f.net, [xn])[0].sub(y[n]));
      const sum = (g: (n: number) => Rational): Rational => r.reduce((s, _, n) => s.add(g(n)), ZERO);
      need(sum((n) => r[n]).isZero(), `${path}.net`, 'd sse / dc = 2 sum r_n is not 0: not critical');
      const neurons = f.neurons.map((u, i) => {
        const z = x.map((xn) => u.w.mul(xn).add(u.b));
        need(z.every((v) => !v.isZero()), `${path}.net`, `neuron ${i + 1} has a pre-activation 0 at a data point: not a smooth point`);
        const active = (n: number): boolean => z[n].sign() > 0;
        const rA = sum((n) => (active(n) ? r[n] : ZERO));
        const rxA = sum((n) => (active(n) ? r[n].mul(x[n]) : ZERO));
        need(sum((n) => r[n].mul(relu(z[n]))).isZero(), `${path}.net`, `d sse / dv_${i + 1} is not 0: not critical`);
        need(u.v.mul(rA).isZero() && u.v.mul(rxA).isZero(), `${path}.net`, `d sse / db_${i + 1} or d sse / dw_${i + 1} is not 0: not critical`);
        return { v: u.v, rA, rxA };
      });
      const saddle = neurons.some((u) => u.v.isZero() && !(u.rA.isZero() && u.rxA.isZero()));
      if (type === 'minimum') need(!saddle, `${path}.type`, 'r is not orthogonal to V (a neuron with v = 0 has sum_A r != 0 or sum_A r x != 0): no cell-wise least-squares minimum');
      else need(type === 'saddle' && saddle, `${path}.type`, type === 'saddle' ? 'no neuron with v = 0 has sum_A r != 0 or sum_A r x != 0: no negative 2 x 2 block shown' : `expected "minimum" or "saddle", got ${JSON.stringify(type)}`);
      counts[type]++;
    });
    return { holds: true, summary: `${points.length} smooth critical points re-checked (gradient 0): ${counts.minimum} cell-wise least-squares minima, ${counts.saddle} strict saddles at a zero outer weight` };
  },
};
