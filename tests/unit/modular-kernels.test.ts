/**
 * The delayed-reduction elimination mod p (forward.ts) against a plain Gaussian elimination in
 * bigint arithmetic reduced mod p (same pivoting rule: the first row with a nonzero entry, a
 * swap), on random matrices of full and deficient rank, sizes around the batch of 8 pivots,
 * several primes (the largest below 2^26, where the 2^53 bound is tightest, and small ones);
 * forced profiles that are unlucky or refuted; and the float conversion of ZZ/QQ input
 * (integer-matrix.ts) against the bigint clearing of denominators.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { bitLength } from '../../src/field/bigint.js';
import { QQ, Rational, ZZ } from '../../src/field/index.js';
import { clearDenominatorsByRow } from '../../src/linalg/fraction-free.js';
import { reconstructShared } from '../../src/linalg/modular/crt.js';
import { backSubstitute, forwardEliminate, identityRows, integerMatrixOf, log2Norms, Mat, primeAt, type RankProfile } from '../../src/linalg/index.js';

interface Reference {
  profile: RankProfile;
  product: bigint;
  /** The RREF's nonzero rows, in [0, p). */
  rref: bigint[][];
}

/** Gauss-Jordan mod p in bigint, pivot = first nonzero row below (swapped in), like forwardEliminate. */
function reference(entries: bigint[][], n: number, p: bigint): Reference {
  const a = entries.map((r) => r.map((x) => ((x % p) + p) % p));
  const index = a.map((_, i) => i);
  const pivotCols: number[] = [];
  const pivotRows: number[] = [];
  let product = 1n;
  let r = 0;
  for (let c = 0; c < n && r < a.length; c++) {
    let at = -1;
    for (let i = r; i < a.length && at < 0; i++) if (a[i][c] !== 0n) at = i;
    if (at < 0) continue;
    [a[at], a[r]] = [a[r], a[at]];
    [index[at], index[r]] = [index[r], index[at]];
    product = (product * a[r][c]) % p;
    const inv = powMod(a[r][c], p - 2n, p);
    a[r] = a[r].map((x) => (x * inv) % p);
    for (let i = 0; i < a.length; i++) {
      if (i === r || a[i][c] === 0n) continue;
      const f = a[i][c];
      a[i] = a[i].map((x, j) => (((x - f * a[r][j]) % p) + p) % p);
    }
    pivotCols.push(c);
    pivotRows.push(index[r]);
    r++;
  }
  return { profile: { rank: r, pivotCols, pivotRows }, product, rref: a.slice(0, r) };
}

function powMod(b: bigint, e: bigint, p: bigint): bigint {
  let result = 1n;
  for (b %= p; e > 0n; e >>= 1n, b = (b * b) % p) if (e & 1n) result = (result * b) % p;
  return result;
}

/** Entries in [0, p) of an m x n matrix of rank <= k (a product of random m x k and k x n factors mod p). */
function randomModP(rng: SeededRng, m: number, n: number, k: number, p: number): bigint[][] {
  const P = BigInt(p);
  const rand = (): bigint => BigInt(rng.nextInt(0, p - 1));
  const L = Array.from({ length: m }, () => Array.from({ length: k }, rand));
  const R = Array.from({ length: k }, () => Array.from({ length: n }, rand));
  return L.map((l) => Array.from({ length: n }, (_, j) => l.reduce((s, x, t) => (s + x * R[t][j]) % P, 0n)));
}

function eliminate(entries: bigint[][], m: number, n: number, p: number, forced?: RankProfile) {
  const a = new Float64Array(m * n);
  entries.forEach((r, i) => r.forEach((x, j) => (a[i * n + j] = Number(x))));
  const rows = identityRows(m, n);
  return { a, rows, result: forwardEliminate(a, m, n, p, rows, forced) };
}

const PRIMES = [primeAt(0), primeAt(7), 65521, 101, 3];
const SHAPES: [number, number][] = [
  [1, 1],
  [1, 12],
  [12, 1],
  [7, 7],
  [8, 8],
  [9, 9],
  [8, 17],
  [17, 8],
  [16, 16],
  [25, 40],
  [40, 25],
];

