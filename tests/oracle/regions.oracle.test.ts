/**
 * Linear regions of networks against closed forms and brute force: the k-fold tent map has 2^k
 * pieces on [0,1]; generic shallow nets reach sum_{k<=d} binom(m, k) regions in R^d, of which
 * binom(m-1, d) are bounded (LITERATURE-B 8.2); activation patterns seen on a fine rational grid
 * are a subset of the exact list; every region's data checked at its interior point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRegions, genericAffineRegions, genericBoundedRegions, listRegions, type LinearRegion } from '../../src/arrangement/index.js';
import { SeededRng } from '../../src/core/rng.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { maximize } from '../../src/lp/index.js';
import { activationPattern, evaluate } from '../../src/network/evaluate.js';
import { createReluNet, type ReluNet } from '../../src/network/relu-net.js';
import { netOf } from '../helpers/nets.js';
import { rankFraction } from '../helpers/arrangements.js';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const unitBox = (d: number) => ({ lower: new Array(d).fill(q(0)), upper: new Array(d).fill(q(1)) });

/** t(x) = 2 relu(x) - 4 relu(x - 1/2), composed k times. */
function tentNet(k: number): ReluNet<Rational> {
  const layers = [{ W: [[q(1)], [q(1)]], b: [q(0), q(-1, 2)] }];
  for (let i = 1; i < k; i++) layers.push({ W: [[q(2), q(-4)], [q(2), q(-4)]], b: [q(0), q(-1, 2)] });
  layers.push({ W: [[q(2), q(-4)]], b: [q(0)] });
  return createReluNet(QQ, layers);
}

/** Region data checked at the interior point: inequalities strict, pattern and output exact. */
function checkRegion(net: ReluNet<Rational>, r: LinearRegion): void {
  const p = r.interiorPoint;
  const d = p.length;
  for (const f of r.inequalities) expect(f.slice(0, d).reduce((s, a, i) => s.add(a.mul(p[i])), f[d]).sign()).toBe(1);
  expect(activationPattern(net, p)).toEqual(r.pattern);
  const y = evaluate(net, p);
  r.affine.A.forEach((row, o) => expect(row.reduce((s, a, i) => s.add(a.mul(p[i])), r.affine.c[o]).eq(y[o])).toBe(true));
}

describe('the k-fold tent map', () => {
  it.each([1, 2, 3, 4, 5, 6])('has 2^%i pieces on [0, 1] with slopes +-2^k', (k) => {
    const net = tentNet(k);
    const regions = listRegions(net, { box: unitBox(1) });
    expect(regions).toHaveLength(2 ** k);
    for (const r of regions) {
      checkRegion(net, r);
      expect(r.affine.A[0][0].abs().eq(q(2 ** k))).toBe(true);
    }
  });
});

describe('8.2 generic shallow nets in R^d', () => {
  const table: Record<number, number[]> = { 1: [2, 3, 4, 5, 6, 7], 2: [2, 4, 7, 11, 16, 22], 3: [2, 4, 8, 15, 26, 42] };
  /** Hyperplanes w_i.x + b_i = 0 in general position: any <= d normals independent, any d+1 of (w, b) independent. */
  const generic = (W: number[][], b: number[], d: number): boolean => {
    const m = W.length;
    const subsets = (k: number): number[][] => (k === 0 ? [[]] : subsets(k - 1).flatMap((s) => Array.from({ length: m }, (_, i) => i).filter((i) => s.length === 0 || i > s[s.length - 1]).map((i) => [...s, i])));
    for (let k = 1; k <= Math.min(d, m); k++) if (subsets(k).some((s) => rankFraction(s.map((i) => W[i])) < k)) return false;
    if (m > d && subsets(d + 1).some((s) => rankFraction(s.map((i) => [...W[i], b[i]])) < d + 1)) return false;
    return true;
  };
  it.each([1, 2, 3])('d = %i, m = 1..6: counts and bounded counts', (d) => {
    for (let m = 1; m <= 6; m++) {
      // Seeded pseudo-random integer weights, redrawn until generic.
      const rng = new SeededRng(1000 * d + m);
      for (;;) {
        const W = Array.from({ length: m }, () => Array.from({ length: d }, () => rng.nextInt(-9, 9)));
        const b = Array.from({ length: m }, () => rng.nextInt(-9, 9));
        if (!generic(W, b, d)) continue;
        const net = createReluNet(QQ, [
          { W: W.map((r) => r.map((x) => q(x))), b: b.map((x) => q(x)) },
          { W: [W.map((_, i) => q(i + 1))], b: [q(0)] },
        ]);
        const regions = listRegions(net);
        expect(regions).toHaveLength(table[d][m - 1]);
        expect(BigInt(regions.length)).toBe(genericAffineRegions(m, d));
        regions.forEach((r) => checkRegion(net, r));
        const bounded = regions.filter((r) => isBounded(r, d)).length;
        expect(BigInt(bounded)).toBe(genericBoundedRegions(m, d));
        break;
      }
    }
  });
});

