import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/field/rational.js';
import { findInteriorPoint } from '../../src/lp/interior.js';
import { evaluateScalar } from '../../src/network/evaluate.js';
import { activeAt, cellNet, cellSpline, cellSystem, cellTuples, countCellTuples, neuronCells, type NeuronCell } from '../../src/spline/cells.js';
import { evaluateSpline, splineEquals } from '../../src/spline/spline.js';
import { toSpline } from '../../src/spline/to-spline.js';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((acc, x, i) => acc.add(x.mul(b[i])), Rational.ZERO);

/** Strictly ascending samples. */
const samples = fc.uniqueArray(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 5 }).map((xs) => xs.sort((a, b) => a - b).map((x) => q(x, 2)));

/** A point of the cell chosen directly: beta inside its place, mu of its sign, then (mu, gamma = mu beta). */
function pointIn(xs: readonly Rational[], cell: NeuronCell, t: number, size: number): { mu: Rational; gamma: Rational } {
  const p = cell.place;
  let beta: Rational;
  const frac = q(t + 1, 12); // in (0, 1)
  if (p.kind === 'at') beta = xs[p.sample];
  else if (p.gap === 0) beta = xs[0].sub(frac);
  else if (p.gap === xs.length) beta = xs[xs.length - 1].add(frac);
  else beta = xs[p.gap - 1].add(xs[p.gap].sub(xs[p.gap - 1]).mul(frac));
  const mu = q(cell.muSign * (size + 1), 3);
  return { mu, gamma: mu.mul(beta) };
}

describe('cell linearisation', () => {
  test.prop([samples.chain((xs) => fc.tuple(fc.constant(xs), fc.array(fc.tuple(fc.constantFrom(...neuronCells(xs.length, { onSamples: true })), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 4 }), fc.integer({ min: -5, max: 5 })))])(
    "the design matrix gives the net's exact values, and the placement system holds, at points of the cell",
    ([xs, picks, c0]) => {
      const cells = picks.map(([cell]) => cell);
      const vars = picks.flatMap(([cell, t, size]) => {
        const { mu, gamma } = pointIn(xs, cell, t, size);
        return [mu, gamma];
      });
      vars.push(q(c0));
      const { design, system } = cellSystem(xs, cells);
      const net = cellNet(cells, vars);
      xs.forEach((x, j) => expect(dot(design[j], vars).eq(evaluateScalar(net, [x]))).toBe(true));
      for (const row of system.strict!.A) expect(dot(row, vars).sign()).toBe(1);
      for (const row of system.equal?.A ?? []) expect(dot(row, vars).isZero()).toBe(true);
      // activeAt agrees with the sign of the neuron's pre-activation at the sample.
      cells.forEach((cell, i) => xs.forEach((x, j) => expect(activeAt(cell, j)).toBe(net.layers[0].W.get(i, 0).mul(x).add(net.layers[0].b[i]).sign() > 0)));
    },
  );

  test.prop([samples.chain((xs) => fc.tuple(fc.constant(xs), fc.array(fc.constantFrom(...neuronCells(xs.length, { onSamples: true })), { minLength: 1, maxLength: 3 })))])(
    'every cell is realisable: the LP finds a point, whose net puts each breakpoint in its place',
    ([xs, cells]) => {
      const { system, variables } = cellSystem(xs, cells, { outputBias: false });
      const r = findInteriorPoint(system, variables.length);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const net = cellNet(cells, r.x, { outputBias: false });
      cells.forEach((cell, i) => {
        const w = net.layers[0].W.get(i, 0);
        const beta = net.layers[0].b[i].neg().div(w);
        expect(w.sign()).toBe(cell.orientation);
        expect(net.layers[1].W.get(0, i).sign()).toBe(cell.muSign);
        const p = cell.place;
        if (p.kind === 'at') expect(beta.eq(xs[p.sample])).toBe(true);
        else {
          if (p.gap > 0) expect(beta.cmp(xs[p.gap - 1])).toBe(1);
          if (p.gap < xs.length) expect(beta.cmp(xs[p.gap])).toBe(-1);
        }
      });
    },
  );
});

describe('cells with a free linear term', () => {
  test.prop([samples.chain((xs) => fc.tuple(fc.constant(xs), fc.array(fc.tuple(fc.constantFrom(...neuronCells(xs.length, { onSamples: true })), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 5 })), { minLength: 0, maxLength: 3 }), fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })))])(
    'cellSpline is the function of the point: it matches cellNet, and with a x added the design rows',
    ([xs, picks, a0, c0]) => {
      const cells = picks.map(([cell]) => cell);
      const vars = picks.flatMap(([cell, t, size]) => {
        const { mu, gamma } = pointIn(xs, cell, t, size);
        return [mu, gamma];
      });
      if (cells.length > 0) expect(splineEquals(cellSpline(cells, [...vars, q(c0)]), toSpline(cellNet(cells, [...vars, q(c0)])))).toBe(true);
      const withA = [...vars, q(a0), q(c0)];
      const { design, variables } = cellSystem(xs, cells, { linearTerm: true });
      expect(variables.slice(-2)).toEqual(['a', 'c']);
      const s = cellSpline(cells, withA, { linearTerm: true });
      xs.forEach((x, j) => expect(dot(design[j], withA).eq(evaluateSpline(s, x))).toBe(true));
      expect(() => cellNet(cells, withA, { linearTerm: true })).toThrow('cellSpline');
    },
  );
});

describe('cell enumeration', () => {
  it('yields each multiset once, as many as C(k + m - 1, m)', () => {
    const choices = neuronCells(2); // 3 gaps x 2 x 2 = 12
    expect(choices).toHaveLength(12);
    expect(neuronCells(2, { onSamples: true })).toHaveLength(20);
    for (const m of [0, 1, 2, 3]) {
      const seen = new Set<string>();
      for (const t of cellTuples(choices, m)) seen.add(t.map((c) => choices.indexOf(c)).join(','));
      expect(BigInt(seen.size)).toBe(countCellTuples(12, m));
    }
    expect(countCellTuples(12, 3)).toBe(364n); // C(14, 3)
  });
  it('refuses samples out of order and places outside the samples', () => {
    expect(() => cellSystem([q(1), q(0)], [])).toThrow('strictly ascending');
    expect(() => cellSystem([q(0)], [{ place: { kind: 'gap', gap: 2 }, orientation: 1, muSign: 1 }])).toThrow('outside the 1 samples');
  });
});
