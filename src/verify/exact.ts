/**
 * The verifier's own exact arithmetic: dot products, a forward pass, determinant and rank by
 * Gaussian elimination over the rationals. Deliberately tiny and separate from src/linalg,
 * src/network/evaluate and src/spline, so a certificate is never checked by the code that made it.
 */
import { Rational } from '../field/rational.js';
import type { PlainNet } from './read.js';

export const ZERO = Rational.ZERO;

export function dot(a: readonly Rational[], b: readonly Rational[]): Rational {
  let s = ZERO;
  for (let i = 0; i < a.length; i++) s = s.add(a[i].mul(b[i]));
  return s;
}

export function relu(x: Rational): Rational {
  return x.sign() > 0 ? x : ZERO;
}

/** x~ = (x, 1) with a bias, x without. */
export function lift(X: readonly (readonly Rational[])[], bias: boolean): Rational[][] {
  return X.map((x) => (bias ? [...x, Rational.ONE] : [...x]));
}

/** The network's outputs at x: ReLU after every layer but the last. */
export function forward(net: PlainNet, x: readonly Rational[]): Rational[] {
  let h: Rational[] = [...x];
  net.layers.forEach((layer, k) => {
    const z = layer.W.map((row, i) => dot(row, h).add(layer.b[i]));
    h = k === net.layers.length - 1 ? z : z.map(relu);
  });
  return h;
}

/** Row echelon form by Gaussian elimination; returns the rank and the determinant (square input). */
function eliminate(m: readonly (readonly Rational[])[]): { rank: number; det: Rational } {
  const a = m.map((r) => r.slice());
  const rowsN = a.length;
  const cols = rowsN > 0 ? a[0].length : 0;
  let rank = 0;
  let det = Rational.ONE;
  for (let c = 0; c < cols && rank < rowsN; c++) {
    const p = a.findIndex((r, i) => i >= rank && !r[c].isZero());
    if (p < 0) {
      det = ZERO;
      continue;
    }
    if (p !== rank) {
      [a[p], a[rank]] = [a[rank], a[p]];
      det = det.neg();
    }
    const pivot = a[rank][c];
    det = det.mul(pivot);
    for (let i = rank + 1; i < rowsN; i++) {
      if (a[i][c].isZero()) continue;
      const f = a[i][c].div(pivot);
      a[i] = a[i].map((x, j) => x.sub(f.mul(a[rank][j])));
    }
    rank++;
  }
  return { rank, det: rank === rowsN && rowsN === cols ? det : ZERO };
}

export function rankOf(m: readonly (readonly Rational[])[]): number {
  return eliminate(m).rank;
}

export function detOf(m: readonly (readonly Rational[])[]): Rational {
  return eliminate(m).det;
}

export function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
}

/** All k-subsets of {0..n-1}, as index lists. */
export function* subsets(n: number, k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i < n; i++) yield* subsets(n, k, i + 1, [...prefix, i]);
}

export function sameVector(a: readonly Rational[], b: readonly Rational[]): boolean {
  return a.length === b.length && a.every((x, i) => x.eq(b[i]));
}

export function allBitStrings(n: number): string[] {
  return Array.from({ length: 2 ** n }, (_, k) => k.toString(2).padStart(n, '0'));
}
