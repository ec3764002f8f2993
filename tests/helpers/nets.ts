/** Random networks and points for property tests, and an independent evaluator (mathjs Fractions). */
import fc from 'fast-check';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { createReluNet, type ReluNet } from '../../src/network/relu-net.js';
import { fromMathFraction, math, toMathFraction } from './oracle.js';

export const smallRational = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 6 })).map(([n, d]) => Rational.of(n, d));

/** Widths [n_0, ..., n_L] with n_L = 1. */
export const architecture = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }))
  .map(([d, hidden]) => [d, ...hidden, 1]);

export function netOf(ws: readonly number[]): fc.Arbitrary<ReluNet<Rational>> {
  const layers = ws.slice(1).map((out, k) =>
    fc.record({
      W: fc.array(fc.array(smallRational, { minLength: ws[k], maxLength: ws[k] }), { minLength: out, maxLength: out }),
      b: fc.array(smallRational, { minLength: out, maxLength: out }),
    }),
  );
  return fc.tuple(...layers).map((ls) => createReluNet(QQ, ls));
}

/** A random net with some random points of its input dimension. */
export const netWithPoints = architecture.chain((ws) =>
  fc.tuple(netOf(ws), fc.array(fc.array(smallRational, { minLength: ws[0], maxLength: ws[0] }), { minLength: 1, maxLength: 5 })),
);

/** f(x) computed with mathjs Fraction matrices: shares no code with src/network/evaluate.ts. */
export function evaluateWithMathjs(net: ReluNet<Rational>, x: readonly Rational[]): Rational[] {
  let h = x.map((v) => [toMathFraction(v)]);
  net.layers.forEach((layer, k) => {
    const W = layer.W.rows.map((r) => r.map(toMathFraction));
    const b = layer.b.map((v) => [toMathFraction(v)]);
    const z = math.add(math.multiply(W, h), b) as unknown as unknown[][];
    const last = k === net.layers.length - 1;
    h = z.map((row) => [last ? row[0] : math.max(row[0] as never, math.fraction(0))]) as never;
  });
  return h.map((row) => fromMathFraction(row[0]));
}
