import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/field/rational.js';
import { M, V, q } from '../helpers/rationals.js';
import { findInteriorPoint } from '../../src/lp/interior.js';
import { minimizeConvexQp, minimizeLeastSquares, type ConvexQp } from '../../src/lp/qp.js';
import { isFarkasCertificate } from '../../src/lp/optimize.js';

const strs = (v: readonly Rational[]): string[] => v.map(String);
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, i) => s.add(v.mul(b[i])), Rational.ZERO);

/**
 * Independent oracle: a convex QP's optimum is any KKT point. For each support F of the
 * multipliers, the KKT system {Q x - A_F^T l = -q, A_F x = b_F, A x >= b, l >= 0} is linear:
 * one exact LP (the simplex, not Lemke). Returns the optimal value, or null if no KKT point.
 */
function kktEnumeration(qp: ConvexQp): Rational | null {
  const n = qp.q.length;
  const k = qp.A.length;
  for (let mask = 0; mask < 1 << k; mask++) {
    const F = [...Array(k).keys()].filter((j) => (mask >> j) & 1);
    const nv = n + F.length;
    const pad = (row: Rational[], extra: Rational[]): Rational[] => [...row, ...extra];
    const zeros = (c: number): Rational[] => new Array<Rational>(c).fill(Rational.ZERO);
    const eqA: Rational[][] = [];
    const eqB: Rational[] = [];
    for (let i = 0; i < n; i++) {
      eqA.push(pad(qp.Q[i].slice(), F.map((j) => qp.A[j][i].neg())));
      eqB.push(qp.q[i].neg());
    }
    for (const j of F) {
      eqA.push(pad(qp.A[j].slice(), zeros(F.length)));
      eqB.push(qp.b[j]);
    }
    const weakA = [...qp.A.map((row) => pad(row.slice(), zeros(F.length))), ...F.map((_, t) => pad(zeros(n), zeros(F.length).map((_, u) => (u === t ? Rational.ONE : Rational.ZERO))))];
    const weakB = [...qp.b, ...F.map(() => Rational.ZERO)];
    const r = findInteriorPoint({ equal: { A: eqA, b: eqB }, weak: { A: weakA, b: weakB } }, nv);
    if (r.ok) {
      const x = r.x.slice(0, n);
      return dot(x, qp.Q.map((row) => dot(row, x))).div(Rational.of(2)).add(dot(qp.q, x));
    }
  }
  return null;
}

describe('minimizeConvexQp (Lemke, lexicographic, exact)', () => {
  it('projects onto a half-plane with its multiplier', () => {
    // min 1/2 ||x - (1, 1)||^2 s.t. -x1 - x2 >= -1: x = (1/2, 1/2), l = 1/2.
    const r = minimizeConvexQp({ Q: M([[1, 0], [0, 1]]), q: V([-1, -1]), A: M([[-1, -1]]), b: V([-1]) });
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(strs(r.x)).toEqual(['1/2', '1/2']);
    expect(strs(r.multipliers)).toEqual(['1/2']);
    expect(r.value.toString()).toBe('-3/4');
  });

  it('ends at the apex of a cone with many redundant constraints (fully degenerate)', () => {
    // min ||x - (-1, -2)||^2 over {x1 >= 0, x2 >= 0, x1 + x2 >= 0, 2 x1 + x2 >= 0, x1 + 3 x2 >= 0}.
    const A = M([[1, 0], [0, 1], [1, 1], [2, 1], [1, 3], [1, 0]]);
    const r = minimizeLeastSquares(M([[1, 0], [0, 1]]), V([-1, -2]), A, V([0, 0, 0, 0, 0, 0]));
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(strs(r.x)).toEqual(['0', '0']);
    expect(r.value.toString()).toBe('5');
  });

  it('handles a singular Q (rank-deficient least squares) and free directions', () => {
    // min (x1 + x2 - 3)^2 s.t. x1 <= 1, x2 <= 1: value 1 on the segment's corner x = (1, 1).
    const r = minimizeLeastSquares(M([[1, 1]]), V([3]), M([[-1, 0], [0, -1]]), V([-1, -1]));
    expect(r.status).toBe('optimal');
    if (r.status === 'optimal') expect(r.value.toString()).toBe('1');
    // No constraints, a whole line of minimisers: value 0.
    const free = minimizeLeastSquares(M([[1, 1], [2, 2]]), V([1, 2]), [], []);
    expect(free.status === 'optimal' && free.value.toString()).toBe('0');
  });

  it('reports infeasible constraints with a Farkas vector, and an unbounded objective', () => {
    const A = M([[1], [-1]]);
    const b = V([1, 0]); // x >= 1 and -x >= 0
    const r = minimizeConvexQp({ Q: M([[1]]), q: V([0]), A, b });
    expect(r.status).toBe('infeasible');
    if (r.status === 'infeasible') expect(isFarkasCertificate(A.map((row) => row.map((v) => v.neg())), b.map((v) => v.neg()), r.farkas)).toBe(true);
    expect(minimizeConvexQp({ Q: M([[0]]), q: V([-1]), A: [], b: [] }).status).toBe('unbounded');
  });

  it('refuses a non-convex objective', () => {
    expect(() => minimizeConvexQp({ Q: M([[1, 2], [2, 1]]), q: V([0, 0]), A: [], b: [] })).toThrow('not convex');
  });

  const small = fc.integer({ min: -3, max: 3 });
  const qpArb = fc.integer({ min: 1, max: 3 }).chain((n) =>
    fc.record({
      G: fc.array(fc.array(small, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 }),
      y: fc.array(small, { minLength: 4, maxLength: 4 }),
      A: fc.array(fc.array(small, { minLength: n, maxLength: n }), { minLength: 0, maxLength: 5 }),
      x0: fc.array(small, { minLength: n, maxLength: n }),
      slack: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
    }),
  );
  test.prop([qpArb], { numRuns: 150 })('least squares under constraints: the value of the KKT enumeration, and never above a feasible point', ({ G, y, A, x0, slack }) => {
    const Gq = G.map((r) => r.map((v) => q(v)));
    const yq = y.slice(0, G.length).map((v) => q(v));
    const Aq = A.map((r) => r.map((v) => q(v)));
    // b = A x0 - slack: x0 is feasible, often with several constraints tight (degenerate).
    const b = Aq.map((row, j) => dot(row, x0.map((v) => q(v))).sub(q(slack[j])));
    const r = minimizeLeastSquares(Gq, yq, Aq, b);
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    const n = x0.length;
    const Q = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Gq.reduce((s, row) => s.add(row[i].mul(row[j])), Rational.ZERO)));
    const lin = Array.from({ length: n }, (_, i) => Gq.reduce((s, row, t) => s.sub(row[i].mul(yq[t])), Rational.ZERO));
    const half = kktEnumeration({ Q, q: lin, A: Aq, b });
    expect(half).not.toBeNull();
    const yy = dot(yq, yq);
    expect(half!.mul(Rational.of(2)).add(yy).toString()).toBe(r.value.toString());
    const at = (x: Rational[]): Rational => Gq.reduce((s, row, t) => s.add(dot(row, x).sub(yq[t]).mul(dot(row, x).sub(yq[t]))), Rational.ZERO);
    expect(r.value.cmp(at(x0.map((v) => q(v))))).toBeLessThanOrEqual(0);
  });
});
