/**
 * Identifiability in the report: for a small univariate net with univariate data, are the data's
 * x values enough to tell the net apart from every other net of its width? (`identify`, exact,
 * with a time budget: past it the section says so.)
 */
import { identify } from '../../../analyses/identifiability/index.js';
import { BudgetExceededError } from '../../../core/errors.js';
import { hiddenNeuronCount, inputDim, isShallowScalar, outputDim } from '../../../network/relu-net.js';
import { identifyJson, identifyText } from '../../commands/identifiability.js';
import type { ReportSection } from '../section.js';

/** Small enough to decide within the report's budget. */
const MAX_WIDTH = 8;
const MAX_SAMPLES = 200;
const SECONDS = 5;

export const identifiabilitySection: ReportSection = {
  id: 'identifiability',
  applies: (input) =>
    input.net !== undefined &&
    input.data !== undefined &&
    inputDim(input.net) === 1 &&
    outputDim(input.net) === 1 &&
    isShallowScalar(input.net) &&
    hiddenNeuronCount(input.net) <= MAX_WIDTH &&
    input.data.X.ncols === 1 &&
    input.data.X.nrows <= MAX_SAMPLES,
  build(input) {
    const title = "Identifiability from the data's x values";
    const intro = `Taking the data's x values as samples: does any other function computed by a shallow net of width <= ${hiddenNeuronCount(input.net!)} (output bias on) agree with the net at all of them?`;
    try {
      const r = identify(input.net!, input.data!.X, { maxSeconds: SECONDS });
      return {
        title,
        blocks: [{ kind: 'text', text: intro }, ...identifyText(r, input.digits).map((text) => ({ kind: 'text' as const, text }))],
        json: identifyJson(r, null),
        headline: [{ label: 'identified by the x values', value: r.identifiable ? 'yes (exact)' : 'no: counterexample', tone: r.identifiable ? 'good' : 'warn' }],
      };
    } catch (e) {
      if (!(e instanceof BudgetExceededError)) throw e;
      return {
        title,
        blocks: [{ kind: 'text', text: intro }, { kind: 'note', text: `The exact search did not finish within ${SECONDS} s (run relu-exact identify with a larger --max-seconds).` }],
        json: { identifiable: null, budgetExceeded: true },
        headline: [{ label: 'identified by the x values', value: 'undecided (budget)', tone: 'warn' }],
      };
    }
  },
};
