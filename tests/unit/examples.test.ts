import { describe, expect, it } from 'vitest';
import { main as libraryUsage } from '../../examples/library-usage.js';

describe('examples/ run and give the documented answers', () => {
  it('library-usage', () => {
    expect(libraryUsage()).toEqual({
      value: '13/16',
      decimal: '0.8125',
      pattern: [[1, 1, 0, 0]],
      floatError: '0',
      rank: 2,
      nullspace: [['1', '-2', '1']],
      inertia: { pos: 1, neg: 2, zero: 0 },
    });
  });
});

describe('examples/activations.ts', () => {
  it('runs and gives the documented answers', async () => {
    const { main } = await import('../../examples/activations.js');
    const { naturalCubicSpline } = await import('../helpers/natural-spline.js');
    const { Rational } = await import('../../src/field/rational.js');
    const r = await main();
    expect(r.tanhSse[1]).toBe('tanh');
    // the O3 net's sse under tanh at the start, recomputed here; descent lowers it tenfold
    const f = (x: number): number => 0.25 + 3 * Math.tanh(2 * x - 1) + 0.5 * Math.tanh(3 - x);
    const sse0 = [-1, 0, 1, 2, 4].reduce((s, x, i) => s + (f(x) - [0, 1, 1, 0, 2][i]) ** 2, 0);
    expect(r.tanhSse[0]).toBeLessThan(sse0 / 10);
    expect(r.quotient).toEqual({ omega: ['3/5', '4/5'], beta: '-2', mu: '10' });
    const spline = naturalCubicSpline([-2, -1, 0, 1, 3].map((k) => Rational.of(k)), [1, -1, 2, 0, 1].map((k) => Rational.of(k)));
    expect(r.splineAtHalf).toBe(spline.at(Rational.of(1, 2)).toString());
    expect(r.curvature).toBe(spline.curvature.toString());
    expect(Math.abs(r.predictionAtHalf - spline.at(Rational.of(1, 2)).toNumber())).toBeLessThan(1e-12);
    expect(Math.abs(r.lazyAtHalf - r.predictionAtHalf)).toBeLessThan(0.03);
  });
});
