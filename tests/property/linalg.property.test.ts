/**
 * Laws of exact linear algebra, checked by fast-check over QQ (both methods), ZZ where the
 * operation is defined there, and F64 (with its tolerance) on small-integer matrices, where the
 * float answer is provably the exact one (see the note on `smallInt` below).
 */
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { F64, QQ, Rational } from '../../src/field/index.js';
import { canSolve, det, inertia, Mat, nullspace, rank, rref, solve, type LinalgOptions } from '../../src/linalg/index.js';
import {
  arbIntMatrix,
  arbKnownRankRational,
  arbNonsingular,
  arbNonzeroRational,
  arbRational,
  arbRatMatrix,
  arbSymmetricInt,
  arbSymmetricWithInertia,
  arbUnimodular,
  intMat,
  mulInt,
  toF64,
  toQQ,
  toZZ,
  transposeInt,
  type IntMat,
} from '../helpers/matrices.js';

const FF: LinalgOptions = { method: 'fraction-free' };
const GJ: LinalgOptions = { method: 'gauss-jordan' };
const EXACT: { name: string; opts: LinalgOptions }[] = [
  { name: 'fraction-free', opts: FF },
  { name: 'gauss-jordan', opts: GJ },
  { name: 'modular', opts: { method: 'modular' } },
];

/** Plain-number mathjs, for eigenvalues of float matrices (the shared `math` uses Fractions). */
const mathNum = create(all);

// --- small local helpers (independent of src/linalg's matMul) -------------------------------

function mulQ(a: Mat<Rational>, b: Mat<Rational>): Mat<Rational> {
  const rows = a.rows.map((r) => Array.from({ length: b.ncols }, (_, j) => r.reduce((acc, x, k) => acc.add(x.mul(b.rows[k][j])), Rational.ZERO)));
  return Mat.fromRows(QQ, rows, b.ncols);
}

function transposeQ(a: Mat<Rational>): Mat<Rational> {
  return Mat.fromRows(
    QQ,
    Array.from({ length: a.ncols }, (_, j) => a.rows.map((r) => r[j])),
    a.nrows,
  );
}

function applyQ(a: Mat<Rational>, x: readonly Rational[]): Rational[] {
  return a.rows.map((r) => r.reduce((acc, v, j) => acc.add(v.mul(x[j])), Rational.ZERO));
}

function augment<T>(a: Mat<T>, b: readonly T[]): Mat<T> {
  return Mat.fromRows(
    a.domain,
    a.rows.map((r, i) => [...r, b[i]]),
    a.ncols + 1,
  );
}

function stack<T>(a: Mat<T>, b: Mat<T>): Mat<T> {
  return Mat.fromRows(a.domain, [...a.rows, ...b.rows], a.ncols);
}

const maxAbsNum = (xs: readonly number[]): number => xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/** Whether `r` has the shape of a reduced row echelon form with the given pivots (exact). */
function isRref(r: Mat<Rational>, pivots: readonly number[]): boolean {
  for (let i = 0; i < r.nrows; i++) {
    const lead = r.rows[i].findIndex((x) => !x.isZero());
    if (i >= pivots.length) {
      if (lead !== -1) return false;
      continue;
    }
    if (lead !== pivots[i] || !r.get(i, lead).eq(Rational.ONE)) return false;
    for (let k = 0; k < r.nrows; k++) if (k !== i && !r.get(k, lead).isZero()) return false;
  }
  return pivots.every((p, k) => k === 0 || p > pivots[k - 1]);
}

// --- generators -----------------------------------------------------------------------------

/** Rational matrices up to 8x8: random small ones and larger ones of every rank. */
const arbQQ: fc.Arbitrary<Mat<Rational>> = fc.oneof(
  arbRatMatrix({ maxRows: 6, maxCols: 6 }),
  arbKnownRankRational({ maxRows: 8, maxCols: 8 }).map((k) => k.matrix),
);

/**
 * Small-integer matrices (<= 5x6, |entries| <= 4) for F64. Every nonzero singular value of such
 * a matrix is >= 24^-4 ~ 3e-6 (their product is sqrt of a sum of squared integer minors >= 1,
 * and each is <= 6 x 4 = 24), far above tol x max|entry|, so the F64 answers are the exact ones.
 */
const smallInt = arbIntMatrix({ maxRows: 5, maxCols: 6, maxAbs: 4 });

