import { certifiedSpectrum, criticalPoints, type CriticalFamily } from '../../analyses/landscape/index.js';
import { InputError } from '../../core/errors.js';
import type { Rational } from '../../field/rational.js';
import type { Command, CommandContext } from '../command.js';
import { integerOption, loadDataset, printJson } from '../inputs.js';
import { eigenvaluesText, exactAndDecimal, familyJson, roleText } from '../landscape-format.js';
import { table } from '../text.js';
import { budgetOptions, clearProgress } from './patterns.js';

/** Cells examined before the command stops by default (about a minute on small data). */
const DEFAULT_MAX_CELLS = 20_000;

export const criticalCommand: Command = {
  name: 'critical',
  summary: 'every critical point of the squared loss of a univariate shallow net of width M, exactly, classified',
  description:
    'Enumerates the cells of f(x) = c + sum_i v_i relu(w_i x + b_i) on the data (which gap between samples each breakpoint lies in, ' +
    'its orientation, the sign of its delta-slope), solves each cell\'s least squares exactly, keeps the realisable solutions (exact LP) and ' +
    'completes them with zero-slope, dead and w = 0 neurons admitted by the residual. Each entry is a critical point or a family (with its ' +
    'dimension modulo scaling), classified by the exact inertia of the Hessian of sse = sum (f(x_i) - y_i)^2 in the relu-net/1 parameters ' +
    'of a representative net. Points with a breakpoint exactly on a sample are not smooth: those that are Clarke-critical are listed apart ' +
    '(clarkePoints, with the one-sided partial derivatives in the breakpoint). complete is false when a budget stopped the enumeration ' +
    `(then the exit code is 3); the default budget is ${DEFAULT_MAX_CELLS} cells.`,
  options: {
    data: { type: 'string', valueName: 'FILE', required: true, description: 'labelled univariate data (dataset/1)' },
    width: { type: 'string', valueName: 'M', required: true, description: 'the number of hidden neurons' },
    'no-output-bias': { type: 'boolean', description: 'the model without the output bias c' },
    'no-clarke': { type: 'boolean', description: 'skip breakpoints on samples (faster; then the lowest value need not be the optimum)' },
    spectrum: { type: 'boolean', description: 'certified eigenvalues of each smooth point\'s Hessian (and the float ones)' },
    digits: { type: 'string', valueName: 'N', default: '12', description: 'significant digits of eigenvalues and decimals' },
    'max-count': { type: 'string', valueName: 'N', description: `stop after N cells (default ${DEFAULT_MAX_CELLS})` },
    'max-seconds': { type: 'string', valueName: 'S', description: 'stop after S seconds' },
  },
  run(ctx) {
    const { data, xs } = loadLabelledUnivariate(ctx);
    const width = integerOption(ctx, 'width', { min: 1, max: 64 });
    const digits = integerOption(ctx, 'digits', { min: 1, max: 1000 });
    const budget = budgetOptions(ctx, 'cells');
    const outputBias = ctx.options['no-output-bias'] !== true;
    let r;
    try {
      r = criticalPoints(data, width, { ...budget, maxCount: budget.maxCount ?? DEFAULT_MAX_CELLS, outputBias, clarke: ctx.options['no-clarke'] !== true });
    } finally {
      clearProgress(ctx);
    }
    const spectra = new Map<CriticalFamily, ReturnType<typeof certifiedSpectrum>>();
    if (ctx.options['spectrum'] === true) for (const f of r.criticalPoints) if (f.hessian !== null) spectra.set(f, certifiedSpectrum(f.hessian, { digits }));
    if (!r.complete) ctx.io.stderr(`critical: the budget stopped the enumeration after ${r.counts.cells} of ${r.counts.cellsTotal} cells; the lists are partial (complete: false)\n`);
    if (ctx.json) {
      printJson(ctx, {
        criticalPoints: r.criticalPoints.map((f) => familyJson(f, xs, spectra.get(f))),
        clarkePoints: r.clarkePoints.map((f) => familyJson(f, xs)),
        complete: r.complete,
        lowestSse: r.lowestSse?.toString() ?? null,
        width,
        outputBias,
        counts: { ...r.counts, criticalPoints: r.criticalPoints.length, clarkePoints: r.clarkePoints.length },
        exact: true,
        seconds: r.seconds,
      });
      return r.complete ? 0 : 3;
    }
    const kinds = (fs: CriticalFamily[]): string => ['minimum', 'saddle', 'maximum', 'degenerate'].map((k) => `${fs.filter((f) => f.kind === k).length} ${k}`).filter((s) => !s.startsWith('0 ')).join(', ') || 'none';
    const lines = [
      `${r.criticalPoints.length} smooth critical point${r.criticalPoints.length === 1 ? '' : 's'} or families (${kinds(r.criticalPoints)}) and ${r.clarkePoints.length} Clarke point${r.clarkePoints.length === 1 ? '' : 's'} (${kinds(r.clarkePoints)}) ` +
        `of sse for width ${width}${outputBias ? '' : ' without output bias'} on ${data.y.length} points; ${r.complete ? 'complete' : `INCOMPLETE (${r.counts.cells} of ${r.counts.cellsTotal} cells)`}, exact, ${r.seconds.toFixed(2)} s.`,
      r.lowestSse !== null ? `Lowest sse: ${exactAndDecimal(r.lowestSse, digits)}${r.complete && outputBias && ctx.options['no-clarke'] !== true ? ' (the global optimum)' : ''}.` : '',
      '',
    ];
    const rows = (fs: CriticalFamily[], smooth: boolean): string[][] =>
      fs.map((f, i) => [
        String(i + 1),
        f.kind + (f.globalMinimum ? ' (global)' : ''),
        exactAndDecimal(f.sse, 6),
        String(f.dimension),
        smooth ? `${f.inertia!.pos}/${f.inertia!.neg}/${f.inertia!.zero}` : f.oneSided!.map((o) => `${o.left} | ${o.right}`).join('; ') || '-',
        f.neurons.map((n) => roleText(n, xs)).join('; ') + (spectra.has(f) ? `  eigenvalues: ${eigenvaluesText(spectra.get(f)!)}` : ''),
      ]);
    lines.push('Smooth critical points (inertia of the Hessian in the net parameters: +/-/0):');
    lines.push(table(['#', 'kind', 'sse', 'dim', '+/-/0', 'neurons'], rows(r.criticalPoints, true)), '');
    if (r.clarkePoints.length > 0) {
      lines.push('Clarke-critical points with a breakpoint on a sample (one-sided d sse / d beta: left | right):');
      lines.push(table(['#', 'kind', 'sse', 'dim', 'left | right', 'neurons'], rows(r.clarkePoints, false)), '');
    }
    lines.push('Use --json for the nets.');
    ctx.io.stdout(lines.filter((l, i) => l !== '' || i > 1).join('\n') + '\n');
    return r.complete ? 0 : 3;
  },
};

/** The --data file with labels and one coordinate; its distinct x values, ascending. */
export function loadLabelledUnivariate(ctx: CommandContext): { data: { X: Rational[][]; y: Rational[] }; xs: Rational[] } {
  const { data, file } = loadDataset(ctx);
  if (data.y === undefined) throw new InputError('has no labels y: the loss needs them', { file, path: 'y' });
  if (data.X.nrows === 0) throw new InputError('has no points', { file, path: 'X' });
  if (data.X.ncols !== 1) throw new InputError(`points have ${data.X.ncols} coordinates; critical points are enumerated for univariate data (one column)`, { file, path: 'X' });
  const X = data.X.rows.map((r) => r.slice());
  const xs = [...new Map(X.map((r) => [r[0].toString(), r[0]])).values()].sort((a, b) => a.cmp(b));
  return { data: { X, y: data.y.slice() }, xs };
}
