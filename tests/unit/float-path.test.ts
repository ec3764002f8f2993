/**
 * The float fast path: singular values against closed forms (diagonal, orthogonal rotations of
 * known spectra, Frobenius norm, |det|), the float Jacobian against central finite differences,
 * the float rank against the exact one on the LITERATURE-A 3.5 nets, and an unclear cut reported
 * as such and confirmed exactly on request.
 */
import { describe, expect, it } from 'vitest';
import { floatBatchFunctionalDimension, floatRank, randomBatch } from '../../src/analyses/functional-dimension/float-path.js';
import { batchFunctionalDimension, functionalDimension } from '../../src/analyses/functional-dimension/functional-dimension.js';
import { jacobianAt } from '../../src/analyses/functional-dimension/jacobian.js';
import { SeededRng } from '../../src/core/rng.js';
import { createF64 } from '../../src/field/f64.js';
import { rationalFromFloat } from '../../src/field/float-exact.js';
import { singularValues } from '../../src/float/singular-values.js';
import { flattenParameters, withParameters } from '../../src/network/parameters.js';
import { convertNet } from '../../src/network/relu-net.js';
import { evaluate } from '../../src/network/evaluate.js';
import { deepNet } from '../helpers/deep.js';

/** Q diag(s) P^T with Q, P products of Givens rotations: singular values s exactly (up to rounding). */
function withSpectrum(s: number[], m: number, rng: SeededRng): Float64Array {
  const n = s.length;
  const a = new Float64Array(m * n);
  s.forEach((v, i) => (a[i * n + i] = v));
  for (let t = 0; t < 60; t++) {
    const [i, j] = [rng.nextInt(0, m - 1), rng.nextInt(0, m - 1)];
    if (i === j) continue;
    const th = rng.nextFloat() * 6.28;
    const [c, sn] = [Math.cos(th), Math.sin(th)];
    for (let k = 0; k < n; k++) [a[i * n + k], a[j * n + k]] = [c * a[i * n + k] - sn * a[j * n + k], sn * a[i * n + k] + c * a[j * n + k]];
    const [p, q] = [rng.nextInt(0, n - 1), rng.nextInt(0, n - 1)];
    if (p === q) continue;
    for (let r = 0; r < m; r++) [a[r * n + p], a[r * n + q]] = [c * a[r * n + p] - sn * a[r * n + q], sn * a[r * n + p] + c * a[r * n + q]];
  }
  return a;
}

describe('singularValues', () => {
  it('recovers known spectra of tall, square and wide matrices', () => {
    const rng = new SeededRng(3);
    const s = [7, 3, 1, 1e-3, 1e-8];
    for (const m of [5, 9, 40]) {
      const a = withSpectrum(s, m, rng);
      const got = singularValues(a, m, 5);
      got.forEach((v, i) => expect(Math.abs(v - s[i])).toBeLessThan(1e-12 * 7));
      // the transpose has the same singular values
      const t = new Float64Array(5 * m);
      for (let i = 0; i < m; i++) for (let j = 0; j < 5; j++) t[j * m + i] = a[i * 5 + j];
      singularValues(t, 5, m).forEach((v, i) => expect(Math.abs(v - s[i])).toBeLessThan(1e-12 * 7));
    }
  });
  it('sum of squares = Frobenius norm^2, product = |det| (2x2)', () => {
    const a = Float64Array.from([3, 1, -2, 4]);
    const sv = singularValues(a, 2, 2);
    expect(sv[0] ** 2 + sv[1] ** 2).toBeCloseTo(9 + 1 + 4 + 16, 12);
    expect(sv[0] * sv[1]).toBeCloseTo(14, 12);
  });
  it('a rank-deficient matrix has a clear gap', () => {
    const r = floatRank(Float64Array.from([1, 2, 3, 2, 4, 6, 1, 0, 1]), 3, 3);
    expect(r.rank).toBe(2);
    expect(r.clear).toBe(true);
    expect(r.gap).toBeGreaterThan(1e10);
  });
  it('a singular value near the threshold makes the cut unclear', () => {
    const a = withSpectrum([1, 0.5, 3e-9], 6, new SeededRng(9));
    const r = floatRank(a, 6, 3, { tol: 1e-9 });
    expect(r.clear).toBe(false);
    expect(r.marginDecades).toBeLessThan(1);
  });
});

