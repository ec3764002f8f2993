/**
 * Irreducibility (shallow nets) and functional dimension (any depth) in the report, each within a
 * budget so the report stays quick: past it the section says what is known (a lower bound).
 */
import { irreducibility } from '../../../analyses/irreducibility/irreducibility.js';
import { functionalDimension } from '../../../analyses/functional-dimension/functional-dimension.js';
import { BudgetExceededError } from '../../../core/errors.js';
import { parameterName } from '../../../network/parameters.js';
import { hiddenNeuronCount, isShallowScalar, outputDim, parameterCount } from '../../../network/relu-net.js';
import { irreducibilityJson } from '../../commands/irreducible.js';
import { regionsSentence } from '../../commands/fdim.js';
import type { Block, Fact, ReportSection } from '../section.js';

const FDIM_BUDGET = { maxSeconds: 5, maxCount: 20_000 };
const SUBSET_BUDGET = { maxStates: 1 << 16 };

export const irreducibilitySection: ReportSection = {
  id: 'irreducibility',
  applies: (input) => input.net !== undefined && isShallowScalar(input.net),
  build(input) {
    const net = input.net!;
    let r;
    try {
      r = irreducibility(net, SUBSET_BUDGET);
    } catch (e) {
      if (!(e instanceof BudgetExceededError)) throw e;
      return { title: 'Irreducibility', blocks: [{ kind: 'note', text: `Not decided within the report's budget (${e.message}); run relu-exact irreducible.` }], json: { stopped: true } };
    }
    const blocks: Block[] = [
      {
        kind: 'text',
        text: `${r.width} neuron${r.width === 1 ? '' : 's'}; the function needs ${r.minimalWidth} (${r.kinkCount} kink hyperplane${r.kinkCount === 1 ? '' : 's'} + ${r.extra} for the affine part, model V1 with output bias): ${r.irreducible ? 'irreducible' : 'reducible'} (exact).`,
      },
      ...r.reasons.map((text): Block => ({ kind: 'note', text })),
    ];
    const headline: Fact[] = [{ label: 'irreducible', value: r.irreducible ? 'yes' : `no (${r.minimalWidth} of ${r.width} neurons suffice)`, tone: r.irreducible ? 'good' : 'warn' }];
    return { title: 'Irreducibility', blocks, json: irreducibilityJson(r), headline };
  },
};

export const functionalDimensionSection: ReportSection = {
  id: 'functional-dimension',
  applies: (input) => input.net !== undefined && input.net.layers.length >= 2 && outputDim(input.net) === 1,
  build(input) {
    const net = input.net!;
    const D = parameterCount(net);
    const bound = D - hiddenNeuronCount(net);
    try {
      const r = functionalDimension(net, FDIM_BUDGET);
      const blocks: Block[] = [
        {
          kind: 'text',
          text:
            `Functional dimension ${r.functionalDimension} (exact; ${regionsSentence(r)}); ` +
            `D = ${D} parameters, bound D - N_h = ${bound}. ` +
            (r.hiddenSymmetries ? `Below the bound: the net has hidden symmetries, ${bound - r.functionalDimension} direction(s) beyond neuron rescaling.` : 'At the bound: no hidden symmetries of positive dimension.'),
        },
        ...r.hiddenDirections.map((v, i): Block => ({
          kind: 'note',
          text: `hidden direction ${i + 1}: ${v.flatMap((x, t) => (x.isZero() ? [] : [`${parameterName(net, t)} ${x}`])).join(', ')}`,
        })),
      ];
      return {
        title: 'Functional dimension and hidden symmetries',
        blocks,
        json: { parameterCount: D, upperBound: bound, functionalDimension: r.functionalDimension, hiddenSymmetries: r.hiddenSymmetries, exact: true, regionsVisited: r.regionsVisited },
        headline: [{ label: 'functional dimension', value: `${r.functionalDimension} of ${bound}`, tone: r.hiddenSymmetries ? 'warn' : 'good' }],
      };
    } catch (e) {
      if (!(e instanceof BudgetExceededError)) throw e;
      const partial = e.partial as { lowerBound: number; regions: number };
      return {
        title: 'Functional dimension and hidden symmetries',
        blocks: [{ kind: 'note', text: `Stopped by the report's budget (${FDIM_BUDGET.maxSeconds} s, ${FDIM_BUDGET.maxCount} regions) after ${partial.regions} regions: the functional dimension is at least ${partial.lowerBound} and at most D - N_h = ${bound}. Run relu-exact fdim for the exact value.` }],
        json: { parameterCount: D, upperBound: bound, lowerBound: partial.lowerBound, stopped: true, exact: false },
      };
    }
  },
};
