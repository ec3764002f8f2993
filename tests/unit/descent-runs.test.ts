import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { compareWithOptimum, descentRuns, sseScale } from '../../src/dynamics/descent-runs.js';
import { initNet } from '../../src/dynamics/init.js';

/** f(x) = c + sum_j v_j relu(w_j . x + b_j), written out here (no shared kernel). */
function sseByHand(theta: readonly number[], X: number[][], y: number[], m: number): number {
  const d = X[0].length;
  return X.reduce((acc, x, i) => {
    let f = theta[m * d + 2 * m];
    for (let j = 0; j < m; j++) f += theta[m * d + m + j] * Math.max(0, x.reduce((s, xk, k) => s + theta[j * d + k] * xk, theta[m * d + j]));
    return acc + (f - y[i]) ** 2;
  }, 0);
}

describe('descentRuns', () => {
  const X = [[1, 5], [2, -3], [4, 0], [7, 2], [-1, 1]];
  const y = [3, -2, 0.5, 4, 1];
  const flat = Float64Array.from(X.flat());
  const Y = Float64Array.from(y);

  it('with 0 steps, the net on the data as given is y~ + sy f~((x - mu) / s) for the initial net f~ (standardization undone exactly)', () => {
    const m = 3;
    const r = descentRuns(flat, Y, 2, m, { runs: 2, steps: 0, seed: 7 });
    const mu = [0, 1].map((k) => X.reduce((a, x) => a + x[k], 0) / 5);
    const s = [0, 1].map((k) => Math.sqrt(X.reduce((a, x) => a + (x[k] - mu[k]) ** 2, 0) / 5));
    const ybar = y.reduce((a, b) => a + b) / 5;
    const sy = Math.sqrt(y.reduce((a, b) => a + (b - ybar) ** 2, 0) / 5);
    const Xs = X.map((x) => x.map((v, k) => (v - mu[k]) / s[k]));
    const ys = y.map((v) => (v - ybar) / sy);
    r.runs.forEach((run, i) => {
      const net = initNet([2, m, 1], { scheme: 'pytorch' }, new SeededRng(7 + i));
      const t0 = [...net.layers[0].W.rows.flat(), ...net.layers[0].b, ...net.layers[1].W.rows.flat(), ...net.layers[1].b];
      expect(run.seed).toBe(7 + i);
      expect(run.sse).toBeCloseTo(sy * sy * sseByHand(t0, Xs, ys, m), 10);
      expect(run.sse).toBeCloseTo(sseByHand(Array.from(run.theta), X, y, m), 10);
    });
  });

  it('descends: every run ends below its start, reproducibly; without an output bias c stays 0', () => {
    const start = descentRuns(flat, Y, 2, 2, { runs: 4, steps: 0 });
    const a = descentRuns(flat, Y, 2, 2, { runs: 4, steps: 2000 });
    const b = descentRuns(flat, Y, 2, 2, { runs: 4, steps: 2000 });
    a.runs.forEach((run, i) => expect(run.sse).toBeLessThan(start.runs[i].sse));
    expect(a.runs.map((r) => r.sse)).toEqual(b.runs.map((r) => r.sse));
    const noBias = descentRuns(flat, Y, 2, 2, { runs: 3, steps: 500, outputBias: false });
    for (const run of noBias.runs) expect(run.theta[run.theta.length - 1]).toBe(0);
  });

  it('refuses bad options by name', () => {
    expect(() => descentRuns(flat, Y, 2, 2, { runs: 0 })).toThrow('descentRuns: runs must be an integer >= 1');
    expect(() => descentRuns(flat, Y, 3, 2, { runs: 1 })).toThrow('descentRuns: X must hold');
  });
});

describe('compareWithOptimum', () => {
  it('counts runs within the tolerance, flags runs below the optimum, and takes the median gap of the others', () => {
    // optimum 2, tolerance 0.01 x 10 = 0.1: 2.05 reaches, 1.5 is below (a bug), gaps of the others 1, 3, 4.
    const c = compareWithOptimum([2.05, 3, 5, 1.5, Number.NaN, 6], 2, 0.01, 10);
    expect(c).toMatchObject({ tolerance: 0.1, reached: 1, below: 1, diverged: 1, best: 1.5, medianGap: 3 });
    expect(compareWithOptimum([2, 2], 2, 0, 1)).toMatchObject({ reached: 2, medianGap: null });
  });

  it('sseScale is the sse of the best constant (of 0 without an output bias), 1 when that vanishes', () => {
    expect(sseScale(Float64Array.from([1, 2, 3]))).toBe(2);
    expect(sseScale(Float64Array.from([1, 2, 3]), false)).toBe(14);
    expect(sseScale(Float64Array.from([4, 4]))).toBe(1);
  });
});
