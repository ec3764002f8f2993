/** Terse builders for small deep nets in tests: layers as [W rows, b] with exact text entries. */
import { QQ } from '../../src/field/qq.js';
import { parseRational } from '../../src/field/parse.js';
import type { Rational } from '../../src/field/rational.js';
import { createReluNet, type ReluNet } from '../../src/network/relu-net.js';

type Num = string | number;

export function deepNet(layers: readonly [readonly (readonly Num[])[], readonly Num[]][]): ReluNet<Rational> {
  return createReluNet(
    QQ,
    layers.map(([W, b]) => ({ W: W.map((r) => r.map((x) => parseRational(String(x)))), b: b.map((x) => parseRational(String(x))) })),
  );
}

export const points1d = (xs: readonly Num[]): Rational[][] => xs.map((x) => [parseRational(String(x))]);
