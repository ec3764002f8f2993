import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { criticalPoints } from '../../src/analyses/landscape/critical.js';
import { optimum } from '../../src/analyses/landscape/optimum.js';
import { optimumByCells } from '../../src/analyses/landscape/optimum-cells.js';
import { Rational } from '../../src/field/rational.js';
import { descentRuns, sseScale } from '../../src/dynamics/descent-runs.js';

const data = (X: number[][], y: number[], den = 1) => ({ X: X.map((r) => r.map((v) => Rational.of(v, den))), y: y.map((v) => Rational.of(v)) });

describe('loss landscape, heavier cross-checks', () => {
  const univariate = fc.record({
    xs: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 3, maxLength: 8 }),
    ys: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 8, maxLength: 8 }),
    den: fc.integer({ min: 1, max: 3 }),
  });
  test.prop([univariate, fc.integer({ min: 1, max: 3 }), fc.boolean()], { numRuns: 60 })('pattern QPs and cell least squares agree (widths 1-3, n <= 8)', ({ xs, ys, den }, m, outputBias) => {
    const d = data(xs.map((x) => [x]), ys.slice(0, xs.length), den);
    expect(optimum(d, m, { outputBias }).sse.toString()).toBe(optimumByCells(d, m, { outputBias }).sse.toString());
  });

  test.prop([univariate, fc.boolean()], { numRuns: 10 })('the lowest critical value is the optimum at width 3', ({ xs, ys, den }, outputBias) => {
    const d = data(xs.slice(0, 6).map((x) => [x]), ys.slice(0, Math.min(6, xs.length)), den);
    expect(String(criticalPoints(d, 3, { outputBias }).lowestSse)).toBe(optimum(d, 3, { outputBias }).sse.toString());
  });

  const planar = fc.record({
    X: fc.uniqueArray(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })), { minLength: 3, maxLength: 6, selector: ([a, b]) => `${a},${b}` }),
    y: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 6, maxLength: 6 }),
  });
  test.prop([planar, fc.integer({ min: 1, max: 2 })], { numRuns: 20 })('2-D: 20 seeded gradient-descent runs never go below the certified optimum', ({ X, y }, m) => {
    const yy = y.slice(0, X.length);
    const r = optimum(data(X, yy), m);
    const runs = descentRuns(Float64Array.from(X.flat()), Float64Array.from(yy), 2, m, { runs: 20, steps: 5000 }).runs;
    const best = Math.min(...runs.map((r) => r.sse));
    expect(best).toBeGreaterThanOrEqual(r.sse.toNumber() - 1e-9);
  });

  it('width 1: every seeded descent ends at (or zig-zags next to) an exact critical value, so the misses are spurious critical points, not a broken float path', () => {
    for (const ys of [[2, -1, 3, 0, -3, 1], [0, 3, -2, -2, 1, 3, -1, 2], [1, -2, 0, 3, 3, -1]]) {
      const d = data(ys.map((_, i) => [i]), ys);
      const cp = criticalPoints(d, 1);
      expect(cp.complete).toBe(true);
      const values = [...cp.criticalPoints, ...cp.clarkePoints].map((f) => f.sse.toNumber());
      const opt = optimum(d, 1).sse.toNumber();
      const runs = descentRuns(Float64Array.from(ys.map((_, i) => i)), Float64Array.from(ys), 1, 1, { runs: 20 }).runs;
      const scale = sseScale(Float64Array.from(ys));
      for (const r of runs) {
        expect(r.sse).toBeGreaterThanOrEqual(opt - 1e-9 * scale);
        // fixed steps zig-zag across a kink pinned on a sample (a Clarke point), a little above its value
        expect(Math.min(...values.map((v) => Math.abs(v - r.sse)))).toBeLessThan(1e-3 * scale);
      }
    }
  });
});
