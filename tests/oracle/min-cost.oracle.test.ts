/**
 * The minimum-cost interpolant of 1-D data (Savarese et al.; LITERATURE-B 3.2): the oracle table,
 * a second algorithm (the cost as a convex piecewise-linear function of the two tail slopes,
 * minimised over the vertices of its linearity arrangement), and the lower bound checked on
 * random interpolants with knots anywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { parseRational } from '../../src/field/parse.js';
import { Rational } from '../../src/field/rational.js';
import { minCostInterpolant, pathNorm, roughness, savareseCost } from '../../src/spline/cost.js';
import { evaluateSpline, splineFromJumps, type Jump } from '../../src/spline/spline.js';
import { toSpline } from '../../src/spline/to-spline.js';
import { splineToJson } from '../../src/spline/spline.js';

const q = (s: string | number): Rational => parseRational(String(s));
const qs = (xs: readonly (string | number)[]): Rational[] => xs.map(q);

// LITERATURE-B 3.2: x | y | s | TV_int | |B0| | R*
const TABLE: [number[], number[], number[], number, number, number][] = [
  [[0, 1, 2], [0, 1, 0], [1, -1], 2, 0, 2],
  [[0, 1], [0, 1], [1], 0, 2, 1],
  [[0, 1, 2, 3], [0, 1, 2, 3], [1, 1, 1], 0, 2, 1],
  [[-1, 0, 1], [1, 0, 1], [-1, 1], 2, 0, 2],
  [[0, 1, 2, 3], [0, 1, 0, 1], [1, -1, 1], 4, 2, 4],
  [[0, 1, 3, 4], [0, 2, 2, 0], [2, 0, -2], 4, 0, 4],
  [[0, 1, 2], [0, 1, 3], [1, 2], 1, 3, 2],
  [[0, 2, 3, 5], [1, -1, 2, 0], [-1, 3, -1], 8, 2, 8],
];

/** The interpolant interpolates, and its spline and net both cost exactly R*. */
function checkInterpolant(x: Rational[], y: Rational[]): ReturnType<typeof minCostInterpolant> {
  const r = minCostInterpolant(x, y);
  x.forEach((xi, i) => expect(evaluateSpline(r.spline, xi).eq(y[i])).toBe(true));
  expect(savareseCost(r.spline).eq(r.cost)).toBe(true);
  expect(splineToJson(toSpline(r.net))).toEqual(splineToJson(r.spline));
  if (r.net.layers.length === 2) expect(pathNorm(r.net).eq(r.cost)).toBe(true);
  else expect(r.cost.isZero()).toBe(true);
  return r;
}

describe('LITERATURE-B 3.2 oracle table', () => {
  it.each(TABLE)('x = %j, y = %j', (x, y, s, tv, b0, cost) => {
    const r = checkInterpolant(qs(x), qs(y));
    expect(r.dataSlopes.map(String)).toEqual(s.map(String));
    expect(r.interiorVariation.toString()).toBe(String(tv));
    expect(r.tailSum.abs().toString()).toBe(String(b0));
    expect(r.cost.toString()).toBe(String(cost));
  });
  it('matches the listed witnesses', () => {
    // (0,1) -> (0,1): f = relu(x); (0,1,2) -> (0,1,3): relu(x) + relu(x - 1); (0,1,2) -> (0,1,0): 1 - relu(x-1) - relu(1-x)
    expect(splineToJson(minCostInterpolant(qs([0, 1]), qs([0, 1])).spline)).toEqual({ knots: ['0'], slopes: ['0', '1'], values: ['0'], f0: '0' });
    expect(splineToJson(minCostInterpolant(qs([0, 1, 2]), qs([0, 1, 3])).spline)).toEqual({ knots: ['0', '1'], slopes: ['0', '1', '2'], values: ['0', '1'], f0: '0' });
    expect(splineToJson(minCostInterpolant(qs([0, 1, 2]), qs([0, 1, 0])).spline)).toEqual({ knots: ['1'], slopes: ['1', '-1'], values: ['1'], f0: '0' });
  });
  it('sorts the data, merges repeated points, and refuses contradictory ones', () => {
    const r = minCostInterpolant(qs([2, 0, 1, 0]), qs([0, 0, 1, 0]));
    expect(r.x.map(String)).toEqual(['0', '1', '2']);
    expect(r.cost.toString()).toBe('2');
    expect(() => minCostInterpolant(qs([0, 1, 0]), qs([0, 1, 2]))).toThrow(/points 0 and 2 share x = 0 but have labels 0 and 2/);
    expect(() => minCostInterpolant([], [])).toThrow(/at least one/);
  });
  it('one point: the constant, cost 0', () => {
    const r = checkInterpolant(qs(['1/2']), qs([3]));
    expect(splineToJson(r.spline)).toEqual({ knots: [], slopes: ['0'], values: [], f0: '3' });
  });
});

