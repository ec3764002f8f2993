/**
 * The theorem checks of proofs/ at their default sizes: every ready theorem passes on the number
 * of instances counted independently here; pending ones say what they need; and a wrongly stated
 * theorem fails, shrinks to a minimal counterexample and is certified as a refutation.
 */
import { describe, expect, it } from 'vitest';
import { coverCount, generalPosition } from 'relu-exact';
import { defineTheorem, definePendingTheorem, runTheorem, makeCertificate, type Theorem } from 'relu-exact/arbitraries';
import { evaluateScalar, Rational, type ReluNet } from 'relu-exact';
import { bruteForceMinimalWidth, shallowNet, type Neuron } from '../../proofs/lib/univariate.js';
import { multisetsOf } from '../../proofs/lib/combinatorics.js';
import { verifyCertificate } from '../../src/verify/index.js';
import { checkSummary } from '../../src/cli/commands/check.js';
import { THEOREMS, CONJECTURES } from '../../proofs/index.js';
import { classifySigns } from '../../proofs/lib/chambers.js';
import { dataArbitrary, gridInstances, type DataInstance } from '../../proofs/lib/data.js';

const binom = (n: number, k: number): number => (k < 0 || k > n ? 0 : k === 0 ? 1 : (binom(n - 1, k - 1) * n) / k);

describe('the registry', () => {
  it('has unique kebab-case names, a source and a statement for every entry', () => {
    const names = THEOREMS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of THEOREMS) {
      expect(t.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(t.source.length).toBeGreaterThan(20);
      expect(t.statement.claim.length).toBeGreaterThan(20);
    }
    expect(CONJECTURES.map((c) => c.name)).toContain('demo-two-neurons-irreducible');
  });

  it('no theorem is pending any more; a pending one reports what it needs and never passes', () => {
    expect(THEOREMS.filter((t) => t.status === 'pending').map((t) => t.name)).toEqual([]);
    const pending = definePendingTheorem({ name: 'some-future-theorem', title: 't', statement: { hypotheses: [], claim: 'a claim of more than twenty characters' }, source: 'a source for the test', needs: 'a module', plan: 'a plan' });
    expect(runTheorem(pending)).toMatchObject({ passed: false, instances: 0, failed: 0, pending: 'needs a module' });
  });
});

// Instance counts from closed forms, not from the enumerators:
// cover-count, n = 4: 1-D grid C(5, 4) = 5; 3x3 grid, 4-subsets with no collinear triple
// 126 - 8 lines x 6 = 78; the 8 nonzero vectors of {-1,0,1}^2 lie on 4 lines through 0, one from each: 2^4 = 16;
// plus 10 random sets in general position for each of d = 1, 2, 3 with and without bias.
// zaslavsky-count and zonotope-vertices, n = 3: multisets C(5+2, 3) + C(9+2, 3) + C(8+2, 3) = 35 + 165 + 120.
// spline-identity, S = 2: w in {+-1/2, +-1, +-2}, b in {0, +-1/2, +-1, +-2}, v in {-2..2}: 6 x 7 x 5.
// min-cost-interpolant, n <= 3: C(4, 2) 3^2 + C(4, 3) 3^3 = 54 + 108. minimal-width-1d: multisets of 2 of 36 neurons, C(37, 2).
// known-rank, size 4: 3 matrices per shape m x n and rank 0..min(m, n): 3 sum_{m,n <= 4} (min(m, n) + 1).
// The analyses' theorems: seeded draws (upper bound: 8 architectures x 4 degeneracies, a draw
// without a smooth point skipped; attained: 5 architectures x 2 seeds; M1-M6: example, control, 3
// planted); irreducibility-any-dimension: 54 neuron types (v alternating -1, 1), multisets i <= j
// with an odd first index; the 1-D grids counted by the proofs' own brute-force minimal width;
// critical-point-classification: 4 subsets x (3^3 + 1)/2 labels up to sign.
const GRID_1D: Neuron[] = [-1, 1, 2].flatMap((w) => [-1, 0, 1].flatMap((b) => [-1, 1].map((v) => ({ w: Rational.of(w), b: Rational.of(b), v: Rational.of(v) }))));
const irreducible = (n: ReluNet<Rational>): boolean => bruteForceMinimalWidth(n).width === n.layers[0].W.nrows;
const affine = (n: ReluNet<Rational>): boolean => {
  const xs = [-3, -2, -1, -1 / 2, 0, 1 / 2, 1, 2, 3].map((x) => Rational.of(x * 2, 2));
  const ys = xs.map((x) => evaluateScalar(n, [x]));
  return xs.every((x, k) => k < 2 || ys[k].sub(ys[0]).mul(xs[1].sub(xs[0])).eq(ys[1].sub(ys[0]).mul(x.sub(xs[0]))));
};
const irreducible1d = [1, 2].flatMap((m) => multisetsOf(GRID_1D, m).map((ns) => shallowNet(ns))).filter(irreducible).length;
const distinguishing = multisetsOf(GRID_1D, 2).filter((ns) => ns[0].v.sign() > 0).map((ns) => shallowNet(ns));
const distinguishingIn = distinguishing.filter((n) => irreducible(n) && !affine(n)).length;