describe('forwardEliminate (delayed reduction) against bigint Gauss-Jordan mod p', () => {
  const rng = new SeededRng(1101);
  for (const p of PRIMES) {
    for (const [m, n] of SHAPES) {
      for (const k of new Set([Math.min(m, n), Math.max(0, Math.min(m, n) - 3), 1])) {
        it(`p = ${p}, ${m}x${n}, rank <= ${k}: profile, pivot product and RREF agree`, () => {
          const entries = randomModP(rng, m, n, k, p);
          const want = reference(entries, n, BigInt(p));
          const { a, rows, result } = eliminate(entries, m, n, p);
          expect(result.status).toBe('ok');
          if (result.status !== 'ok') return;
          expect(result.profile).toEqual(want.profile);
          expect(BigInt(result.pivotProduct)).toBe(want.product);
          // Rows below the rank are zero (up to the lazy representation).
          for (let i = result.profile.rank; i < m; i++) for (let j = 0; j < n; j++) expect(((a[rows[i] + j] % p) + p) % p).toBe(0);
          backSubstitute(a, n, p, rows, result.profile);
          const rref = Array.from({ length: result.profile.rank }, (_, t) => Array.from(a.subarray(rows[t], rows[t] + n), (x) => BigInt(x)));
          expect(rref).toEqual(want.rref);
          // Forced to its own profile, the elimination succeeds with the same pivot product.
          const again = eliminate(entries, m, n, p, result.profile).result;
          expect(again).toEqual(result);
        });
      }
    }
  }

  it('residues at the bound: every entry p - 1 or (p - 1) / 2 in a 30x30 matrix of full rank mod p', () => {
    const p = primeAt(0);
    const P = BigInt(p);
    // Diagonal entries (p - 1) / 2 and off-diagonal p - 1 give the largest centred products.
    const entries = Array.from({ length: 30 }, (_, i) => Array.from({ length: 30 }, (_, j) => (i === j ? (P - 1n) / 2n : P - 1n)));
    const want = reference(entries, 30, P);
    const { result } = eliminate(entries, 30, 30, p);
    expect(result.status === 'ok' && result.profile).toEqual(want.profile);
    expect(result.status === 'ok' && BigInt(result.pivotProduct)).toBe(want.product);
  });
});

describe('forwardEliminate with a forced profile', () => {
  it('unlucky: a forced pivot that vanishes mod p (past the first batch of 8 pivots)', () => {
    const rng = new SeededRng(7);
    const p = primeAt(0);
    const q = primeAt(1);
    // Row 9 is row 0 plus p e_11: independent over Q, equal mod p, so a forced pivot of the
    // profile found mod q vanishes mod p.
    const rows = Array.from({ length: 12 }, () => Array.from({ length: 12 }, () => BigInt(rng.nextInt(-50, 50))));
    rows[9] = rows[0].map((x, j) => x + (j === 11 ? BigInt(p) : 0n));
    const profileQ = eliminate(rows.map((r) => r.map((x) => ((x % BigInt(q)) + BigInt(q)) % BigInt(q))), 12, 12, q).result;
    expect(profileQ.status).toBe('ok');
    if (profileQ.status !== 'ok') return;
    expect(profileQ.profile.rank).toBe(12);
    const modP = rows.map((r) => r.map((x) => ((x % BigInt(p)) + BigInt(p)) % BigInt(p)));
    expect(eliminate(modP, 12, 12, p, profileQ.profile).result).toEqual({ status: 'unlucky' });
  });

  it('refuted: a forced profile of rank 9 on a matrix of rank 10', () => {
    const rng = new SeededRng(8);
    const p = primeAt(0);
    const entries = randomModP(rng, 14, 12, 10, p);
    const own = eliminate(entries, 14, 12, p).result;
    expect(own.status === 'ok' && own.profile.rank).toBe(10);
    if (own.status !== 'ok') return;
    const short = { rank: 9, pivotCols: own.profile.pivotCols.slice(0, 9), pivotRows: own.profile.pivotRows.slice(0, 9) };
    expect(eliminate(entries, 14, 12, p, short).result).toEqual({ status: 'refuted' });
  });
});

