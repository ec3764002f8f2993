/**
 * The modular kernels and the certified exact algorithms built on them (src/linalg/modular):
 * primes proved by trial division, kernels mod p against bigint arithmetic reduced mod p, CRT
 * and rational reconstruction on values known by hand, and unlucky primes forced on purpose
 * (matrices whose minors are multiples of the first prime tried) that must not change an answer.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { QQ, Rational, ZZ } from '../../src/field/index.js';
import {
  CrtBasis,
  det,
  detModPMat,
  fractionsOverDenominator,
  invMod,
  isPrimeSmall,
  Mat,
  matVec,
  modpMatrix,
  modularPays,
  nullspace,
  nullspaceModP,
  primeAt,
  rank,
  rankModP,
  rankModular,
  rationalReconstruction,
  rref,
  rrefModP,
  solve,
  solveModP,
  type LinalgOptions,
} from '../../src/linalg/index.js';
import { intMat, mulInt, randRank, randUnimodular, toQQ, toZZ } from '../helpers/matrices.js';

const MOD: LinalgOptions = { method: 'modular' };
const FF: LinalgOptions = { method: 'fraction-free' };
const zz = (rows: (number | bigint)[][]): Mat<bigint> => Mat.fromRows(ZZ, rows.map((r) => r.map((x) => BigInt(x))));
const text = (x: unknown): string => JSON.stringify(x, (_, v) => (typeof v === 'bigint' || v instanceof Rational ? v.toString() : v));
const P0 = primeAt(0);
const P0n = BigInt(P0);

function isPrimeByTrialDivision(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

describe('primes below 2^26', () => {
  it('the first 300 are exactly the primes below 2^26 counted down, by trial division', () => {
    const expected: number[] = [];
    for (let n = 2 ** 26 - 1; expected.length < 300; n--) if (isPrimeByTrialDivision(n)) expected.push(n);
    expect(Array.from({ length: 300 }, (_, k) => primeAt(k))).toEqual(expected);
    expect(P0).toBe(67108859); // 2^26 - 5
  });

  it('Miller-Rabin with bases 2, 3, 5, 7 rejects Carmichael numbers and strong pseudoprimes to base 2', () => {
    for (const n of [561, 1105, 1729, 41041, 2047, 3277, 4033, 4681, 8321, 25326001 % 2 ** 26]) expect(isPrimeSmall(n)).toBe(isPrimeByTrialDivision(n));
    for (let n = 2; n < 5000; n++) expect(isPrimeSmall(n)).toBe(isPrimeByTrialDivision(n));
  });
});

describe('kernels mod p', () => {
  const p = 101;
  it('invMod: a * a^-1 = 1 mod p for every a in 1..p-1', () => {
    for (let a = 1; a < p; a++) expect((a * invMod(a, p)) % p).toBe(1);
    expect(() => invMod(0, p)).toThrow(RangeError);
  });

  it('rank and det mod p against the integer determinant reduced mod p', () => {
    // [[1,2],[3,4]]: det -2 = 99 mod 101; [[2, 1], [1, 51]]: det 101 = 0 mod 101 (rank 1 mod 101).
    expect(detModPMat(modpMatrix(zz([[1, 2], [3, 4]]), p))).toBe(99);
    expect(detModPMat(modpMatrix(zz([[0, 1], [1, 0]]), p))).toBe(100);
    expect(detModPMat(modpMatrix(zz([[2, 1], [1, 51]]), p))).toBe(0);
    expect(rankModP(modpMatrix(zz([[2, 1], [1, 51]]), p))).toBe(1);
    expect(rankModP(modpMatrix(zz([[2, 1], [1, 51]]), 103))).toBe(2);
    const rng = new SeededRng(3);
    for (let t = 0; t < 30; t++) {
      const n = rng.nextInt(1, 6);
      const a = zz(Array.from({ length: n }, () => Array.from({ length: n }, () => rng.nextInt(-50, 50))));
      const d = det(a, FF);
      expect(detModPMat(modpMatrix(a, P0))).toBe(Number(((d % P0n) + P0n) % P0n));
    }
  });

  it('rational entries: num * den^-1 mod p; a denominator divisible by p is refused', () => {
    const a = Mat.fromRows(QQ, [[Rational.of(1, 2), Rational.of(1, 3)]]);
    const m = modpMatrix(a, p);
    expect(Array.from(m.data)).toEqual([51, 34]); // 2 * 51 = 102 = 1, 3 * 34 = 102 = 1 (mod 101)
    expect(() => modpMatrix(Mat.fromRows(QQ, [[Rational.of(1, 101)]]), p)).toThrow(/divides the denominator/);
    expect(() => modpMatrix(a, 100)).toThrow(/prime/);
  });

  it('rref, nullspace and solve mod p: A v = 0 and A x = b hold mod p', () => {
    const a = zz([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    const m = modpMatrix(a, p);
    const { matrix, pivots } = rrefModP(m);
    expect(pivots).toEqual([0, 1]);
    // rref over Q is [[1,0,-1],[0,1,2],[0,0,0]]: mod 101, -1 = 100.
    expect(Array.from(matrix.data)).toEqual([1, 0, 100, 0, 1, 2, 0, 0, 0]);
    const [v] = nullspaceModP(m);
    expect(Array.from(v)).toEqual([1, 99, 1]); // (1, -2, 1)
    const s = solveModP(m, [6, 15, 24]); // x = (0, 3, 0) over Q
    expect(s.ok && Array.from(s.x)).toEqual([0, 3, 0]);
    expect(s.ok && s.unique).toBe(false);
    expect(solveModP(m, [1, 0, 0]).ok).toBe(false);
  });
});

describe('CRT and rational reconstruction', () => {
  it('combine recovers integers, negative ones by the symmetric residue', () => {
    const primes = [primeAt(0), primeAt(1), primeAt(2)];
    const basis = new CrtBasis(primes);
    const values = [0n, 1n, -1n, 123456789012345678901234n, -(2n ** 70n) + 17n];
    const residues = primes.map((q) => Float64Array.from(values.map((v) => Number(((v % BigInt(q)) + BigInt(q)) % BigInt(q)))));
    expect(basis.combine(residues, values.length, true)).toEqual(values);
    expect(basis.modulus).toBe(BigInt(primes[0]) * BigInt(primes[1]) * BigInt(primes[2]));
  });

  it('rational reconstruction of 2/3, -5/7 and 0 modulo a product of primes', () => {
    const M = BigInt(primeAt(0)) * BigInt(primeAt(1));
    const inv = (x: bigint): bigint => {
      // x^-1 mod M by extended Euclid, written out independently of the code under test.
      let [r0, r1, t0, t1] = [M, ((x % M) + M) % M, 0n, 1n];
      while (r1 !== 0n) {
        const q = r0 / r1;
        [r0, r1] = [r1, r0 - q * r1];
        [t0, t1] = [t1, t0 - q * t1];
      }
      return ((t0 % M) + M) % M;
    };
    expect(rationalReconstruction((2n * inv(3n)) % M, M)).toEqual({ num: 2n, den: 3n });
    expect(rationalReconstruction((((-5n * inv(7n)) % M) + M) % M, M)).toEqual({ num: -5n, den: 7n });
    expect(rationalReconstruction(0n, M)).toEqual({ num: 0n, den: 1n });
  });

  it('rational reconstruction (with Lehmer batches) agrees with the plain half-extended Euclid on long inputs', () => {
    // The plain algorithm, written out here: remainders r_i = t_i u (mod M) until r_i <= sqrt(M / 2).
    const plain = (u: bigint, M: bigint): { num: bigint; den: bigint } | undefined => {
      // bound = floor(sqrt(M / 2)) by bisection.
      let [lo, hi] = [0n, M];
      while (lo < hi) {
        const mid = (lo + hi + 1n) / 2n;
        if (mid * mid <= M / 2n) lo = mid;
        else hi = mid - 1n;
      }
      const bound = lo;
      let [r0, r1, t0, t1] = [M, ((u % M) + M) % M, 0n, 1n];
      while (r1 > bound) {
        const q = r0 / r1;
        [r0, r1, t0, t1] = [r1, r0 - q * r1, t1, t0 - q * t1];
      }
      if (t1 === 0n || (t1 < 0n ? -t1 : t1) > bound) return undefined;
      return t1 < 0n ? { num: -r1, den: -t1 } : { num: r1, den: t1 };
    };
    const rng = new SeededRng(77);
    const big = (bits: number): bigint => {
      let x = 1n;
      for (let i = 0; i < bits; i += 30) x = (x << 30n) + BigInt(rng.nextInt(0, 2 ** 30 - 1));
      return x;
    };
    let found = 0;
    for (let t = 0; t < 40; t++) {
      const M = big(300 + 40 * t) * 2n + 1n;
      // Half the cases have a small fraction n/d (found), half are random residues (usually none).
      const u = t % 2 === 0 ? big(200 + 40 * t) % M : (() => {
        const d = big(100 + 19 * t) % (M >> BigInt(160 + 20 * t)) + 1n;
        const num = big(90 + 19 * t) % (M >> BigInt(160 + 20 * t)) - (M >> BigInt(161 + 20 * t));
        let [a, b, x0, x1] = [((d % M) + M) % M, M, 1n, 0n];
        while (b !== 0n) {
          const q = a / b;
          [a, b, x0, x1] = [b, a - q * b, x1, x0 - q * x1];
        }
        return (((num * x0) % M) + M) % M; // num / d mod M when gcd(d, M) = 1
      })();
      const r = rationalReconstruction(u, M);
      expect(r).toEqual(plain(u, M));
      if (r) found++;
    }
    expect(found).toBeGreaterThan(10);
  });

  it('fractions over a shared denominator are in lowest terms, as Rational.of makes them', () => {
    const den = -(2n ** 40n) * 3n * 1000003n;
    const nums = [0n, 1n, 6n, 2n ** 50n, -3000009n, 1000003n * 7n, 123456789n];
    expect(fractionsOverDenominator(nums, den).map(String)).toEqual(nums.map((x) => Rational.of(x, den).toString()));
  });
});

/** U diag(d) V with U, V unimodular: rank = #nonzero d, det = +-prod d, all known by construction. */
function withDiagonal(seed: number, d: bigint[]): { a: Mat<bigint>; det: bigint } {
  const rng = new SeededRng(seed);
  const n = d.length;
  const u = randUnimodular(rng, n, { ops: 3 * n });
  const v = randUnimodular(rng, n, { ops: 3 * n });
  const dm = intMat(d.map((x, i) => d.map((_, j) => (i === j ? x : 0n))), n);
  return { a: toZZ(mulInt(mulInt(u.matrix, dm), v.matrix)), det: u.det * v.det * d.reduce((x, y) => x * y, 1n) };
}

