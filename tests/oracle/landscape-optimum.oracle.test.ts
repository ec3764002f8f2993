import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { optimum } from '../../src/analyses/landscape/optimum.js';
import { optimumByCells } from '../../src/analyses/landscape/optimum-cells.js';
import { BudgetExceededError } from '../../src/core/errors.js';
import { parseRational } from '../../src/field/parse.js';
import { Rational } from '../../src/field/rational.js';
import { evaluateScalar } from '../../src/network/evaluate.js';
import { createReluNet } from '../../src/network/relu-net.js';
import { QQ } from '../../src/field/qq.js';
import { sseOf } from '../helpers/landscape.js';
import { mathjsSolve } from '../helpers/oracle.js';
import { qqMatrix } from '../../src/linalg/mat.js';

const q = (s: string | number): Rational => parseRational(String(s));
const data = (X: (string | number)[][], y: (string | number)[]) => ({ X: X.map((r) => r.map(q)), y: y.map(q) });
const XOR = [[0, 0], [0, 1], [1, 0], [1, 1]];

describe('LITERATURE-B 8.5 oracles (sse, hidden bias, NO output bias)', () => {
  const cases: [string, ReturnType<typeof data>, number, string][] = [
    ['x = (-1, 0, 1), y = (1, 0, 1), m = 1', data([[-1], [0], [1]], [1, 0, 1]), 1, '2/3'],
    ['x = (-1, 0, 1), y = (1, 0, 1), m = 2', data([[-1], [0], [1]], [1, 0, 1]), 2, '0'],
    ['XOR, m = 1', data(XOR, [0, 1, 1, 0]), 1, '1'],
    ['XOR, m = 2', data(XOR, [0, 1, 1, 0]), 2, '0'],
    ['discontinuity, delta = 0', data([[-1, 0], [0, 0], [1, 0]], [0, 1, 0]), 1, '2/3'],
    ['discontinuity, delta = 1/10', data([[-1, 0], [0, '1/10'], [1, 0]], [0, 1, 0]), 1, '0'],
    ['discontinuity, delta = -1/1000', data([[-1, 0], [0, '-1/1000'], [1, 0]], [0, 1, 0]), 1, '0'],
  ];
  it.each(cases)('%s: L* = %s, attained by the returned net', (_, d, m, expected) => {
    const r = optimum(d, m, { outputBias: false });
    expect(r.sse.toString()).toBe(expected);
    expect(r.net.layers[1].b[0].isZero()).toBe(true);
    expect(sseOf(r.net, d.X, d.y).toString()).toBe(expected);
  });
  it('the univariate oracles agree with the cell method', () => {
    expect(optimumByCells(data([[-1], [0], [1]], [1, 0, 1]), 1, { outputBias: false }).sse.toString()).toBe('2/3');
    expect(optimumByCells(data([[-1], [0], [1]], [1, 0, 1]), 2, { outputBias: false }).sse.toString()).toBe('0');
  });
});

describe('with the output bias (the default)', () => {
  it('small cases by hand', () => {
    // Two points, one neuron: always interpolated. Linear data: the affine neuron fits. Constant data: c fits.
    expect(optimum(data([[0], [3]], [5, -2]), 1).sse.toString()).toBe('0');
    expect(optimum(data([[0], [1], [2], [7]], [1, 3, 5, 15]), 1).sse.toString()).toBe('0');
    expect(optimum(data(XOR, [4, 4, 4, 4]), 1).sse.toString()).toBe('0');
    // n points in 1-D are interpolated by n - 1 neurons (n - 2 interior kinks plus the slope).
    expect(optimum(data([[0], [1], [2], [3]], [0, 5, -1, 2]), 3).sse.toString()).toBe('0');
    // x = (-1, 0, 1), y = (1, 0, 1), m = 1: one kink fits two points exactly and the other two
    // points share a value: the best is 1/2 (kink in (-1, 0) facing left, c = 1/2), by symmetry either side.
    expect(optimum(data([[-1], [0], [1]], [1, 0, 1]), 1).sse.toString()).toBe('1/2');
  });

  it('XOR with one neuron and an output bias: 2/3, a value a grid search cannot beat', () => {
    const r = optimum(data(XOR, [0, 1, 1, 0]), 1);
    expect(r.sse.toString()).toBe('2/3');
  });
});

const univariate = fc
  .record({
    xs: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 6 }),
    ys: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 6, maxLength: 6 }),
    den: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ xs, ys, den }) => data(xs.map((x) => [Rational.of(x, den).toString()]), ys.slice(0, xs.length)));

