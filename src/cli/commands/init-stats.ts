import { UsageError } from '../../core/errors.js';
import { INIT_SCHEMES, type BiasInit, type InitOptions, type InitScheme, type Law } from '../../dynamics/init.js';
import { flatnessTable, initStats, type Estimate, type FlatnessRow, type InitStats } from '../../dynamics/init-stats.js';
import type { Command, CommandContext } from '../command.js';
import { integerOption, printJson } from '../inputs.js';
import { table } from '../text.js';

export const initStatsCommand: Command = {
  name: 'init-stats',
  summary: 'breakpoints and delta-slopes of initial (1, H, 1) nets: empirical laws against closed forms, and flatness against width',
  description:
    'Draws T nets (1, H, 1) from an initialisation scheme and compares, in spline coordinates, the empirical laws with their closed forms ' +
    '(E[sum mu^2], E[sum |mu|], E[int |f\'\'|], P(|beta| <= a), P(s = +1)), each estimate with its standard error and z = (estimate - closed) / s.e. ' +
    "Then a table of how flat the initial function is as the width grows. Float and sampled (\"exact\": false); a seed makes it reproducible. " +
    `Schemes: ${INIT_SCHEMES.join(', ')}, or 'all'.`,
  options: {
    width: { type: 'string', valueName: 'H', required: true, description: 'hidden width of the laws table' },
    scheme: { type: 'string', valueName: 'S', default: 'pytorch', description: `initialisation: ${INIT_SCHEMES.join(', ')}, or all` },
    trials: { type: 'string', valueName: 'T', default: '200', description: 'nets drawn per width' },
    seed: { type: 'string', valueName: 'K', default: '0', description: 'random seed' },
    bias: { type: 'string', valueName: 'B', description: "hidden biases: zero, pytorch (U(+-1/sqrt(fan_in))), normal:SD or uniform:BOUND (default: pytorch for the pytorch scheme, normal:sigma-b for gaussian, zero otherwise)" },
    widths: { type: 'string', valueName: 'H1,H2,...', description: 'widths of the flatness table (default: 4, 16, 64, ... up to H, and H)' },
    'sigma-w': { type: 'string', valueName: 'SD', default: '1', description: 'gaussian scheme: sd of the hidden weights' },
    'sigma-b': { type: 'string', valueName: 'SD', default: '1', description: 'gaussian scheme: sd of the hidden biases' },
    'sigma-v': { type: 'string', valueName: 'SD', default: '1', description: 'gaussian scheme: sd of the output weights' },
  },
  run(ctx) {
    const width = integerOption(ctx, 'width', { min: 1, max: 1_000_000 });
    const trials = integerOption(ctx, 'trials', { min: 2, max: 1_000_000 });
    const seed = integerOption(ctx, 'seed');
    const schemes = parseSchemes(ctx.options['scheme'] as string);
    const widths = ctx.options['widths'] !== undefined ? parseWidths(ctx.options['widths'] as string) : defaultWidths(width);
    if (widths.length * trials * Math.max(...widths) * schemes.length > 200_000_000) throw new UsageError('init-stats: that is more than 2e8 sampled neurons; lower --trials or the widths');
    const bias = parseBias(ctx.options['bias']);
    const sigma = (k: string): number => positiveNumber(ctx, k);
    const optionsOf = (scheme: InitScheme): InitOptions => ({ scheme, ...(bias !== undefined ? { bias } : {}), ...(scheme === 'gaussian' ? { sigmaW: sigma('sigma-w'), sigmaB: sigma('sigma-b'), sigmaV: sigma('sigma-v') } : {}) });
    const laws = schemes.map((s) => initStats(optionsOf(s), width, trials, seed));
    const flat = schemes.flatMap((s) => flatnessTable(optionsOf(s), widths, trials, seed));
    if (ctx.json) {
      printJson(ctx, { exact: false, width, trials, seed, schemes, laws: laws.map(lawsJson), flatness: flat.map(flatnessJson) });
      return;
    }
    const out: string[] = [];
    for (const s of laws) out.push(...lawsText(s), '');
    out.push(`How flat the initial function is as the width grows (${trials} nets per row, seed ${seed}); estimates +- one standard error, closed forms in brackets:`, '');
    out.push(table(['scheme', 'H', 'E[sum mu^2]', "E[int |f''|]", 'E|mu| per knot', 'E[max |mu|]'], flat.map(flatnessRowText)), '');
    out.push(FLATNESS_READING);
    ctx.io.stdout(out.join('\n') + '\n');
  },
};

