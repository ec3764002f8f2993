/**
 * Hand-checked small cases for src/linalg: every expected value below was worked out by hand
 * (the arithmetic is in the comments where it is not obvious), not read from the code's output.
 */
import { describe, expect, it } from 'vitest';
import { DimensionError, UsageError } from '../../src/core/errors.js';
import { createF64, F64, QQ, Rational, ZZ } from '../../src/field/index.js';
import {
  canSolve,
  det,
  inertia,
  Mat,
  matVec,
  nullity,
  nullspace,
  qqMatrix,
  rank,
  rankWithMarginF64,
  rref,
  solve,
  type LinalgMethod,
  type LinalgOptions,
} from '../../src/linalg/index.js';

const q = (n: number | bigint, d: number | bigint = 1): Rational => Rational.of(BigInt(n), BigInt(d));
const zz = (rows: number[][], ncols?: number): Mat<bigint> => Mat.fromRows(ZZ, rows.map((r) => r.map(BigInt)), ncols);
const f64 = (rows: number[][], ncols?: number): Mat<number> => Mat.fromRows(F64, rows, ncols);

/** Both exact methods, plus the default: every exact hand-checked case runs under each. */
const EXACT_METHODS: LinalgOptions[] = [{}, { method: 'fraction-free' }, { method: 'gauss-jordan' }, { method: 'auto' }, { method: 'modular' }];

function expectRationalRows(actual: Mat<Rational>, expected: (number | string)[][]): void {
  expect(actual.nrows).toBe(expected.length);
  const exp = qqMatrix(expected, actual.ncols);
  expect(actual.rows.map((r) => r.map(String))).toEqual(exp.rows.map((r) => r.map(String)));
}

function expectVectors(actual: Rational[][], expected: (number | string)[][]): void {
  expect(actual.map((v) => v.map(String))).toEqual(expected.map((v) => qqMatrix([v]).rows[0].map(String)));
}