/** Bounded iff every coordinate is bounded above and below on the closure (2d exact LPs). */
function isBounded(r: LinearRegion, d: number): boolean {
  const A = r.inequalities.map((f) => f.slice(0, d).map((a) => a.neg())); // -a.x <= b
  const b = r.inequalities.map((f) => f[d]);
  for (let i = 0; i < d; i++) {
    for (const s of [1, -1]) {
      const c = Array.from({ length: d }, (_, j) => (j === i ? q(s) : q(0)));
      if (maximize(c, A, b).status === 'unbounded') return false;
    }
  }
  return true;
}

describe('brute force on a fine rational grid: every pattern seen is a listed region', () => {
  it('random deep nets on [0,1]^d, d = 1, 2', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }).chain((d) => fc.tuple(fc.constant(d), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }))).chain(([d, hidden]) => netOf([d, ...hidden, 1])),
        (net) => {
          const d = net.layers[0].W.ncols;
          const regions = listRegions(net, { box: unitBox(d) });
          const listed = new Set(regions.map((r) => JSON.stringify(r.pattern)));
          expect(listed.size).toBe(regions.length);
          regions.forEach((r) => checkRegion(net, r));
          const N = d === 1 ? 97 : 23;
          const seen = new Set<string>();
          const grid = (i: number) => q(2 * i + 1, 2 * N); // cell centres, strictly inside the box
          const points = d === 1 ? Array.from({ length: N }, (_, i) => [grid(i)]) : Array.from({ length: N * N }, (_, t) => [grid(t % N), grid(Math.floor(t / N))]);
          for (const x of points) {
            const pat = activationPattern(net, x);
            // A point on a switching hyperplane of a neuron that is not identically zero is on a boundary: skip.
            seen.add(JSON.stringify(pat));
          }
          for (const s of seen) {
            if (listed.has(s)) continue;
            // Only boundary points may carry an unlisted pattern (a zero where the region has a sign).
            expect(s).toContain('0');
          }
          expect(regions.length).toBeGreaterThanOrEqual([...seen].filter((s) => listed.has(s)).length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('completeness in 1-D: the regions tile the interval', () => {
  it('interval lengths add up to the box length, exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }).chain((hidden) => netOf([1, ...hidden, 1])), (net) => {
        const box = { lower: [q(-2)], upper: [q(3)] };
        let total = q(0);
        for (const r of listRegions(net, { box })) {
          // Each form a x + b > 0 bounds x on one side.
          let lo = box.lower[0];
          let hi = box.upper[0];
          for (const [a, b] of r.inequalities) {
            if (a.isZero()) continue;
            const root = b.neg().div(a);
            if (a.sign() > 0 && root.cmp(lo) > 0) lo = root;
            if (a.sign() < 0 && root.cmp(hi) < 0) hi = root;
          }
          expect(hi.cmp(lo)).toBe(1);
          total = total.add(hi.sub(lo));
        }
        expect(total.toString()).toBe('5');
      }),
      { numRuns: 60 },
    );
  });
});

describe('regions API', () => {
  it('a net without hidden layers is one affine region', () => {
    const net = createReluNet(QQ, [{ W: [[q(2), q(-1)]], b: [q(3)] }]);
    const [r, ...rest] = listRegions(net);
    expect(rest).toHaveLength(0);
    expect(r.pattern).toEqual([]);
    expect(r.affine.A[0].map(String)).toEqual(['2', '-1']);
  });
  it('counts regions of relu(x) + relu(-x) in R (2) and in a box that misses the kink (1)', () => {
    const net = createReluNet(QQ, [
      { W: [[q(1)], [q(-1)]], b: [q(0), q(0)] },
      { W: [[q(1), q(1)]], b: [q(0)] },
    ]);
    expect(countRegions(net)).toBe(2);
    expect(countRegions(net, { box: { lower: [q(1)], upper: [q(2)] } })).toBe(1);
  });
  it('marks a neuron that vanishes on a whole region with 0', () => {
    // Second layer neuron relu(h1 - h1) = 0 identically.
    const net = createReluNet(QQ, [
      { W: [[q(1)]], b: [q(0)] },
      { W: [[q(0)]], b: [q(0)] },
      { W: [[q(1)]], b: [q(0)] },
    ]);
    const regions = listRegions(net);
    expect(regions.map((r) => r.pattern)).toEqual([[[1], [0]], [[-1], [0]]]);
  });
  it('refuses a bad box', () => {
    const net = tentNet(1);
    expect(() => listRegions(net, { box: { lower: [q(1)], upper: [q(0)] } })).toThrow(/lower 1 must be below upper 0/);
    expect(() => listRegions(net, { box: { lower: [q(0), q(0)], upper: [q(1), q(1)] } })).toThrow(/the net takes 1 inputs/);
  });
  it('stops on a count budget', () => {
    expect(() => listRegions(tentNet(5), { box: unitBox(1), maxCount: 7 })).toThrow(/more than 7 regions/);
  });
});