/**
 * Second algorithm: knots at the data and interior jumps are forced; the cost is
 * g(A, B) = max(|s1 - A| + TV + |B - s_last|, |A + B|) over the tail slopes A, B. g is convex and
 * piecewise linear and grows at infinity, so its minimum is at a vertex of the arrangement of the
 * lines where its pieces change; evaluate g at every vertex.
 */
function vertexMinimum(s1: Rational, sLast: Rational, tv: Rational): Rational {
  const lines: [Rational, Rational, Rational][] = [
    [q(1), q(0), s1], // A = s1
    [q(0), q(1), sLast], // B = s_last
    [q(1), q(1), q(0)], // A + B = 0
  ];
  for (const e1 of [1, -1]) for (const e2 of [1, -1]) for (const e3 of [1, -1]) {
    // e1 (s1 - A) + TV + e2 (B - s_last) = e3 (A + B)
    lines.push([q(-e1 - e3), q(e2 - e3), q(-e1).mul(s1).sub(tv).add(q(e2).mul(sLast))]);
  }
  const g = (A: Rational, B: Rational): Rational => {
    const a = s1.sub(A).abs().add(tv).add(B.sub(sLast).abs());
    const b = A.add(B).abs();
    return a.cmp(b) >= 0 ? a : b;
  };
  let best: Rational | null = null;
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const [a1, b1, c1] = lines[i];
      const [a2, b2, c2] = lines[j];
      const det = a1.mul(b2).sub(a2.mul(b1));
      if (det.isZero()) continue;
      const A = c1.mul(b2).sub(c2.mul(b1)).div(det);
      const B = a1.mul(c2).sub(a2.mul(c1)).div(det);
      const v = g(A, B);
      if (best === null || v.cmp(best) < 0) best = v;
    }
  }
  return best!;
}

describe('the closed form against a second algorithm on random data', () => {
  it('200 random instances (as LITERATURE-B checked against an LP)', () => {
    const rng = new SeededRng(3);
    for (let trial = 0; trial < 200; trial++) {
      const n = rng.nextInt(2, 7);
      const xs = new Set<number>();
      while (xs.size < n) xs.add(rng.nextInt(-10, 10));
      const x = [...xs].map((v) => Rational.of(v));
      const y = x.map(() => Rational.of(rng.nextInt(-6, 6), rng.nextInt(1, 3)));
      const r = checkInterpolant(x, y);
      const s = r.dataSlopes;
      expect(r.cost.eq(vertexMinimum(s[0], s[s.length - 1], r.interiorVariation)), `x=${x} y=${y}`).toBe(true);
    }
  });
});

describe('no interpolant costs less than R*', () => {
  // Interpolants with knots anywhere: the linear interpolant with free tail slopes, plus hats
  // (relu(x-a) - 2 relu(x-m) + relu(x-b), m the midpoint, scaled) that vanish at every data point
  // because each lies inside one gap or beyond the data.
  const data = fc.uniqueArray(fc.integer({ min: -6, max: 6 }), { minLength: 2, maxLength: 5 }).chain((xs) =>
    fc.record({
      x: fc.constant(xs.sort((a, b) => a - b)),
      y: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: xs.length, maxLength: xs.length }),
      tails: fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })),
      hats: fc.array(fc.tuple(fc.integer({ min: 0, max: xs.length }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: -4, max: 4 })), { maxLength: 3 }),
    }),
  );
  it('savareseCost of any of them is at least the closed form', () => {
    fc.assert(
      fc.property(data, ({ x, y, tails, hats }) => {
        const X = x.map((v) => Rational.of(v));
        const Y = y.map((v) => Rational.of(v));
        const n = X.length;
        const jumps: Jump[] = [];
        const slope = (k: number): Rational => Y[k + 1].sub(Y[k]).div(X[k + 1].sub(X[k]));
        const [A, B] = tails.map((t) => Rational.of(t));
        X.forEach((at, k) => jumps.push({ at, jump: (k === n - 1 ? B : slope(k)).sub(k === 0 ? A : slope(k - 1)) }));
        for (const [gap, width, height] of hats) {
          // a hat inside gap (X[gap-1], X[gap]), or beyond the ends for gap 0 and n
          const lo = gap === 0 ? X[0].sub(Rational.of(width + 1)) : X[gap - 1];
          const hi = gap === n ? X[n - 1].add(Rational.of(width + 1)) : X[gap];
          const a = lo.add(hi.sub(lo).div(Rational.of(4)));
          const b = hi.sub(hi.sub(lo).div(Rational.of(4)));
          const m = a.add(b).div(Rational.of(2));
          const h = Rational.of(height, width);
          jumps.push({ at: a, jump: h }, { at: m, jump: h.mul(Rational.of(-2)) }, { at: b, jump: h });
        }
        const f = splineFromJumps(A, jumps, { x: X[0], y: Y[0] });
        X.forEach((xi, i) => expect(evaluateSpline(f, xi).eq(Y[i])).toBe(true));
        expect(savareseCost(f).cmp(minCostInterpolant(X, Y).cost)).toBeGreaterThanOrEqual(0);
        expect(roughness(f).cmp(savareseCost(f))).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