describe.each(EXACT_METHODS)('exact linear algebra over QQ, options %j', (opts) => {
  describe('rank', () => {
    it.each([
      ['2x2 rank 1 (second row is twice the first)', [[1, 2], [2, 4]], 1],
      ['2x2 nonsingular', [[1, 2], [3, 4]], 2],
      ['3x3 rank 2 (r3 = 2 r2 - r1)', [[1, 2, 3], [4, 5, 6], [7, 8, 9]], 2],
      ['wide 2x3', [[1, 2, 3], [4, 5, 6]], 2],
      ['tall 3x2', [[1, 4], [2, 5], [3, 6]], 2],
      ['zero column first, rank 2', [[0, 1, 2], [0, 2, 4], [0, 0, 1]], 2],
      ['1x1 nonzero', [[-7]], 1],
      ['1x1 zero', [[0]], 0],
      ['single row of zeros then a value', [[0, 0, 0, 5]], 1],
      ['rational, singular: (1/2, 1/3) and (3/2, 1)', [['1/2', '1/3'], ['3/2', 1]], 1],
      ['rational, nonsingular', [['1/2', 1], ['1/3', 1]], 2],
    ] as const)('%s', (_name, rows, expected) => {
      const a = qqMatrix(rows as unknown as (number | string)[][]);
      expect(rank(a, opts)).toBe(expected);
      expect(nullity(a, opts)).toBe(a.ncols - expected);
    });

    it('zero matrices of several shapes, including 0 rows and 0 columns', () => {
      expect(rank(Mat.zeros(QQ, 3, 4), opts)).toBe(0);
      expect(rank(Mat.zeros(QQ, 4, 3), opts)).toBe(0);
      expect(rank(Mat.zeros(QQ, 0, 3), opts)).toBe(0);
      expect(rank(Mat.zeros(QQ, 3, 0), opts)).toBe(0);
      expect(rank(Mat.zeros(QQ, 0, 0), opts)).toBe(0);
      expect(nullity(Mat.zeros(QQ, 0, 3), opts)).toBe(3);
    });

    it('identity of size 5 has rank 5', () => {
      expect(rank(Mat.identity(QQ, 5), opts)).toBe(5);
    });
  });

  describe('det', () => {
    it.each([
      ['[[1,2],[3,4]] = 4 - 6', [[1, 2], [3, 4]], '-2'],
      ['diagonal 2*3*5', [[2, 0, 0], [0, 3, 0], [0, 0, 5]], '30'],
      ['swap [[0,1],[1,0]] needs a row exchange', [[0, 1], [1, 0]], '-1'],
      ['anti-diagonal 3x3 (one transposition)', [[0, 0, 1], [0, 1, 0], [1, 0, 0]], '-1'],
      ['cyclic permutation 3x3 (even)', [[0, 1, 0], [0, 0, 1], [1, 0, 0]], '1'],
      ['zero first pivot, later nonzero: [[0,2],[3,1]] = 0 - 6', [[0, 2], [3, 1]], '-6'],
      ['tridiagonal (2,-1) of size 3: n + 1', [[2, -1, 0], [-1, 2, -1], [0, -1, 2]], '4'],
      ['singular 3x3', [[1, 2, 3], [4, 5, 6], [7, 8, 9]], '0'],
      ['rational: 1/10 - 1/12', [['1/2', '1/3'], ['1/4', '1/5']], '1/60'],
      ['1x1 rational', [['-7/3']], '-7/3'],
      ['1x1 zero', [[0]], '0'],
      ['zero column', [[0, 1], [0, 5]], '0'],
      ['upper triangular with a negative pivot: 1 * -2 * 3', [[1, 9, 9], [0, -2, 9], [0, 0, 3]], '-6'],
    ] as const)('%s', (_name, rows, expected) => {
      expect(det(qqMatrix(rows as unknown as (number | string)[][]), opts).toString()).toBe(expected);
    });

    it('the empty (0x0) matrix has determinant 1', () => {
      expect(det(Mat.zeros(QQ, 0, 0), opts).eq(Rational.ONE)).toBe(true);
    });
  });

  describe('rref', () => {
    it('wide 2x3: [[1,2,3],[4,5,6]] -> [[1,0,-1],[0,1,2]]', () => {
      // r2 - 4 r1 = [0,-3,-6] -> [0,1,2]; r1 - 2 r2 = [1,0,-1].
      const { matrix, pivots } = rref(qqMatrix([[1, 2, 3], [4, 5, 6]]), opts);
      expectRationalRows(matrix, [[1, 0, -1], [0, 1, 2]]);
      expect(pivots).toEqual([0, 1]);
    });

    it('0-pivot first column and a zero row at the bottom', () => {
      const { matrix, pivots } = rref(qqMatrix([[0, 1, 2], [0, 2, 4], [0, 0, 1]]), opts);
      expectRationalRows(matrix, [[0, 1, 0], [0, 0, 1], [0, 0, 0]]);
      expect(pivots).toEqual([1, 2]);
    });

    it('rank 1: [[2,4],[1,2]] -> [[1,2],[0,0]]', () => {
      const { matrix, pivots } = rref(qqMatrix([[2, 4], [1, 2]]), opts);
      expectRationalRows(matrix, [[1, 2], [0, 0]]);
      expect(pivots).toEqual([0]);
    });

    it('tall 3x2 of rank 2 -> identity on top of a zero row', () => {
      const { matrix, pivots } = rref(qqMatrix([[1, 4], [2, 5], [3, 6]]), opts);
      expectRationalRows(matrix, [[1, 0], [0, 1], [0, 0]]);
      expect(pivots).toEqual([0, 1]);
    });

    it('rational entries: [[1/2, 1, 1/3],[1/3, 1, 0]]', () => {
      // Row 1 * 2: [1, 2, 2/3]. Row 2 - 1/3 row 1: [0, 1/3, -2/9] -> [0, 1, -2/3].
      // Row 1 - 2 row 2: [1, 0, 2/3 + 4/3] = [1, 0, 2].
      const { matrix, pivots } = rref(qqMatrix([['1/2', 1, '1/3'], ['1/3', 1, 0]]), opts);
      expectRationalRows(matrix, [[1, 0, 2], [0, 1, '-2/3']]);
      expect(pivots).toEqual([0, 1]);
    });

    it('a pivot whose row must come from below, with a negative leading entry', () => {
      // [[0, 0, 3], [-2, 4, 1]]: swap; row 1 / -2 = [1, -2, -1/2]; row 2 / 3 = [0, 0, 1];
      // row 1 + 1/2 row 2 = [1, -2, 0].
      const { matrix, pivots } = rref(qqMatrix([[0, 0, 3], [-2, 4, 1]]), opts);
      expectRationalRows(matrix, [[1, -2, 0], [0, 0, 1]]);
      expect(pivots).toEqual([0, 2]);
    });

    it('zero matrix: itself, no pivots; 1x1 nonzero: [1]', () => {
      const z = rref(Mat.zeros(QQ, 2, 3), opts);
      expectRationalRows(z.matrix, [[0, 0, 0], [0, 0, 0]]);
      expect(z.pivots).toEqual([]);
      const one = rref(qqMatrix([['-5/7']]), opts);
      expectRationalRows(one.matrix, [[1]]);
      expect(one.pivots).toEqual([0]);
    });

    it('does not modify its input', () => {
      const a = qqMatrix([[2, 4], [1, 3]]);
      rref(a, opts);
      expect(a.rows.map((r) => r.map(String))).toEqual([['2', '4'], ['1', '3']]);
    });
  });

  describe('nullspace', () => {
    it('[[1,2,3],[4,5,6]]: one vector (1,-2,1)', () => {
      expectVectors(nullspace(qqMatrix([[1, 2, 3], [4, 5, 6]]), opts), [[1, -2, 1]]);
    });

    it('[[1,2],[2,4]]: (-2, 1)', () => {
      expectVectors(nullspace(qqMatrix([[1, 2], [2, 4]]), opts), [[-2, 1]]);
    });

    it('rational: [[2, 3]] gives (-3/2, 1)', () => {
      expectVectors(nullspace(qqMatrix([[2, 3]]), opts), [['-3/2', 1]]);
    });

    it('a zero column is free: [[0,1,2],[0,2,4],[0,0,1]] gives e0', () => {
      expectVectors(nullspace(qqMatrix([[0, 1, 2], [0, 2, 4], [0, 0, 1]]), opts), [[1, 0, 0]]);
    });

    it('zero matrix: the standard basis, in column order', () => {
      expectVectors(nullspace(Mat.zeros(QQ, 2, 3), opts), [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
      expectVectors(nullspace(Mat.zeros(QQ, 0, 2), opts), [[1, 0], [0, 1]]);
    });

    it('nonsingular and tall full-column-rank matrices: empty', () => {
      expect(nullspace(qqMatrix([[1, 2], [3, 4]]), opts)).toEqual([]);
      expect(nullspace(qqMatrix([[1, 4], [2, 5], [3, 6]]), opts)).toEqual([]);
      expect(nullspace(Mat.zeros(QQ, 3, 0), opts)).toEqual([]);
    });

    it('two free columns: [[1,1,1,1],[1,2,3,4]] gives (1,-2,1,0) and (2,-3,0,1)', () => {
      // rref [[1,0,-1,-2],[0,1,2,3]]: x2 = 1 -> (1,-2,1,0); x3 = 1 -> (2,-3,0,1).
      expectVectors(nullspace(qqMatrix([[1, 1, 1, 1], [1, 2, 3, 4]]), opts), [[1, -2, 1, 0], [2, -3, 0, 1]]);
    });
  });

  describe('solve and canSolve', () => {
    it('consistent, unique: 2x + y = 3, x + 3y = 5 -> (4/5, 7/5)', () => {
      const a = qqMatrix([[2, 1], [1, 3]]);
      const b = [q(3), q(5)];
      const s = solve(a, b, opts);
      expect(s.ok).toBe(true);
      if (!s.ok) return;
      expect(s.x.map(String)).toEqual(['4/5', '7/5']);
      expect(s.unique).toBe(true);
      expect(canSolve(a, b, opts)).toBe(true);
    });

    it('inconsistent: rows proportional, right-hand side not', () => {
      const a = qqMatrix([[1, 2], [2, 4]]);
      const s = solve(a, [q(1), q(3)], opts);
      expect(s).toEqual({ ok: false, reason: 'inconsistent' });
      expect(canSolve(a, [q(1), q(3)], opts)).toBe(false);
      expect(canSolve(a, [q(1), q(2)], opts)).toBe(true);
    });

    it('underdetermined: a particular solution with the free variable 0, unique = false', () => {
      // [[1,2,3,6],[4,5,6,15]] -> [[1,0,-1,0],[0,1,2,3]]: x = (0, 3, 0).
      const s = solve(qqMatrix([[1, 2, 3], [4, 5, 6]]), [q(6), q(15)], opts);
      expect(s.ok).toBe(true);
      if (!s.ok) return;
      expect(s.x.map(String)).toEqual(['0', '3', '0']);
      expect(s.unique).toBe(false);
    });

    it('tall: consistent and inconsistent right-hand sides', () => {
      const a = qqMatrix([[1, 0], [0, 1], [1, 1]]);
      const s = solve(a, [q(1), q(2), q(3)], opts);
      expect(s.ok && s.x.map(String)).toEqual(['1', '2']);
      expect(s.ok && s.unique).toBe(true);
      expect(solve(a, [q(1), q(2), q(4)], opts).ok).toBe(false);
    });

    it('rational system: x/2 + y/3 = 1, x/4 + y/5 = 1 -> (-8, 15)', () => {
      // Cramer with det = 1/60: x = (1/5 - 1/3) / (1/60) = -8, y = (1/2 - 1/4) / (1/60) = 15.
      // Check: -4 + 5 = 1; -2 + 3 = 1.
      const s = solve(qqMatrix([['1/2', '1/3'], ['1/4', '1/5']]), [q(1), q(1)], opts);
      expect(s.ok && s.x.map(String)).toEqual(['-8', '15']);
    });

    it('zero matrix: b = 0 solvable (x = 0, not unique), b != 0 not', () => {
      const z = Mat.zeros(QQ, 2, 3);
      const s = solve(z, [q(0), q(0)], opts);
      expect(s.ok && s.x.map(String)).toEqual(['0', '0', '0']);
      expect(s.ok && s.unique).toBe(false);
      expect(solve(z, [q(0), q(1, 2)], opts)).toEqual({ ok: false, reason: 'inconsistent' });
    });

    it('no unknowns: solvable exactly when b = 0, and then unique', () => {
      const a = Mat.zeros(QQ, 2, 0);
      expect(solve(a, [q(0), q(0)], opts)).toEqual({ ok: true, x: [], unique: true });
      expect(solve(a, [q(1), q(0)], opts).ok).toBe(false);
    });

    it('no equations: everything solves, x = 0', () => {
      const s = solve(Mat.zeros(QQ, 0, 2), [], opts);
      expect(s.ok && s.x.map(String)).toEqual(['0', '0']);
      expect(s.ok && s.unique).toBe(false);
    });
  });

  describe('inertia', () => {
    it.each([
      ['diag(1, -2, 0)', [[1, 0, 0], [0, -2, 0], [0, 0, 0]], { pos: 1, neg: 1, zero: 1 }],
      ['[[2,1],[1,2]]: eigenvalues 3, 1', [[2, 1], [1, 2]], { pos: 2, neg: 0, zero: 0 }],
      ['[[1,2],[2,1]]: eigenvalues 3, -1', [[1, 2], [2, 1]], { pos: 1, neg: 1, zero: 0 }],
      ['[[1,1],[1,1]]: eigenvalues 2, 0', [[1, 1], [1, 1]], { pos: 1, neg: 0, zero: 1 }],
      ['[[-1,-1],[-1,-1]]: eigenvalues -2, 0', [[-1, -1], [-1, -1]], { pos: 0, neg: 1, zero: 1 }],
      ['[[0,1],[1,0]]: zero diagonal, eigenvalues 1, -1 (2x2 pivot)', [[0, 1], [1, 0]], { pos: 1, neg: 1, zero: 0 }],
      ['J - I of size 3: eigenvalues 2, -1, -1 (2x2 pivot then 1x1)', [[0, 1, 1], [1, 0, 1], [1, 1, 0]], { pos: 1, neg: 2, zero: 0 }],
      ['J - I of size 4: eigenvalues 3, -1, -1, -1', [[0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 0, 1], [1, 1, 1, 0]], { pos: 1, neg: 3, zero: 0 }],
      ['two hyperbolic planes', [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], { pos: 2, neg: 2, zero: 0 }],
      // trace 0, det = -1(0 - 6) + 2(3 - 0) = 12 > 0: the product of three eigenvalues summing to 0 is positive only for (+, -, -).
      ['[[0,1,2],[1,0,3],[2,3,0]]: trace 0, det 12', [[0, 1, 2], [1, 0, 3], [2, 3, 0]], { pos: 1, neg: 2, zero: 0 }],
      ['zero diagonal and a zero row: [[0,1,0],[1,0,0],[0,0,0]]', [[0, 1, 0], [1, 0, 0], [0, 0, 0]], { pos: 1, neg: 1, zero: 1 }],
      ['hyperbolic plane plus -5', [[0, 1, 0], [1, 0, 0], [0, 0, -5]], { pos: 1, neg: 2, zero: 0 }],
      // [[0,2,1],[2,0,1],[1,1,0]]: trace 0, det = -2(0 - 1) + 1(2 - 0) = 4 > 0 -> (+, -, -).
      ['[[0,2,1],[2,0,1],[1,1,0]]', [[0, 2, 1], [2, 0, 1], [1, 1, 0]], { pos: 1, neg: 2, zero: 0 }],
      ['zero 3x3', [[0, 0, 0], [0, 0, 0], [0, 0, 0]], { pos: 0, neg: 0, zero: 3 }],
      ['1x1 negative', [[-3]], { pos: 0, neg: 1, zero: 0 }],
      ['1x1 zero', [[0]], { pos: 0, neg: 0, zero: 1 }],
      ['tridiagonal (2,-1) of size 3: positive definite (leading minors 2, 3, 4)', [[2, -1, 0], [-1, 2, -1], [0, -1, 2]], { pos: 3, neg: 0, zero: 0 }],
    ] as const)('%s', (_name, rows, expected) => {
      const s = qqMatrix(rows as unknown as number[][]);
      expect(inertia(s, opts)).toEqual(expected);
    });

    it('rational entries: (1/2)(J - I) of size 3 and diag(1/3, -2/7)', () => {
      const h = '1/2';
      expect(inertia(qqMatrix([[0, h, h], [h, 0, h], [h, h, 0]]), opts)).toEqual({ pos: 1, neg: 2, zero: 0 });
      expect(inertia(qqMatrix([['1/3', 0], [0, '-2/7']]), opts)).toEqual({ pos: 1, neg: 1, zero: 0 });
    });

    it('the empty matrix has no eigenvalues', () => {
      expect(inertia(Mat.zeros(QQ, 0, 0), opts)).toEqual({ pos: 0, neg: 0, zero: 0 });
    });
  });
});

describe('ZZ matrices', () => {
  it('rank and det in bigint, by both methods', () => {
    for (const opts of EXACT_METHODS) {
      expect(rank(zz([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), opts)).toBe(2);
      expect(rank(zz([[2, 4], [1, 2]]), opts)).toBe(1);
      expect(det(zz([[2, 1], [1, 3]]), opts)).toBe(5n);
      expect(det(zz([[0, 1], [1, 0]]), opts)).toBe(-1n);
      expect(inertia(zz([[0, 1, 1], [1, 0, 1], [1, 1, 0]]), opts)).toEqual({ pos: 1, neg: 2, zero: 0 });
    }
  });

  it('nullspace: primitive integer vectors', () => {
    // Over QQ: (-3/2, 1); the primitive integer multiple is (-3, 2).
    expect(nullspace(zz([[2, 3]]))).toEqual([[-3n, 2n]]);
    expect(nullspace(zz([[4, 6]]))).toEqual([[-3n, 2n]]);
    // [[1,2,3],[4,5,6]] -> (1,-2,1).
    expect(nullspace(zz([[1, 2, 3], [4, 5, 6]]))).toEqual([[1n, -2n, 1n]]);
    // 6x + 10y + 15z = 0 -> rref (1, 5/3, 5/2): (-5/3, 1, 0) -> (-5, 3, 0); (-5/2, 0, 1) -> (-5, 0, 2).
    const basis = nullspace(zz([[6, 10, 15]]), { method: 'gauss-jordan' });
    expect(basis).toEqual([
      [-5n, 3n, 0n],
      [-5n, 0n, 2n],
    ]);
    expect(nullspace(zz([[1, 0], [0, 1]]))).toEqual([]);
  });

  it('nullspace vectors are annihilated, exactly, in bigint', () => {
    const a = zz([[3, 6, 9, 12], [2, 5, 7, 1]]);
    const basis = nullspace(a);
    expect(basis.length).toBe(2);
    for (const v of basis) expect(matVec(a, v)).toEqual([0n, 0n]);
  });

  it('rref and solve on ZZ are usage errors (the results are rational)', () => {
    expect(() => rref(zz([[1, 2], [3, 4]]))).toThrow(UsageError);
    expect(() => rref(zz([[1, 2], [3, 4]]), { method: 'gauss-jordan' })).toThrow(UsageError);
    expect(() => solve(zz([[1, 2], [3, 4]]), [1n, 2n])).toThrow(UsageError);
  });
});

describe('F64 matrices and the tolerance', () => {
  const nearlySingular = [
    [1, 1],
    [1, 1 + 1e-12],
  ];

  it('default tolerance 1e-10: a 1e-12 relative gap is rank deficiency', () => {
    expect(rank(f64(nearlySingular))).toBe(1);
    expect(rref(f64(nearlySingular)).pivots).toEqual([0]);
    expect(nullspace(f64(nearlySingular)).length).toBe(1);
  });

  it('createF64({ tol }) moves the decision: tol 1e-14 and tol 0 see rank 2', () => {
    for (const tol of [1e-14, 0]) {
      const F = createF64({ tol });
      const a = Mat.fromRows(F, nearlySingular);
      expect(rank(a)).toBe(2);
      expect(rref(a).pivots).toEqual([0, 1]);
      expect(nullspace(a)).toEqual([]);
    }
    // A coarse tolerance merges even a visible difference.
    const coarse = createF64({ tol: 0.1 });
    expect(rank(Mat.fromRows(coarse, [[1, 1], [1, 1.01]]))).toBe(1);
    expect(rank(Mat.fromRows(F64, [[1, 1], [1, 1.01]]))).toBe(2);
  });

  it('createF64 rejects a negative or non-finite tolerance', () => {
    expect(() => createF64({ tol: -1 })).toThrow(RangeError);
    expect(() => createF64({ tol: Number.NaN })).toThrow(RangeError);
    expect(() => createF64({ tol: Infinity })).toThrow(RangeError);
  });

  it("method 'fraction-free' decides exactly for the floats' binary values", () => {
    // 1 + 1e-12 is a float different from 1, so the exact rank is 2 and the exact det is nonzero.
    const a = f64(nearlySingular);
    const ff = { method: 'fraction-free' } as const;
    expect(rank(a, ff)).toBe(2);
    expect(det(a, ff)).not.toBe(0);
    expect(Math.abs(det(a, ff) - ((1 + 1e-12) - 1))).toBe(0); // the exact det, correctly rounded
    expect(rank(f64([[0.1, 0.3], [0.3, 0.9]]), ff)).toBe(2); // 0.1 * 0.9 != 0.3 * 0.3 in binary
    expect(rank(f64([[0.1, 0.3], [0.3, 0.9]]))).toBe(1); // ... but equal within the tolerance
  });

  it("rank, rref and nullspace agree with each other under method 'fraction-free' (rank-nullity)", () => {
    const ff = { method: 'fraction-free' } as const;
    for (const rows of [nearlySingular, [[0.1, 0.3], [0.3, 0.9]]]) {
      const a = f64(rows);
      expect(rref(a, ff).pivots.length).toBe(rank(a, ff));
      expect(rank(a, ff) + nullspace(a, ff).length).toBe(2);
    }
  });

  it('rankWithMarginF64 flags a nearly rank-deficient matrix', () => {
    const report = rankWithMarginF64(f64(nearlySingular));
    expect(report.rank).toBe(1);
    expect(report.exact).toBe(false);
    // threshold = tol x largest |entry| = 1e-10 x (1 + 1e-12).
    expect(report.threshold).toBeCloseTo(1e-10, 20);
    // Complete pivoting takes 1 + 1e-12, leaving 1 - 1/(1 + 1e-12) ~ 1e-12 (a cancellation; a few % error).
    expect(report.largestRejected).toBeGreaterThan(0.9e-12);
    expect(report.largestRejected).toBeLessThan(1.1e-12);
    expect(report.smallestPivot).toBeCloseTo(1, 10);
    expect(report.nearBoundary).toBe(true);
  });

  it('rankWithMarginF64 does not flag clearly ranked matrices', () => {
    // [[1,2],[3,4]]: complete pivoting takes 4, then 1 - 3 * 2 / 4 = -1/2.
    const full = rankWithMarginF64(f64([[1, 2], [3, 4]]));
    expect(full).toMatchObject({ rank: 2, smallestPivot: 0.5, largestRejected: 0, nearBoundary: false });
    expect(full.threshold).toBeCloseTo(4e-10, 20);
    // [[1,2],[2,4]]: pivot 4, then 1 - 2 * 2 / 4 = 0 exactly.
    const deficient = rankWithMarginF64(f64([[1, 2], [2, 4]]));
    expect(deficient).toMatchObject({ rank: 1, smallestPivot: 4, largestRejected: 0, nearBoundary: false });
    const zero = rankWithMarginF64(f64([[0, 0], [0, 0]]));
    expect(zero).toMatchObject({ rank: 0, smallestPivot: Infinity, largestRejected: 0, nearBoundary: false });
  });

  it('rankWithMarginF64 flags a pivot just above the threshold', () => {
    // diag(1, 1e-9): the second pivot 1e-9 is accepted (> 1e-10) but within a factor 1000.
    const report = rankWithMarginF64(f64([[1, 0], [0, 1e-9]]));
    expect(report.rank).toBe(2);
    expect(report.smallestPivot).toBe(1e-9);
    expect(report.nearBoundary).toBe(true);
  });

  it('det with partial pivoting, rref with pivot ones', () => {
    expect(det(f64([[1, 2], [3, 4]]))).toBeCloseTo(-2, 12);
    expect(det(f64([[0, 1], [1, 0]]))).toBe(-1);
    expect(det(f64([[1, 2], [2, 4]]))).toBe(0);
    expect(det(f64([[2, 0, 0], [0, 3, 0], [0, 0, 5]]))).toBe(30);
    const r = rref(f64([[1, 2, 3], [4, 5, 6]]));
    expect(r.pivots).toEqual([0, 1]);
    const expected = [[1, 0, -1], [0, 1, 2]];
    r.matrix.rows.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(expected[i][j], 12)));
  });

  it('solve over F64: unique, inconsistent (beyond the tolerance) and underdetermined', () => {
    const s = solve(f64([[2, 1], [1, 3]]), [3, 5]);
    expect(s.ok).toBe(true);
    if (s.ok) {
      expect(s.x[0]).toBeCloseTo(0.8, 12);
      expect(s.x[1]).toBeCloseTo(1.4, 12);
      expect(s.unique).toBe(true);
    }
    expect(solve(f64([[1, 2], [2, 4]]), [1, 3])).toEqual({ ok: false, reason: 'inconsistent' });
    const u = solve(f64([[1, 2, 3], [4, 5, 6]]), [6, 15]);
    expect(u.ok && u.unique).toBe(false);
    if (u.ok) [0, 3, 0].forEach((v, i) => expect(u.x[i]).toBeCloseTo(v, 12));
    // An inconsistency below the tolerance is not one.
    expect(canSolve(f64([[1, 2], [2, 4]]), [1, 2 + 1e-13])).toBe(true);
    expect(canSolve(f64([[1, 2], [2, 4]]), [1, 2 + 1e-13], { method: 'fraction-free' })).toBe(false);
  });

  it('inertia, including the zero-diagonal cases', () => {
    expect(inertia(f64([[0, 1], [1, 0]]))).toEqual({ pos: 1, neg: 1, zero: 0 });
    expect(inertia(f64([[0, 1, 1], [1, 0, 1], [1, 1, 0]]))).toEqual({ pos: 1, neg: 2, zero: 0 });
    expect(inertia(f64([[2, 1], [1, 2]]))).toEqual({ pos: 2, neg: 0, zero: 0 });
    expect(inertia(f64([[1, 1], [1, 1]]))).toEqual({ pos: 1, neg: 0, zero: 1 });
    // [[1, 1], [1, 1 + 1e-12]] has eigenvalues ~2 and ~5e-13: zero within the tolerance,
    // positive exactly (det = 1e-12 > 0 and trace > 0).
    expect(inertia(f64(nearlySingular))).toEqual({ pos: 1, neg: 0, zero: 1 });
    expect(inertia(f64(nearlySingular), { method: 'fraction-free' })).toEqual({ pos: 2, neg: 0, zero: 0 });
    expect(inertia(f64([[0, 0], [0, 0]]))).toEqual({ pos: 0, neg: 0, zero: 2 });
  });

  describe('the tolerance is relative to the largest entry (results invariant under scaling by 2^k)', () => {
    // Scaling by a power of two is exact in binary, so every result must be unchanged.
    const scaled = (rows: number[][], k: number): Mat<number> => f64(rows.map((r) => r.map((x) => x * 2 ** k)));

    it.each([-60, -40, -20, 0, 20, 40])('2^%i', (k) => {
      expect(rank(scaled([[0.1, 0.3], [0.3, 0.9]], k))).toBe(1);
      expect(rref(scaled([[0.1, 0.3], [0.3, 0.9]], k)).pivots).toEqual([0]);
      expect(nullspace(scaled([[0.1, 0.3], [0.3, 0.9]], k)).length).toBe(1);
      expect(rank(scaled([[1, 2], [3, 4]], k))).toBe(2);
      expect(inertia(scaled([[2, 1], [1, 2]], k))).toEqual({ pos: 2, neg: 0, zero: 0 });
      expect(inertia(scaled([[2, 1], [1, -2]], k))).toEqual({ pos: 1, neg: 1, zero: 0 });
      expect(inertia(scaled([[0, 1], [1, 0]], k))).toEqual({ pos: 1, neg: 1, zero: 0 });
      expect(inertia(scaled([[1, 0], [0, -1]], k))).toEqual({ pos: 1, neg: 1, zero: 0 });
      expect(inertia(scaled([[1, 0], [0, 0]], k))).toEqual({ pos: 1, neg: 0, zero: 1 });
      // [[0, 1], [1, 0]] needs a row exchange: det -1 x 2^(2k).
      expect(det(scaled([[0, 1], [1, 0]], k))).toBe(-(2 ** (2 * k)));
      expect(det(scaled([[1, 2], [3, 4]], k)) / 2 ** (2 * k)).toBeCloseTo(-2, 12);
    });

    it('a nearly diagonal matrix with tiny diagonal and larger off-diagonal entries', () => {
      // [[1e-13, 1e-11], [1e-11, 1e-13]]: eigenvalues 1e-13 +- 1e-11, one of each sign.
      expect(inertia(f64([[1e-13, 1e-11], [1e-11, 1e-13]]))).toEqual({ pos: 1, neg: 1, zero: 0 });
      expect(inertia(f64([[1e-11]]))).toEqual({ pos: 1, neg: 0, zero: 0 });
      expect(det(f64([[0, 1e-11], [1e-11, 0]]))).toBeCloseTo(-1e-22, 35);
    });
  });
});

describe('errors', () => {
  it('det and inertia need a square matrix (DimensionError, naming the function)', () => {
    expect(() => det(qqMatrix([[1, 2, 3], [4, 5, 6]]))).toThrow(DimensionError);
    expect(() => det(qqMatrix([[1, 2, 3], [4, 5, 6]]))).toThrow(/^det: /);
    expect(() => det(zz([[1, 2, 3]]))).toThrow(DimensionError);
    expect(() => det(f64([[1], [2]]))).toThrow(DimensionError);
    expect(() => inertia(qqMatrix([[1, 2, 3], [4, 5, 6]]))).toThrow(DimensionError);
    expect(() => inertia(qqMatrix([[1, 2, 3], [4, 5, 6]]))).toThrow(/^inertia: /);
  });

  it('inertia needs a symmetric matrix', () => {
    expect(() => inertia(qqMatrix([[1, 2], [3, 4]]))).toThrow(DimensionError);
    expect(() => inertia(qqMatrix([[1, 2], [3, 4]]))).toThrow(/symmetric/);
    expect(() => inertia(qqMatrix([[0, '1/2'], ['1/3', 0]]), { method: 'gauss-jordan' })).toThrow(DimensionError);
    expect(() => inertia(zz([[0, 1], [2, 0]]))).toThrow(DimensionError);
    expect(() => inertia(f64([[0, 1], [1.5, 0]]))).toThrow(DimensionError);
  });

  it('solve and canSolve check the length of b', () => {
    const a = qqMatrix([[1, 2], [3, 4]]);
    expect(() => solve(a, [q(1)])).toThrow(DimensionError);
    expect(() => solve(a, [q(1), q(2), q(3)])).toThrow(/^solve: /);
    expect(() => canSolve(a, [q(1)])).toThrow(DimensionError);
    expect(() => solve(f64([[1, 2]]), [1, 2])).toThrow(DimensionError);
  });

  it('ragged rows are refused', () => {
    expect(() => qqMatrix([[1, 2], [3]])).toThrow(DimensionError);
  });
});

describe('the method option', () => {
  const a = qqMatrix([[1, 2, 3], [4, 5, 6], [7, 8, 10]]); // det = 1(50-48) - 2(40-42) + 3(32-35) = -3
  const s = qqMatrix([[1, 2], [2, 1]]);

  it.each(['auto', 'fraction-free', 'gauss-jordan', 'modular'] as const)('%s gives the same exact answers', (method) => {
    expect(rank(a, { method })).toBe(3);
    expect(det(a, { method }).toString()).toBe('-3');
    expect(rref(a, { method }).pivots).toEqual([0, 1, 2]);
    expect(nullspace(a, { method })).toEqual([]);
    expect(inertia(s, { method })).toEqual({ pos: 1, neg: 1, zero: 0 });
    const x = solve(a, [q(1), q(1), q(1)], { method });
    // x = (-1, 1, 0): -1 + 2 = 1, -4 + 5 = 1, -7 + 8 = 1.
    expect(x.ok && x.x.map(String)).toEqual(['-1', '1', '0']);
  });

  it('an unknown method is a UsageError naming the function', () => {
    const bad = { method: 'lu' as unknown as LinalgMethod };
    expect(() => rank(a, bad)).toThrow(UsageError);
    expect(() => rank(a, bad)).toThrow(/^rank: unknown method "lu"/);
    expect(() => det(a, bad)).toThrow(/^det: unknown method/);
    expect(() => rref(a, bad)).toThrow(/^rref: unknown method/);
    expect(() => nullspace(a, bad)).toThrow(UsageError);
    expect(() => solve(a, [q(1), q(1), q(1)], bad)).toThrow(UsageError);
    expect(() => canSolve(a, [q(1), q(1), q(1)], bad)).toThrow(UsageError);
    expect(() => inertia(s, bad)).toThrow(/^inertia: unknown method/);
    expect(() => nullity(a, bad)).toThrow(UsageError);
    expect(() => rank(f64([[1]]), bad)).toThrow(UsageError);
    expect(() => rank(zz([[1]]), bad)).toThrow(UsageError);
  });

  it('an unknown method is refused even where no elimination is needed', () => {
    const bad = { method: 'GJ' as unknown as LinalgMethod };
    expect(() => rank(Mat.zeros(QQ, 0, 0), bad)).toThrow(UsageError);
  });
});
