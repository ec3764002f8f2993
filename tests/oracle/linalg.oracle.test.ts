/**
 * src/linalg against values it did not compute: closed forms (Hilbert determinants and
 * inverses, Vandermonde determinants), matrices of known rank / determinant by construction,
 * brute force on tiny matrices (Leibniz expansion, minors, Descartes' rule of signs on the
 * characteristic polynomial), and mathjs with Fraction entries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { F64, QQ, Rational, ZZ } from '../../src/field/index.js';
import { det, inertia, Mat, nullspace, rank, rankWithMarginF64, rref, solve, type LinalgOptions } from '../../src/linalg/index.js';
import {
  arbIntMatrix,
  arbKnownRank,
  arbKnownRankRational,
  arbNonsingular,
  arbNonzeroRational,
  arbRational,
  arbRatMatrix,
  arbSymmetricInt,
  randRank,
  toF64,
  toQQ,
  toZZ,
} from '../helpers/matrices.js';
import { mathjsDet, mathjsSolve } from '../helpers/oracle.js';

const METHODS: LinalgOptions[] = [{ method: 'fraction-free' }, { method: 'gauss-jordan' }, { method: 'modular' }];
const str = (xs: readonly Rational[]): string[] => xs.map(String);

// --- independent oracles --------------------------------------------------------------------

function factorial(n: number): bigint {
  let f = 1n;
  for (let i = 2; i <= n; i++) f *= BigInt(i);
  return f;
}

function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  return factorial(n) / (factorial(k) * factorial(n - k));
}

/** c_n = prod_{i < n} i! (the "superfactorial" of n - 1). */
function superfactorial(n: number): bigint {
  let c = 1n;
  for (let i = 1; i < n; i++) c *= factorial(i);
  return c;
}

function hilbert(n: number): Mat<Rational> {
  return Mat.fromRows(
    QQ,
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Rational.of(1n, BigInt(i + j + 1)))),
    n,
  );
}

/** (H_n^{-1})_{ij}, 1-indexed (Choi, "Tricks or treats with the Hilbert matrix", 1983). */
function hilbertInverseEntry(n: number, i: number, j: number): bigint {
  const sign = (i + j) % 2 === 0 ? 1n : -1n;
  const b = binomial(i + j - 2, i - 1);
  return sign * BigInt(i + j - 1) * binomial(n + i - 1, n - j) * binomial(n + j - 1, n - i) * b * b;
}

/** All permutations of 0..n-1 with their signs (n <= 6). */
function permutations(n: number): { perm: number[]; sign: 1 | -1 }[] {
  if (n === 0) return [{ perm: [], sign: 1 }];
  const out: { perm: number[]; sign: 1 | -1 }[] = [];
  for (const { perm, sign } of permutations(n - 1)) {
    // Insert n - 1 at position k: it passes over (n - 1 - k) larger-index entries.
    for (let k = 0; k <= perm.length; k++) {
      const p = [...perm.slice(0, k), n - 1, ...perm.slice(k)];
      out.push({ perm: p, sign: ((n - 1 - k) % 2 === 0 ? sign : -sign) as 1 | -1 });
    }
  }
  return out;
}

/** det by the Leibniz formula: sum over permutations of signed products. */
function leibnizDet(a: readonly (readonly Rational[])[]): Rational {
  const n = a.length;
  let total = Rational.ZERO;
  for (const { perm, sign } of permutations(n)) {
    let prod = Rational.ONE;
    for (let i = 0; i < n && !prod.isZero(); i++) prod = prod.mul(a[i][perm[i]]);
    total = sign === 1 ? total.add(prod) : total.sub(prod);
  }
  return total;
}

function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  return [...subsets(n - 1, k), ...subsets(n - 1, k - 1).map((s) => [...s, n - 1])];
}

/** Rank as the largest k with a nonzero k x k minor (brute force, tiny matrices only). */
function rankByMinors(a: Mat<Rational>): number {
  for (let k = Math.min(a.nrows, a.ncols); k > 0; k--) {
    for (const rs of subsets(a.nrows, k)) {
      for (const cs of subsets(a.ncols, k)) {
        if (!leibnizDet(rs.map((i) => cs.map((j) => a.get(i, j)))).isZero()) return k;
      }
    }
  }
  return 0;
}