/** What the flatness table shows (measured: README "The spline lens"). */
const FLATNESS_READING = [
  'Reading: a net of width H has H knots, yet sum mu^2 does not grow with H when the output layer is fan-in scaled: it stays at 1/9 (PyTorch default),',
  '4 (He) or 1 (LeCun), and vanishes like 4/H under Glorot. Each kink is O(1/sqrt H) and the largest shrinks with H. Next to an H-knot spline with',
  'O(1) kinks (sum mu^2 ~ H) the initial function is flat. With random biases int |f\'\'| = sum |mu| still grows like sqrt H (flat in the squared',
  'sense, not in total variation); with zero biases (the default here for he, glorot, lecun) every breakpoint is 0, one kink, int |f\'\'| = |sum mu| = O(1).',
  'The gaussian scheme has no fan-in scaling and is not flat: sum mu^2 = H sigma_v^2 sigma_w^2.',
].join('\n');

function parseSchemes(raw: string): InitScheme[] {
  if (raw === 'all') return [...INIT_SCHEMES];
  if (!(INIT_SCHEMES as readonly string[]).includes(raw)) throw new UsageError(`--scheme must be one of ${INIT_SCHEMES.join(', ')} or all, got ${JSON.stringify(raw)}`);
  return [raw as InitScheme];
}

function parseWidths(raw: string): number[] {
  const widths = raw.split(',').map((s) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN));
  if (widths.length === 0 || widths.some((w) => !Number.isSafeInteger(w) || w < 1 || w > 1_000_000)) throw new UsageError(`--widths must be a comma-separated list of integers in [1, 1000000], got ${JSON.stringify(raw)}`);
  return widths;
}

function defaultWidths(width: number): number[] {
  const out: number[] = [];
  for (let h = 4; h < width; h *= 4) out.push(h);
  out.push(width);
  return out;
}

function parseBias(raw: string | boolean | undefined): BiasInit | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'zero' || raw === 'pytorch') return raw;
  const m = /^(normal|uniform):(.+)$/.exec(String(raw));
  const x = m === null ? NaN : Number(m[2]);
  if (m === null || !(Number.isFinite(x) && x > 0)) throw new UsageError(`--bias must be zero, pytorch, normal:SD or uniform:BOUND with a number > 0, got ${JSON.stringify(raw)}`);
  const law: Law = m[1] === 'normal' ? { kind: 'normal', std: x } : { kind: 'uniform', bound: x };
  return law;
}

function positiveNumber(ctx: CommandContext, key: string): number {
  const raw = ctx.options[key];
  const x = Number(raw);
  if (!(Number.isFinite(x) && x > 0)) throw new UsageError(`--${key} must be a number > 0, got ${JSON.stringify(raw)}`);
  return x;
}

const g = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x));
const pm = (e: Estimate): string => `${g(e.mean)} +- ${g(e.standardError)}`;

function lawsText(s: InitStats): string[] {
  const o = s.options;
  return [
    `Scheme ${o.scheme}${o.bias !== undefined ? ` (biases ${typeof o.bias === 'string' ? o.bias : JSON.stringify(o.bias)})` : ''}: ${s.trials} nets (1, ${s.width}, 1), seed ${s.seed}. Breakpoints: ${s.breakpointLaw}.`,
    table(
      ['quantity', 'estimate +- s.e.', 'closed form', 'z'],
      s.checks.map((c) => [c.quantity, pm(c.estimate), c.closedForm === null ? '-' : g(c.closedForm), c.z === null ? '-' : c.z.toFixed(2)]),
    ),
  ];
}

function lawsJson(s: InitStats): Record<string, unknown> {
  return {
    scheme: s.options.scheme,
    bias: s.options.bias ?? null,
    breakpointLaw: s.breakpointLaw,
    checks: s.checks.map((c) => ({ quantity: c.quantity, estimate: c.estimate.mean, standardError: c.estimate.standardError, closedForm: c.closedForm, z: c.z })),
  };
}

function flatnessRowText(r: FlatnessRow): string[] {
  return [r.options.scheme, String(r.width), `${pm(r.sumMu2)} [${g(r.sumMu2Closed)}]`, `${pm(r.roughness)}${r.roughnessClosed !== null ? ` [${g(r.roughnessClosed)}]` : ''}`, g(r.meanAbsMu), pm(r.maxAbsMu)];
}

function flatnessJson(r: FlatnessRow): Record<string, unknown> {
  return {
    scheme: r.options.scheme,
    width: r.width,
    sumMu2: r.sumMu2.mean,
    sumMu2StandardError: r.sumMu2.standardError,
    sumMu2Closed: r.sumMu2Closed,
    roughness: r.roughness.mean,
    roughnessStandardError: r.roughness.standardError,
    roughnessClosed: r.roughnessClosed,
    maxAbsMu: r.maxAbsMu.mean,
    maxAbsMuStandardError: r.maxAbsMu.standardError,
    meanAbsMu: r.meanAbsMu,
  };
}
