/**
 * Laws of the functional dimension: generic shallow nets reach D - N_h (LITERATURE-A 3.3); on
 * random nets of depth 1-3 the decisive answer equals the rank over the whole decisive batch
 * (every region, a second route through the plain exact rank), the witness batch has that rank,
 * any smooth batch has at most that rank, and the answer is invariant under the symmetries; the
 * incremental certified rank agrees with the plain one on rows built to fool a prime.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchFunctionalDimension, decisiveBatch, functionalDimension } from '../../src/analyses/functional-dimension/functional-dimension.js';
import { jacobianAt, jacobianWithTangents } from '../../src/analyses/functional-dimension/jacobian.js';
import { jacobianWithTangentsInteger } from '../../src/analyses/functional-dimension/jacobian-integer.js';
import { CertifiedRowSpace, primitiveIntegerRow } from '../../src/analyses/functional-dimension/row-space.js';
import { canonicalHyperplane, hyperplaneKey } from '../../src/analyses/irreducibility/hyperplanes.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { Mat } from '../../src/linalg/mat.js';
import { nullspace, rank } from '../../src/linalg/operations.js';
import { ZZ } from '../../src/field/zz.js';
import { integerKernel } from '../../src/analyses/functional-dimension/kernel.js';
import { primeAt } from '../../src/linalg/modular/primes.js';
import { createReluNet, hiddenNeuronCount, parameterCount, type ReluNet } from '../../src/network/relu-net.js';
import { netOf, smallRational } from '../helpers/nets.js';

const arch = fc.tuple(fc.integer({ min: 1, max: 2 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 })).map(([d, h]) => [d, ...h, 1]);
const netAndPoints = arch.chain((ws) => fc.tuple(netOf(ws), fc.array(fc.array(smallRational, { minLength: ws[0], maxLength: ws[0] }), { minLength: 1, maxLength: 8 })));

/** Generic shallow: every a_j != 0, w_j != 0, hyperplanes pairwise distinct (neither parallel nor antiparallel). */
function genericShallow(net: ReluNet<Rational>): boolean {
  const [hidden, out] = net.layers;
  const keys = hidden.W.rows.map((w, j) => {
    const z = canonicalHyperplane(w, hidden.b[j]);
    return z === null ? null : hyperplaneKey(z.normal, z.offset);
  });
  return out.W.row(0).every((a) => !a.isZero()) && keys.every((k) => k !== null) && new Set(keys).size === keys.length;
}