/**
 * Coefficients c_0..c_n of det(x I - A) by Faddeev-LeVerrier (traces only, no elimination):
 * M_1 = I, c_{n-k} = -tr(A M_k) / k, M_{k+1} = A M_k + c_{n-k} I.
 */
function charPoly(a: Mat<Rational>): Rational[] {
  const n = a.nrows;
  const c = new Array<Rational>(n + 1).fill(Rational.ZERO);
  c[n] = Rational.ONE;
  let m: Rational[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO)));
  for (let k = 1; k <= n; k++) {
    const am = a.rows.map((r) => Array.from({ length: n }, (_, j) => r.reduce((acc, x, t) => acc.add(x.mul(m[t][j])), Rational.ZERO)));
    let tr = Rational.ZERO;
    for (let i = 0; i < n; i++) tr = tr.add(am[i][i]);
    c[n - k] = tr.neg().div(Rational.of(k));
    m = am.map((r, i) => r.map((x, j) => (i === j ? x.add(c[n - k]) : x)));
  }
  return c;
}

function signChanges(coeffs: readonly Rational[]): number {
  const signs = coeffs.map((x) => x.sign()).filter((s) => s !== 0);
  let changes = 0;
  for (let i = 1; i < signs.length; i++) if (signs[i] !== signs[i - 1]) changes++;
  return changes;
}

/**
 * Inertia of a symmetric matrix from its characteristic polynomial: all its roots are real, so
 * Descartes' rule of signs is exact: positive roots = sign changes of p(x), negative roots =
 * sign changes of p(-x), and 0 has the multiplicity of the lowest nonzero coefficient.
 */
function inertiaByDescartes(s: Mat<Rational>): { pos: number; neg: number; zero: number } {
  const c = charPoly(s);
  let zero = 0;
  while (zero < c.length && c[zero].isZero()) zero++;
  const pos = signChanges(c);
  const neg = signChanges(c.map((x, k) => (k % 2 === 0 ? x : x.neg())));
  return { pos, neg, zero };
}

// --- tests ------------------------------------------------------------------------------------

describe('closed-form oracles for the oracles themselves', () => {
  it('Leibniz, Descartes and the Hilbert formulas on values known by hand', () => {
    expect(permutations(3).length).toBe(6);
    expect(permutations(3).filter((p) => p.sign === 1).length).toBe(3);
    const m = [[1, 2], [3, 4]].map((r) => r.map((x) => Rational.of(x)));
    expect(leibnizDet(m).toString()).toBe('-2');
    // det(xI - [[1,2],[2,1]]) = x^2 - 2x - 3.
    expect(str(charPoly(Mat.fromRows(QQ, [[1, 2], [2, 1]].map((r) => r.map((x) => Rational.of(x))))))).toEqual(['-3', '-2', '1']);
    expect(superfactorial(4)).toBe(12n); // 1! 2! 3!
    // H_2^{-1} = [[4, -6], [-6, 12]].
    expect([hilbertInverseEntry(2, 1, 1), hilbertInverseEntry(2, 1, 2), hilbertInverseEntry(2, 2, 2)]).toEqual([4n, -6n, 12n]);
  });
});

