/**
 * Univariate nets for spline tests: a terse builder, and fast-check arbitraries that make the
 * hard cases common (shared breakpoints, opposite orientations at one point, cancelling pairs,
 * w = 0 constants, zero outer weights), since random rationals almost never produce them.
 */
import fc from 'fast-check';
import { QQ } from '../../src/field/qq.js';
import { parseRational } from '../../src/field/parse.js';
import { Rational } from '../../src/field/rational.js';
import { createReluNet, type ReluNet } from '../../src/network/relu-net.js';

type Num = string | number | Rational;
const q = (x: Num): Rational => (x instanceof Rational ? x : parseRational(String(x)));

/** c + sum_i v_i relu(w_i x + b_i) from rows [w, b, v]. */
export function shallow1d(neurons: readonly (readonly [Num, Num, Num])[], c: Num = 0): ReluNet<Rational> {
  return createReluNet(QQ, [
    { W: neurons.map(([w]) => [q(w)]), b: neurons.map(([, b]) => q(b)) },
    { W: [neurons.map(([, , v]) => q(v))], b: [q(c)] },
  ]);
}

/** relu(s (x - beta)) scaled: [w, b, v] with w = s r, b = -beta w, v = mu / r (LITERATURE-A 2.2). */
export function neuronFromSpline(s: 1 | -1, beta: Rational, mu: Rational, r: Rational = Rational.ONE): [Rational, Rational, Rational] {
  const w = r.mul(Rational.of(s));
  return [w, beta.mul(w).neg(), mu.div(r)];
}

const small = fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 1, max: 4 })).map(([n, d]) => Rational.of(n, d));
const positive = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 })).map(([n, d]) => Rational.of(n, d));
/** Few distinct breakpoints, so coincidences are frequent. */
const breakpoint = fc.constantFrom('-2', '-1', '-1/2', '0', '1/3', '1', '2').map((t) => parseRational(t));

/** One neuron of a chosen kind, in (w, b, v) form. */
const neuron: fc.Arbitrary<[Rational, Rational, Rational][]> = fc.oneof(
  // an ordinary neuron with a shared-pool breakpoint, any scale
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom<1 | -1>(1, -1), breakpoint, small, positive).map(([s, beta, mu, r]) => [neuronFromSpline(s, beta, mu, r)]) },
  // a cancelling pair: equal and opposite delta-slopes at one breakpoint, orientations free
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom<1 | -1>(1, -1), fc.constantFrom<1 | -1>(1, -1), breakpoint, positive, positive, positive).map(([s1, s2, beta, mu, r1, r2]) => [
      neuronFromSpline(s1, beta, mu, r1),
      neuronFromSpline(s2, beta, mu.neg(), r2),
    ]),
  },
  // w = 0: a constant v relu(b) (zero when b <= 0)
  { weight: 1, arbitrary: fc.tuple(small, small).map(([b, v]) => [[Rational.ZERO, b, v] as [Rational, Rational, Rational]]) },
  // a zero outer weight: no kink at all
  { weight: 1, arbitrary: fc.tuple(small.filter((w) => !w.isZero()), small).map(([w, b]) => [[w, b, Rational.ZERO] as [Rational, Rational, Rational]]) },
);

/** Univariate shallow nets of width 1..maxWidth+1 with frequent degenerate neurons. */
export function univariateShallowNet(maxWidth = 6): fc.Arbitrary<ReluNet<Rational>> {
  return fc.tuple(fc.array(neuron, { minLength: 1, maxLength: maxWidth }), small).map(([groups, c]) => shallow1d(groups.flat().slice(0, maxWidth + 1), c));
}

/** Univariate deep nets: 1 -> hidden widths (1..3 layers of 1..3) -> 1, small rational weights. */
export const univariateDeepNet: fc.Arbitrary<ReluNet<Rational>> = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }).chain((hidden) => {
  const ws = [1, ...hidden, 1];
  const layers = ws.slice(1).map((out, k) =>
    fc.record({
      W: fc.array(fc.array(small, { minLength: ws[k], maxLength: ws[k] }), { minLength: out, maxLength: out }),
      b: fc.array(small, { minLength: out, maxLength: out }),
    }),
  );
  return fc.tuple(...layers).map((ls) => createReluNet(QQ, ls));
});

/** A positive rational scale and a permutation of n items. */
export function scalesAndPermutation(n: number): fc.Arbitrary<{ scales: Rational[]; perm: number[] }> {
  return fc.record({
    scales: fc.array(positive, { minLength: n, maxLength: n }),
    perm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
  });
}
