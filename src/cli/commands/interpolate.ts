import { InputError } from '../../core/errors.js';
import { formatForHumans } from '../../field/format.js';
import { writeReluNet } from '../../network/json-io.js';
import { minCostInterpolant } from '../../spline/cost.js';
import { splineToJson } from '../../spline/spline.js';
import { splineSvg } from '../../spline/svg.js';
import type { Command } from '../command.js';
import { integerOption, printJson } from '../inputs.js';
import { KNOT_HEADER, knotRows } from '../spline-summary.js';
import { table } from '../text.js';
import { loadUnivariateData } from './spline.js';

export const interpolateCommand: Command = {
  name: 'interpolate',
  summary: "the minimum-cost interpolant of 1-D data (Savarese et al.), as an exact spline and net",
  description:
    'Among all shallow ReLU nets of any width that interpolate the data, with cost (1/2) sum (v^2 + w^2) and free biases, the least cost is ' +
    "R* = TV if |B0| <= TV, else (TV + |B0|)/2, with s_k the data slopes, TV = sum |s_(k+1) - s_k| and B0 = s_1 + s_last. " +
    'Prints R*, one minimiser as a spline (knots at data points) and a net in path form (|w| = 1) whose path norm is R*.',
  options: {
    data: { type: 'string', valueName: 'FILE', required: true, description: 'labelled univariate data (dataset/1)' },
    svg: { type: 'string', valueName: 'FILE.svg', description: 'write a plot of the interpolant and the data' },
    digits: { type: 'string', valueName: 'N', default: '6', description: 'significant digits of decimal approximations' },
  },
  run(ctx) {
    const digits = integerOption(ctx, 'digits', { min: 1, max: 1000 });
    const data = loadUnivariateData(ctx)!;
    const file = ctx.options['data'] as string;
    if (data.y === undefined) throw new InputError('has no labels y: an interpolant needs them', { file, path: 'y' });
    let r;
    try {
      r = minCostInterpolant(data.X.col(0), data.y);
    } catch (e) {
      throw e instanceof InputError ? e.within(file) : e;
    }
    const svgFile = ctx.options['svg'];
    if (typeof svgFile === 'string') ctx.io.writeText(svgFile, splineSvg(r.spline, { data: { x: r.x, y: r.y }, title: `minimum-cost interpolant, R* = ${r.cost}` }));
    if (ctx.json) {
      printJson(ctx, {
        cost: r.cost.toString(),
        exact: true,
        ...splineToJson(r.spline),
        dataSlopes: r.dataSlopes.map(String),
        interiorVariation: r.interiorVariation.toString(),
        tailSum: r.tailSum.toString(),
        leftSlope: r.leftSlope.toString(),
        rightSlope: r.rightSlope.toString(),
        net: writeReluNet(r.net),
        svg: typeof svgFile === 'string' ? svgFile : null,
      });
      return;
    }
    const h = (x: Parameters<typeof formatForHumans>[0]): string => formatForHumans(x, digits);
    const out = [
      `${r.x.length} distinct point${r.x.length === 1 ? '' : 's'}; data slopes ${r.dataSlopes.map(String).join(', ') || '(none)'}; TV = ${h(r.interiorVariation)}, B0 = ${h(r.tailSum)}.`,
      `Minimum representation cost R* = ${h(r.cost)} (${r.tailSum.abs().cmp(r.interiorVariation) <= 0 ? '|B0| <= TV: linear interpolation, linear extrapolation' : '|B0| > TV: the left tail tilts at the first point'}); tail slopes ${h(r.leftSlope)} and ${h(r.rightSlope)}.`,
      '',
    ];
    if (r.spline.knots.length > 0) out.push(table(KNOT_HEADER, knotRows(r.spline, digits)), '');
    out.push(`A net computing it, path norm ${r.cost} (relu-net/1):`, JSON.stringify(writeReluNet(r.net)));
    if (typeof svgFile === 'string') out.push(`Wrote the plot to ${svgFile}`);
    ctx.io.stdout(out.join('\n') + '\n');
  },
};
