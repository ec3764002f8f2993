/**
 * The zonotope view against LITERATURE-B 8.3 (generic f-vectors: f_1 counts the one-flip
 * adjacencies) and against brute force (the vertex a witness selects maximises theta over all
 * 2^n subset sums).
 */
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/field/rational.js';
import { countZonotopeEdges, genericZonotopeFVector, listPatterns, patternNeighbours, realisePattern, zonotopeVertex } from '../../src/arrangement/index.js';
import { toRationalRows } from '../helpers/arrangements.js';

/** n points on the moment curve in R^D without bias: in general position. */
const moment = (n: number, D: number): Rational[][] => toRationalRows(Array.from({ length: n }, (_, i) => Array.from({ length: D }, (_, k) => (i + 1) ** k)));

describe('8.3 generic zonotope f-vectors', () => {
  const table: [number, number, number[]][] = [
    [3, 2, [6, 6]],
    [4, 2, [8, 8]],
    [3, 3, [8, 12, 6]],
    [4, 3, [14, 24, 12]],
    [5, 3, [22, 40, 20]],
    [6, 3, [32, 60, 30]],
    [5, 4, [30, 70, 60, 20]],
    [6, 4, [52, 132, 120, 40]],
  ];
  it.each(table)('(n, D) = (%i, %i): f = %j', (n, D, f) => {
    expect(genericZonotopeFVector(n, D).map(Number)).toEqual(f);
    const X = moment(n, D);
    expect(listPatterns(X, { bias: false })).toHaveLength(f[0]);
    expect(countZonotopeEdges(X, { bias: false })).toBe(f[1]);
  });
  it('(4, 3): 8 vertices of degree 3 and 6 of degree 4', () => {
    const X = moment(4, 3);
    const degrees = listPatterns(X, { bias: false }).map((p) => patternNeighbours(X, p.bits, { bias: false }).length);
    expect(degrees.filter((d) => d === 3)).toHaveLength(8);
    expect(degrees.filter((d) => d === 4)).toHaveLength(6);
  });
  it('total faces of (4, 3) including Z: 14 + 24 + 12 + 1 = 51', () => {
    expect(genericZonotopeFVector(4, 3).reduce((a, b) => a + b, 1n)).toBe(51n);
    expect(genericZonotopeFVector(5, 3).reduce((a, b) => a + b, 1n)).toBe(83n);
  });
});

describe('vertices and adjacency', () => {
  const X = toRationalRows([
    [0, 0],
    [2, 0],
    [3, 2],
    [1, 3],
    [-1, 1],
  ]);
  it('each witness selects its own vertex: the unique maximiser of theta over all subset sums', () => {
    const patterns = listPatterns(X, { witness: true });
    const n = 5;
    for (const p of patterns) {
      const theta = p.theta!;
      const value = (v: Rational[]): Rational => v.reduce((s, vj, j) => s.add(vj.mul(theta[j])), Rational.ZERO);
      let best: string[] = [];
      let bestValue: Rational | undefined;
      for (let mask = 0; mask < 1 << n; mask++) {
        const bits = Array.from({ length: n }, (_, i) => ((mask >> i) & 1 ? '1' : '0')).join('');
        const val = value(zonotopeVertex(X, bits));
        const c = bestValue === undefined ? 1 : val.cmp(bestValue);
        if (c > 0) [best, bestValue] = [[bits], val];
        else if (c === 0) best.push(bits);
      }
      expect(best).toEqual([p.bits]);
    }
  });
  it('neighbours differ in one point and are patterns', () => {
    for (const p of listPatterns(X)) {
      for (const nb of patternNeighbours(X, p.bits)) {
        expect(nb.flipped).toHaveLength(1);
        expect([...nb.bits].filter((c, i) => c !== p.bits[i])).toHaveLength(1);
        expect(realisePattern(X, nb.bits).ok).toBe(true);
      }
    }
  });
  it('a duplicated point flips with its twin (one hyperplane, one edge)', () => {
    const Y = toRationalRows([[0], [1], [1], [2]]);
    // '0111' is the threshold x > 1/2; its facets are x = 0 and the doubled x = 1.
    const nbs = patternNeighbours(Y, '0111');
    expect(nbs.map((n) => n.bits).sort()).toEqual(['0001', '1111']);
    expect(nbs.find((n) => n.bits === '0001')!.flipped).toEqual([1, 2]);
  });
  it('refuses a non-pattern and malformed bits', () => {
    const Sq = toRationalRows([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(realisePattern(Sq, '1001').ok).toBe(false);
    expect(() => patternNeighbours(Sq, '1001')).toThrow(/not an \(open\) activation pattern/);
    expect(() => zonotopeVertex(Sq, '10')).toThrow(/string of 4 characters/);
  });
});
