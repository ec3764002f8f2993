/**
 * `relu-exact optimum --compare-gd R`: R seeded float gradient-descent runs set beside the
 * certified optimum (how often they reach it, and the gap otherwise).
 */
import { UsageError } from '../core/errors.js';
import { compareWithOptimum, descentRuns, sseScale } from '../dynamics/descent-runs.js';
import { INIT_SCHEMES, type InitScheme } from '../dynamics/init.js';
import type { Rational } from '../field/rational.js';
import type { CommandContext, OptionSpec } from './command.js';
import { positiveOr, integerOr, sig } from './experiments/parse.js';
import { integerOption } from './inputs.js';

const DEFAULT_STEPS = 20_000;
const DEFAULT_TOLERANCE = 1e-6;

export const COMPARE_GD_OPTIONS: Record<string, OptionSpec> = {
  'compare-gd': { type: 'string', valueName: 'R', description: 'also run R seeded float gradient descents and report how often they reach the certified optimum' },
  'gd-steps': { type: 'string', valueName: 'T', description: `steps per run (default ${DEFAULT_STEPS})` },
  'gd-lr': { type: 'string', valueName: 'ETA', description: 'step size on sse of the standardized data (default 0.05 / (n max_i (1 + |x_i|^2)))' },
  'gd-init': { type: 'string', valueName: 'SCHEME', default: 'pytorch', description: `initialisation: ${INIT_SCHEMES.join(', ')}` },
  'gd-seed': { type: 'string', valueName: 'K', default: '1', description: 'seed of the first run (run r uses K + r)' },
  'gd-tolerance': { type: 'string', valueName: 'TOL', description: `a run reaches the optimum when |sse - optimum| <= TOL * scale, scale = sum (y - mean y)^2 (sum y^2 without output bias) (default ${DEFAULT_TOLERANCE})` },
  'gd-raw': { type: 'boolean', description: 'descend on the data as given (default: standardized inputs and labels, the same optimisation problem)' },
};

interface CompareGdRequest {
  runs: number;
  steps: number;
  lr: number | undefined;
  scheme: InitScheme;
  seed: number;
  relativeTolerance: number;
  standardize: boolean;
}

/** The request, or null without --compare-gd (the gd-* options then refused, so no typo passes silently). */
export function compareGdRequest(ctx: CommandContext): CompareGdRequest | null {
  if (ctx.options['compare-gd'] === undefined) {
    const stray = ['gd-steps', 'gd-lr', 'gd-tolerance', 'gd-raw'].find((k) => ctx.options[k] !== undefined);
    if (stray !== undefined) throw new UsageError(`--${stray} needs --compare-gd R`);
    return null;
  }
  const scheme = ctx.options['gd-init'];
  if (!(INIT_SCHEMES as readonly string[]).includes(scheme as string)) throw new UsageError(`--gd-init must be one of ${INIT_SCHEMES.join(', ')}, got ${JSON.stringify(scheme)}`);
  const tolRaw = ctx.options['gd-tolerance'];
  const relativeTolerance = tolRaw === undefined ? DEFAULT_TOLERANCE : Number(tolRaw);
  if (tolRaw !== undefined && !(typeof tolRaw === 'string' && tolRaw.trim() !== '' && Number.isFinite(relativeTolerance) && relativeTolerance >= 0)) throw new UsageError(`--gd-tolerance must be a number >= 0, got ${JSON.stringify(tolRaw)}`);
  return {
    runs: integerOption(ctx, 'compare-gd', { min: 1, max: 10_000 }),
    steps: integerOr(ctx, 'gd-steps', DEFAULT_STEPS, { min: 1, max: 100_000_000 }),
    lr: ctx.options['gd-lr'] === undefined ? undefined : positiveOr(ctx, 'gd-lr', 1),
    scheme: scheme as InitScheme,
    seed: integerOption(ctx, 'gd-seed', { min: 0, max: 2 ** 31 }),
    relativeTolerance,
    standardize: ctx.options['gd-raw'] !== true,
  };
}

/** The runs and their comparison: the `compareGd` JSON object and the summary lines. */
export function compareGd(data: { X: readonly (readonly Rational[])[]; y: readonly Rational[] }, width: number, outputBias: boolean, optimumSse: Rational, req: CompareGdRequest): { json: Record<string, unknown>; lines: string[] } {
  const d = data.X[0].length;
  const X = Float64Array.from(data.X.flatMap((row) => row.map((x) => x.toNumber())));
  const Y = Float64Array.from(data.y, (y) => y.toNumber());
  const r = descentRuns(X, Y, d, width, { runs: req.runs, steps: req.steps, lr: req.lr, scheme: req.scheme, seed: req.seed, standardize: req.standardize, outputBias });
  const opt = optimumSse.toNumber();
  const scale = sseScale(Y, outputBias);
  const finalSse = r.runs.map((run) => run.sse);
  const c = compareWithOptimum(finalSse, opt, req.relativeTolerance, scale);
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
  const json = {
    runs: req.runs,
    reached: c.reached,
    tolerance: c.tolerance,
    relativeTolerance: req.relativeTolerance,
    scale,
    optimum: opt,
    finalSse: finalSse.map(finite),
    gradNorm: r.runs.map((run) => finite(run.gradNorm)),
    best: c.best,
    medianGap: c.medianGap,
    below: c.below,
    diverged: c.diverged,
    steps: r.steps,
    lr: r.lr,
    init: r.scheme,
    seed: r.seed,
    standardize: r.standardize,
    exact: false,
  };
  const lines = [
    `Gradient descent (float64, ${req.runs} run${req.runs === 1 ? '' : 's'} from ${r.scheme} seeds ${r.seed}..${r.seed + req.runs - 1}, ${r.steps} steps of ${sig(r.lr, 3)}${r.standardize ? ' on standardized data' : ''}): ` +
      `${c.reached} of ${req.runs} reached the certified optimum ${sig(opt, 8)} within ${sig(c.tolerance, 3)} (${req.relativeTolerance} x ${sig(scale, 6)}).`,
    `Best final sse ${c.best === null ? '-' : sig(c.best, 8)}${c.medianGap === null ? '' : `; median gap of the others ${sig(c.medianGap, 4)}`}${c.diverged > 0 ? `; ${c.diverged} diverged (lower --gd-lr)` : ''}.`,
    `Final sse per run: ${finalSse.map((v) => sig(v, 6)).join(', ')}.`,
  ];
  if (c.below > 0) lines.push(`WARNING: ${c.below} run(s) ended below the certified optimum by more than the tolerance: a bug in the optimum or in the float path; please report it.`);
  return { json, lines };
}
