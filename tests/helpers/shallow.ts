/**
 * Shallow nets of any input dimension for irreducibility tests: a terse builder and an arbitrary
 * that makes the hard cases common (neurons on a shared hyperplane, scaled positively or
 * negatively, cancelling kinks, w = 0 constants, zero outer weights), since random rationals
 * almost never produce them.
 */
import fc from 'fast-check';
import { QQ } from '../../src/field/qq.js';
import { parseRational } from '../../src/field/parse.js';
import { Rational } from '../../src/field/rational.js';
import { createReluNet, type ReluNet } from '../../src/network/relu-net.js';

type Num = string | number | Rational;
const q = (x: Num): Rational => (x instanceof Rational ? x : parseRational(String(x)));

/** c + sum_i v_i relu(w_i . x + b_i) from rows [w, b, v]. */
export function shallowNd(neurons: readonly (readonly [readonly Num[], Num, Num])[], c: Num = 0, d?: number): ReluNet<Rational> {
  const dim = d ?? neurons[0][0].length;
  if (neurons.length === 0) return createReluNet(QQ, [{ W: [new Array(dim).fill(Rational.ZERO)], b: [q(c)] }]);
  return createReluNet(QQ, [
    { W: neurons.map(([w]) => w.map(q)), b: neurons.map(([, b]) => q(b)) },
    { W: [neurons.map(([, , v]) => q(v))], b: [q(c)] },
  ]);
}

const small = fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: 1, max: 3 })).map(([n, d]) => Rational.of(n, d));
const nonzero = small.filter((x) => !x.isZero());

type Neuron = [Rational[], Rational, Rational];

/** Shallow nets with `d` inputs whose neurons sit on few hyperplanes (a pool of 3), so coincidences are frequent. */
export function shallowNetNd(d: number, maxWidth = 5): fc.Arbitrary<ReluNet<Rational>> {
  const hyperplane = fc.tuple(fc.array(small, { minLength: d, maxLength: d }).filter((w) => w.some((x) => !x.isZero())), small);
  return fc.tuple(fc.array(hyperplane, { minLength: 1, maxLength: 3 }), small).chain(([pool, c]) => {
    const onPool = fc.tuple(fc.nat({ max: pool.length - 1 }), nonzero, small).map(([h, lambda, v]): Neuron[] => [[pool[h][0].map((x) => x.mul(lambda)), pool[h][1].mul(lambda), v]]);
    const cancelling = fc.tuple(fc.nat({ max: pool.length - 1 }), nonzero, nonzero, nonzero).map(([h, l1, l2, v]): Neuron[] => {
      // v1 |l1| + v2 |l2| = 0: the kinks cancel.
      const v2 = v.mul(l1.abs()).div(l2.abs()).neg();
      return [
        [pool[h][0].map((x) => x.mul(l1)), pool[h][1].mul(l1), v],
        [pool[h][0].map((x) => x.mul(l2)), pool[h][1].mul(l2), v2],
      ];
    });
    const fresh = fc.tuple(fc.array(small, { minLength: d, maxLength: d }), small, small).map(([w, b, v]): Neuron[] => [[w, b, v]]);
    const constant = fc.tuple(small, small).map(([b, v]): Neuron[] => [[new Array(d).fill(Rational.ZERO), b, v]]);
    const neuron = fc.oneof({ weight: 6, arbitrary: onPool }, { weight: 2, arbitrary: cancelling }, { weight: 2, arbitrary: fresh }, { weight: 1, arbitrary: constant });
    return fc.array(neuron, { minLength: 1, maxLength: maxWidth }).map((groups) => shallowNd(groups.flat().slice(0, maxWidth + 1), c, d));
  });
}

/** Random rational points in [-5, 5]^d. */
export function pointsNd(d: number, n: number): fc.Arbitrary<Rational[][]> {
  const coord = fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 4 })).map(([a, b]) => Rational.of(a, b));
  return fc.array(fc.array(coord, { minLength: d, maxLength: d }), { minLength: n, maxLength: n });
}
