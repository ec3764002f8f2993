/**
 * `npm run check:slow`: the modular path on benchmark-sized matrices against the fraction-free
 * path and against constructions of known rank; A N = 0 checked in bigint.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { QQ, Rational, ZZ } from '../../src/field/index.js';
import { det, Mat, matVec, nullspace, rank, solve } from '../../src/linalg/index.js';
import { jacobianRows } from '../../bench/jacobian.js';

const MOD = { method: 'modular' } as const;
const FF = { method: 'fraction-free' } as const;

function deficient(seed: number, m: number, n: number, r: number): Mat<bigint> {
  const rng = new SeededRng(seed);
  const rows = Array.from({ length: r }, () => Array.from({ length: n }, () => BigInt(rng.nextInt(-100, 100))));
  while (rows.length < m) {
    const a = rows[rng.nextInt(0, r - 1)];
    const b = rows[rng.nextInt(0, r - 1)];
    rows.push(a.map((x, j) => x - b[j]));
  }
  return Mat.fromRows(ZZ, rows, n);
}

describe('modular on large matrices', () => {
  it('200x300 of rank 150: rank, and a nullspace of 150 vectors with A N = 0 in bigint', () => {
    const a = deficient(12, 200, 300, 150);
    expect(rank(a, MOD)).toBe(150);
    expect(rank(a, FF)).toBe(150);
    const basis = nullspace(a, MOD);
    expect(basis.length).toBe(150);
    for (const v of basis) expect(matVec(a, v).every((x) => x === 0n)).toBe(true);
  });

  it('120x120 det and rational solve agree with fraction-free', () => {
    const rng = new SeededRng(15);
    const a = Mat.fromRows(QQ, Array.from({ length: 120 }, () => Array.from({ length: 120 }, () => Rational.of(rng.nextInt(-20, 20), rng.nextInt(1, 20)))), 120);
    const b = Array.from({ length: 120 }, () => Rational.of(rng.nextInt(-20, 20), rng.nextInt(1, 20)));
    expect(det(a, MOD).toString()).toBe(det(a, FF).toString());
    const s = solve(a, b, MOD);
    expect(s.ok).toBe(true);
    if (s.ok) expect(matVec(a, s.x).map(String)).toEqual(b.map(String));
  });

  it('the (4,16,16,1) Jacobian at 400 points: rank and nullspace agree with fraction-free', () => {
    const a = Mat.fromRows(QQ, jacobianRows(400, 21), 369);
    const r = rank(a, MOD);
    expect(r).toBe(rank(a, FF));
    const basis = nullspace(a, MOD);
    expect(basis.length).toBe(369 - r);
    for (const v of basis) expect(matVec(a, v).every((x) => x.isZero())).toBe(true);
  });
});
