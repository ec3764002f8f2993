import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  canonicalSmoothNet,
  createSmoothNet,
  decimalContext,
  differenceAsExponentialSum,
  evaluateExponentialSum,
  evaluateSmooth,
  evaluateSmoothFloat,
  parameterDistance,
  recoverSmoothNet,
  uniquenessSet,
  uniquenessSetSize,
  type SmoothActivation,
  type SmoothNet,
} from '../../src/analyses/identifiability/index.js';
import { SeededRng } from '../../src/core/rng.js';

const D = decimalContext(60);
const close = (a: Decimal, b: Decimal, digits: number): boolean => a.sub(b).abs().lte(new D(10).pow(-digits).mul(Decimal.max(1, b.abs())));

function randomNet(rng: SeededRng, activation: SmoothActivation, m: number): SmoothNet {
  const r = (k: number): string => (rng.nextInt(-4 * k, 4 * k) / 4).toString();
  return createSmoothNet(
    activation,
    Array.from({ length: m }, () => ({ a: r(3), w: r(2), b: r(2) })),
    r(1),
  );
}

describe('smooth nets: evaluation and symmetries', () => {
  it('decimal evaluation agrees with float64, and with tanh written through exp (an independent formula)', () => {
    const f = createSmoothNet('tanh', [{ a: '1.5', w: 2, b: -1 }, { a: '-0.7', w: '-1.2', b: '0.4' }], '0.25');
    for (const x of [-2, -0.3, 0, 0.7, 3]) {
      expect(Math.abs(evaluateSmooth(f, x).toNumber() - evaluateSmoothFloat(f, x))).toBeLessThan(1e-14);
      const viaExp = f.neurons.reduce((acc, n) => {
        const e = D.exp(new D(n.w).mul(x).add(n.b).mul(2));
        return acc.add(new D(n.a).mul(e.sub(1).div(e.add(1))));
      }, new D(f.c));
      expect(close(evaluateSmooth(f, x, 60), viaExp, 55)).toBe(true);
    }
  });

  it('sign flips and permutations leave the function and the representative unchanged (the sigmoid moves c by a)', () => {
    for (const activation of ['tanh', 'sigmoid'] as const) {
      const f = createSmoothNet(activation, [{ a: 2, w: '0.5', b: 1 }, { a: -1, w: -3, b: '0.25' }], 1);
      const [p, q] = f.neurons;
      const flipped = createSmoothNet(activation, [{ a: q.a, w: q.w, b: q.b }, { a: p.a.neg(), w: p.w.neg(), b: p.b.neg() }], activation === 'sigmoid' ? f.c.add(p.a) : f.c);
      for (const x of [-1, 0, 2]) expect(close(evaluateSmooth(flipped, x), evaluateSmooth(f, x), 45)).toBe(true);
      expect(parameterDistance(flipped, f).isZero()).toBe(true);
      expect(canonicalSmoothNet(flipped).neurons.every((n) => n.w.gt(0))).toBe(true);
    }
  });
});

