/**
 * Attainment of the bound: for every architecture with no layer narrower than the input, some
 * parameters have functional dimension D - N_h (Grigsby, Lindsey, Rolnick 2023, main theorem,
 * abstract wording: "there exist parameter settings with no hidden symmetries"; LITERATURE-A 3.4).
 * For shallow nets (n_0, n_1, 1) with output bias every generic parameter does (LITERATURE-A 3.3,
 * checked there).
 *
 * Hypotheses: n_l >= n_0 for every layer; draws from reluNet({ generic: true }) (nonzero weights,
 * no proportional neurons in a layer).
 * Claim: some draw has dim_fun = D - N_h; for a shallow architecture the first draw does.
 *
 * Why not "every generic draw" for deep nets: a deeper neuron dead or stably active on the image
 * of the layers before (M1, M6) is an open condition, so hidden symmetries have positive
 * probability there (the paper's experiments: the probability of none falls with depth). The
 * first seeded draws of (2,3,3,1) do hit such nets.
 *
 * Check: per architecture (1,2,1), (1,3,1), (2,2,1), (2,3,1), (2,3,3,1) (LITERATURE-A 3.5's
 * controls: 5, 7, 7, 10, 19) and seed, the first of up to 20 seeded draws at the bound.
 * Certificate `jacobian-rank` at functionalDimension's witness batch: rank JE_Z = D - N_h is a
 * lower bound of dim_fun, and the upper bound is functional-dimension-upper-bound.
 */
import fc from 'fast-check';
import { defineTheorem, reluNet } from 'relu-exact/arbitraries';
import { jacobianRankCertificate, seeded, upperBound } from './lib/fdim.js';

interface Instance {
  readonly architecture: readonly number[];
  readonly seed: number;
}

const ARCHITECTURES = [[1, 2, 1], [1, 3, 1], [2, 2, 1], [2, 3, 1], [2, 3, 3, 1]];
const DRAWS = 20;
const generic = (architecture: readonly number[]) => reluNet({ architecture, generic: true, entries: { maxNumerator: 5, maxDenominator: 3 } });

export const functionalDimensionAttainedTheorem = defineTheorem<Instance>({
  name: 'functional-dimension-attained',
  title: 'No layer narrower than the input: some parameters reach dim_fun = D - N_h (every generic shallow one)',
  statement: {
    hypotheses: ['architecture (n_0, ..., n_L) with n_l >= n_0 for every layer l', 'parameters drawn generic (relu-exact/arbitraries reluNet({ generic: true }), rational)'],
    claim: 'some parameters have dim_fun(theta) = D - N_h (no positive-dimensional hidden symmetry); for a shallow architecture every generic draw does',
  },
  source: 'Grigsby, Lindsey, Rolnick, Hidden symmetries of ReLU networks, ICML 2023 (existence of parameters without hidden symmetries); the shallow generic case LITERATURE-A 3.3; Grillo and Montufar 2026 (open sets of such parameters)',
  size: { default: 2, min: 1, max: 30, meaning: 'seeds per architecture' },
  kinds: ['jacobian-rank'],
  instancesAre: `S seeds for each of ${ARCHITECTURES.map((a) => `(${a.join(',')})`).join(', ')}; per seed up to ${DRAWS} seeded generic draws (entries p/q, |p| <= 5, q <= 3), the first at the bound certified`,
  instances: (size, seed) => ARCHITECTURES.flatMap((architecture, i) => Array.from({ length: size }, (_, k) => ({ architecture, seed: seed + 97 * i + 7919 * k }))),
  arbitrary: () => fc.record({ architecture: fc.constantFrom(...ARCHITECTURES), seed: fc.integer({ min: 0, max: 10_000 }) }),
  check({ architecture, seed }) {
    const draws = seeded(generic(architecture), seed, DRAWS);
    const shallow = architecture.length === 3;
    let last: ReturnType<typeof jacobianRankCertificate> | null = null;
    for (const [k, net] of draws.entries()) {
      last = jacobianRankCertificate('functional-dimension-attained', net, upperBound(net), 'equal');
      if (last.rank === upperBound(net)) {
        const problems = shallow && k > 0 ? [...last.problems, `generic shallow draws ${k === 1 ? '0' : `0 to ${k - 1}`} stay below D - N_h`] : last.problems;
        return { certificate: { ...last.certificate, instance: { ...last.certificate.instance, architecture, seed, draw: k } }, problems };
      }
    }
    // The last draw's certificate says the statement fails on it (its rank is below the bound).
    return { certificate: last!.certificate, problems: [`none of ${DRAWS} generic draws reaches D - N_h`] };
  },
});