describe('unlucky primes never give a wrong answer', () => {
  it('rank: [[p, 0], [0, 1]] has rank 1 mod p = primeAt(0) but rank 2; the certificate catches it', () => {
    const a = zz([[P0, 0], [0, 1]]);
    expect(rankModP(modpMatrix(a, P0))).toBe(1);
    expect(rank(a, MOD)).toBe(2);
    expect(rank(a.convert(QQ), MOD)).toBe(2);
  });

  it('rank, nullspace and det of U diag(p, 1, 2, 3, 1, 0, 0, 0) V: rank 4 mod p, 5 exactly', () => {
    const { a } = withDiagonal(7, [P0n, 1n, 2n, 3n, 1n, 0n, 0n, 0n]);
    expect(rankModP(modpMatrix(a, P0))).toBe(4);
    expect(rank(a, MOD)).toBe(5);
    const basis = nullspace(a, MOD);
    expect(basis.length).toBe(3);
    for (const v of basis) expect(matVec(a, v)).toEqual(new Array(8).fill(0n));
    expect(text(basis)).toBe(text(nullspace(a, FF)));
    expect(text(nullspace(a.convert(QQ), MOD))).toBe(text(nullspace(a.convert(QQ), FF)));
    expect(text(rref(a.convert(QQ), MOD))).toBe(text(rref(a.convert(QQ), FF)));
  });

  it('det of U diag(p, p, 5, -1, 2) V is p^2 * -10 * det U det V: a residue 0 is just a residue', () => {
    const { a, det: expected } = withDiagonal(11, [P0n, P0n, 5n, -1n, 2n]);
    expect(det(a, MOD)).toBe(expected);
    expect(det(a.convert(QQ), MOD).toString()).toBe(expected.toString());
  });

  it('the RREF pivots: [[p, 1], [0, 0]] looks like pivot column 1 mod p; the RREF has pivot column 0', () => {
    const a = zz([[P0, 1], [0, 0]]).convert(QQ);
    const r = rref(a, MOD);
    expect(r.pivots).toEqual([0]);
    expect(r.matrix.rows.map((row) => row.map(String))).toEqual([['1', `1/${P0}`], ['0', '0']]);
  });

  it('solve: a system singular mod p is solved exactly; an inconsistency invisible mod p is found', () => {
    const q = (x: number | bigint): Rational => Rational.of(BigInt(x));
    const s = solve(zz([[P0, 0], [0, 1]]).convert(QQ), [q(P0), q(1)], MOD);
    expect(s).toEqual({ ok: true, x: [q(1), q(1)], unique: true });
    // x = 0 and x = p: consistent mod p, not over Q.
    expect(solve(zz([[1], [1]]).convert(QQ), [q(0), q(P0)], MOD)).toEqual({ ok: false, reason: 'inconsistent' });
    // b = (p) with no unknowns: b vanishes mod p only.
    expect(solve(Mat.zeros(QQ, 1, 0), [q(P0)], MOD)).toEqual({ ok: false, reason: 'inconsistent' });
    // Underdetermined with an unlucky pivot: the particular solution is the RREF's.
    const u = zz([[P0, 1, 1], [0, 0, 1]]).convert(QQ);
    const b = [q(2), q(1)];
    expect(text(solve(u, b, MOD))).toBe(text(solve(u, b, FF)));
  });

  it('firstPrime: starting on any prime of a product of several gives the same rank', () => {
    const primes = [primeAt(3), primeAt(4), primeAt(5)];
    const { a } = withDiagonal(5, [BigInt(primes[0]) * BigInt(primes[1]) * BigInt(primes[2]), 1n, 1n, 0n]);
    for (let k = 0; k < 8; k++) expect(rankModular(a, { firstPrime: k })).toBe(3);
  });
});