describe('the 2^(2m) uniqueness set (LITERATURE-A 4.5)', () => {
  it('has 4^m distinct points', () => {
    expect([0, 1, 2, 3].map(uniquenessSetSize)).toEqual([1, 4, 16, 64]);
    const pts = uniquenessSet(2);
    expect(new Set(pts.map(String)).size).toBe(16);
  });

  it('(f - g) prod (1 + u_j) is the exponential sum of the derivation, with at most 2^(2m) exponents', () => {
    const rng = new SeededRng(4);
    for (const activation of ['tanh', 'sigmoid'] as const) {
      for (let trial = 0; trial < 4; trial++) {
        const m = 1 + (trial % 2);
        const [f, g] = [randomNet(rng, activation, m), randomNet(rng, activation, m)];
        const sum = differenceAsExponentialSum(f, g, 60);
        expect(sum.terms.length).toBeLessThanOrEqual(uniquenessSetSize(m));
        for (const x of ['-1.5', '0', '0.3', '2']) {
          const z = [...f.neurons, ...g.neurons].map((n) => new D(n.w).mul(x).add(n.b));
          const P = z.reduce((acc, zj) => acc.mul(new D(1).add(D.exp(zj.mul(activation === 'tanh' ? 2 : 1)))), new D(1));
          const lhs = evaluateSmooth(f, x, 60).sub(evaluateSmooth(g, x, 60)).mul(P);
          expect(close(lhs, evaluateExponentialSum(sum, x, 60), 40)).toBe(true);
        }
      }
    }
  });

  it('for nets in one symmetry class every merged coefficient vanishes (so the functions are equal)', () => {
    const f = createSmoothNet('tanh', [{ a: 2, w: '0.5', b: 1 }, { a: -1, w: -3, b: '0.25' }], 1);
    const g = createSmoothNet('tanh', [{ a: 1, w: 3, b: '-0.25' }, { a: 2, w: '0.5', b: 1 }], 1);
    for (const t of differenceAsExponentialSum(f, g, 60).terms) expect(t.coef.abs().lt(1e-45)).toBe(true);
  });

  it('is tight for m = 1: a different width-1 tanh net agrees with f at 3 points (4 = 2^2 are needed)', () => {
    // Fix g's slope w' = 3/2 (f has w = 1) and solve g = f at x = -1, 0, 1 for (a', b', c') by Newton.
    const f = createSmoothNet('tanh', [{ a: 1, w: 1, b: 0 }], 0);
    const xs = [-1, 0, 1];
    const w = new D('1.5');
    let [a, b, c] = [new D(1), new D(0), new D(0)];
    for (let it = 0; it < 60; it++) {
      const rows = xs.map((x) => {
        const t = D.tanh(w.mul(x).add(b));
        const dt = new D(1).sub(t.mul(t));
        return { r: a.mul(t).add(c).sub(evaluateSmooth(f, x, 60)), J: [t, a.mul(dt), new D(1)] };
      });
      // 3 x 3 Newton step by Cramer's rule.
      const det3 = (M: Decimal[][]): Decimal =>
        M[0][0].mul(M[1][1].mul(M[2][2]).sub(M[1][2].mul(M[2][1]))).sub(M[0][1].mul(M[1][0].mul(M[2][2]).sub(M[1][2].mul(M[2][0])))).add(M[0][2].mul(M[1][0].mul(M[2][1]).sub(M[1][1].mul(M[2][0]))));
      const J = rows.map((r) => r.J);
      const rhs = rows.map((r) => r.r.neg());
      const dJ = det3(J);
      const step = [0, 1, 2].map((k) => det3(J.map((row, i) => row.map((v, j) => (j === k ? rhs[i] : v)))).div(dJ));
      [a, b, c] = [a.add(step[0]), b.add(step[1]), c.add(step[2])];
    }
    const g = createSmoothNet('tanh', [{ a, w, b }], c);
    for (const x of xs) expect(close(evaluateSmooth(g, x, 60), evaluateSmooth(f, x, 60), 50)).toBe(true);
    expect(evaluateSmooth(g, 3, 60).sub(evaluateSmooth(f, 3, 60)).abs().gt(1e-3)).toBe(true);
    // Their difference, times prod (1 + u_j), has exactly 4 exponents and vanishes at the 3 points: the bound M - 1 = 3 is met.
    expect(differenceAsExponentialSum(f, g, 60).terms).toHaveLength(4);
  });
});

describe('recovering the parameters from the uniqueness set (two-phase least squares)', () => {
  it.each([
    ['tanh', 1],
    ['sigmoid', 1],
    ['tanh', 2],
    ['sigmoid', 2],
  ] as const)('%s, width %i: the parameters come back to 50 digits, up to sign flips and permutations', (activation, m) => {
    const target = createSmoothNet(activation, [{ a: '1.5', w: 2, b: -1 }, { a: '-0.7', w: '-1.2', b: '0.4' }].slice(0, m), '0.25');
    const xs = uniquenessSet(m);
    const ys = xs.map((x) => evaluateSmooth(target, x, 90));
    const r = recoverSmoothNet(activation, m, xs, ys, { digits: 60 });
    expect(parameterDistance(r.net, target).lt('1e-50')).toBe(true);
    expect(r.residual.lt('1e-55')).toBe(true);
    expect(r.net.neurons.every((n) => n.w.gt(0))).toBe(true);
  });

  it('refuses too few points for the parameter count', () => {
    expect(() => recoverSmoothNet('tanh', 2, ['0', '1'], ['0', '1'])).toThrow('3m + 1');
  });
});