describe('the float Jacobian', () => {
  it('matches central finite differences', () => {
    const exact = deepNet([[[[1, -2], ['1/2', 1], [0, 3]], [1, '-1/3', 2]], [[[1, 1, -1], [2, 0, 1]], [0, 1]], [[[3, '-1/2']], [1]]]);
    const net = convertNet(exact, createF64());
    const theta = flattenParameters(net);
    for (const x of [[0.3, -2.1], [2.5, 1.3]]) {
      const row = jacobianAt(net, x).rows[0];
      const h = 1e-6;
      theta.forEach((_, t) => {
        const up = evaluate(withParameters(net, theta.map((v, s) => (s === t ? v + h : v))), x)[0];
        const down = evaluate(withParameters(net, theta.map((v, s) => (s === t ? v - h : v))), x)[0];
        expect(Math.abs((up - down) / (2 * h) - row[t])).toBeLessThan(1e-7);
      });
      // and the exact Jacobian at the exact value of x agrees to rounding
      const exactRow = jacobianAt(exact, x.map(rationalFromFloat)).rows[0];
      exactRow.forEach((v, t) => expect(Math.abs(v.toNumber() - row[t])).toBeLessThan(1e-13));
    }
  });
});

describe('float batch functional dimension', () => {
  const nets = [
    deepNet([[[[1]], [0]], [[[1]], [1]], [[[1]], [0]]]),
    deepNet([[[[1], [-1]], [-1, 1]], [[[2, 3]], [0]]]),
    deepNet([[[[1, 2], [-1, 1], [3, -1]], [1, -1, 2]], [[[1, -2, 1], [2, 1, -1], [-1, 1, 1]], [1, 0, -1]], [[[1, -2, 1]], ['1/2']]]),
  ];
  it.each(nets.map((n, i) => [i, n] as const))('agrees with the exact rank on a wide random batch (net %i)', (_i, net) => {
    const points = randomBatch(net.layers[0].W.ncols, 300, 'wide', new SeededRng(5));
    const f = floatBatchFunctionalDimension(net, points, { confirm: 'always' });
    expect(f.floatRank.clear).toBe(true);
    expect(f.floatRank.rank).toBe(f.exactRank);
    expect(f.exactRank).toBe(functionalDimension(net).functionalDimension);
    // (net 2 has zero biases downstream: where the first layer is dead, a pre-activation is exactly 0)
    expect(batchFunctionalDimension(net, points.map((x) => x.map(rationalFromFloat)), { onZero: 'flag' }).batchFunctionalDimension).toBe(f.exactRank);
  });
  it('an unclear cut is reported and confirmed exactly when asked', () => {
    // two points 1e-10 apart in one region: their rows differ by 1e-10 (1, 0, 1, 0), a singular value just below the threshold
    const net = deepNet([[[[1]], [0]], [[[1]], [0]]]);
    const points = [[1], [1 + 1e-10]];
    const plain = floatBatchFunctionalDimension(net, points);
    expect(plain.floatRank.rank).toBe(1);
    expect(plain.floatRank.clear).toBe(false);
    expect(plain.exact).toBe(false);
    const confirmed = floatBatchFunctionalDimension(net, points, { confirm: 'unclear' });
    expect(confirmed.exact).toBe(true);
    expect(confirmed.batchFunctionalDimension).toBe(2);
    expect(batchFunctionalDimension(net, points.map((x) => x.map(rationalFromFloat))).batchFunctionalDimension).toBe(2);
  });
});