describe('Hilbert matrices', () => {
  const hilbertDet = (n: number): Rational => Rational.of(superfactorial(n) ** 4n, superfactorial(2 * n));

  it('the closed form gives the classical first values 1, 1/12, 1/2160, 1/6048000', () => {
    expect([1, 2, 3, 4].map((n) => hilbertDet(n).toString())).toEqual(['1', '1/12', '1/2160', '1/6048000']);
  });

  for (const opts of [{}, ...METHODS]) {
    it(`det H_n = c_n^4 / c_2n for n = 1..8 (${JSON.stringify(opts)})`, () => {
      for (let n = 1; n <= 8; n++) expect(det(hilbert(n), opts).toString()).toBe(hilbertDet(n).toString());
    });

    it(`H_n is positive definite and nonsingular, n = 1..8 (${JSON.stringify(opts)})`, () => {
      for (let n = 1; n <= 8; n++) {
        expect(inertia(hilbert(n), opts)).toEqual({ pos: n, neg: 0, zero: 0 });
        expect(rank(hilbert(n), opts)).toBe(n);
        expect(nullspace(hilbert(n), opts)).toEqual([]);
      }
    });

    it(`solve H_n x = e_j gives column j of the integer inverse (Choi's formula), n <= 7 (${JSON.stringify(opts)})`, () => {
      for (let n = 1; n <= 7; n++) {
        for (let j = 1; j <= n; j++) {
          const e = Array.from({ length: n }, (_, i) => (i === j - 1 ? Rational.ONE : Rational.ZERO));
          const s = solve(hilbert(n), e, opts);
          expect(s.ok && s.unique).toBe(true);
          if (!s.ok) continue;
          expect(str(s.x)).toEqual(Array.from({ length: n }, (_, i) => hilbertInverseEntry(n, i + 1, j).toString()));
        }
      }
    });
  }

  it('mathjs with Fraction entries agrees on det H_n, n = 1..6', () => {
    for (let n = 1; n <= 6; n++) expect(mathjsDet(hilbert(n)).toString()).toBe(hilbertDet(n).toString());
  });

  it('F64: det H_n to the accuracy its conditioning allows (n <= 6), and H_n positive definite', () => {
    for (let n = 1; n <= 6; n++) {
      const h = hilbert(n).convert(F64);
      const exact = hilbertDet(n).toNumber();
      // cond(H_6) ~ 1.5e7: relative error ~ cond x eps ~ 1e-9 from rounding the entries alone.
      expect(Math.abs(det(h) - exact) / exact).toBeLessThan(1e-6);
      expect(inertia(h)).toEqual({ pos: n, neg: 0, zero: 0 });
    }
  });
});

describe('Vandermonde determinants', () => {
  const vandermonde = (xs: readonly Rational[]): Mat<Rational> =>
    Mat.fromRows(
      QQ,
      xs.map((x) => {
        const row: Rational[] = [];
        let p = Rational.ONE;
        for (let j = 0; j < xs.length; j++) {
          row.push(p);
          p = p.mul(x);
        }
        return row;
      }),
      xs.length,
    );
  const product = (xs: readonly Rational[]): Rational => {
    let d = Rational.ONE;
    for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) d = d.mul(xs[j].sub(xs[i]));
    return d;
  };

  it('det V(x) = prod_{i<j} (x_j - x_i) on random rationals, both methods', () => {
    fc.assert(
      fc.property(fc.array(arbRational(7, 6), { minLength: 1, maxLength: 7 }), (xs) => {
        const v = vandermonde(xs);
        const expected = product(xs).toString();
        for (const opts of METHODS) expect(det(v, opts).toString()).toBe(expected);
      }),
    );
  });

  it('repeated nodes give det 0 and rank = number of distinct nodes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 1, maxLength: 6 }), (ints) => {
        const xs = ints.map((x) => Rational.of(x));
        const v = vandermonde(xs);
        const distinct = new Set(ints).size;
        for (const opts of METHODS) {
          expect(rank(v, opts)).toBe(distinct);
          if (distinct < ints.length) expect(det(v, opts).isZero()).toBe(true);
        }
      }),
    );
  });
});

