/**
 * Exact function equality (any input dimension) and the vitest matchers: verdicts checked against
 * an independent evaluator (mathjs Fractions) at the reported point and at random points, the
 * known symmetries as laws, and the failure messages a user reads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNetFunctions, differenceNet } from '../../src/analyses/equivalence/index.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { evaluate } from '../../src/network/evaluate.js';
import { createReluNet, type ReluNet } from '../../src/network/relu-net.js';
import { writeReluNet } from '../../src/network/json-io.js';
import { AnalysisNotAvailableError, assertPreservesFunction, reluExactMatchers } from '../../src/matchers/index.js';
import { fromSpline } from '../../src/spline/minimal.js';
import { toSpline } from '../../src/spline/to-spline.js';
import { permuteNeurons, rational, reluNet, scaleNeuron } from '../../src/testing/index.js';
import { evaluateWithMathjs } from '../helpers/nets.js';
import { q } from '../helpers/rationals.js';

expect.extend(reluExactMatchers);

const net = (layers: { W: (number | string)[][]; b: (number | string)[] }[]): ReluNet<Rational> => createReluNet(QQ, layers.map((l) => ({ W: l.W.map((r) => r.map(q)), b: l.b.map(q) })));
const point = (d: number) => fc.array(rational({ maxNumerator: 8, maxDenominator: 3 }), { minLength: d, maxLength: d });

describe('compareNetFunctions and differenceNet', () => {
  it('the difference net computes a - b (any depths), checked by mathjs', () => {
    fc.assert(
      fc.property(reluNet({ architecture: [2, 2, 1] }), reluNet({ architecture: [2, 1, 2, 1] }), point(2), (a, b, x) => {
        const d = differenceNet(a, b);
        return evaluateWithMathjs(d, x)[0].eq(evaluateWithMathjs(a, x)[0].sub(evaluateWithMathjs(b, x)[0]));
      }),
      { numRuns: 60 },
    );
    // An affine net (no hidden layer) against a deep one.
    const affine = net([{ W: [[1, -2]], b: [3] }]);
    const deep = net([{ W: [[1, 0], [0, 1]], b: [0, 0] }, { W: [[1, 1]], b: [0] }, { W: [[2]], b: [1] }]);
    fc.assert(fc.property(point(2), (x) => evaluateWithMathjs(differenceNet(affine, deep), x)[0].eq(evaluate(affine, x)[0].sub(evaluate(deep, x)[0]))), { numRuns: 30 });
  });

  it('when it says "different", the two nets differ at the point it gives (mathjs); when "same", they agree at random points', () => {
    let different = 0;
    fc.assert(
      fc.property(reluNet({ architecture: [2, 2, 1], entries: { maxNumerator: 2, maxDenominator: 1 } }), reluNet({ architecture: [2, 2, 1], entries: { maxNumerator: 2, maxDenominator: 1 } }), fc.array(point(2), { minLength: 5, maxLength: 5 }), (a, b, xs) => {
        const r = compareNetFunctions(a, b);
        if (!r.same) {
          different++;
          expect(evaluateWithMathjs(a, r.point)[0].eq(evaluateWithMathjs(b, r.point)[0])).toBe(false);
          expect(r.valueA[0].eq(evaluateWithMathjs(a, r.point)[0])).toBe(true);
        } else for (const x of xs) expect(evaluateWithMathjs(a, x)[0].eq(evaluateWithMathjs(b, x)[0])).toBe(true);
      }),
      { numRuns: 80 },
    );
    expect(different).toBeGreaterThan(40);
  });

  it('finds equal functions written differently in two dimensions (regions path)', () => {
    // relu(x + y) - relu(-x - y) = x + y = relu(x) - relu(-x) + relu(y) - relu(-y).
    const a = net([{ W: [[1, 1], [-1, -1]], b: [0, 0] }, { W: [[1, -1]], b: [0] }]);
    const b = net([{ W: [[1, 0], [-1, 0], [0, 1], [0, -1]], b: [0, 0, 0, 0] }, { W: [[1, -1, 1, -1]], b: [0] }]);
    expect(compareNetFunctions(a, b)).toMatchObject({ same: true, method: 'regions' });
    // Off by a constant: different, and the point shows it.
    const c = net([{ W: [[1, 1], [-1, -1]], b: [0, 0] }, { W: [[1, -1]], b: [1] }]);
    const r = compareNetFunctions(a, c);
    expect(r.same).toBe(false);
    if (!r.same) expect(r.valueB[0].sub(r.valueA[0]).eq(Rational.ONE)).toBe(true);
  });

  it('refuses nets of different shapes, naming both', () => {
    expect(() => compareNetFunctions(net([{ W: [[1]], b: [0] }]), net([{ W: [[1, 1]], b: [0] }]))).toThrow(/compareNetFunctions: the nets take 1 and 2 inputs/);
  });
});

describe('toComputeSameFunctionAs', () => {
  it('holds for the symmetries (positive scaling, permutation) of nets of any input dimension and depth', () => {
    fc.assert(
      fc.property(reluNet({ architecture: [2, 3, 2, 1] }), rational({ sign: 'positive' }), fc.nat({ max: 2 }), (n, alpha, i) => {
        expect(scaleNeuron(n, 0, i, alpha)).toComputeSameFunctionAs(n);
        expect(permuteNeurons(n, 0, [2, 0, 1])).toComputeSameFunctionAs(n);
      }),
      { numRuns: 25 },
    );
  });

  it('fails with a point where the functions differ and both values', () => {
    const a = net([{ W: [[1], [-1]], b: [0, 0] }, { W: [[1, 1]], b: [0] }]); // |x|
    const b = net([{ W: [[1]], b: [0] }, { W: [[1]], b: [0] }]); // relu(x)
    expect(() => expect(a).toComputeSameFunctionAs(b)).toThrow(/expected the nets to compute the same function, but at x = -1 the received net gives 1 and the expected net 0/);
    expect(a).not.toComputeSameFunctionAs(b);
    expect(() => expect(a).not.toComputeSameFunctionAs(a)).toThrow(/expected the nets to compute different functions, but they compute the same one \(exact, canonical splines\)/);
    const two = net([{ W: [[1, 0]], b: [0] }, { W: [[1]], b: [0] }]);
    const twoB = net([{ W: [[0, 1]], b: [0] }, { W: [[1]], b: [0] }]);
    expect(() => expect(two).toComputeSameFunctionAs(twoB)).toThrow(/at x = \(-?\d+(\/\d+)?, -?\d+(\/\d+)?\) the received net gives/);
  });

  it('accepts relu-net/1 JSON, as text or parsed', () => {
    const a = net([{ W: [[2]], b: [-2] }, { W: [[1]], b: [0] }]);
    const b = writeReluNet(net([{ W: [[1]], b: [-1] }, { W: [[2]], b: [0] }]));
    expect(a).toComputeSameFunctionAs(b as never);
    expect(JSON.stringify(b)).toComputeSameFunctionAs(a);
    expect(() => expect(a).toComputeSameFunctionAs({ layers: 3 } as never)).toThrow(/toComputeSameFunctionAs: the expected net must be an exact ReluNet or relu-net\/1 JSON/);
  });
});

describe('toBeIrreducible and toHaveFunctionalDimension', () => {
  it('univariate shallow nets: generic ones are irreducible, planted degeneracies are not, with the reason', () => {
    fc.assert(fc.property(reluNet({ architecture: [1, 3, 1], generic: true }), (n) => {
      expect(n).toBeIrreducible();
    }), { numRuns: 40 });
    for (const degeneracy of ['dead-neuron', 'parallel-neurons', 'zero-outer-weight'] as const) {
      fc.assert(fc.property(reluNet({ architecture: [1, 3, 1], degeneracy }), (n) => {
        expect(n).not.toBeIrreducible();
      }), { numRuns: 40 });
    }
    const parallel = net([{ W: [[1], [2]], b: [0, 0] }, { W: [[1, 1]], b: [0] }]);
    expect(() => expect(parallel).toBeIrreducible()).toThrow(/expected the net of width 2 to be irreducible, but width 1 suffices: .*A minimal net: \[\{"W":\[\["1"\]\]/);
  });

  it('nets in two inputs: the O6 oracle (LITERATURE-A 6) and planted degeneracies', () => {
    // relu(x1) + 2 relu(-x1) + relu(x2) + 3 relu(-x2): irreducible in V1 (width 4 = K + e = 2 + 2).
    expect(net([{ W: [[1, 0], [-1, 0], [0, 1], [0, -1]], b: [0, 0, 0, 0] }, { W: [[1, 2, 1, 3]], b: [0] }])).toBeIrreducible();
    fc.assert(fc.property(reluNet({ architecture: [2, 3, 1], generic: true }), (n) => {
      expect(n).toBeIrreducible();
    }), { numRuns: 15 });
    fc.assert(fc.property(reluNet({ architecture: [2, 3, 1], degeneracy: 'parallel-neurons' }), (n) => {
      expect(n).not.toBeIrreducible();
    }), { numRuns: 15 });
    // relu(x1 + x2) - relu(-x1 - x2) = x1 + x2 needs 2 neurons; with a third on the same hyperplane it is reducible.
    const three = net([{ W: [[1, 1], [-1, -1], [2, 2]], b: [0, 0, 0] }, { W: [[1, -1, 0]], b: [0] }]);
    expect(() => expect(three).toBeIrreducible()).toThrow(/expected the net of width 3 to be irreducible, but width 2 suffices: .*zero outer weight: neuron 3/);
  });

  it('deep nets: irreducibility is refused with what is not supported', () => {
    const deep = net([{ W: [[1]], b: [0] }, { W: [[1]], b: [1] }, { W: [[1]], b: [0] }]);
    expect(() => expect(deep).toBeIrreducible()).toThrow(AnalysisNotAvailableError);
    expect(() => expect(deep).toBeIrreducible()).toThrow(/irreducibility: decided for shallow nets \(one hidden layer, one output, any input dimension\) only; this net has 2 hidden layers/);
  });

  it('toHaveFunctionalDimension: the exact values of LITERATURE-A 3.5 (O5), deep nets included', () => {
    // M1 (1,1,1,1): relu(x) + 1, 3 < D - N_h = 4; the control relu(1 - relu(x)) reaches 4.
    expect(net([{ W: [[1]], b: [0] }, { W: [[1]], b: [1] }, { W: [[1]], b: [0] }])).toHaveFunctionalDimension(3);
    expect(net([{ W: [[1]], b: [0] }, { W: [[-1]], b: [1] }, { W: [[1]], b: [0] }])).toHaveFunctionalDimension(4);
    // M3 2 relu(x - 1) + 3 relu(1 - x): 4; M4 2 relu(x - 1) + 3 relu(2x - 2): 3.
    expect(net([{ W: [[1], [-1]], b: [-1, 1] }, { W: [[2, 3]], b: [0] }])).toHaveFunctionalDimension(4);
    expect(net([{ W: [[1], [2]], b: [-1, -2] }, { W: [[2, 3]], b: [0] }])).toHaveFunctionalDimension(3);
    // Generic (2,2,1): 7 = D - N_h.
    fc.assert(fc.property(reluNet({ architecture: [2, 2, 1], generic: true }), (n) => {
      expect(n).toHaveFunctionalDimension(7);
    }), { numRuns: 5 });
    const m4 = net([{ W: [[1], [2]], b: [-1, -2] }, { W: [[2, 3]], b: [0] }]);
    expect(() => expect(m4).toHaveFunctionalDimension(5)).toThrow(/expected functional dimension 5; the exact functional dimension \(Jacobian rank over a decisive batch\) is 3, with D - N_h = 5 \(below the bound: hidden symmetries\)/);
    expect(() => expect(m4).not.toHaveFunctionalDimension(3)).toThrow(/expected functional dimension not 3/);
  });
});

describe('assertPreservesFunction (a reusable law)', () => {
  it('passes for the minimal net of a univariate net, and for a symmetry in two dimensions', () => {
    assertPreservesFunction(reluNet({ architecture: [1, 3, 1] }), (n) => fromSpline(toSpline(n)), { numRuns: 40 });
    assertPreservesFunction(reluNet({ architecture: [2, 2, 1] }), (n) => scaleNeuron(n, 0, 1, Rational.of(3)), { numRuns: 20 });
  });

  it('fails for a transform that drops a neuron, with the shrunk net and an exact point', () => {
    const dropLast = (n: ReluNet<Rational>): ReluNet<Rational> =>
      createReluNet(QQ, [
        { W: n.layers[0].W.rows.slice(0, -1), b: n.layers[0].b.slice(0, -1) },
        { W: [n.layers[1].W.rows[0].slice(0, -1)], b: n.layers[1].b },
      ]);
    let message = '';
    try {
      assertPreservesFunction(reluNet({ architecture: [1, 2, 1] }), dropLast, { seed: 1 });
    } catch (e) {
      message = (e as Error).message;
    }
    // Shrunk to one live neuron, the one dropped: W2 = [[0, v]] with v != 0.
    expect(message).toMatch(/Counterexample: \[ReluNet 1-2-1 \{W1: \[\[0\], \[-?\d+\]\], b1: \[0, -?\d+\]; W2: \[\[0, -?[1-9]\d*\]\], b2: \[0\]\}\]/);
    expect(message).toMatch(/the transform changes the function: at x = \(-?\d+(\/\d+)?\) the net gives \(-?\d+(\/\d+)?\), the transformed net \(0\)/);
  });
});