describe('functional dimension laws', () => {
  it('generic shallow nets reach D - N_h', () => {
    const shallow = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 })).chain(([d, m]) => netOf([d, m, 1]));
    fc.assert(
      fc.property(shallow.filter(genericShallow), (net) => {
        const r = functionalDimension(net);
        expect(r.functionalDimension).toBe(parameterCount(net) - hiddenNeuronCount(net));
        expect(r.hiddenSymmetries).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
  it('decisive answer = rank over every region (with or without probe points), = witness rank, >= any smooth batch, <= D - N_h', () => {
    fc.assert(
      fc.property(netAndPoints, ([net, points]) => {
        const r = functionalDimension(net);
        expect(r.functionalDimension).toBeLessThanOrEqual(r.upperBound);
        // regions alone (no probe points) give the same answer
        expect(functionalDimension(net, { probes: 0 }).functionalDimension).toBe(r.functionalDimension);
        const all = decisiveBatch(net);
        expect(batchFunctionalDimension(net, all).batchFunctionalDimension).toBe(r.functionalDimension);
        expect(batchFunctionalDimension(net, r.witness).batchFunctionalDimension).toBe(r.functionalDimension);
        const smooth = points.filter((x) => jacobianAt(net, x).zeros.length === 0);
        expect(batchFunctionalDimension(net, smooth).batchFunctionalDimension).toBeLessThanOrEqual(r.functionalDimension);
        expect(r.hiddenDirections.length).toBe(r.upperBound - r.functionalDimension);
      }),
      { numRuns: 60 },
    );
  });
  it('permuting hidden neurons and rescaling them positively keeps the functional dimension', () => {
    fc.assert(
      fc.property(arch.chain((ws) => netOf(ws)), fc.integer({ min: 2, max: 5 }), (net, s) => {
        // scale every neuron of the first hidden layer by s and reverse their order
        const [first, second, ...rest] = net.layers;
        const k = Rational.of(s);
        const n = first.W.nrows;
        const order = [...Array(n).keys()].reverse();
        const moved = createReluNet(QQ, [
          { W: order.map((i) => first.W.row(i).map((x) => x.mul(k))), b: order.map((i) => first.b[i].mul(k)) },
          { W: second.W.rows.map((row) => order.map((i) => row[i].div(k))), b: second.b },
          ...rest,
        ]);
        expect(functionalDimension(moved).functionalDimension).toBe(functionalDimension(net).functionalDimension);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the integer Jacobian', () => {
  it('gives the rows of the generic exact path, up to a positive factor, and the same zeros', () => {
    fc.assert(
      fc.property(netAndPoints, ([net, points]) => {
        const d = net.layers[0].W.ncols;
        for (const x of points) {
          const a = jacobianWithTangents(net, x, d);
          const b = jacobianWithTangentsInteger(net, x, d);
          expect(b.zeros).toEqual(a.zeros);
          a.rows.forEach((perOutput, o) => perOutput.forEach((row, s) => expect(b.rows[o][s]).toEqual(primitiveIntegerRow(row))));
          expect(b.margin.slack === null ? null : b.margin.slack.toString()).toBe(a.margin.slack === null ? null : a.margin.slack.toString());
          expect(b.margin.gradient.toString()).toBe(a.margin.gradient.toString());
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('CertifiedRowSpace', () => {
  it('rows dependent modulo the first prime but independent over Q still count', () => {
    const p = BigInt(primeAt(0));
    const space = new CertifiedRowSpace(3, [], []);
    const rows = [
      [1n, 2n, 3n],
      [1n + p, 2n, 3n], // = row 0 mod p
      [2n + p, 4n + 2n * p, 6n], // = 2 row 0 mod p
      [3n + p, 6n + 2n * p, 9n + p], // independent? checked against the plain rank below
    ].map((r) => r.map((x) => Rational.fromBigint(x)));
    rows.forEach((r, i) => space.add(r, i));
    expect(space.finish().rank).toBe(rank(Mat.fromRows(QQ, rows)));
    expect(space.finish().rank).toBe(3);
  });
  it('with a tiny pending cap and recomputed rows, still the plain exact rank', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 120, maxLength: 120 }), (r, seeds) => {
        const n = 7;
        const base = Array.from({ length: r }, (_, i) => Array.from({ length: n }, (_, j) => BigInt(seeds[(i * n + j) % 120])));
        const rowsOf = (tag: number): bigint[][] => [0, 1].map((s) => Array.from({ length: n }, (_, j) => base.reduce((acc, b, i) => acc + BigInt(seeds[(tag * 5 + s * 3 + i) % 120]) * b[j], 0n)));
        const space = new CertifiedRowSpace(n, [], [], { recompute: rowsOf, pendingCap: 2 });
        for (let tag = 0; tag < 10; tag++) for (const a of rowsOf(tag)) space.addInteger(a, tag);
        const all = Array.from({ length: 10 }, (_, t) => rowsOf(t)).flat().map((row) => row.map((x) => Rational.fromBigint(x)));
        expect(space.finish().rank).toBe(rank(Mat.fromRows(QQ, all, n)));
      }),
      { numRuns: 100 },
    );
  });
  it('integerKernel agrees with the certified nullspace (same RREF basis)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 8 }), fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 40, maxLength: 40 }), (r0, n, seeds) => {
        const r = Math.min(r0, n - 1);
        const A = Array.from({ length: r }, (_, i) => Array.from({ length: n }, (_, j) => BigInt(seeds[(i * n + j) % 40] + (i === j ? 101 : 0))));
        const got = integerKernel(A, n, n - r);
        expect(got).not.toBeNull();
        const want = nullspace(Mat.fromRows(ZZ, A, n));
        expect(got).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });
  it('matches the plain exact rank on random integer rows of known rank', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 8 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 200, maxLength: 200 }), (r, n, seeds) => {
        // rows = random combinations of r random base rows
        const base = Array.from({ length: r }, (_, i) => Array.from({ length: n }, (_, j) => BigInt(seeds[(i * n + j) % 200])));
        const rows = Array.from({ length: 12 }, (_, t) => Array.from({ length: n }, (_, j) => base.reduce((s, b, i) => s + BigInt(seeds[(t * 7 + i * 3) % 200]) * b[j], 0n)));
        const space = new CertifiedRowSpace(n, [], []);
        const qq = rows.map((row) => row.map((x) => Rational.fromBigint(x)));
        qq.forEach((row, i) => space.add(row, i));
        expect(space.finish().rank).toBe(rank(Mat.fromRows(QQ, qq, n)));
      }),
      { numRuns: 100 },
    );
  });
});
