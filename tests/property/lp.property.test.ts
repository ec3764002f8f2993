/**
 * The exact LP against brute force on tiny systems: optima by enumerating every vertex of a
 * boxed polygon, and open polygons by testing centroids of vertex triples (an open bounded
 * convex polygon is nonempty iff the centroid of three of its vertices lies inside it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/field/rational.js';
import { findInteriorPoint, findStrictPoint, maximize, type LpMethod } from '../../src/lp/index.js';

const R = (n: number): Rational => Rational.of(n);
const smallInt = fc.integer({ min: -4, max: 4 });
const row2 = fc.tuple(smallInt, smallInt, smallInt); // a1 x + a2 y <= b  (or > b)
const BOX = [
  [1, 0, 5],
  [-1, 0, 5],
  [0, 1, 5],
  [0, -1, 5],
];

type Pt = [Rational, Rational];

/** Pairwise intersections of the lines a1 x + a2 y = b. */
function vertices(lines: number[][]): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const [a, b, e] = lines[i];
      const [c, d, f] = lines[j];
      const det = a * d - b * c;
      if (det === 0) continue;
      out.push([Rational.of(e * d - b * f, det), Rational.of(a * f - e * c, det)]);
    }
  }
  return out;
}
const lhs = ([a, b]: number[], [x, y]: Pt): Rational => R(a).mul(x).add(R(b).mul(y));

describe('maximize agrees with vertex enumeration on boxed 2-D LPs', () => {
  it('same status and optimal value', () => {
    fc.assert(
      fc.property(fc.array(row2, { minLength: 0, maxLength: 5 }), fc.tuple(smallInt, smallInt), (extra, [c1, c2]) => {
        const rows = [...BOX, ...extra.map(([a, b, e]) => [a, b, e])];
        const feasible = vertices(rows).filter((p) => rows.every((r) => lhs(r, p).cmp(R(r[2])) <= 0));
        const r = maximize([R(c1), R(c2)], rows.map((r) => [R(r[0]), R(r[1])]), rows.map((r) => R(r[2])));
        if (feasible.length === 0) {
          expect(r.status).toBe('infeasible');
          return;
        }
        expect(r.status).toBe('optimal');
        const best = feasible.map((p) => lhs([c1, c2], p)).reduce((m, v) => (v.cmp(m) > 0 ? v : m));
        if (r.status === 'optimal') expect(r.value.toString()).toBe(best.toString());
      }),
    );
  });
});

describe.each<LpMethod>(['exact', 'float-certified'])('findInteriorPoint (%s) agrees with centroid brute force', (method) => {
  it('open boxed polygons', () => {
    fc.assert(
      fc.property(fc.array(row2, { minLength: 1, maxLength: 6 }), (extra) => {
        // Strict rows a.x < b, i.e. -a.x > -b.
        const rows = [...BOX, ...extra];
        const inside = (p: Pt): boolean => rows.every((r) => lhs(r, p).cmp(R(r[2])) < 0);
        const vs = vertices(rows);
        let brute = false;
        for (let i = 0; i < vs.length && !brute; i++)
          for (let j = i + 1; j < vs.length && !brute; j++)
            for (let k = j + 1; k < vs.length && !brute; k++) {
              const c: Pt = [vs[i][0].add(vs[j][0]).add(vs[k][0]).div(R(3)), vs[i][1].add(vs[j][1]).add(vs[k][1]).div(R(3))];
              brute = inside(c);
            }
        const r = findInteriorPoint({ strict: { A: rows.map((r) => [R(-r[0]), R(-r[1])]), b: rows.map((r) => R(-r[2])) } }, 2, { method });
        expect(r.ok).toBe(brute);
        if (r.ok) expect(inside([r.x[0], r.x[1]])).toBe(true);
      }),
    );
  });

  it('open cones in R^3: the point or the Gordan certificate checks out', () => {
    const row3 = fc.tuple(smallInt, smallInt, smallInt);
    fc.assert(
      fc.property(fc.array(row3, { minLength: 1, maxLength: 12 }), (rows) => {
        const A = rows.map((r) => r.map(R));
        const r = findStrictPoint(A, 3, { method });
        if (r.ok) {
          expect(A.every((a) => a.reduce((s, v, j) => s.add(v.mul(r.x[j])), Rational.ZERO).sign() > 0)).toBe(true);
        } else {
          expect(r.y.every((v) => v.sign() >= 0) && r.y.some((v) => v.sign() > 0)).toBe(true);
          for (const j of [0, 1, 2]) expect(A.reduce((s, a, i) => s.add(a[j].mul(r.y[i])), Rational.ZERO).isZero()).toBe(true);
        }
      }),
    );
  });
});