describe('integerMatrixOf: float conversion against bigint clearing', () => {
  const rng = new SeededRng(99);
  const ratMat = (m: number, n: number, num: () => bigint, den: () => bigint): Mat<Rational> =>
    Mat.fromRows(
      QQ,
      Array.from({ length: m }, () => Array.from({ length: n }, () => Rational.of(num(), den()))),
      n,
    );
  const small = (): bigint => BigInt(rng.nextInt(-30, 30));
  const den = (): bigint => BigInt(rng.nextInt(1, 30));
  const cases: [string, Mat<Rational>][] = [
    ['small rationals', ratMat(9, 13, small, den)],
    ['integers in QQ', ratMat(6, 4, small, () => 1n)],
    ['numerators near 2^52 (falls back to limbs)', ratMat(5, 5, () => (1n << 52n) - BigInt(rng.nextInt(0, 3)), () => 1n)],
    ['large denominators: a row lcm above 2^52', ratMat(4, 6, small, () => BigInt(rng.nextInt(2 ** 20, 2 ** 21)))],
    ['huge entries', ratMat(3, 3, () => 10n ** 30n + small(), den)],
  ];
  for (const [label, a] of cases) {
    it(label, () => {
      const { rows, scales } = clearDenominatorsByRow(a);
      const got = integerMatrixOf(a);
      expect(got.scales).toEqual(scales);
      expect(got.int.rows).toEqual(rows);
      expect(got.int.maxBits).toBe(Math.max(0, ...rows.flat().map(bitLength)));
      const t = integerMatrixOf(a, true);
      expect(t.int.nrows).toBe(a.ncols);
      expect(t.int.rows).toEqual(a.transpose().rows.map((_, j) => rows.map((r) => r[j])));
      // Float norms (small path) bound the bigint ones from above, within a hair.
      const viaBig = log2Norms({ nrows: a.nrows, ncols: a.ncols, rows, small: undefined, planes: [], maxBits: 0 });
      const viaInt = log2Norms(got.int);
      viaInt.rows.forEach((x, i) => {
        expect(x).toBeGreaterThanOrEqual(viaBig.rows[i] - 1e-12);
        expect(x - viaBig.rows[i]).toBeLessThan(1e-6);
      });
    });
  }

  it('a ZZ matrix converts as it is, and its transpose', () => {
    const a = Mat.fromRows(ZZ, [
      [1n, -2n, 3n],
      [-(2n ** 60n), 5n, 0n],
    ]);
    expect(integerMatrixOf(a).int.rows).toEqual(a.rows);
    expect(integerMatrixOf(a, true).int.rows).toEqual(a.transpose().rows);
    expect(integerMatrixOf(a).int.maxBits).toBe(61);
  });
});

describe('reconstructShared with a reconstructed prefix', () => {
  it('gives the same fractions as reconstructing every entry', () => {
    const q = BigInt(primeAt(0));
    const M = q ** 6n;
    // Residues of 3/7, -5/7, 11/14, 2 and -9/28 mod M (inverses by Euler: d^(phi(M) - 1)).
    const inv = (d: bigint): bigint => powMod(d, (M / q) * (q - 1n) - 1n, M);
    const fr: [bigint, bigint][] = [
      [3n, 7n],
      [-5n, 7n],
      [11n, 14n],
      [2n, 1n],
      [-9n, 28n],
    ];
    const us = fr.map(([n, d]) => (((n * inv(d)) % M) + M) % M);
    const whole = reconstructShared(us, M);
    const first = reconstructShared(us.slice(0, 1), M)!;
    expect(whole).toEqual({ num: [3n * 4n, -5n * 4n, 11n * 2n, 2n * 28n, -9n], den: 28n });
    expect(reconstructShared(us, M, first)).toEqual(whole);
  });
});

