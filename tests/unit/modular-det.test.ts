/**
 * The determinant from a Dixon solve (src/linalg/modular/det-dixon.ts) against two independent
 * algorithms, the CRT-only modular determinant and fraction-free Bareiss, and against
 * determinants known by construction (U diag(d) V with U, V unimodular). The divisor s from the
 * solve is made small on purpose (b in the column lattice, b = 0, diag(q, ..., q)), so a wrong
 * cofactor bound could not hide behind an s that is most of det A.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { QQ, Rational, ZZ } from '../../src/field/index.js';
import { det, detModular, detModularIntegerDixon, DIXON_FROM, integerMatrix, Mat, type LinalgOptions } from '../../src/linalg/index.js';
import { intMat, mulInt, randRank, randUnimodular, toQQ, toZZ } from '../helpers/matrices.js';

const FF: LinalgOptions = { method: 'fraction-free' };
const DIXON = { algorithm: 'dixon' } as const;
const CRT = { algorithm: 'crt' } as const;

function randomZZ(rng: SeededRng, n: number, bound: number): Mat<bigint> {
  return Mat.fromRows(ZZ, Array.from({ length: n }, () => Array.from({ length: n }, () => BigInt(rng.nextInt(-bound, bound)))), n);
}

function randomQQ(rng: SeededRng, n: number): Mat<Rational> {
  return Mat.fromRows(QQ, Array.from({ length: n }, () => Array.from({ length: n }, () => Rational.of(rng.nextInt(-30, 30), rng.nextInt(1, 30)))), n);
}

/** U diag(d) V with U, V unimodular, and its determinant det U det V prod d. */
function withDiagonal(rng: SeededRng, d: bigint[]): { a: Mat<bigint>; det: bigint } {
  const n = d.length;
  const u = randUnimodular(rng, n, { ops: 3 * n });
  const v = randUnimodular(rng, n, { ops: 3 * n });
  const dm = intMat(d.map((x, i) => d.map((_, j) => (i === j ? x : 0n))), n);
  return { a: toZZ(mulInt(mulInt(u.matrix, dm), v.matrix)), det: u.det * v.det * d.reduce((x, y) => x * y, 1n) };
}

const dixonOf = (a: Mat<bigint>, rhs?: bigint[]): bigint | undefined => detModularIntegerDixon(integerMatrix(a.toArrays(), a.ncols), { rhs });

describe('det by Dixon solve and cofactor CRT', () => {
  it('random integer matrices, sizes 1..40, entries up to 2^40: same det as the CRT-only path and Bareiss', () => {
    const rng = new SeededRng(31);
    for (const [n, bound] of [[1, 5], [1, 2 ** 40], [2, 3], [3, 100], [7, 2 ** 30], [16, 1], [25, 100], [40, 2 ** 40]]) {
      const a = randomZZ(rng, n, bound);
      const d = detModular(a, DIXON);
      expect(d).toBe(det(a, FF));
      expect(d).toBe(detModular(a, CRT));
    }
  });

  it('random rational matrices (rows cleared, product of multipliers divided back), sizes 1..30', () => {
    const rng = new SeededRng(32);
    for (const n of [1, 2, 5, 12, 30]) {
      const a = randomQQ(rng, n);
      const d = detModular(a, DIXON).toString();
      expect(d).toBe(det(a, FF).toString());
      expect(d).toBe(detModular(a, CRT).toString());
    }
  });

  it('singular matrices of known rank give 0 (integer and rational)', () => {
    const rng = new SeededRng(33);
    for (const [n, r] of [[1, 0], [5, 4], [24, 23], [30, 10]]) {
      const a = randRank(rng, n, n, r, { maxEntry: 1n << 20n });
      expect(detModular(toZZ(a), DIXON)).toBe(0n);
      expect(detModular(toQQ(a), DIXON).toString()).toBe('0');
      expect(dixonOf(toZZ(a))).toBeUndefined(); // singular mod every prime: left to the CRT path
    }
  });

  it('unimodular matrices (s = 1, det = +-1 from the full cofactor bound)', () => {
    const rng = new SeededRng(34);
    for (const n of [1, 6, 25]) {
      const u = randUnimodular(rng, n, { ops: 4 * n });
      expect(detModular(toZZ(u.matrix), DIXON)).toBe(u.det);
      expect(dixonOf(toZZ(u.matrix))).toBe(u.det);
    }
  });

  it('det with large prime factors, and with a prime factor equal to the first modulus tried', () => {
    const rng = new SeededRng(35);
    const big = [1000000007n, 998244353n, 2305843009213693951n]; // primes (the last is 2^61 - 1)
    const { a, det: expected } = withDiagonal(rng, [...big, 1n, 1n, 6n, 1n, 1n, 1n, 1n, 1n, 1n]);
    expect(detModular(a, DIXON)).toBe(expected);
    expect(detModular(a.convert(QQ), DIXON).toString()).toBe(expected.toString());
    const p0 = 67108859n; // primeAt(0): det = 0 there, so the Dixon path hands over to the CRT path
    const w = withDiagonal(rng, [p0, 5n, 1n, 1n, -1n, 1n, 1n, 1n]);
    expect(dixonOf(w.a)).toBeUndefined();
    expect(detModular(w.a, DIXON)).toBe(w.det);
  });

  it('diagonal matrices with huge entries: det is the product', () => {
    const d = [2n ** 200n + 235n, -(3n ** 150n), 10n ** 60n + 7n, 1n, 2n ** 127n - 1n];
    const a = Mat.fromRows(ZZ, d.map((x, i) => d.map((_, j) => (i === j ? x : 0n))), d.length);
    const expected = d.reduce((x, y) => x * y, 1n);
    expect(detModular(a, DIXON)).toBe(expected);
    expect(dixonOf(a)).toBe(expected);
  });

  it('a small divisor s: b = A x0 (s = 1), b = 0 (x = 0) and q I (s <= q, det = q^n) still give the exact det', () => {
    const rng = new SeededRng(36);
    const a = randomZZ(rng, 20, 50);
    const expected = det(a, FF);
    const x0 = Array.from({ length: 20 }, () => BigInt(rng.nextInt(-9, 9)));
    const b = a.rows.map((row) => row.reduce((acc, v, j) => acc + v * x0[j], 0n));
    expect(dixonOf(a, b)).toBe(expected);
    expect(dixonOf(a, new Array<bigint>(20).fill(0n))).toBe(expected);
    const q = 1000000007n;
    const { a: qa, det: qdet } = withDiagonal(rng, new Array<bigint>(24).fill(q));
    expect(qdet === q ** 24n || qdet === -(q ** 24n)).toBe(true);
    expect(dixonOf(qa)).toBe(qdet);
  });

  it("'auto' uses the Dixon path from DIXON_FROM on, with the same answer as the CRT path", () => {
    const rng = new SeededRng(37);
    const a = randomZZ(rng, DIXON_FROM, 100);
    expect(detModular(a)).toBe(detModular(a, CRT));
    expect(det(a)).toBe(det(a, FF));
  });

  it('a right-hand side of the wrong length is a DimensionError naming the function', () => {
    const a = randomZZ(new SeededRng(38), 3, 5);
    expect(() => dixonOf(a, [1n, 2n])).toThrow(/detModularIntegerDixon/);
  });
});
