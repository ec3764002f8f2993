import { INIT_SCHEMES, type InitScheme } from '../../dynamics/init.js';
import { initStats } from '../../dynamics/init-stats.js';
import type { SweepTask } from '../task.js';

/** `init-stats` over a grid: the empirical laws of initial (1, H, 1) nets against their closed forms. */
export const initStatsTask: SweepTask = {
  name: 'init-stats',
  summary: 'breakpoints and delta-slopes of initial (1, H, 1) nets against their closed forms (float, sampled; max |z| summarises)',
  params: {
    width: { type: 'integer', min: 1, max: 1_000_000, description: 'hidden width H' },
    scheme: { type: 'enum', values: INIT_SCHEMES, default: 'pytorch', description: 'initialisation scheme' },
    bias: { type: 'enum', values: ['default', 'zero', 'pytorch'], default: 'default', description: "hidden biases ('default': the scheme's own)" },
    trials: { type: 'integer', min: 2, max: 1_000_000, default: 200, description: 'nets drawn' },
    seed: { type: 'integer', min: 0, default: 0, description: 'random seed' },
  },
  run(p) {
    const bias = p['bias'] === 'default' ? {} : { bias: p['bias'] as 'zero' | 'pytorch' };
    const s = initStats({ scheme: p['scheme'] as InitScheme, ...bias }, p['width'] as number, p['trials'] as number, p['seed'] as number);
    const zs = s.checks.map((c) => c.z).filter((z): z is number => z !== null);
    return {
      exact: false,
      breakpointLaw: s.breakpointLaw,
      maxAbsZ: zs.length > 0 ? Math.max(...zs.map(Math.abs)) : null,
      checks: s.checks.map((c) => ({ quantity: c.quantity, estimate: c.estimate.mean, standardError: c.estimate.standardError, closedForm: c.closedForm, z: c.z })),
    };
  },
};
