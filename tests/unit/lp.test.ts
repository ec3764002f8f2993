import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/field/rational.js';
import { M, V, q } from '../helpers/rationals.js';
import { findFeasiblePoint, findInteriorPoint, findStrictPoint, isFarkasCertificate, isInteriorCertificate, maximize, minimize } from '../../src/lp/index.js';

const str = (v: readonly Rational[]): string[] => v.map(String);

describe('maximize / minimize (exact simplex)', () => {
  it('solves a small LP with its dual certificate', () => {
    // max x + y s.t. x <= 1, y <= 2, x + y <= 5/2
    const A = M([[1, 0], [0, 1], [1, 1]]);
    const b = V([1, 2, '5/2']);
    const r = maximize(V([1, 1]), A, b);
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(r.value.toString()).toBe('5/2');
    // Dual: y >= 0, A^T y = c, b.y = value.
    expect(r.dual.every((y) => y.sign() >= 0)).toBe(true);
    const aty = [0, 1].map((j) => A.reduce((s, row, i) => s.add(row[j].mul(r.dual[i])), Rational.ZERO));
    expect(str(aty)).toEqual(['1', '1']);
    expect(b.reduce((s, bi, i) => s.add(bi.mul(r.dual[i])), Rational.ZERO).toString()).toBe('5/2');
  });

  it('does not cycle on Beale\'s example (Bland\'s rule)', () => {
    // max 3/4 x1 - 20 x2 + 1/2 x3 - 6 x4, the classic degenerate LP on which Dantzig's rule cycles.
    const A = M([
      ['1/4', -8, -1, 9],
      ['1/2', -12, '-1/2', 3],
      [0, 0, 1, 0],
      [-1, 0, 0, 0],
      [0, -1, 0, 0],
      [0, 0, -1, 0],
      [0, 0, 0, -1],
    ]);
    const r = maximize(V(['3/4', -20, '1/2', -6]), A, V([0, 0, 1, 0, 0, 0, 0]));
    expect(r.status).toBe('optimal');
    if (r.status === 'optimal') {
      expect(r.value.toString()).toBe('5/4');
      expect(str(r.x)).toEqual(['1', '0', '1', '0']);
    }
  });

  it('reports infeasibility with a Farkas vector', () => {
    // x <= -1 and -x <= 0
    const A = M([[1], [-1]]);
    const b = V([-1, 0]);
    const r = maximize(V([1]), A, b);
    expect(r.status).toBe('infeasible');
    if (r.status === 'infeasible') expect(isFarkasCertificate(A, b, r.farkas)).toBe(true);
    const f = findFeasiblePoint(A, b, 1);
    expect(f.ok).toBe(false);
  });

  it('reports unboundedness with an improving ray', () => {
    // max x + y s.t. -x <= 0, y - x <= 1
    const r = maximize(V([1, 1]), M([[-1, 0], [-1, 1]]), V([0, 1]));
    expect(r.status).toBe('unbounded');
    if (r.status === 'unbounded') {
      const [rx, ry] = r.ray;
      expect(rx.neg().sign()).toBeLessThanOrEqual(0);
      expect(ry.sub(rx).sign()).toBeLessThanOrEqual(0);
      expect(rx.add(ry).sign()).toBe(1);
    }
  });

  it('handles free variables absent from every constraint', () => {
    expect(maximize(V([0, 1]), M([[1, 0]]), V([3])).status).toBe('unbounded');
    const r = maximize(V([1, 0]), M([[1, 0]]), V([3]));
    expect(r.status === 'optimal' && r.value.toString()).toBe('3');
  });

  it('minimize negates', () => {
    const r = minimize(V([1]), M([[-1]]), V(['-7/3']));
    expect(r.status === 'optimal' && r.value.toString()).toBe('7/3');
  });

  it('handles an LP with no constraints and a zero objective', () => {
    const r = maximize(V([0, 0]), [], []);
    expect(r.status === 'optimal' && r.value.toString()).toBe('0');
  });

  it('refuses ragged input, naming the function', () => {
    expect(() => maximize(V([1, 1]), M([[1]]), V([1]))).toThrow(/maximize: row 0 has 1 entries, expected 2/);
  });
});