describe('modular against fraction-free on matrices of known rank (up to 24 x 24)', () => {
  it('rank, det, rref, nullspace and solve agree exactly; A N = 0 in bigint', () => {
    const rng = new SeededRng(2024);
    for (let t = 0; t < 25; t++) {
      const m = rng.nextInt(1, 24);
      const n = rng.nextInt(1, 24);
      const r = rng.nextInt(0, Math.min(m, n));
      const a = randRank(rng, m, n, r, { maxEntry: 1n << 30n });
      const z = toZZ(a);
      const q = toQQ(a);
      expect(rank(z, MOD)).toBe(r);
      expect(rank(q, MOD)).toBe(r);
      const basis = nullspace(z, MOD);
      expect(basis.length).toBe(n - r);
      for (const v of basis) expect(matVec(z, v).every((x) => x === 0n)).toBe(true);
      expect(text(nullspace(q, MOD))).toBe(text(nullspace(q, FF)));
      expect(text(rref(q, MOD))).toBe(text(rref(q, FF)));
      const b = Array.from({ length: m }, () => Rational.of(rng.nextInt(-9, 9), rng.nextInt(1, 9)));
      expect(text(solve(q, b, MOD))).toBe(text(solve(q, b, FF)));
      const y = Array.from({ length: n }, () => Rational.of(rng.nextInt(-9, 9), rng.nextInt(1, 9)));
      const by = matVec(q, y);
      expect(text(solve(q, by, MOD))).toBe(text(solve(q, by, FF)));
      if (m === n) expect(det(z, MOD)).toBe(det(z, FF));
    }
  });

  it("'auto' picks the modular path from the crossover on, with the same answers", () => {
    expect(modularPays('rank', 5, 5)).toBe(false);
    expect(modularPays('rank', 200, 300)).toBe(true);
    const rng = new SeededRng(9);
    const a = toQQ(randRank(rng, 30, 40, 22));
    expect(rank(a)).toBe(22);
    expect(text(nullspace(a))).toBe(text(nullspace(a, FF)));
  });
});
