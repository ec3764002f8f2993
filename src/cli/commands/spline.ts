import { InputError, UsageError } from '../../core/errors.js';
import { Rational } from '../../field/rational.js';
import type { Dataset } from '../../network/json-io.js';
import { inputDim, outputDim, type ReluNet } from '../../network/relu-net.js';
import { MODEL_VARIANTS, type ModelVariant } from '../../spline/minimal.js';
import { evaluateSpline, type Spline } from '../../spline/spline.js';
import { splineSvg } from '../../spline/svg.js';
import type { Command, CommandContext } from '../command.js';
import { integerOption, loadDataset, loadNet, printJson } from '../inputs.js';
import { DEFAULT_MAX_STATES, KNOT_HEADER, NEURON_HEADER, knotRows, lensNotes, neuronRows, splineJson, splineSentence, summariseSpline } from '../spline-summary.js';
import { table } from '../text.js';

export const splineCommand: Command = {
  name: 'spline',
  summary: 'a univariate net as an exact spline: knots, slopes, breakpoints, delta-slopes, minimal width, plot',
  description:
    'Reads a univariate net with one output (shallow, or deeper: its knots are found layer by layer) and prints its canonical ' +
    'continuous piecewise-linear form: the knots where the slope really changes (coincident breakpoints merged, cancelling ones dropped), ' +
    'the slopes, f at the knots and f(0), all exact. For shallow nets also the spline lens per neuron (breakpoint beta = -b/w, ' +
    'orientation sign(w), delta-slope v|w|), its roughness and representation cost, and the minimal width with a net of that width. ' +
    'With --svg it draws the function, its knots and (with --data) the data.',
  options: {
    net: { type: 'string', valueName: 'FILE', required: true, description: 'the network (relu-net/1, one input, one output)' },
    svg: { type: 'string', valueName: 'FILE.svg', description: 'write a plot of f with its knots (and the data)' },
    data: { type: 'string', valueName: 'FILE', description: 'univariate data (dataset/1) to draw, and to score when labelled (sse)' },
    variant: { type: 'string', valueName: 'V', default: 'V1', description: "model for the minimal width: 'V1' output bias, 'V0' none, 'V2' free affine term" },
    digits: { type: 'string', valueName: 'N', default: '6', description: 'significant digits of decimal approximations' },
    'max-states': { type: 'string', valueName: 'N', default: String(DEFAULT_MAX_STATES), description: 'budget of the exact search for the minimal width (distinct partial sums per half); past it the bounds are reported' },
  },
  run(ctx) {
    const digits = integerOption(ctx, 'digits', { min: 1, max: 1000 });
    const maxStates = integerOption(ctx, 'max-states', { min: 1, max: 1 << 26 });
    const variant = ctx.options['variant'] as ModelVariant;
    if (!MODEL_VARIANTS.includes(variant)) throw new UsageError(`--variant must be one of ${MODEL_VARIANTS.join(', ')}, got ${JSON.stringify(variant)}`);
    const { net, file } = loadNet(ctx);
    checkUnivariate(net, file);
    const data = loadUnivariateData(ctx);
    const summary = summariseSpline(net, variant, maxStates);
    const svgFile = ctx.options['svg'];
    if (typeof svgFile === 'string') {
      const title = `${net.name ?? file}: ${summary.spline.knots.length} knot${summary.spline.knots.length === 1 ? '' : 's'}`;
      ctx.io.writeText(svgFile, splineSvg(summary.spline, { title, ...(data !== null ? { data: { x: data.X.col(0), y: data.y } } : {}) }));
    }
    const sse = data?.y !== undefined ? sumSquaredErrors(summary.spline, data) : null;
    if (ctx.json) {
      printJson(ctx, { ...splineJson(summary), ...(sse !== null ? { sse: sse.toString() } : {}), svg: typeof svgFile === 'string' ? svgFile : null });
      return;
    }
    const out = [splineSentence(summary, digits), ''];
    if (summary.spline.knots.length > 0) out.push(table(KNOT_HEADER, knotRows(summary.spline, digits)), '');
    if (summary.lens !== null) {
      out.push('Spline lens, one row per neuron:', table(NEURON_HEADER, neuronRows(summary.lens, digits)), '');
      for (const note of lensNotes(summary.lens, data?.X.col(0))) out.push(`- ${note}`);
    }
    if (sse !== null) out.push(`sse on the data = ${sse}`);
    if (typeof svgFile === 'string') out.push(`Wrote the plot to ${svgFile}`);
    ctx.io.stdout(out.join('\n').trimEnd() + '\n');
  },
};

function checkUnivariate(net: ReluNet<Rational>, file: string): void {
  if (inputDim(net) !== 1) throw new InputError(`the spline lens needs a univariate net (1 input); this net takes ${inputDim(net)}`, { file, path: 'layers[0].W' });
  if (outputDim(net) !== 1) throw new InputError(`the spline lens needs one output; this net has ${outputDim(net)}`, { file, path: `layers[${net.layers.length - 1}].W` });
}

/** The --data file, checked to have one coordinate per point; null without --data. */
export function loadUnivariateData(ctx: CommandContext): Dataset<Rational> | null {
  if (ctx.options['data'] === undefined) return null;
  const { data, file } = loadDataset(ctx);
  if (data.X.ncols !== 1) throw new InputError(`points have ${data.X.ncols} coordinates; a spline plot needs univariate data (one column)`, { file, path: 'X' });
  return data;
}

function sumSquaredErrors(s: Spline, data: Dataset<Rational>): Rational {
  return data.X.col(0).reduce((acc, x, i) => {
    const r = evaluateSpline(s, x).sub(data.y![i]);
    return acc.add(r.mul(r));
  }, Rational.ZERO);
}