function squareQQ(maxN: number, maxNum = 5, maxDen = 5): fc.Arbitrary<Mat<Rational>> {
  return fc.integer({ min: 0, max: maxN }).chain((n) => arbRatMatrix({ minRows: n, maxRows: n, minCols: n, maxCols: n, maxNum, maxDen }));
}

function pairSquareQQ(maxN: number): fc.Arbitrary<[Mat<Rational>, Mat<Rational>]> {
  return fc
    .integer({ min: 0, max: maxN })
    .chain((n) => fc.tuple(arbRatMatrix({ minRows: n, maxRows: n, minCols: n, maxCols: n }), arbRatMatrix({ minRows: n, maxRows: n, minCols: n, maxCols: n })));
}

// --- rank, nullspace, rref --------------------------------------------------------------------

describe('rank-nullity: rank(A) + nullspace(A).length = ncols', () => {
  it.each(EXACT)('QQ, $name', ({ opts }) => {
    fc.assert(
      fc.property(arbQQ, (a) => {
        expect(rank(a, opts) + nullspace(a, opts).length).toBe(a.ncols);
      }),
    );
  });

  it('ZZ (default method and gauss-jordan)', () => {
    fc.assert(
      fc.property(arbIntMatrix({ maxRows: 7, maxCols: 7, maxAbs: 6 }), (m) => {
        const a = toZZ(m);
        expect(rank(a) + nullspace(a).length).toBe(m.ncols);
        expect(rank(a, GJ) + nullspace(a, GJ).length).toBe(m.ncols);
      }),
    );
  });

  it.each([
    { name: 'default (tolerance)', opts: {} },
    { name: 'fraction-free (exact)', opts: FF },
  ])('F64, $name, small-integer matrices; and the F64 rank is the exact rank', ({ opts }) => {
    fc.assert(
      fc.property(smallInt, (m) => {
        const a = toF64(m);
        const r = rank(a, opts);
        expect(r + nullspace(a, opts).length).toBe(m.ncols);
        expect(r).toBe(rank(toQQ(m)));
      }),
    );
  });
});

describe('every nullspace vector is annihilated', () => {
  it.each(EXACT)('QQ, $name: A v = 0 exactly, and the vectors are independent', ({ opts }) => {
    fc.assert(
      fc.property(arbQQ, (a) => {
        const basis = nullspace(a, opts);
        for (const v of basis) expect(applyQ(a, v).every((x) => x.isZero())).toBe(true);
        if (basis.length > 0) expect(rank(Mat.fromRows(QQ, basis, a.ncols), opts)).toBe(basis.length);
      }),
    );
  });

  it('ZZ: A v = 0 in bigint and each v is primitive', () => {
    fc.assert(
      fc.property(arbIntMatrix({ maxRows: 6, maxCols: 7, maxAbs: 6 }), (m) => {
        for (const v of nullspace(toZZ(m))) {
          expect(m.rows.map((r) => r.reduce((acc, x, j) => acc + x * v[j], 0n))).toEqual(m.rows.map(() => 0n));
          const g = v.reduce((acc, x) => {
            let [p, q] = [acc < 0n ? -acc : acc, x < 0n ? -x : x];
            while (q !== 0n) [p, q] = [q, p % q];
            return p;
          }, 0n);
          expect(g).toBe(1n);
        }
      }),
    );
  });

  it('F64: small residual |A v| <= 1e-9 max|A| max|v|', () => {
    fc.assert(
      fc.property(smallInt, (m) => {
        const a = toF64(m);
        const scale = maxAbsNum(a.rows.flat());
        for (const v of nullspace(a)) {
          const residual = maxAbsNum(a.rows.map((r) => r.reduce((acc, x, j) => acc + x * v[j], 0)));
          expect(residual).toBeLessThanOrEqual(1e-9 * Math.max(scale, 1) * maxAbsNum(v) * m.ncols);
        }
      }),
    );
  });
});