describe('brute force on tiny matrices', () => {
  it('det equals the Leibniz expansion (n <= 5, rational entries, 0x0 included)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }).chain((n) => arbRatMatrix({ minRows: n, maxRows: n, minCols: n, maxCols: n })),
        (a) => {
          const expected = leibnizDet(a.rows).toString();
          for (const opts of [{}, ...METHODS]) expect(det(a, opts).toString()).toBe(expected);
        },
      ),
    );
  });

  it('rank equals the size of the largest nonzero minor (up to 4x5)', () => {
    fc.assert(
      fc.property(arbRatMatrix({ maxRows: 4, maxCols: 5, maxNum: 2, maxDen: 2 }), (a) => {
        const expected = rankByMinors(a);
        for (const opts of [{}, ...METHODS]) {
          expect(rank(a, opts)).toBe(expected);
          expect(rref(a, opts).pivots.length).toBe(expected);
        }
      }),
    );
  });

  it("inertia equals Descartes' rule of signs on the characteristic polynomial (n <= 6)", () => {
    fc.assert(
      fc.property(arbSymmetricInt(1, 6, 3), fc.array(arbNonzeroRational(3, 4), { minLength: 1, maxLength: 1 }), (s, [scale]) => {
        // A rational multiple keeps the inertia up to a swap of pos and neg.
        const a = toQQ(s);
        const expected = inertiaByDescartes(a);
        for (const opts of [{}, ...METHODS]) expect(inertia(a, opts)).toEqual(expected);
        const scaled = a.map(QQ, (x) => x.mul(scale));
        const flipped = scale.sign() > 0 ? expected : { pos: expected.neg, neg: expected.pos, zero: expected.zero };
        for (const opts of METHODS) expect(inertia(scaled, opts)).toEqual(flipped);
      }),
    );
  });

  it('inertia of zero-diagonal symmetric matrices (2x2 pivots) equals Descartes', () => {
    fc.assert(
      fc.property(arbSymmetricInt(1, 6, 2), (s) => {
        const rows = s.rows.map((r, i) => r.map((x, j) => (i === j ? 0n : x)));
        const a = toQQ({ ...s, rows });
        const expected = inertiaByDescartes(a);
        for (const opts of [{}, ...METHODS]) expect(inertia(a, opts)).toEqual(expected);
        expect(inertia(toZZ({ ...s, rows }))).toEqual(expected);
      }),
    );
  });
});

