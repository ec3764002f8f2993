/**
 * Zaslavsky's theorem with Whitney's formula, for a central arrangement (Zaslavsky 1975;
 * LITERATURE-B 7.1, specialised to central arrangements there).
 *
 * Hypotheses: any nonzero x~_1, ..., x~_n in R^D: repeated, parallel, antiparallel or
 * dependent vectors allowed (repeats give one hyperplane).
 * Claim: the arrangement {theta : x~_i . theta = 0} has exactly
 * r = sum_{T subset [n]} (-1)^{|T| - rank T} chambers (open activation patterns).
 *
 * Check: every n-point multiset of three small grids (duplicates, collinear triples and, without
 * bias, antiparallel pairs all occur). The toolkit's enumeration is compared with its
 * whitneyCount; each certificate accounts for all 2^n sign vectors, and the verifier recomputes
 * Whitney's sum with its own ranks.
 */
import { liftData, whitneyCount } from 'relu-exact';
import { defineTheorem, makeCertificate } from 'relu-exact/arbitraries';
import { classifySigns } from './lib/chambers.js';
import { dataArbitrary, FAMILY_TEXT, gridInstances, noZeroPoint, showData, type DataInstance } from './lib/data.js';

export const zaslavskyCountTheorem = defineTheorem<DataInstance>({
  name: 'zaslavsky-count',
  title: "Zaslavsky/Whitney: any n nonzero vectors have sum_T (-1)^{|T| - rank T} chambers",
  statement: {
    hypotheses: ['x~_1..x~_n in R^D nonzero (any other degeneracy allowed)'],
    claim: 'the number of open activation patterns equals Whitney\'s sum over all subsets T of (-1)^{|T| - rank T}',
  },
  source: 'T. Zaslavsky, Facing up to arrangements, Mem. AMS 154 (1975), Theorem A with Whitney\'s formula for the characteristic polynomial; LITERATURE-B 7.1',
  size: { default: 3, min: 1, max: 8, meaning: 'points n' },
  kinds: ['chamber-count'],
  instancesAre: `all n-point multisets of the grids (${FAMILY_TEXT})`,
  instances: (n) => gridInstances(n, true),
  arbitrary: dataArbitrary,
  hypothesis: noZeroPoint,
  check(instance) {
    const signs = classifySigns(instance);
    const expected = whitneyCount(liftData(instance.X, instance.bias).vectors);
    return {
      certificate: makeCertificate(
        'zaslavsky-count',
        showData(instance),
        { kind: 'chamber-count', count: signs.realised.length, formula: 'whitney', expected, holds: BigInt(signs.realised.length) === expected },
        { realised: signs.realised, infeasible: signs.infeasible },
      ),
      problems: signs.problems,
    };
  },
});