const EXPECTED: Record<string, { instances: number; skipped: number } | { total: number }> = {
  'functional-dimension-upper-bound': { total: 32 },
  'functional-dimension-attained': { instances: 10, skipped: 0 },
  ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((k) => [`hidden-symmetry-m${k}`, { instances: 5, skipped: 0 }])),
  'irreducibility-any-dimension': { instances: Array.from({ length: 27 }, (_, t) => 54 - (2 * t + 1)).reduce((a, b) => a + b, 0), skipped: 0 },
  'no-finite-sample-identifies': { instances: irreducible1d + 6, skipped: 0 },
  'distinguishing-set-1d': { instances: distinguishingIn, skipped: distinguishing.length - distinguishingIn },
  'critical-point-classification': { instances: 4 * 14, skipped: 0 },
  'cover-count': { instances: 5 + 78 + 16 + 60, skipped: binom(5, 4) + binom(9, 4) + binom(8, 4) - 99 },
  'zaslavsky-count': { instances: 35 + 165 + 120, skipped: 0 },
  'zonotope-vertices': { instances: 320, skipped: 0 },
  'spline-identity': { instances: 210, skipped: 0 },
  'scaling-quotient': { instances: 210, skipped: 0 },
  'min-cost-interpolant': { instances: 162, skipped: 0 },
  'minimal-width-1d': { instances: binom(37, 2), skipped: 0 },
  'known-rank': { instances: 3 * [1, 2, 3, 4].reduce((s, m) => s + [1, 2, 3, 4].reduce((t, n) => t + Math.min(m, n) + 1, 0), 0), skipped: 0 },
};

describe('every ready theorem passes at its default size, every certificate verified', () => {
  const ready = THEOREMS.filter((t): t is Theorem<unknown> => t.status === 'ready');
  it('has an expected instance count for each', () => {
    expect(ready.map((t) => t.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(ready.map((t) => [t.name, t] as const))('%s', (name, theorem) => {
    let certificates = 0;
    const r = runTheorem(theorem, { onCertificate: () => certificates++ });
    expect(r.failures).toEqual([]);
    const expected = EXPECTED[name];
    expect(r).toMatchObject({ name, passed: true, failed: 0, pending: null, counterexample: null, ...('total' in expected ? {} : expected) });
    if ('total' in expected) expect(r.instances + r.skipped).toBe(expected.total);
    expect(certificates).toBe(r.instances);
  });
});

describe('a wrongly stated theorem fails and shrinks to a minimal counterexample', () => {
  // Cover's formula without its hypothesis: false for degenerate data.
  const careless = defineTheorem<DataInstance>({
    name: 'cover-without-general-position',
    title: "Cover's count for any data (false)",
    statement: { hypotheses: ['any nonzero x~_i'], claim: 'C(n, D) open patterns' },
    source: 'a deliberately wrong statement, for the test',
    size: { default: 3, min: 1, max: 4, meaning: 'points n' },
    instancesAre: 'all 3-point multisets of the grids',
    instances: (n) => gridInstances(n, true),
    arbitrary: dataArbitrary,
    check(instance) {
      const signs = classifySigns(instance);
      const D = instance.X[0].length + (instance.bias ? 1 : 0);
      const expected = coverCount(instance.X.length, D);
      return {
        certificate: makeCertificate(
          'cover-without-general-position',
          { X: instance.X, bias: instance.bias },
          { kind: 'chamber-count', count: signs.realised.length, formula: 'cover', expected, generalPosition: generalPosition(instance.X, { bias: instance.bias }), holds: BigInt(signs.realised.length) === expected },
          { realised: signs.realised, infeasible: signs.infeasible },
        ),
        problems: signs.problems,
      };
    },
  });

  it('reports the failures, shrinks to two equal points in one dimension, and certifies the refutation', () => {
    const r = runTheorem(careless, { seed: 7 });
    expect(r.passed).toBe(false);
    expect(r.failed).toBeGreaterThan(0);
    expect(r.failures[0].reason).toMatch(/^the statement fails: \d+ chambers/);
    const cx = r.counterexample!;
    // Two points are degenerate only when they coincide (with bias, 1-D) or are parallel (no bias):
    // the smallest counterexample has two points, with 2 chambers instead of C(2, 2) = 4.
    const shrunk = cx.value as DataInstance;
    expect(shrunk.X).toHaveLength(2);
    expect(generalPosition(shrunk.X, { bias: shrunk.bias })).toBe(false);
    expect(cx.reason).toMatch(/the statement fails: 2 chambers/);
    expect(cx.instance).toMatch(/^\{"X":\[\[/);
    const v = verifyCertificate(cx.certificate);
    expect(v).toMatchObject({ valid: true, holds: false });
    // What `relu-exact check` prints for it (and it exits 1).
    const text = checkSummary([r], undefined);
    expect(text).toMatch(/cover-without-general-position\s+FAILED/);
    expect(text).toContain(`shrunk counterexample (${cx.shrinks} shrinks): ${cx.instance}`);
    expect(text).toMatch(/0 of 1 theorem checks passed/);
    expect(cx.certificate!.claim["generalPosition"]).toBe(false);
  });
});
