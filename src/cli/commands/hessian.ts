import { certifiedSpectrum, splineChart, splineCoordinateNames, splineSseDerivatives, sseDerivatives } from '../../analyses/landscape/index.js';
import { InputError } from '../../core/errors.js';
import { formatSignificant } from '../../field/format.js';
import type { Rational } from '../../field/rational.js';
import { inertia } from '../../linalg/operations.js';
import { parameterName } from '../../network/parameters.js';
import { inputDim, isShallowScalar, outputDim, parameterCount } from '../../network/relu-net.js';
import type { Command } from '../command.js';
import { integerOption, loadDataset, loadNet, printJson } from '../inputs.js';
import { eigenvaluesText, spectrumJson } from '../landscape-format.js';
import { table } from '../text.js';

export const hessianCommand: Command = {
  name: 'hessian',
  summary: 'the exact gradient and Hessian of the squared loss at a net, with certified eigenvalues',
  description:
    'sse = sum (f(x_i) - y_i)^2 at the given net: its gradient and Hessian in the relu-net/1 parameters (any depth), exactly, the inertia ' +
    '(counts of +, -, 0 eigenvalues), and the eigenvalues as certified intervals (characteristic polynomial, Sturm isolation, refined to ' +
    '--digits) beside the float ones (Jacobi). With --spline (univariate shallow nets, every w != 0) the same in the coordinates ' +
    '(mu_i, beta_i, c): delta-slopes and breakpoints. Where a pre-activation is exactly 0 at a data point (a breakpoint on a sample) sse ' +
    'is not smooth: then the one-sided partial derivatives are printed instead (differentiable: false).',
  options: {
    net: { type: 'string', valueName: 'FILE', required: true, description: 'the network (relu-net/1, one output)' },
    data: { type: 'string', valueName: 'FILE', required: true, description: 'labelled data (dataset/1)' },
    spline: { type: 'boolean', description: 'spline coordinates (mu, beta, c) of a univariate shallow net' },
    digits: { type: 'string', valueName: 'N', default: '12', description: 'significant digits of the certified eigenvalues' },
  },
  run(ctx) {
    const digits = integerOption(ctx, 'digits', { min: 1, max: 1000 });
    const { net, file: netFile } = loadNet(ctx);
    const { data, file: dataFile } = loadDataset(ctx);
    if (data.y === undefined) throw new InputError('has no labels y: the loss needs them', { file: dataFile, path: 'y' });
    if (outputDim(net) !== 1) throw new InputError(`the loss needs one output; this net has ${outputDim(net)}`, { file: netFile });
    if (data.X.ncols !== inputDim(net)) throw new InputError(`points have ${data.X.ncols} coordinates but the net in ${netFile} takes ${inputDim(net)}`, { file: dataFile, path: 'X' });
    const labelled = { X: data.X, y: data.y };
    let names: string[];
    let d: ReturnType<typeof sseDerivatives> | ReturnType<typeof splineSseDerivatives>;
    if (ctx.options['spline'] === true) {
      if (!isShallowScalar(net) || inputDim(net) !== 1) throw new InputError('--spline needs a univariate shallow net (two layers, one input, one output)', { file: netFile });
      if (net.layers[0].W.col(0).some((w) => w.isZero())) throw new InputError('--spline needs every w != 0 (a neuron with w = 0 has no breakpoint)', { file: netFile, path: 'layers[0].W' });
      names = splineCoordinateNames(net.layers[0].W.nrows);
      d = splineSseDerivatives(splineChart(net), labelled);
    } else {
      names = Array.from({ length: parameterCount(net) }, (_, p) => parameterName(net, p));
      d = sseDerivatives(net, labelled);
    }
    const coordinates = ctx.options['spline'] === true ? 'spline' : 'network';
    if (!d.differentiable) {
      if (ctx.json) {
        printJson(ctx, { sse: d.sse.toString(), differentiable: false, coordinates, names, ties: d.ties, right: d.right.map(String), left: d.left.map(String), exact: true });
        return;
      }
      const rows = names.map((nm, p) => [nm, d.left[p].toString(), d.right[p].toString(), d.left[p].eq(d.right[p]) ? '' : 'kink']);
      ctx.io.stdout(
        [`sse = ${d.sse} is not differentiable here: ${d.ties.length} tie${d.ties.length === 1 ? '' : 's'} (a pre-activation exactly 0 at a data point).`, 'One-sided partial derivatives:', table(['parameter', 'left', 'right', ''], rows)].join('\n') + '\n',
      );
      return;
    }
    const spectrum = certifiedSpectrum(d.hessian, { digits });
    const inert = inertia(d.hessian);
    const critical = d.gradient.every((g) => g.isZero());
    if (ctx.json) {
      printJson(ctx, {
        sse: d.sse.toString(),
        differentiable: true,
        coordinates,
        names,
        gradient: d.gradient.map(String),
        critical,
        hessian: d.hessian.rows.map((r) => r.map(String)),
        inertia: inert,
        spectrum: spectrumJson(spectrum),
        exact: true,
      });
      return;
    }
    const fmt = (q: Rational): string => (q.isInteger() ? q.toString() : `${q} (~${formatSignificant(q, 6)})`);
    ctx.io.stdout(
      [
        `sse = ${fmt(d.sse)}; ${critical ? 'a critical point (gradient 0)' : 'not a critical point'}; Hessian inertia ${inert.pos} positive, ${inert.neg} negative, ${inert.zero} zero (exact, ${coordinates} coordinates).`,
        `Eigenvalues (certified to ${digits} digits): ${eigenvaluesText(spectrum)}`,
        `Float eigenvalues (Jacobi): ${spectrum.float.map((v) => v.toPrecision(8)).join(', ')}; largest distance to the certified intervals ${spectrum.floatError.toExponential(2)}.`,
        '',
        table(['parameter', 'gradient'], names.map((nm, p) => [nm, fmt(d.gradient[p])])),
      ].join('\n') + '\n',
    );
  },
};
