import { BudgetExceededError } from '../../core/errors.js';
import { SeededRng } from '../../core/rng.js';
import { roughness, savareseCost } from '../../spline/cost.js';
import { splineLens } from '../../spline/lens.js';
import { leftFacingKinks, minimalForm } from '../../spline/minimal.js';
import type { SweepTask } from '../task.js';
import { RANDOM_NET_PARAMS, randomNet } from './random-nets.js';

/**
 * The spline lens of a random univariate shallow net (1, H, 1), exactly: knots, roughness,
 * representation cost and the minimal width (LITERATURE-A 4.2). A sweep over widths, seeds and
 * weight ranges measures how often random nets are reducible (minimal width below H): never,
 * almost surely, for continuous initialisations; often for small integer weights.
 */
export const splineRandomTask: SweepTask = {
  name: 'spline-random',
  summary: 'the exact spline lens of a random (1, H, 1) net: knots, roughness, minimal width, reducibility',
  params: {
    width: { type: 'integer', min: 1, max: 10_000, description: 'hidden width H' },
    ...RANDOM_NET_PARAMS,
    'max-states': { type: 'integer', min: 1, default: 1 << 16, description: 'budget of the exact subset-sum search for the minimal width' },
  },
  run(p) {
    const width = p['width'] as number;
    const net = randomNet([1, width, 1], p['weights'] as string, p['range'] as number, new SeededRng(p['seed'] as number));
    const lens = splineLens(net);
    const spline = lens.spline;
    const roles = { kink: 0, cancelled: 0, constant: 0, dead: 0 };
    for (const n of lens.neurons) roles[n.role]++;
    let minimalWidth: number | null = null;
    try {
      minimalWidth = minimalForm(spline, { maxStates: p['max-states'] as number, leftFacingHint: leftFacingKinks(lens) }).width;
    } catch (e) {
      if (!(e instanceof BudgetExceededError)) throw e;
    }
    const r = roughness(spline);
    return {
      exact: true,
      width,
      knots: spline.knots.length,
      sharedBreakpoints: lens.groups.filter((g) => g.neurons.length > 1).length,
      roles,
      roughness: r.toString(),
      roughnessApprox: r.toNumber(),
      representationCost: savareseCost(spline).toString(),
      minimalWidth,
      reducible: minimalWidth === null ? null : minimalWidth < width,
    };
  },
};