describe('two independent methods agree (pattern-tuple QPs vs cell least squares)', () => {
  test.prop([univariate, fc.integer({ min: 1, max: 2 }), fc.boolean()], { numRuns: 60 })('univariate data, width 1-2, with and without output bias', (d, m, outputBias) => {
    const a = optimum(d, m, { outputBias });
    const b = optimumByCells(d, m, { outputBias });
    expect(a.sse.toString()).toBe(b.sse.toString());
    expect(sseOf(b.net, d.X, d.y).toString()).toBe(b.sse.toString());
    expect(sseOf(a.net, d.X, d.y).toString()).toBe(a.sse.toString());
    // Pruning by the least-squares bound changes nothing but the work.
    if (d.X.length <= 4) expect(optimum(d, m, { outputBias, prune: false }).sse.toString()).toBe(a.sse.toString());
  });
  test.prop([univariate.filter((d) => d.X.length >= 4), fc.boolean()], { numRuns: 3 })('width 3', (d, outputBias) => {
    expect(optimum(d, 3, { outputBias }).sse.toString()).toBe(optimumByCells(d, 3, { outputBias }).sse.toString());
  });
});

describe('bounds any method must respect', () => {
  const planar = fc.record({
    X: fc.uniqueArray(fc.tuple(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -2, max: 2 })), { minLength: 2, maxLength: 5, selector: ([a, b]) => `${a},${b}` }),
    y: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 5, maxLength: 5 }),
  });
  test.prop([planar], { numRuns: 25 })('2-D, m = 1: never above the best of a rational grid of nets, nor above the affine least-squares fit', ({ X, y }) => {
    const d = data(X, y.slice(0, X.length));
    const r = optimum(d, 1);
    // Grid of nets c + v relu(w . x + b) with c chosen optimally for each (w, b, v).
    const grid = [-2, -1, 0, 1, 2].map((t) => Rational.of(t));
    let gridBest: Rational | null = null;
    for (const w1 of grid) for (const w2 of grid) for (const b of grid) for (const v of [q(-1), q(1)]) {
      const h = d.X.map((x) => {
        const z = w1.mul(x[0]).add(w2.mul(x[1])).add(b);
        return z.sign() > 0 ? z.mul(v) : Rational.ZERO;
      });
      const mean = h.reduce((s, t, i) => s.add(d.y[i].sub(t)), Rational.ZERO).div(Rational.of(h.length));
      const sse = h.reduce((s, t, i) => s.add(t.add(mean).sub(d.y[i]).mul(t.add(mean).sub(d.y[i]))), Rational.ZERO);
      if (gridBest === null || sse.cmp(gridBest) < 0) gridBest = sse;
    }
    expect(r.sse.cmp(gridBest!)).toBeLessThanOrEqual(0);
    // The affine fit (one neuron active on every point) by mathjs's exact solver on the normal equations (when nonsingular).
    const A = d.X.map((x) => [x[0], x[1], Rational.ONE]);
    const gram = qqMatrix([0, 1, 2].map((a) => [0, 1, 2].map((b) => A.reduce((s, row) => s.add(row[a].mul(row[b])), Rational.ZERO))));
    try {
      const beta = mathjsSolve(gram, [0, 1, 2].map((a) => A.reduce((s, row, i) => s.add(row[a].mul(d.y[i])), Rational.ZERO)));
      const sse = A.reduce((s, row, i) => {
        const e = row.reduce((t, v, a) => t.add(v.mul(beta[a])), Rational.ZERO).sub(d.y[i]);
        return s.add(e.mul(e));
      }, Rational.ZERO);
      expect(r.sse.cmp(sse)).toBeLessThanOrEqual(0);
    } catch {
      // singular normal equations (collinear points): no affine bound from this solver
    }
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -2, max: 2 }), fc.integer({ min: -2, max: 2 }), fc.integer({ min: -2, max: 2 })), { minLength: 2, maxLength: 2 })], { numRuns: 15 })(
    'planted: data labelled by a width-2 net in the plane have optimum 0 at width 2',
    (neurons) => {
      const net = createReluNet(QQ, [
        { W: neurons.map(([a, b]) => [Rational.of(a), Rational.of(b)]), b: neurons.map(([, , c]) => Rational.of(c)) },
        { W: [neurons.map(([, , , v]) => Rational.of(v))], b: [q('1/2')] },
      ]);
      const X = [[0, 0], [1, 0], [0, 1], [1, 1], [2, -1], [-1, 2]].map((r) => r.map((v) => Rational.of(v)));
      const y = X.map((x) => evaluateScalar(net, x));
      expect(optimum({ X, y }, 2).sse.toString()).toBe('0');
    },
  );

  it('the optimum does not increase with the width', () => {
    const d = data([[0], [1], [2], [3], [4]], [0, 2, 1, 3, 0]);
    const values = [1, 2, 3].map((m) => optimum(d, m).sse);
    expect(values[1].cmp(values[0])).toBeLessThanOrEqual(0);
    expect(values[2].cmp(values[1])).toBeLessThanOrEqual(0);
    expect(values[2].toString()).toBe('0');
  });
});

describe('budgets', () => {
  it('stops cleanly when the pattern multisets exceed the count budget', () => {
    const d = data(Array.from({ length: 12 }, (_, i) => [i]), Array.from({ length: 12 }, (_, i) => (i * 7) % 5));
    expect(() => optimum(d, 3, { maxCount: 100 })).toThrow(BudgetExceededError);
    expect(() => optimum(d, 3, { maxCount: 100 })).toThrow('exceed the budget of 100');
  });
});
