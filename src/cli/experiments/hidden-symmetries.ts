/** `relu-exact experiment hidden-symmetries`: the experiment of LITERATURE-A 3.6 and 7, float batches beside exact decisive sets. */
import { hiddenSymmetryStudy, type HiddenSymmetryStudy, type StudyRow } from '../../analyses/functional-dimension/hidden-symmetries-study.js';
import type { BatchLaw } from '../../analyses/functional-dimension/float-path.js';
import { UsageError } from '../../core/errors.js';
import { INIT_SCHEMES, initNet, type InitScheme } from '../../dynamics/init.js';
import type { Experiment } from './experiment.js';
import { printJson } from '../inputs.js';
import { integerOr, positiveOr } from './parse.js';
import { table } from '../text.js';

const DEFAULT_ARCHS = '1,3,3,1 2,3,3,1 1,5,5,1 2,5,5,1';

/**
 * For each architecture, draws --trials nets from the initialisation and computes the functional
 * dimension twice: on the float path over random batches of max(4D, 500) points (laws 'normal' =
 * N(0, I) and 'wide' = N(0,1), N(0,10^2), N(0,100^2), Cauchy in equal parts, as
 * Grigsby-Lindsey-Rolnick-style estimates do), and exactly from the decisive batch on the exact
 * linear regions. A random batch gives only a lower bound; the columns 'missed' count the nets
 * whose float answer fell below the exact one (batch coverage). --max-seconds bounds the exact
 * work per net (past it the net counts as unknown).
 */
export const hiddenSymmetries: Experiment = {
  name: 'hidden-symmetries',
  source: 'Grigsby, Lindsey and Rolnick 2023 (hidden symmetries of ReLU networks), LITERATURE-A 3.6',
  summary: 'Grigsby, Lindsey and Rolnick 2023: fraction of nets at initialisation with functional dimension D - N_h: float random batches (a lower bound) beside exact decisive sets',
  options: {
    arch: { type: 'string', valueName: 'WIDTHS', multiple: true, description: `an architecture n0,n1,...,1 (repeatable; several separated by spaces; default ${DEFAULT_ARCHS})` },
    init: { type: 'string', valueName: 'SCHEME', description: `initialisation: ${INIT_SCHEMES.join(', ')} (default pytorch)` },
    trials: { type: 'string', valueName: 'T', description: 'nets per architecture (default 20)' },
    seed: { type: 'string', valueName: 'K', description: 'seed (nets and batches; default 1)' },
    tol: { type: 'string', valueName: 'T', description: 'relative tolerance of the float rank (default 1e-9)' },
    'float-only': { type: 'boolean', description: 'skip the exact decisive computation' },
    'max-seconds': { type: 'string', valueName: 'S', description: 'exact work per net before it counts as unknown' },
    markdown: { type: 'boolean', description: 'print the table as Markdown' },
  },
  run(ctx) {
    const architectures = parseArchitectures(String(ctx.options['arch'] ?? DEFAULT_ARCHS));
    const scheme = String(ctx.options['init'] ?? 'pytorch') as InitScheme;
    if (!INIT_SCHEMES.includes(scheme)) throw new UsageError(`--init must be one of ${INIT_SCHEMES.join(', ')}, got ${JSON.stringify(scheme)}`);
    const trials = integerOr(ctx, 'trials', 20, { min: 1, max: 1_000_000 });
    const seed = integerOr(ctx, 'seed', 1);
    const tol = positiveOr(ctx, 'tol', 1e-9);
    if (!(tol < 1)) throw new UsageError(`--tol must be a number in (0, 1), got ${JSON.stringify(ctx.options['tol'])}`);
    const maxSecondsPerNet = ctx.options['max-seconds'] === undefined ? undefined : positiveOr(ctx, 'max-seconds', 0);
    const started = performance.now();
    let done = 0;
    const study = hiddenSymmetryStudy({
      architectures,
      trials,
      seed,
      tol,
      floatOnly: ctx.options['float-only'] === true,
      maxSecondsPerNet,
      sampleNet: (widths, rng) => initNet(widths, { scheme }, rng),
      onTrial: () => {
        done++;
        if (ctx.io.stderrIsTTY) ctx.io.stderr(`\r${done}/${architectures.length * trials} nets...`);
      },
    });
    if (ctx.io.stderrIsTTY) ctx.io.stderr('\r\x1b[K');
    const seconds = (performance.now() - started) / 1000;
    if (ctx.json) return printJson(ctx, { experiment: 'hidden-symmetries', init: scheme, trials, seed, tol, rows: study.rows, trialRecords: study.trials, seconds });
    ctx.io.stdout(studyTable(study, { scheme, trials, seed }, ctx.options['markdown'] === true) + `\n(${seconds.toFixed(1)} s)\n`);
  },
};

/** "1,3,3,1 2,4,4,1" (or ';'-separated) to widths; each must end in 1 output and have a hidden layer. */
export function parseArchitectures(text: string): number[][] {
  const parts = text.split(/[\s;]+/).filter((s) => s !== '');
  if (parts.length === 0) throw new UsageError('--arch needs at least one architecture such as 1,3,3,1');
  return parts.map((p) => {
    const ws = p.split(',').map((s) => (/^\d+$/.test(s) ? Number(s) : NaN));
    if (ws.length < 3 || ws.some((w) => !(w >= 1)) || ws[ws.length - 1] !== 1) throw new UsageError(`--arch ${JSON.stringify(p)}: give widths n0,n1,...,1 (positive integers, at least one hidden layer, one output)`);
    return ws;
  });
}

const pct = (k: number, n: number): string => (n === 0 ? '-' : `${((100 * k) / n).toFixed(0)}%`);
const gap = (x: number): string => (Number.isNaN(x) ? '-' : x.toFixed(2));

/** The Markdown table: per architecture, fraction at the bound / mean gap on each path, and the nets the batches missed. */
export function studyTable(study: HiddenSymmetryStudy, about: { scheme: string; trials: number; seed: number }, markdown = false): string {
  const laws = Object.keys(study.rows[0]?.float ?? {}) as BatchLaw[];
  const header = ['architecture', 'D', 'D - N_h', ...laws.map((l) => `float ${l}: at bound / gap`), 'exact: at bound / gap', ...laws.map((l) => `missed by ${l}`), 'regions', 'exact s/net'];
  const rows = study.rows.map((r: StudyRow) => [
    `(${r.architecture.join(',')})`,
    String(r.parameterCount),
    String(r.upperBound),
    ...laws.map((l) => `${pct(r.float[l].atBound, r.trials)} / ${gap(r.float[l].meanGap)}${r.float[l].unclear > 0 ? ` (${r.float[l].unclear} unclear)` : ''}`),
    r.exact === null ? '-' : `${pct(r.exact.atBound, r.trials - r.exact.unknown)} / ${gap(r.exact.meanGap)}${r.exact.unknown > 0 ? ` (${r.exact.unknown} unknown)` : ''}`,
    ...laws.map((l) => (r.exact === null ? '-' : `${r.float[l].belowExact}${r.float[l].aboveExact > 0 ? ` (+${r.float[l].aboveExact} ABOVE)` : ''}`)),
    r.exact === null ? '-' : r.exact.meanRegions.toFixed(0),
    r.exact === null ? '-' : r.exact.meanSeconds.toFixed(2),
  ]);
  const body = markdown ? [header, header.map((_, j) => (j === 0 ? ':--' : '--:')), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n') : table(header, rows);
  return [`hidden symmetries at initialisation (${about.scheme}), ${about.trials} nets per architecture, seed ${about.seed}; random batches of max(4D, 500) points`, '', body].join('\n');
}
