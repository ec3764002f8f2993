import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { certifiedSpectrum, jacobiEigenvalues, simplestBetween } from '../../src/analyses/landscape/spectrum.js';
import { charpolyBerkowitz, squareFree, squareFreeInteger } from '../../src/analyses/landscape/polynomial.js';
import { Rational } from '../../src/field/rational.js';
import { qqMatrix, matMul, Mat } from '../../src/linalg/mat.js';
import { det, inertia } from '../../src/linalg/operations.js';
import { QQ } from '../../src/field/qq.js';

const q = (n: number, d = 1): Rational => Rational.of(n, d);

describe('certifiedSpectrum', () => {
  it('the golden ratio to 40 digits: [[1, 1], [1, 0]] has eigenvalues (1 +- sqrt 5) / 2', () => {
    const s = certifiedSpectrum(qqMatrix([[1, 1], [1, 0]]), { digits: 40 });
    expect(s.charpoly.map(String)).toEqual(['-1', '-1', '1']);
    // (the 40th digit of the second is 0, which decimal.js trims)
    expect(s.eigenvalues.map((e) => e.decimal)).toEqual(['-0.6180339887498948482045868343656381177203', '1.61803398874989484820458683436563811772']);
    for (const e of s.eigenvalues) {
      expect(e.exact).toBe(false);
      // the interval is certified: p(lower) and p(upper) have opposite signs
      const p = (x: Rational): Rational => x.mul(x).sub(x).sub(Rational.ONE);
      expect(p(e.lower).sign() * p(e.upper).sign()).toBe(-1);
    }
  });

  it('rational eigenvalues come out exact, with multiplicities', () => {
    const s = certifiedSpectrum(qqMatrix([[2, 0, 0], [0, 2, 0], [0, 0, 5]]));
    expect(s.eigenvalues.map((e) => [String(e.lower), e.exact, e.multiplicity])).toEqual([['2', true, 2], ['5', true, 1]]);
    const ones = certifiedSpectrum(qqMatrix([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]));
    expect(ones.eigenvalues.map((e) => [String(e.lower), e.multiplicity])).toEqual([['0', 3], ['4', 1]]);
    const frac = certifiedSpectrum(qqMatrix([['1/3', 0], [0, '-7/2']]));
    expect(frac.eigenvalues.map((e) => String(e.lower))).toEqual(['-7/2', '1/3']);
  });

  it('simplestBetween finds the simplest rational of an interval', () => {
    expect(String(simplestBetween(q(3, 10), q(1, 2)))).toBe('1/2');
    expect(String(simplestBetween(q(31, 100), q(34, 100)))).toBe('1/3');
    expect(String(simplestBetween(q(-5, 2), q(-9, 4)))).toBe('-5/2'); // denominator 2 beats -7/3
    expect(String(simplestBetween(q(-12, 5), q(-9, 4)))).toBe('-7/3');
    expect(String(simplestBetween(q(7, 3), q(7, 3)))).toBe('7/3');
  });

  const symmetric = fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n * n, maxLength: n * n }).map((v) => {
      const rows = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => q(v[Math.min(i, j) * n + Math.max(i, j)], 1 + ((i + j) % 2))));
      return qqMatrix(rows);
    }),
  );
  test.prop([symmetric], { numRuns: 80 })('intervals agree with exact inertia counts of H - t I (a second algorithm), Cayley-Hamilton, det, and the float spectrum', (H) => {
    const n = H.nrows;
    const s = certifiedSpectrum(H, { digits: 12 });
    expect(s.eigenvalues.reduce((a, e) => a + e.multiplicity, 0)).toBe(n);
    const shifted = (t: Rational): Mat<Rational> => H.map(QQ, (x, i, j) => (i === j ? x.sub(t) : x));
    let below = 0;
    for (const e of s.eigenvalues) {
      if (e.exact) {
        const it = inertia(shifted(e.lower));
        expect([it.neg, it.zero]).toEqual([below, e.multiplicity]);
      } else {
        expect(inertia(shifted(e.lower)).neg).toBe(below);
        expect(inertia(shifted(e.upper)).neg).toBe(below + e.multiplicity);
      }
      below += e.multiplicity;
    }
    // Inertia by signs of the certified eigenvalues.
    const pos = s.eigenvalues.filter((e) => e.lower.sign() > 0).reduce((a, e) => a + e.multiplicity, 0);
    const zero = s.eigenvalues.filter((e) => e.exact && e.lower.isZero()).reduce((a, e) => a + e.multiplicity, 0);
    expect(inertia(H)).toEqual({ pos, neg: n - pos - zero, zero });
    // Cayley-Hamilton: p(H) = 0; p(0) = (-1)^n det H.
    let acc = Mat.zeros(QQ, n, n);
    for (let i = s.charpoly.length - 1; i >= 0; i--) acc = matMul(acc, H).map(QQ, (x, a, b) => (a === b ? x.add(s.charpoly[i]) : x));
    expect(acc.rows.every((r) => r.every((x) => x.isZero()))).toBe(true);
    expect(s.charpoly[0].eq(n % 2 === 0 ? det(H) : det(H).neg())).toBe(true);
    expect(s.floatError).toBeLessThan(1e-9 * (1 + Math.max(...s.float.map(Math.abs))));
  });

  it('Berkowitz on a 1x1 and an empty matrix; Yun on (x-1)^2 (x+2)', () => {
    expect(charpolyBerkowitz([[7n]])).toEqual([-7n, 1n]);
    expect(charpolyBerkowitz([])).toEqual([1n]);
    const p = [q(2), q(-3), q(0), q(1)]; // (x - 1)^2 (x + 2) = x^3 - 3x + 2
    expect(squareFree(p).map((f) => [f.factor.map(String), f.multiplicity])).toEqual([
      [['2', '1'], 1],
      [['-1', '1'], 2],
    ]);
  });

  it('Yun over Z[x] agrees with Yun over Q: primitive factors of 3 (x - 1)^2 (x + 2) (2x - 1)^3 x^4', () => {
    const mul = (a: bigint[], b: bigint[]): bigint[] => a.flatMap((_, i) => b.map((__, j) => [i + j, a[i] * b[j]] as const)).reduce((acc, [k, c]) => ((acc[k] += c), acc), new Array<bigint>(a.length + b.length - 1).fill(0n));
    const pow = (a: bigint[], k: number): bigint[] => (k === 0 ? [1n] : mul(a, pow(a, k - 1)));
    const p = [[3n], pow([-1n, 1n], 2), [2n, 1n], pow([-1n, 2n], 3), pow([0n, 1n], 4)].reduce(mul);
    expect(squareFreeInteger(p).map((f) => [f.factor.map(String), f.multiplicity])).toEqual([
      [['2', '1'], 1],
      [['-1', '1'], 2],
      [['-1', '2'], 3],
      [['0', '1'], 4],
    ]);
    expect(squareFreeInteger(p.map((c) => -c)).map((f) => f.multiplicity)).toEqual([1, 2, 3, 4]);
    expect(squareFree(p.map((c) => q(Number(c)))).map((f) => f.multiplicity)).toEqual([1, 2, 3, 4]);
  });

  it('Jacobi on a diagonal and a rotated matrix', () => {
    expect(jacobiEigenvalues([[3, 0], [0, -1]])).toEqual([-1, 3]);
    const e = jacobiEigenvalues([[2, 1], [1, 2]]);
    expect(Math.abs(e[0] - 1) + Math.abs(e[1] - 3)).toBeLessThan(1e-14);
  });
});