describe('mathjs with Fraction entries', () => {
  it('det agrees on random rational matrices (n <= 5)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => arbRatMatrix({ minRows: n, maxRows: n, minCols: n, maxCols: n, maxNum: 9, maxDen: 7 })),
        (a) => {
          const expected = mathjsDet(a).toString();
          for (const opts of [{}, ...METHODS]) expect(det(a, opts).toString()).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('solve agrees with lusolve on nonsingular rational systems (n <= 6)', () => {
    fc.assert(
      fc.property(
        arbNonsingular(1, 6).chain(({ matrix }) =>
          fc.tuple(
            fc.constant(matrix),
            fc.array(arbNonzeroRational(4, 5), { minLength: matrix.nrows, maxLength: matrix.nrows }),
            fc.array(arbRational(9, 7), { minLength: matrix.nrows, maxLength: matrix.nrows }),
          ),
        ),
        ([m, rowScale, b]) => {
          const a = toQQ(m).map(QQ, (x, i) => x.mul(rowScale[i]));
          const expected = str(mathjsSolve(a, b));
          for (const opts of [{}, ...METHODS]) {
            const s = solve(a, b, opts);
            expect(s.ok && s.unique).toBe(true);
            expect(s.ok && str(s.x)).toEqual(expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('known determinant and rank by construction', () => {
  it('det(U diag(d) V) = det U * prod d * det V, n <= 8, over QQ and ZZ', () => {
    fc.assert(
      fc.property(arbNonsingular(1, 8), ({ matrix, det: expected }) => {
        for (const opts of METHODS) {
          expect(det(toQQ(matrix), opts).toString()).toBe(expected.toString());
          expect(det(toZZ(matrix), opts)).toBe(expected);
        }
        expect(det(toZZ(matrix))).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('randRank matrices (up to 8x8) have the rank they were built with, both methods, QQ and ZZ', () => {
    fc.assert(
      fc.property(arbKnownRank({ maxRows: 8, maxCols: 8 }), ({ matrix, rank: r }) => {
        for (const opts of METHODS) {
          expect(rank(toQQ(matrix), opts)).toBe(r);
          expect(rank(toZZ(matrix), opts)).toBe(r);
          expect(rref(toQQ(matrix), opts).pivots.length).toBe(r);
          expect(nullspace(toQQ(matrix), opts).length).toBe(matrix.ncols - r);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rational row and column scalings of randRank matrices keep the rank, both methods', () => {
    fc.assert(
      fc.property(arbKnownRankRational({ maxRows: 7, maxCols: 7 }), ({ matrix, rank: r }) => {
        for (const opts of METHODS) {
          expect(rank(matrix, opts)).toBe(r);
          expect(nullspace(matrix, opts).length).toBe(matrix.ncols - r);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a rank-r 8x8 matrix needs many row operations and still has rank r (a fixed seed sweep)', () => {
    const rng = new SeededRng(7);
    for (let r = 0; r <= 8; r++) {
      const a = randRank(rng, 8, 8, r, { ops: 200, maxEntry: 1n << 40n });
      for (const opts of METHODS) expect(rank(toQQ(a), opts)).toBe(r);
      if (r < 8) expect(det(toQQ(a)).isZero()).toBe(true);
      else expect(det(toQQ(a)).isZero()).toBe(false);
    }
  });

  it('F64: well-conditioned randRank matrices (few +-1 operations, entries <= 64) have rank r, clearly', () => {
    fc.assert(
      fc.property(arbKnownRank({ maxRows: 7, maxCols: 7, ops: 10, maxEntry: 64n, maxMultiple: 1, entryBound: 3 }), ({ matrix, rank: r }) => {
        const a = toF64(matrix);
        const report = rankWithMarginF64(a);
        expect(report.rank).toBe(r);
        expect(report.nearBoundary).toBe(false);
        expect(rank(a)).toBe(r);
        expect(rank(a, { method: 'gauss-jordan' })).toBe(r);
        expect(rank(a, { method: 'fraction-free' })).toBe(r);
        expect(rref(a).pivots.length).toBe(r);
        expect(nullspace(a).length).toBe(matrix.ncols - r);
      }),
      { numRuns: 80 },
    );
  });

  it('small-integer matrices (<= 5x5, |entries| <= 4): the F64 rank is the exact rank', () => {
    // Why F64 cannot be fooled here: the nonzero singular values of a rank-r integer matrix
    // multiply to sqrt(sum of squared r x r minors) >= 1 and each is <= 20, so the smallest is
    // >= 20^-4 = 6e-6, far above tol x max|entry| = 4e-10.
    fc.assert(
      fc.property(arbIntMatrix({ maxRows: 5, maxCols: 5, maxAbs: 4 }), (m) => {
        const exact = rank(toQQ(m));
        expect(rank(toF64(m))).toBe(exact);
        expect(rankWithMarginF64(toF64(m)).nearBoundary).toBe(false);
        expect(rref(toF64(m)).pivots).toEqual(rref(toQQ(m)).pivots);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ZZ and QQ agree', () => {
  it('rank, det, inertia and (primitive) nullspace of integer matrices', () => {
    fc.assert(
      fc.property(arbIntMatrix({ maxRows: 5, maxCols: 5 }), (m) => {
        const a = toZZ(m);
        const b = toQQ(m);
        expect(rank(a)).toBe(rank(b));
        if (m.nrows === m.ncols) expect(Rational.fromBigint(det(a)).eq(det(b))).toBe(true);
        const zBasis = nullspace(a);
        const qBasis = nullspace(b);
        expect(zBasis.length).toBe(qBasis.length);
        zBasis.forEach((v, k) => {
          // Each integer vector is the rational one times a positive integer, with gcd 1.
          const free = qBasis[k].findIndex((x, j) => x.eq(Rational.ONE) && v[j] > 0n);
          expect(free).toBeGreaterThanOrEqual(0);
          const factor = v[free];
          expect(v.map((x) => Rational.fromBigint(x).toString())).toEqual(qBasis[k].map((x) => x.mul(Rational.fromBigint(factor)).toString()));
          expect(v.reduce((g, x) => gcd(g, x), 0n)).toBe(1n);
        });
      }),
    );
  });
});

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

// Keep the F64 import honest: converting a QQ matrix to F64 and back is exact for small integers.
describe('conversions used by the oracles', () => {
  it('small-integer QQ matrices round-trip through F64 and ZZ exactly', () => {
    const m = randRank(new SeededRng(1), 4, 5, 3);
    expect(toQQ(m).convert(F64).convert(QQ).equals(toQQ(m))).toBe(true);
    expect(toQQ(m).convert(ZZ).equals(toZZ(m))).toBe(true);
  });
});
