/**
 * Independent oracles for activation patterns: ranks by Gaussian elimination on fraction.js
 * Fractions (no code shared with src/linalg), Whitney's sum over all subsets, and brute force
 * over all 2^n bit strings with one exact LP each.
 */
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { Rational } from '../../src/field/rational.js';
import { findInteriorPoint } from '../../src/lp/index.js';

export type Data = number[][];

export function lifted(X: Data, bias: boolean): number[][] {
  return X.map((x) => (bias ? [...x, 1] : [...x]));
}

/** Rank of a small integer matrix with fraction.js arithmetic. */
export function rankFraction(rows: readonly (readonly number[])[]): number {
  const a = rows.map((r) => r.map((x) => new Fraction(x)));
  const m = a.length;
  const n = m > 0 ? a[0].length : 0;
  let r = 0;
  for (let c = 0; c < n && r < m; c++) {
    const p = a.findIndex((row, i) => i >= r && !row[c].equals(0));
    if (p < 0) continue;
    [a[p], a[r]] = [a[r], a[p]];
    for (let i = 0; i < m; i++) {
      if (i === r || a[i][c].equals(0)) continue;
      const f = a[i][c].div(a[r][c]);
      a[i] = a[i].map((x, j) => x.sub(f.mul(a[r][j])));
    }
    r++;
  }
  return r;
}

/** Whitney / Zaslavsky: sum over subsets T of the nonzero vectors of (-1)^{|T| - rank T}. */
export function whitneyByRanks(vectors: readonly (readonly number[])[]): number {
  const vs = vectors.filter((v) => v.some((x) => x !== 0));
  let total = 0;
  for (let mask = 0; mask < 1 << vs.length; mask++) {
    const T = vs.filter((_, i) => (mask >> i) & 1);
    total += (T.length - rankFraction(T)) % 2 === 0 ? 1 : -1;
  }
  return total;
}

/**
 * Every bit string that one exact LP realises: open (x~.theta > 0 / < 0 on the nonzero points;
 * a zero point is never active) or closed (>= 0 / < 0).
 */
export function bruteForcePatterns(X: Data, bias: boolean, convention: 'open' | 'closed'): string[] {
  const V = lifted(X, bias);
  const n = V.length;
  const D = V.length > 0 ? V[0].length : (X[0]?.length ?? 0) + (bias ? 1 : 0);
  const out: string[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    const bits = Array.from({ length: n }, (_, i) => ((mask >> (n - 1 - i)) & 1 ? '1' : '0')).join('');
    const strictA: Rational[][] = [];
    const weakA: Rational[][] = [];
    let possible = true;
    V.forEach((v, i) => {
      const row = v.map((x) => Rational.of(x));
      if (convention === 'open' && v.every((x) => x === 0)) {
        possible &&= bits[i] === '0';
        return;
      }
      if (bits[i] === '1') (convention === 'open' ? strictA : weakA).push(row);
      else strictA.push(row.map((x) => x.neg()));
    });
    if (!possible) continue;
    const zeros = (k: number): Rational[] => new Array<Rational>(k).fill(Rational.ZERO);
    const r = findInteriorPoint({ strict: { A: strictA, b: zeros(strictA.length) }, weak: { A: weakA, b: zeros(weakA.length) } }, D, { method: 'exact' });
    if (r.ok) out.push(bits);
  }
  return out;
}

/** Small data sets with many coincidences: coordinates in [-range, range]. */
export function smallData(opts: { n: [number, number]; d: [number, number]; range: number }): fc.Arbitrary<Data> {
  return fc
    .integer({ min: opts.d[0], max: opts.d[1] })
    .chain((d) => fc.array(fc.array(fc.integer({ min: -opts.range, max: opts.range }), { minLength: d, maxLength: d }), { minLength: opts.n[0], maxLength: opts.n[1] }));
}

export const toRationalRows = (X: Data): Rational[][] => X.map((r) => r.map((x) => Rational.of(x)));