describe('rref', () => {
  it('QQ: fraction-free and Gauss-Jordan give exactly the same RREF and pivots', () => {
    fc.assert(
      fc.property(arbQQ, (a) => {
        const ff = rref(a, FF);
        const gj = rref(a, GJ);
        expect(ff.pivots).toEqual(gj.pivots);
        expect(ff.matrix.equals(gj.matrix)).toBe(true);
      }),
    );
  });

  it.each(EXACT)('QQ, $name: has the RREF shape and the same row space as A', ({ opts }) => {
    fc.assert(
      fc.property(arbQQ, (a) => {
        const { matrix, pivots } = rref(a, opts);
        expect(isRref(matrix, pivots)).toBe(true);
        expect(pivots.length).toBe(rank(a, opts));
        // Row space: stacking R under A adds nothing, in both directions.
        expect(rank(stack(a, matrix), opts)).toBe(pivots.length);
      }),
    );
  });

  it.each(EXACT)('QQ, $name: idempotent, rref(rref(A)) = rref(A)', ({ opts }) => {
    fc.assert(
      fc.property(arbQQ, (a) => {
        const once = rref(a, opts);
        const twice = rref(once.matrix, opts);
        expect(twice.pivots).toEqual(once.pivots);
        expect(twice.matrix.equals(once.matrix)).toBe(true);
      }),
    );
  });

  it('F64: idempotent up to rounding, and equal to the exact RREF up to rounding', () => {
    fc.assert(
      fc.property(smallInt, (m) => {
        const once = rref(toF64(m));
        const twice = rref(once.matrix);
        const exact = rref(toQQ(m));
        expect(twice.pivots).toEqual(once.pivots);
        expect(once.pivots).toEqual(exact.pivots);
        once.matrix.rows.forEach((row, i) =>
          row.forEach((x, j) => {
            expect(Math.abs(twice.matrix.get(i, j) - x)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(x)));
            const e = exact.matrix.get(i, j).toNumber();
            expect(Math.abs(x - e)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(e)));
          }),
        );
      }),
    );
  });

  it("F64 'fraction-free': the exact RREF of the floats, rounded", () => {
    fc.assert(
      fc.property(smallInt, fc.integer({ min: 1, max: 9 }), (m, tenths) => {
        // Entries like 0.3 are not exact binary fractions: the exact path must see their true values.
        const a = toF64(m).map(F64, (x) => (x * tenths) / 10);
        const exact = rref(a.convert(QQ));
        const r = rref(a, FF);
        expect(r.pivots).toEqual(exact.pivots);
        expect(r.matrix.equals(exact.matrix.map(F64, (x) => x.toNumber()))).toBe(true);
        r.matrix.rows.forEach((row, i) => row.forEach((x, j) => expect(x).toBe(exact.matrix.get(i, j).toNumber())));
      }),
      { numRuns: 50 },
    );
  });
});

describe('rank is invariant under invertible row and column operations', () => {
  it.each(EXACT)('QQ, $name: rank(U A V) = rank(A) for unimodular U, V and rational row scalings', ({ opts }) => {
    fc.assert(
      fc.property(
        arbIntMatrix({ maxRows: 7, maxCols: 7 }).chain((m) =>
          fc.tuple(
            fc.constant(m),
            arbUnimodular(m.nrows, { ops: 3 * m.nrows }),
            arbUnimodular(m.ncols, { ops: 3 * m.ncols }),
            fc.array(arbNonzeroRational(), { minLength: m.nrows, maxLength: m.nrows }),
          ),
        ),
        ([m, u, v, scales]) => {
          const base = rank(toQQ(m), opts);
          const uav = mulInt(mulInt(u.matrix, m), v.matrix);
          expect(rank(toQQ(uav), opts)).toBe(base);
          expect(rank(toZZ(uav), opts)).toBe(base);
          expect(rank(toQQ(uav).map(QQ, (x, i) => x.mul(scales[i])), opts)).toBe(base);
          expect(rank(toQQ(transposeInt(m)), opts)).toBe(base);
        },
      ),
    );
  });
});

// --- det --------------------------------------------------------------------------------------

