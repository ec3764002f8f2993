import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sseDerivatives, sseDirectionalDerivative } from '../../src/analyses/landscape/derivatives.js';
import { netFromSpline, splineChart, splineSseDerivatives } from '../../src/analyses/landscape/spline-derivatives.js';
import { F64 } from '../../src/field/f64.js';
import { parseRational } from '../../src/field/parse.js';
import { Rational } from '../../src/field/rational.js';
import { evaluateScalar } from '../../src/network/evaluate.js';
import { flattenParameters, withParameters } from '../../src/network/parameters.js';
import { convertNet, createReluNet, parameterCount } from '../../src/network/relu-net.js';
import { QQ } from '../../src/field/qq.js';
import { exactDifferences, oneSidedDifference, sseOf } from '../helpers/landscape.js';
import { netWithPoints, smallRational } from '../helpers/nets.js';
import { shallow1d } from '../helpers/univariate.js';

const q = (s: string | number): Rational => parseRational(String(s));
const col = (xs: (string | number)[]): Rational[][] => xs.map((x) => [q(x)]);
const strs = (v: readonly Rational[]): string[] => v.map(String);

describe('LITERATURE-A O3 (exact flow example), doubled for sse = sum r^2', () => {
  const net = shallow1d([[2, -1, 3], [-1, 3, '1/2']], '1/4');
  const data = { X: col([-1, 0, 1, 2, 4]), y: [0, 1, 1, 0, 2].map(q) };
  it('sse = 2 * 7709/32 and the spline gradient (dL/dmu, dL/dbeta, dL/dc) x 2', () => {
    const chart = splineChart(net);
    expect(strs(chart.beta)).toEqual(['1/2', '3']);
    expect(strs(chart.mu)).toEqual(['6', '1/2']);
    const d = splineSseDerivatives(chart, data);
    expect(d.sse.toString()).toBe('7709/16');
    expect(d.differentiable).toBe(true);
    if (!d.differentiable) return;
    expect(strs(d.gradient)).toEqual(['669/4', '-387', '55', '16', '141/2']);
    expect(strs(d.residuals)).toEqual(['9/4', '3/4', '13/4', '39/4', '77/4']);
  });
  it('the network gradient is the spline gradient pulled back by the chart (grad_net = Dphi^T grad_spline)', () => {
    const net2 = sseDerivatives(net, data);
    const sp = splineSseDerivatives(splineChart(net), data);
    if (!net2.differentiable || !sp.differentiable) throw new Error('expected smooth');
    const J = splineChart(net).jacobian;
    const pulled = J[0].map((_, p) => J.reduce((acc, row, a) => acc.add(row[p].mul(sp.gradient[a])), Rational.ZERO));
    expect(strs(net2.gradient)).toEqual(strs(pulled));
  });
});

const labelledNet = netWithPoints.chain(([net, X]) => fc.tuple(fc.constant(net), fc.constant(X), fc.array(smallRational, { minLength: X.length, maxLength: X.length })));

