/**
 * Exact quotient coordinates (omega, beta, mu) of homogeneous activations (src/spline/quotient.ts,
 * LITERATURE-A 5.2): the rescaling orbit (a w, a b, a^-k v), a > 0, maps to one point, the function
 * is unchanged along it and is recomputed exactly from the coordinates, the coordinates give the
 * neuron back, and they are rational exactly when |w| is. Checked against LITERATURE-A O1 and a
 * Pythagorean neuron by hand, and against the float coordinates of src/dynamics.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { coordinatesOf } from '../../src/dynamics/coordinates.js';
import { createActivation } from '../../src/float/activation.js';
import { Rational } from '../../src/field/rational.js';
import {
  evaluateHomogeneous,
  evaluateQuotient,
  homogeneityDegree,
  neuronFromQuotient,
  quotientCoordinates,
  quotientNeuron,
  type HomogeneousActivation,
} from '../../src/spline/quotient.js';
import { isqrt, Surd } from '../../src/spline/surd.js';

const rational = fc.tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: 1, max: 6 })).map(([p, q]) => Rational.of(p, q));
const positive = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([p, q]) => Rational.of(p, q));
const activation: fc.Arbitrary<HomogeneousActivation> = fc.oneof(
  fc.constant<HomogeneousActivation>({ name: 'relu' }),
  rational.map((slope): HomogeneousActivation => ({ name: 'leaky-relu', slope })),
  fc.integer({ min: 2, max: 4 }).map((power): HomogeneousActivation => ({ name: 'relu-power', power })),
);
/** A neuron with w != 0 in dimension 1..3. */
const neuron = fc
  .integer({ min: 1, max: 3 })
  .chain((d) => fc.record({ w: fc.array(rational, { minLength: d, maxLength: d }).filter((w) => w.some((x) => !x.isZero())), b: rational, v: rational, x: fc.array(rational, { minLength: d, maxLength: d }) }));

const dot = (w: readonly Rational[], x: readonly Rational[]): Rational => w.reduce((s, wi, i) => s.add(wi.mul(x[i])), Rational.ZERO);
const pow = (a: Rational, k: number): Rational => Array.from({ length: k }).reduce<Rational>((s) => s.mul(a), Rational.ONE);
const isSquare = (q: Rational): boolean => isqrt(q.num) ** 2n === q.num && isqrt(q.den) ** 2n === q.den;

describe('quotient coordinates: laws', () => {
  test.prop([neuron, positive, activation])('the orbit (a w, a b, a^-k v), a > 0, maps to one point and f is unchanged', ({ w, b, v, x }, a, act) => {
    const k = homogeneityDegree(act);
    const p = quotientNeuron(w, b, v, k);
    const q = quotientNeuron(
      w.map((t) => t.mul(a)),
      b.mul(a),
      v.mul(pow(a.inv(), k)),
      k,
    );
    expect(q.omega.every((o, i) => o.eq(p.omega[i]))).toBe(true);
    expect(q.beta.eq(p.beta)).toBe(true);
    expect(q.mu.eq(p.mu)).toBe(true);
    const f = v.mul(evaluateHomogeneous(act, dot(w, x).add(b)));
    const g = v.mul(pow(a.inv(), k)).mul(evaluateHomogeneous(act, dot(w, x).mul(a).add(b.mul(a))));
    expect(g.eq(f)).toBe(true);
  });
  test.prop([fc.array(neuron, { minLength: 1, maxLength: 4 }).filter((ns) => ns.every((n) => n.w.length === ns[0].w.length)), rational, activation])(
    'f is recomputed exactly from the coordinates: offset + sum mu sigma(omega . x - beta)',
    (ns, c, act) => {
      const coords = quotientCoordinates(
        ns.map((n) => n.w),
        ns.map((n) => n.b),
        ns.map((n) => n.v),
        c,
        act,
      );
      for (const { x } of ns) {
        const direct = ns.reduce((s, n) => s.add(n.v.mul(evaluateHomogeneous(act, dot(n.w, x).add(n.b)))), c);
        expect(evaluateQuotient(coords, x, act).eq(direct)).toBe(true);
      }
    },
  );
  test.prop([neuron, activation])('the coordinates and |w| give the neuron back; rational exactly when |w| is (always in 1-D)', ({ w, b, v }, act) => {
    const k = homogeneityDegree(act);
    const n = quotientNeuron(w, b, v, k);
    const back = neuronFromQuotient(n, k);
    expect(back.w.every((t, i) => t.eq(w[i]))).toBe(true);
    expect(back.b.eq(b)).toBe(true);
    expect(back.v.eq(v)).toBe(true);
    const norm2 = w.reduce((s, t) => s.add(t.mul(t)), Rational.ZERO);
    expect(n.norm.isRational()).toBe(isSquare(norm2));
    if (w.length === 1) expect(n.beta.isRational() && n.mu.isRational() && n.omega[0].isRational()).toBe(true);
    // the surd is the root: |w|^2 exactly
    expect(n.norm.square().eq(norm2)).toBe(true);
  });
  const dyadic = fc.tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 0, max: 3 })).map(([p, e]) => Rational.of(p, 2 ** e));
  const dyadicNet = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 })).chain(([d, m]) =>
    fc.record({
      W: fc.array(fc.array(dyadic, { minLength: d, maxLength: d }), { minLength: m, maxLength: m }),
      b: fc.array(dyadic, { minLength: m, maxLength: m }),
      v: fc.array(dyadic, { minLength: m, maxLength: m }),
    }),
  );
  test.prop([dyadicNet, fc.integer({ min: 1, max: 3 })])('the float coordinates of src/dynamics agree (exactly representable inputs; mu within (k + 2) ulps-ish, 1e-15 (k + 1) relative)', ({ W, b, v }, k) => {
    const d = W[0].length;
    const m = W.length;
    const theta = Float64Array.from([...W.flat().map((t) => t.toNumber()), ...b.map((t) => t.toNumber()), ...v.map((t) => t.toNumber()), 0]);
    const exact = quotientCoordinates(W, b, v, Rational.ZERO, { name: 'relu-power', power: k });
    const co = coordinatesOf([d, m, 1], theta, createActivation(`relu-power:${k}`));
    if (co.kind !== 'spline' && co.kind !== 'rs') throw new Error('expected quotient coordinates');
    exact.neurons.forEach((n, j) => {
      if (n === null) return expect(co.beta[j]).toBeNull();
      const mu = n.mu.toNumber();
      expect(Math.abs(co.mu[j] - mu)).toBeLessThanOrEqual(1e-15 * (k + 1) * Math.abs(mu));
      // d = 1 records the breakpoint -b / w = omega beta; d > 1 the signed offset beta itself
      const beta = d === 1 ? n.omega[0].mul(n.beta).toRational().toNumber() : n.beta.toNumber();
      expect(Math.abs(co.beta[j]! - beta)).toBeLessThanOrEqual(1e-15 * Math.abs(beta));
    });
  });
});