describe('det', () => {
  it.each(EXACT)('QQ, $name: det(AB) = det(A) det(B)', ({ opts }) => {
    fc.assert(
      fc.property(pairSquareQQ(6), ([a, b]) => {
        expect(det(mulQ(a, b), opts).eq(det(a, opts).mul(det(b, opts)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it.each(EXACT)('QQ, $name: det(A^T) = det(A)', ({ opts }) => {
    fc.assert(
      fc.property(squareQQ(7), (a) => {
        expect(det(transposeQ(a), opts).eq(det(a, opts))).toBe(true);
      }),
    );
  });

  it('QQ: the two methods agree exactly; det = 0 exactly when rank < n', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          squareQQ(7),
          arbKnownRankRational({ maxRows: 7, maxCols: 7 }).map((k) => k.matrix).filter((a) => a.nrows === a.ncols),
        ),
        (a) => {
          const d = det(a, FF);
          expect(det(a, GJ).eq(d)).toBe(true);
          expect(det(a).eq(d)).toBe(true);
          expect(d.isZero()).toBe(rank(a) < a.nrows);
        },
      ),
    );
  });

  it('ZZ: det(AB) = det(A) det(B) and det(A^T) = det(A), in bigint', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 }).chain((n) => fc.tuple(arbIntMatrix({ minRows: n, maxRows: n, minCols: n, maxCols: n, maxAbs: 9 }), arbIntMatrix({ minRows: n, maxRows: n, minCols: n, maxCols: n, maxAbs: 9 }))),
        ([a, b]) => {
          expect(det(toZZ(mulInt(a, b)))).toBe(det(toZZ(a)) * det(toZZ(b)));
          expect(det(toZZ(transposeInt(a)))).toBe(det(toZZ(a)));
          expect(det(toZZ(a), GJ)).toBe(det(toZZ(a)));
        },
      ),
    );
  });

  it('F64: within rounding of the exact det (bound: 1e-12 x Hadamard bound)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => arbIntMatrix({ minRows: n, maxRows: n, minCols: n, maxCols: n, maxAbs: 9 })),
        (m) => {
          const exact = det(toQQ(m)).toNumber();
          const hadamard = m.rows.reduce((p, r) => p * Math.sqrt(r.reduce((s, x) => s + Number(x) ** 2, 0)), 1);
          expect(Math.abs(det(toF64(m)) - exact)).toBeLessThanOrEqual(1e-12 * hadamard);
          expect(det(toF64(m), FF)).toBe(exact); // the exact path is exact (and exactly representable here)
        },
      ),
    );
  });
});

// --- solve ------------------------------------------------------------------------------------

/** A system with b in the column space half of the time (b = A y), arbitrary otherwise. */
const arbSystemQQ: fc.Arbitrary<{ a: Mat<Rational>; b: Rational[] }> = arbQQ.chain((a) =>
  fc.oneof(
    fc.array(arbRational(), { minLength: a.ncols, maxLength: a.ncols }).map((y) => ({ a, b: applyQ(a, y) })),
    fc.array(arbRational(), { minLength: a.nrows, maxLength: a.nrows }).map((b) => ({ a, b })),
  ),
);

