import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { criticalPoints, type CriticalFamily } from '../../src/analyses/landscape/critical.js';
import { optimum } from '../../src/analyses/landscape/optimum.js';
import { qqMatrix } from '../../src/linalg/mat.js';
import { inertia } from '../../src/linalg/operations.js';
import { parseRational } from '../../src/field/parse.js';
import { Rational } from '../../src/field/rational.js';
import { exactDifferences, oneSidedDifference } from '../helpers/landscape.js';

const q = (s: string | number): Rational => parseRational(String(s));
const data1d = (xs: (string | number)[], ys: (string | number)[]) => ({ X: xs.map((x) => [q(x)]), y: ys.map(q) });
const describeRoles = (f: CriticalFamily): string =>
  f.neurons
    .map((r) => {
      if (r.role === 'live') return `live ${r.place.kind}${r.place.kind === 'gap' ? r.place.gap : r.place.sample}${r.orientation > 0 ? '+' : '-'}`;
      if (r.role === 'zero-slope') return `zero-slope ${r.place.kind}${r.place.kind === 'gap' ? r.place.gap : r.place.sample}${r.orientation > 0 ? '+' : '-'} ${r.beta}`;
      if (r.role === 'dead') return `dead ${r.place.kind === 'gap' ? r.place.gap : ''}${r.orientation > 0 ? '+' : '-'}`;
      if (r.role === 'constant') return `constant ${r.v}`;
      return r.role;
    })
    .join(', ');
const summary = (fs: CriticalFamily[]): string[] => fs.map((f) => `${f.kind} ${f.sse} dim ${f.dimension}: ${describeRoles(f)}`).sort();

describe('criticalPoints: a case enumerated by hand', () => {
  // x = (-1, 0, 1), y = (1, 0, 1), one neuron, output bias. Live neurons (mu != 0): a kink in
  // (-1, 0) facing left fits x = -1 exactly and c = 1/2 the other two (a one-parameter family:
  // beta in (-1, 0), mu (1 + beta) = 1/2), and its mirror; every other gap either fits exactly
  // with beta outside its gap, or fits the constant 2/3 with mu = 0. With mu = 0, f = 2/3,
  // r = (-1/3, 2/3, -1/3): sum r = sum r x = 0 over all points, so the neurons active everywhere
  // have a free beta; every other active set pins beta on a sample (not in its open gap).
  const r = criticalPoints(data1d([-1, 0, 1], [1, 0, 1]), 1);
  it('the smooth critical points: all minima (no pinned zero slope exists here)', () => {
    expect(r.complete).toBe(true);
    expect(summary(r.criticalPoints)).toEqual(
      [
        'minimum 1/2 dim 1: live gap1-',
        'minimum 1/2 dim 1: live gap2+',
        'minimum 2/3 dim 1: zero-slope gap0+ free',
        'minimum 2/3 dim 1: zero-slope gap3- free',
        'minimum 2/3 dim 1: constant free',
        'minimum 2/3 dim 1: off',
        'minimum 2/3 dim 2: dead 0-',
        'minimum 2/3 dim 2: dead 3+',
      ].sort(),
    );
  });
  it('the Clarke points: the kink on x = 0 (one-sided partials -1/2 | 0: a minimum), the zero slopes on x = +-1 (saddles)', () => {
    expect(summary(r.clarkePoints)).toEqual(
      [
        'minimum 1/2 dim 0: live at1+',
        'minimum 1/2 dim 0: live at1-',
        'saddle 2/3 dim 0: zero-slope at0+ pinned',
        'saddle 2/3 dim 0: zero-slope at0- pinned',
        'saddle 2/3 dim 0: zero-slope at2+ pinned',
        'saddle 2/3 dim 0: zero-slope at2- pinned',
        'saddle 2/3 dim 0: zero',
      ].sort(),
    );
    const kink = r.clarkePoints.find((f) => describeRoles(f) === 'live at1+')!;
    expect(kink.oneSided!.map((o) => [String(o.left), String(o.right)])).toEqual([['-1/2', '0']]);
  });
  it('the lowest value is the global optimum 1/2', () => {
    expect(String(r.lowestSse)).toBe('1/2');
    expect(optimum(data1d([-1, 0, 1], [1, 0, 1]), 1).sse.toString()).toBe('1/2');
  });
  it('a pinned zero slope is a strict saddle: x = (0, 1, 2, 3), y = (0, 1, 0, 0), one neuron', () => {
    const c = criticalPoints(data1d([0, 1, 2, 3], [0, 1, 0, 0]), 1);
    const saddles = c.criticalPoints.filter((f) => f.kind === 'saddle');
    expect(saddles.length).toBeGreaterThan(0);
    for (const f of saddles) expect(f.neurons.some((n) => (n.role === 'zero-slope' && n.beta === 'pinned') || (n.role === 'constant' && n.v === 'zero'))).toBe(true);
  });
});