describe('sseDerivatives (any depth) against exact finite differences', () => {
  test.prop([labelledNet], { numRuns: 20 })('gradient and Hessian equal the exact differences wherever the pattern has no tie', ([net, X, y]) => {
    const d = sseDerivatives(net, { X, y });
    const fd = exactDifferences(net, X, y);
    expect(d.sse.eq(sseOf(net, X, y))).toBe(true);
    if (!d.differentiable) {
      expect(fd).toBeNull(); // a tie: no step keeps the pattern
      return;
    }
    expect(fd).not.toBeNull();
    expect(strs(d.gradient)).toEqual(strs(fd!.gradient));
    expect(d.hessian.rows.map(strs)).toEqual(fd!.hessian.map(strs));
  });

  test.prop([labelledNet], { numRuns: 40 })('float central differences agree to ~1e-6 relative', ([net, X, y]) => {
    const d = sseDerivatives(net, { X, y });
    fc.pre(d.differentiable);
    if (!d.differentiable) return;
    const fnet = convertNet(net, F64);
    const Xf = X.map((r) => r.map((v) => v.toNumber()));
    const yf = y.map((v) => v.toNumber());
    const theta = flattenParameters(fnet);
    const L = (t: number[]): number => Xf.reduce((acc, x, i) => acc + (evaluateScalar(withParameters(fnet, t), x) - yf[i]) ** 2, 0);
    const h = 1e-6;
    const scale = 1 + Math.max(...d.gradient.map((g) => Math.abs(g.toNumber())));
    theta.forEach((_, p) => {
      const tp = theta.slice();
      const tm = theta.slice();
      tp[p] += h;
      tm[p] -= h;
      expect(Math.abs((L(tp) - L(tm)) / (2 * h) - d.gradient[p].toNumber())).toBeLessThan(1e-5 * scale);
    });
  });

  it('a two-hidden-layer example has the cross-layer second derivatives (hand-computed)', () => {
    // f = v relu(a relu(w x + b) + e) + c with w = 1, b = 0, a = 2, e = 0, v = 3, c = 0; one point x = 1, y = 0.
    // f = 6, r = 6; df/d(w, b, a, e, v, c) = (6, 6, 3, 3, 2, 1); d2f/dw da = v x = 3, d2f/dw dv = a x = 2,
    // d2f/da dv = relu(w x + b) = 1, d2f/db da = v = 3, d2f/db dv = a = 2, d2f/de dv = 1.
    const net = createReluNet(QQ, [
      { W: [[q(1)]], b: [q(0)] },
      { W: [[q(2)]], b: [q(0)] },
      { W: [[q(3)]], b: [q(0)] },
    ]);
    const d = sseDerivatives(net, { X: col([1]), y: [q(0)] });
    if (!d.differentiable) throw new Error('expected smooth');
    expect(strs(d.gradient)).toEqual(['72', '72', '36', '36', '24', '12']);
    const H = d.hessian;
    const g = [6, 6, 3, 3, 2, 1];
    const f2: Record<string, number> = { '0,2': 3, '0,4': 2, '2,4': 1, '1,2': 3, '1,4': 2, '3,4': 1 };
    for (let a = 0; a < 6; a++) for (let b = 0; b < 6; b++) {
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      expect(H.get(a, b).toString()).toBe(String(2 * (g[a] * g[b] + 6 * (f2[key] ?? 0))));
    }
  });
});

describe('at a tie: not differentiable, with one-sided partials', () => {
  it('a breakpoint on a data point gives differing one-sided partials in b, equal to exact one-sided quotients', () => {
    const net = shallow1d([[1, -1, 2]], 0); // breakpoint at x = 1, a data point
    const X = col([0, 1, 2]);
    const y = [q(1), q(1), q(1)]; // r = (-1, -1, 1): the tie point has a nonzero residual
    const d = sseDerivatives(net, { X, y });
    expect(d.differentiable).toBe(false);
    if (d.differentiable) return;
    expect(d.ties).toEqual([{ point: 1, layer: 0, neuron: 0 }]);
    for (let p = 0; p < parameterCount(net); p++) {
      expect(d.right[p].toString()).toBe(oneSidedDifference(net, X, y, p, 1).toString());
      expect(d.left[p].toString()).toBe(oneSidedDifference(net, X, y, p, -1).neg().toString());
    }
    expect(d.right[1].eq(d.left[1])).toBe(false); // b moves the kink across x = 1
  });

  test.prop([labelledNet], { numRuns: 60 })('directional derivatives along random directions equal exact forward differences', ([net, X, y]) => {
    const P = parameterCount(net);
    const dir = Array.from({ length: P }, (_, i) => Rational.of(((i * 7) % 5) - 2));
    const theta = flattenParameters(net);
    // Along a ray with a fixed pattern sse is a polynomial of degree <= 2L: Newton's forward
    // formula of that order gives L'(0+) exactly, p'(0) = (1/h) sum_j (-1)^(j+1) Delta^j L(0) / j.
    const N = 2 * net.layers.length;
    const h = Rational.of(1n, 1n << 40n);
    let diffs = Array.from({ length: N + 1 }, (_, j) => sseOf(withParameters(net, theta.map((v, i) => v.add(dir[i].mul(h).mul(Rational.of(j))))), X, y));
    let deriv = Rational.ZERO;
    for (let j = 1; j <= N; j++) {
      diffs = diffs.slice(1).map((v, k) => v.sub(diffs[k]));
      deriv = deriv.add(diffs[0].div(Rational.of(j % 2 === 1 ? j : -j)));
    }
    expect(sseDirectionalDerivative(net, { X, y }, dir).toString()).toBe(deriv.div(h).toString());
  });
});