describe('solve', () => {
  it.each(EXACT)('QQ, $name: A x = b exactly when ok; ok iff rank [A|b] = rank A; unique iff rank A = ncols', ({ opts }) => {
    fc.assert(
      fc.property(arbSystemQQ, ({ a, b }) => {
        const s = solve(a, b, opts);
        const r = rank(a, opts);
        const consistent = rank(augment(a, b), opts) === r;
        expect(s.ok).toBe(consistent);
        expect(canSolve(a, b, opts)).toBe(consistent);
        if (s.ok) {
          expect(s.x.length).toBe(a.ncols);
          expect(str(applyQ(a, s.x))).toEqual(str(b));
          expect(s.unique).toBe(r === a.ncols);
        } else {
          expect(s.reason).toBe('inconsistent');
        }
      }),
    );
  });

  it('QQ: b = A y is always solvable (by both methods, with the same particular solution)', () => {
    fc.assert(
      fc.property(arbQQ.chain((a) => fc.tuple(fc.constant(a), fc.array(arbRational(), { minLength: a.ncols, maxLength: a.ncols }))), ([a, y]) => {
        const b = applyQ(a, y);
        const ff = solve(a, b, FF);
        const gj = solve(a, b, GJ);
        expect(ff.ok && gj.ok).toBe(true);
        if (ff.ok && gj.ok) expect(str(ff.x)).toEqual(str(gj.x)); // free variables 0 determines x
      }),
    );
  });

  it('QQ: nonsingular systems have the unique solution A^-1 b (checked by the residual)', () => {
    fc.assert(
      fc.property(
        arbNonsingular(1, 8).chain(({ matrix }) => fc.tuple(fc.constant(matrix), fc.array(arbRational(), { minLength: matrix.nrows, maxLength: matrix.nrows }))),
        ([m, b]) => {
          for (const { opts } of EXACT) {
            const s = solve(toQQ(m), b, opts);
            expect(s.ok && s.unique).toBe(true);
            if (s.ok) expect(str(applyQ(toQQ(m), s.x))).toEqual(str(b));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('F64 on small-integer systems: ok agrees with exact consistency; small residual when ok', () => {
    const arbSystem = fc.oneof(
      smallInt.chain((m) => fc.array(fc.integer({ min: -4, max: 4 }), { minLength: m.ncols, maxLength: m.ncols }).map((y) => ({ m, b: m.rows.map((r) => r.reduce((acc, x, j) => acc + Number(x) * y[j], 0)) }))),
      smallInt.chain((m) => fc.array(fc.integer({ min: -4, max: 4 }), { minLength: m.nrows, maxLength: m.nrows }).map((b) => ({ m, b }))),
    );
    fc.assert(
      fc.property(arbSystem, ({ m, b }) => {
        const a = toF64(m);
        const exactOk = canSolve(toQQ(m), b.map((x) => Rational.of(x)));
        const s = solve(a, b);
        expect(s.ok).toBe(exactOk);
        expect(solve(a, b, FF).ok).toBe(exactOk);
        if (s.ok) {
          const residual = maxAbsNum(a.rows.map((r, i) => r.reduce((acc, x, j) => acc + x * s.x[j], 0) - b[i]));
          expect(residual).toBeLessThanOrEqual(1e-8 * (1 + maxAbsNum(b)) * Math.max(1, maxAbsNum(s.x)));
        }
      }),
    );
  });
});

// --- inertia ----------------------------------------------------------------------------------

/** P = U diag(e): invertible by construction, rational when e is. */
function congruence(s: Mat<Rational>, u: IntMat, e: readonly Rational[]): Mat<Rational> {
  const p = toQQ(u).map(QQ, (x, _i, j) => x.mul(e[j]));
  return mulQ(mulQ(transposeQ(p), s), p);
}

describe('inertia', () => {
  it('QQ and ZZ: equals the signs of D in the P^T D P construction, by every method', () => {
    fc.assert(
      fc.property(arbSymmetricWithInertia(1, 8), ({ matrix, inertia: expected }) => {
        expect(inertia(toQQ(matrix), FF)).toEqual(expected);
        expect(inertia(toQQ(matrix), GJ)).toEqual(expected);
        expect(inertia(toZZ(matrix))).toEqual(expected);
        expect(inertia(toZZ(matrix), GJ)).toEqual(expected);
      }),
    );
  });

  it('QQ: invariant under congruence P^T S P with P invertible (rational)', () => {
    fc.assert(
      fc.property(
        arbSymmetricInt(1, 6, 4).chain((s) =>
          fc.tuple(fc.constant(s), arbUnimodular(s.nrows, { ops: 2 * s.nrows }), fc.array(arbNonzeroRational(3, 4), { minLength: s.nrows, maxLength: s.nrows })),
        ),
        ([s, u, e]) => {
          const before = inertia(toQQ(s));
          const t = congruence(toQQ(s), u.matrix, e);
          expect(inertia(t, FF)).toEqual(before);
          expect(inertia(t, GJ)).toEqual(before);
        },
      ),
    );
  });

  it('QQ: fraction-free equals gauss-jordan, and pos + neg = rank', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          arbSymmetricInt(1, 8, 3).map(toQQ),
          // Sparse symmetric matrices with many zero diagonal entries: the 2x2-pivot paths.
          arbSymmetricInt(1, 8, 1).map((s) => toQQ(intMat(s.rows.map((r, i) => r.map((x, j) => (i === j ? 0n : x)))))),
          arbSymmetricWithInertia(1, 7).chain((k) =>
            fc.array(arbNonzeroRational(2, 3), { minLength: 1, maxLength: 1 }).map(([c]) => toQQ(k.matrix).map(QQ, (x) => x.mul(c.abs()))),
          ),
        ),
        (s) => {
          const ff = inertia(s, FF);
          expect(inertia(s, GJ)).toEqual(ff);
          expect(ff.pos + ff.neg).toBe(rank(s));
          expect(ff.pos + ff.neg + ff.zero).toBe(s.nrows);
        },
      ),
    );
  });

  it('inertia(-S) swaps pos and neg', () => {
    fc.assert(
      fc.property(arbSymmetricWithInertia(1, 7), ({ matrix, inertia: k }) => {
        const neg = toQQ(matrix).map(QQ, (x) => x.neg());
        for (const { opts } of EXACT) expect(inertia(neg, opts)).toEqual({ pos: k.neg, neg: k.pos, zero: k.zero });
      }),
    );
  });

  it('F64: equals the sign counts of mathjs eigenvalues when they are >= 1e-6 away from 0', () => {
    fc.assert(
      fc.property(arbSymmetricInt(1, 6, 5), (m) => {
        const plain = m.rows.map((r) => r.map(Number));
        const values = (mathNum.eigs(plain).values as number[]).map(Number);
        fc.pre(values.every((v) => Math.abs(v) >= 1e-6));
        const expected = { pos: values.filter((v) => v > 0).length, neg: values.filter((v) => v < 0).length, zero: 0 };
        expect(inertia(toF64(m))).toEqual(expected);
        expect(inertia(toF64(m), FF)).toEqual(expected);
        expect(inertia(toQQ(m))).toEqual(expected);
      }),
    );
  });

  it("F64 'fraction-free' on a matrix symmetric only within the tolerance: the exact inertia of (S + S^T) / 2", () => {
    fc.assert(
      fc.property(
        arbSymmetricInt(2, 6, 3).chain((m) =>
          fc.tuple(fc.constant(m), fc.array(fc.integer({ min: -1, max: 1 }), { minLength: m.nrows * m.nrows, maxLength: m.nrows * m.nrows })),
        ),
        ([m, noise]) => {
          // Perturb the lower triangle by +-1e-11 (within F64's symmetry tolerance) and zero some
          // diagonal entries, so that 2x2 pivots and non-unit divisors occur.
          const n = m.nrows;
          const rows = m.rows.map((r, i) => r.map((x, j) => (j < i ? Number(x) + noise[i * n + j] * 1e-11 : i === j && noise[i * n + j] === 0 ? 0 : Number(x))));
          const a = Mat.fromRows(F64, rows, n);
          const q = a.convert(QQ);
          const symmetricPart = q.map(QQ, (x, i, j) => x.add(q.get(j, i)).div(Rational.of(2)));
          expect(inertia(a, FF)).toEqual(inertia(symmetricPart, GJ));
        },
      ),
    );
  });

  it('F64: equals the P^T D P construction (small entries, zero eigenvalues included)', () => {
    fc.assert(
      fc.property(arbSymmetricWithInertia(1, 6, { entryBound: 3, ops: 6 }), ({ matrix, inertia: expected }) => {
        expect(inertia(toF64(matrix))).toEqual(expected);
        expect(inertia(toF64(matrix), GJ)).toEqual(expected);
      }),
    );
  });
});

// --- F64: the tolerance is relative ------------------------------------------------------------

describe('F64 results are invariant under scaling by 2^k (exact in binary; the tolerance is relative)', () => {
  const arbK = fc.integer({ min: -70, max: 70 });
  const scale = (m: IntMat, k: number): Mat<number> => toF64(m).map(F64, (x) => x * 2 ** k);

  it('rank, rref pivots, nullity and the sign of det', () => {
    fc.assert(
      fc.property(smallInt, arbK, fc.constantFrom(1, 3, 7), (m, k, tenths) => {
        // Entries m x tenths / 10 are not dyadic, so singular matrices leave rounding noise that
        // only a tolerance relative to the largest entry classifies correctly at every scale.
        const a = toF64(m).map(F64, (x) => (x * tenths) / 10);
        const b = a.map(F64, (x) => x * 2 ** k);
        const exactRank = rank(toQQ(m));
        expect(rank(a)).toBe(exactRank);
        expect(rank(b)).toBe(exactRank);
        expect(rref(b).pivots).toEqual(rref(a).pivots);
        expect(nullspace(b).length).toBe(m.ncols - exactRank);
        if (m.nrows === m.ncols) expect(Math.sign(det(b))).toBe(Math.sign(det(a)));
      }),
    );
  });

  it('inertia', () => {
    fc.assert(
      fc.property(fc.oneof(arbSymmetricWithInertia(1, 6, { entryBound: 3, ops: 6 }).map((k) => k.matrix), arbSymmetricInt(1, 6, 3)), arbK, (m, k) => {
        expect(inertia(scale(m, k))).toEqual(inertia(toF64(m)));
      }),
    );
  });
});

function str(xs: readonly Rational[]): string[] {
  return xs.map(String);
}