const univariate = fc
  .record({
    xs: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2, maxLength: 5 }),
    ys: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ xs, ys }) => data1d(xs, ys.slice(0, xs.length)));

describe('criticalPoints against independent checks', () => {
  test.prop([univariate, fc.integer({ min: 1, max: 2 }), fc.boolean()], { numRuns: 15 })(
    'complete; its lowest value is the pattern-QP optimum; every smooth point has zero gradient and the inertia of its exact finite-difference Hessian',
    (d, m, outputBias) => {
      const r = criticalPoints(d, m, { outputBias });
      expect(r.complete).toBe(true);
      expect(String(r.lowestSse)).toBe(optimum(d, m, { outputBias }).sse.toString());
      const P = 3 * m + (outputBias ? 1 : 0);
      // Check a spread of families (all of them would be slow): every third.
      r.criticalPoints.forEach((f, idx) => {
        expect(f.kind === 'minimum' || f.kind === 'saddle').toBe(true);
        expect(f.inertia!.zero).toBeGreaterThanOrEqual(m); // the scaling orbits
        if (f.splineInertia !== null) {
          // Sylvester through the chart at a critical point: H_net = Dphi^T H_spline Dphi.
          expect([f.inertia!.pos, f.inertia!.neg, f.inertia!.zero - m]).toEqual([f.splineInertia.pos, f.splineInertia.neg, f.splineInertia.zero]);
          expect(f.splineInertia.zero).toBeGreaterThanOrEqual(f.dimension); // a family's tangents are in the kernel
        }
        // The derived theorem: a saddle exactly when some zero slope is pinned (or a constant has sum r x != 0).
        const breaks = f.neurons.some((n) => (n.role === 'zero-slope' && n.beta === 'pinned') || (n.role === 'constant' && n.v === 'zero'));
        expect(f.kind === 'saddle').toBe(breaks);
        if (idx % 3 !== 0) return;
        const fd = exactDifferences(f.net, d.X, d.y);
        expect(fd).not.toBeNull();
        expect(fd!.gradient.slice(0, P).every((g) => g.isZero())).toBe(true);
        expect(inertia(qqMatrix(fd!.hessian.slice(0, P).map((row) => row.slice(0, P))))).toEqual(f.inertia);
      });
    },
  );

  test.prop([univariate, fc.integer({ min: 1, max: 2 })], { numRuns: 15 })('Clarke points: at a breakpoint on a sample the one-sided b-partials (exact quotients) bracket 0', (d, m) => {
    const r = criticalPoints(d, m);
    for (const f of r.clarkePoints.slice(0, 6)) {
      for (const o of f.oneSided ?? []) {
        const b = m + o.neuron; // index of b_i in relu-net/1 order: w_1..w_m, b_1..b_m, ...
        const right = oneSidedDifference(f.net, d.X, d.y, b, 1);
        const left = oneSidedDifference(f.net, d.X, d.y, b, -1).neg();
        expect(right.sign() * left.sign()).toBeLessThanOrEqual(0);
      }
    }
  });

  it('duplicate x values: the lowest critical value is still the optimum', () => {
    const d = data1d([0, 0, 1, 2, 2, 3], [1, 2, 0, 1, 3, 0]);
    for (const m of [1, 2]) expect(String(criticalPoints(d, m).lowestSse)).toBe(optimum(d, m).sse.toString());
  });
});

describe('budgets', () => {
  it('a count budget stops the enumeration with complete = false and what was found so far', () => {
    const r = criticalPoints(data1d([0, 1, 2, 3, 4], [0, 2, 1, 3, 0]), 2, { maxCount: 20 });
    expect(r.complete).toBe(false);
    expect(r.counts.cells).toBe(20);
    expect(r.counts.cellsTotal).toBeGreaterThan(20);
  });
});