describe('network and spline derivatives agree through the chain rule', () => {
  // Data on integers, breakpoints off the integers: no ties.
  const arb = fc.record({
    neurons: fc.array(fc.tuple(fc.constantFrom<1 | -1>(1, -1), fc.integer({ min: -7, max: 7 }), smallRational, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 }),
    c: smallRational,
    xs: fc.uniqueArray(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 5 }),
    ys: fc.array(smallRational, { minLength: 5, maxLength: 5 }),
  });
  test.prop([arb], { numRuns: 60 })('H_net = Dphi^T H_spline Dphi + sum_a (dL/dphi_a) phi_a\'\'', ({ neurons, c, xs, ys }) => {
    const net = shallow1d(
      neurons.map(([s, k, mu, r]) => {
        const beta = Rational.of(2 * k + 1, 4); // never an integer
        const w = Rational.of(s * r);
        return [w, beta.mul(w).neg(), mu.div(Rational.of(r))] as [Rational, Rational, Rational];
      }),
      c,
    );
    const data = { X: xs.map((x) => [Rational.of(x)]), y: ys.slice(0, xs.length) };
    const chart = splineChart(net);
    const hn = sseDerivatives(net, data);
    const hs = splineSseDerivatives(chart, data);
    if (!hn.differentiable || !hs.differentiable) throw new Error('expected smooth');
    const J = chart.jacobian;
    const m = neurons.length;
    const P = 3 * m + 1;
    const w = net.layers[0].W.col(0);
    const b = net.layers[0].b;
    for (let p = 0; p < P; p++) {
      for (let t = 0; t < P; t++) {
        let v = Rational.ZERO;
        for (let a = 0; a < 2 * m + 1; a++) for (let e = 0; e < 2 * m + 1; e++) v = v.add(J[a][p].mul(hs.hessian.get(a, e)).mul(J[e][t]));
        for (let i = 0; i < m; i++) {
          const [iw, ib, iv] = [i, m + i, 2 * m + i];
          const pair = (u: number, z: number): boolean => (p === u && t === z) || (p === z && t === u);
          // mu = v |w|: d2mu / dw dv = sign(w).
          if (pair(iw, iv)) v = v.add(hs.gradient[2 * i].mul(Rational.of(w[i].sign())));
          // beta = -b / w: d2beta / dw2 = -2b / w^3, d2beta / dw db = 1 / w^2.
          if (p === iw && t === iw) v = v.add(hs.gradient[2 * i + 1].mul(b[i].mul(Rational.of(-2)).div(w[i].mul(w[i]).mul(w[i]))));
          if (pair(iw, ib)) v = v.add(hs.gradient[2 * i + 1].div(w[i].mul(w[i])));
        }
        expect(hn.hessian.get(p, t).toString()).toBe(v.toString());
      }
    }
  });
});

describe('spline coordinates at a tie', () => {
  it('a breakpoint on a data point: one-sided beta partials from exact quotients, other partials two-sided', () => {
    const sp = { mu: [q(2), q(-1)], beta: [q(1), q('1/2')], s: [1, -1] as (1 | -1)[], c: q('1/3') };
    const X = col([0, 1, 2, 3]);
    const y = [0, 2, 1, -1].map(q);
    const d = splineSseDerivatives(sp, { X, y });
    expect(d.differentiable).toBe(false);
    if (d.differentiable) return;
    expect(d.ties).toEqual([{ neuron: 0, point: 1 }]);
    const L = (beta0: Rational): Rational => sseOf(netFromSpline({ ...sp, beta: [beta0, sp.beta[1]] }), X, y);
    const h = Rational.of(1n, 1n << 40n);
    const rich = (t: Rational): Rational => {
      const Q = (u: Rational): Rational => L(sp.beta[0].add(u)).sub(L(sp.beta[0])).div(u);
      return Q(t.div(Rational.of(2))).mul(Rational.of(2)).sub(Q(t));
    };
    expect(d.right[1].toString()).toBe(rich(h).toString());
    expect(d.left[1].toString()).toBe(rich(h.neg()).toString());
    expect(d.right[1].eq(d.left[1])).toBe(false);
    for (const a of [0, 2, 3, 4]) expect(d.right[a].eq(d.left[a])).toBe(true);
  });
});