describe('findInteriorPoint / findStrictPoint', () => {
  it('finds a point of an open triangle', () => {
    // x > 0, y > 0, x + y < 1
    const r = findInteriorPoint({ strict: { A: M([[1, 0], [0, 1], [-1, -1]]), b: V([0, 0, -1]) } }, 2);
    expect(r.ok).toBe(true);
    if (r.ok) {
      const [x, y] = r.x;
      expect(x.sign()).toBe(1);
      expect(y.sign()).toBe(1);
      expect(q(1).sub(x).sub(y).sign()).toBe(1);
    }
  });

  it('tells an empty open set from a closed point (x >= 0, x <= 0 vs x > 0, x < 0)', () => {
    const closed = findInteriorPoint({ weak: { A: M([[1], [-1]]), b: V([0, 0]) } }, 1);
    expect(closed.ok && str(closed.x)).toEqual(['0']);
    const open = findInteriorPoint({ strict: { A: M([[1], [-1]]), b: V([0, 0]) } }, 1);
    expect(open.ok).toBe(false);
    // x > 0 with x = 0 (an equality) is empty; the certificate uses the equality row.
    const mixed = findInteriorPoint({ strict: { A: M([[1]]), b: V([0]) }, equal: { A: M([[1]]), b: V([0]) } }, 1);
    expect(mixed.ok).toBe(false);
    if (!mixed.ok) {
      const { strict, equal } = mixed.certificate;
      expect(strict[0].add(equal[0]).isZero()).toBe(true);
      expect(strict[0].sign()).toBe(1);
      expect(isInteriorCertificate({ strict: { A: M([[1]]), b: V([0]) }, equal: { A: M([[1]]), b: V([0]) } }, 1, mixed.certificate)).toBe(true);
    }
  });

  it('re-checks Motzkin certificates exactly, and rejects forged ones', () => {
    // x > 1, y >= 0, x + y = 1/2 is empty: 1 (x > 1) + 1 (y >= 0) - 1 (x + y = 1/2) gives 0 > 1/2.
    const sys = { strict: { A: M([[1, 0]]), b: V([1]) }, weak: { A: M([[0, 1]]), b: V([0]) }, equal: { A: M([[1, 1]]), b: V(['1/2']) } };
    const r = findInteriorPoint(sys, 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(isInteriorCertificate(sys, 2, r.certificate)).toBe(true);
    expect(isInteriorCertificate(sys, 2, { strict: V([1]), weak: V([1]), equal: V([-1]) })).toBe(true);
    expect(isInteriorCertificate(sys, 2, { strict: V([1]), weak: V([-1]), equal: V([-1]) })).toBe(false); // q < 0
    expect(isInteriorCertificate(sys, 2, { strict: V([1]), weak: V([0]), equal: V([-1]) })).toBe(false); // does not cancel y
    // Feasible once the equality moves to x + y = 2: the same multipliers no longer prove anything.
    expect(isInteriorCertificate({ ...sys, equal: { A: M([[1, 1]]), b: V([2]) } }, 2, { strict: V([1]), weak: V([1]), equal: V([-1]) })).toBe(false);
  });

  it('gives a Gordan certificate for an empty open cone', () => {
    // x > 0, y > 0, -x - y > 0 is empty: y = (1, 1, 1) combines the rows to 0.
    const A = M([[1, 0], [0, 1], [-1, -1]]);
    const r = findStrictPoint(A, 2);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.y.every((v) => v.sign() >= 0) && r.y.some((v) => v.sign() > 0)).toBe(true);
      for (const j of [0, 1]) expect(A.reduce((s, row, i) => s.add(row[j].mul(r.y[i])), Rational.ZERO).isZero()).toBe(true);
    }
  });

  it('agrees between the exact and the float-certified methods on a larger degenerate cone', () => {
    // 40 rows through the origin in R^3, all satisfied by (1, 1, 1) except one that cuts it off.
    const rows: Rational[][] = [];
    for (let i = 0; i < 40; i++) rows.push(V([1 + (i % 5), 1 + (i % 7), -(i % 3)]));
    const feasible = findStrictPoint(rows, 3, { method: 'float-certified' });
    expect(feasible.ok).toBe(findStrictPoint(rows, 3, { method: 'exact' }).ok);
    const blocked = [...rows, V([-1, -1, 0]), V([0, 0, 1]), V([1, 1, 0]), V([0, 0, -1])];
    expect(findStrictPoint(blocked, 3, { method: 'float-certified' }).ok).toBe(false);
    expect(findStrictPoint(blocked, 3, { method: 'exact' }).ok).toBe(false);
  });
});

describe('findInteriorPoint regression: the certified float path keeps affine points', () => {
  it('x = 2 with x - l = 0 stays (2, 2), not (1, 1), on the float-certified path (more than 6 rows)', () => {
    const z = Rational.ZERO;
    const one = Rational.ONE;
    const two = Rational.of(2);
    const system = {
      equal: { A: [[one, one.neg()], [one, z]], b: [z, two] },
      weak: { A: [[z, z], [z, z], [z, z], [one, z], [z, one]], b: [z, z, z, two, z] },
    };
    for (const method of ['auto', 'exact', 'float-certified'] as const) {
      const r = findInteriorPoint(system, 2, { method });
      expect(r.ok && r.x.map(String)).toEqual(['2', '2']);
    }
  });
});