describe('quotient coordinates: oracles', () => {
  it('LITERATURE-A O1: w = -2, b = 3, v = 5 has zero-plane {-x = -3/2}, i.e. the breakpoint 3/2, and mu = 10', () => {
    const n = quotientNeuron([Rational.of(-2)], Rational.of(3), Rational.of(5), 1);
    expect(n.omega[0].toString()).toBe('-1');
    expect(n.beta.toString()).toBe('-3/2');
    expect(n.mu.toString()).toBe('10');
  });
  it('a Pythagorean neuron w = (3, 4) is rational: omega = (3/5, 4/5), beta = -b/5, mu = v 5^k', () => {
    const n = quotientNeuron([Rational.of(3), Rational.of(4)], Rational.of(10), Rational.of(2), 2);
    expect(n.omega.map(String)).toEqual(['3/5', '4/5']);
    expect(n.beta.toString()).toBe('-2');
    expect(n.mu.toString()).toBe('50');
  });
  it('w = (1, 1): |w| = sqrt 2, omega = (sqrt(2)/2, sqrt(2)/2), beta = -b sqrt(2)/2, mu = v sqrt 2 (k = 1) or 2 v (k = 2)', () => {
    const n1 = quotientNeuron([Rational.ONE, Rational.ONE], Rational.of(3), Rational.of(5), 1);
    expect(n1.norm.toString()).toBe('1*sqrt(2)');
    expect(n1.omega.map(String)).toEqual(['1/2*sqrt(2)', '1/2*sqrt(2)']);
    expect(n1.beta.toString()).toBe('-3/2*sqrt(2)');
    expect(n1.mu.toString()).toBe('5*sqrt(2)');
    expect(quotientNeuron([Rational.ONE, Rational.ONE], Rational.of(3), Rational.of(5), 2).mu.toString()).toBe('10');
  });
  it('Surd: square factors come out, equality compares values, isqrt is exact on large numbers', () => {
    expect(Surd.sqrt(Rational.of(8)).toString()).toBe('2*sqrt(2)');
    expect(Surd.sqrt(Rational.of(9, 4)).toString()).toBe('3/2');
    expect(Surd.sqrt(Rational.of(1, 3)).toString()).toBe('1/3*sqrt(3)');
    const big = 1000003n;
    const unreduced = Surd.of(Rational.ONE, 2n * big * big * 7n);
    expect(unreduced.eq(Surd.of(Rational.fromBigint(big), 14n))).toBe(true);
    expect(unreduced.eq(Surd.of(Rational.fromBigint(-big), 14n))).toBe(false);
    expect(Surd.of(Rational.ONE, big * big).toString()).toBe(String(big));
    const n = 12345678901234567890123456789n;
    expect(isqrt(n * n)).toBe(n);
    expect(isqrt(n * n - 1n)).toBe(n - 1n);
  });
});
