import { pinningExperiment } from '../../dynamics/reproductions/pinning.js';
import { printJson } from '../inputs.js';
import { table } from '../text.js';
import type { Experiment } from './experiment.js';
import { integerOr, numberList, sig } from './parse.js';

export const breakpointPinning: Experiment = {
  name: 'breakpoint-pinning',
  summary: 'Williams et al. 2019, Sahs et al. 2025: breakpoints travel to data points and stay there in the adaptive regime, not in the kernel regime',
  source: 'Williams et al. 2019 (arXiv 1906.07842); Sahs et al. 2022, 2025; LITERATURE-A 2.6, 5.4',
  options: {
    width: { type: 'string', valueName: 'M', description: 'neurons (default 40)' },
    steps: { type: 'string', valueName: 'T', description: 'descent steps per run (default 300000)' },
    seeds: { type: 'string', valueName: 'K1,K2,...', description: 'seeds averaged over (default 1,2,3)' },
  },
  run(ctx) {
    const r = pinningExperiment({
      width: integerOr(ctx, 'width', 40, { min: 1, max: 100_000 }),
      steps: integerOr(ctx, 'steps', 300_000, { min: 1, max: 1e9 }),
      seeds: numberList(ctx, 'seeds', [1, 2, 3], (x) => Number.isSafeInteger(x), 'integers'),
    });
    if (ctx.json) {
      printJson(ctx, { exact: false, experiment: 'breakpoint-pinning', source: breakpointPinning.source, ...r });
      return;
    }
    const out = [
      `Breakpoints pinned at data points (${breakpointPinning.source}).`,
      '',
      `${r.x.length} points x = ${r.x.map((v) => sig(v, 3)).join(', ')}, y = sin(pi x) + x/2; m = ${r.width}, descent on sse for ${r.steps} steps (step 2e-3 / max(1, sigma_w^2)), means over seeds ${r.seeds.join(', ')}.`,
      'A kink counts when its |mu| is at least 1e-3 of the largest and its breakpoint lies in the data hull; pinned: within 1% of the data gap of a data point',
      '(placed at random, 2% of kinks would be). Distances in data gaps (uniform placement: 0.25).',
      table(
        ['regime', 'initialisation', 'sse start -> end', 'pinned |mu| share', 'mean distance', 'kinks', 'points holding pins', 'mean travel'],
        r.rows.map((row) => [
          row.regime,
          row.init,
          `${sig(row.initialSse, 3)} -> ${row.finalSse.toExponential(1)}`,
          `${sig(row.pinnedMassBefore, 2)} -> ${sig(row.pinnedMassAfter, 2)}`,
          `${sig(row.meanDistanceBefore, 2)} -> ${sig(row.meanDistanceAfter, 2)}`,
          sig(row.kinksAfter, 3),
          sig(row.pinnedPointsAfter, 2),
          sig(row.meanTravel, 3),
        ]),
      ),
      '',
      'Reading: with |v| >> |w| breakpoints travel several data gaps and a good share of the slope change (a third with the defaults) ends on data points,',
      'against 2% by chance; in the kernel regime they barely move and none is pinned. From a small balanced initialisation every kink ends on two',
      'data points (x = -3/7 and 3/7 here, the right-facing kinks on one, the left-facing on the other) and descent stalls at sse ~ 1.58, far from',
      'interpolating: pinning that traps.',
      '(float results, not exact)',
    ];
    ctx.io.stdout(out.join('\n') + '\n');
  },
};
