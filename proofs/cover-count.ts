/**
 * Cover's function-counting theorem (Cover 1965; LITERATURE-B 7.1, 8.1).
 *
 * Hypotheses: x~_1, ..., x~_n in R^D (x~_i = (x_i, 1) with a hidden bias, x_i without) are in
 * general position: any min(n, D) of them are linearly independent.
 * Claim: the central arrangement {theta : x~_i . theta = 0} has exactly
 * C(n, D) = 2 sum_{k=0}^{D-1} binom(n-1, k) chambers; equivalently one ReLU unit has C(n, D) open
 * activation patterns on the data.
 *
 * Check: every n-point subset of three small grids (1-D and 2-D with bias, 2-D without), those
 * in general position (few for n >= 5: the grids are small), and 10 seeded random sets in
 * general position for each d = 1, 2, 3, with and without bias. The toolkit enumerates the patterns (countPatterns with enumeration,
 * listPatterns; not Cover's formula) and each instance's certificate accounts for all 2^n sign
 * vectors (an interior point or a Gordan vector each), so the count is proved, not sampled.
 */
import { coverCount, generalPosition } from 'relu-exact';
import { defineTheorem, makeCertificate } from 'relu-exact/arbitraries';
import { classifySigns } from './lib/chambers.js';
import { dataArbitrary, FAMILY_TEXT, gridInstances, lifted, noZeroPoint, randomGeneralPosition, showData, type DataInstance } from './lib/data.js';

export const coverCountTheorem = defineTheorem<DataInstance>({
  name: 'cover-count',
  title: "Cover's count: n points in general position in R^D have C(n, D) = 2 sum_{k<D} binom(n-1, k) patterns",
  statement: {
    hypotheses: ['x~_1..x~_n in R^D are in general position (any min(n, D) of them linearly independent)'],
    claim: 'the number of open activation patterns (chambers of the arrangement x~_i . theta = 0) is C(n, D) = 2 sum_{k=0}^{D-1} binom(n-1, k)',
  },
  source: 'T. M. Cover, Geometrical and statistical properties of systems of linear inequalities, IEEE Trans. Electronic Computers 14 (1965), Theorem 1 (function-counting theorem); LITERATURE-B 7.1',
  size: { default: 4, min: 1, max: 8, meaning: 'points n' },
  kinds: ['chamber-count'],
  instancesAre: `all n-point subsets of the grids (${FAMILY_TEXT}) in general position, and 10 seeded random sets in general position per d = 1, 2, 3, with and without bias`,
  instances: (n, seed) => [...gridInstances(n, false), ...randomGeneralPosition(n, seed, 10)],
  arbitrary: dataArbitrary,
  hypothesis: (x) => noZeroPoint(x) && generalPosition(x.X, { bias: x.bias }),
  check(instance) {
    const n = instance.X.length;
    const D = lifted(instance)[0].length;
    const signs = classifySigns(instance);
    const expected = coverCount(n, D);
    return {
      certificate: makeCertificate(
        'cover-count',
        showData(instance),
        { kind: 'chamber-count', count: signs.realised.length, formula: 'cover', expected, generalPosition: true, holds: BigInt(signs.realised.length) === expected },
        { realised: signs.realised, infeasible: signs.infeasible },
      ),
      problems: signs.problems,
    };
  },
});
