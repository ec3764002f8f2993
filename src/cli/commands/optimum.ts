import { optimum, optimumByCells } from '../../analyses/landscape/index.js';
import { InputError, UsageError } from '../../core/errors.js';
import type { Rational } from '../../field/rational.js';
import { writeReluNet } from '../../network/json-io.js';
import type { Command } from '../command.js';
import { COMPARE_GD_OPTIONS, compareGd, compareGdRequest } from '../compare-gd.js';
import { integerOption, loadDataset, printJson } from '../inputs.js';
import { exactAndDecimal } from '../landscape-format.js';
import { table } from '../text.js';
import { budgetOptions, clearProgress } from './patterns.js';

/** Pattern multisets before the command stops by default. */
const DEFAULT_MAX_COUNT = 200_000;

export const optimumCommand: Command = {
  name: 'optimum',
  summary: 'the exact global minimum of the squared loss over all shallow nets of width M, with a minimiser',
  description:
    'min over f(x) = c + sum_i v_i relu(w_i . x + b_i) of sse = sum (f(x_i) - y_i)^2, for data of any dimension (hidden biases on; ' +
    'the output bias c unless --no-output-bias). Enumerates multisets of activation patterns of the units (the vertices of the product ' +
    'of zonotopes, Matena and Raffel) with signs of the outer weights, and solves the convex problem of each (Pilanci and Ergen) as an exact ' +
    'QP with a KKT certificate; multisets whose least-squares bound cannot beat the best value are skipped. The minimiser net attains the value ' +
    `exactly (checked). --method cells solves univariate data by a second, independent route (cell least squares). Exit 3 when a budget runs ` +
    `out (default: ${DEFAULT_MAX_COUNT} pattern multisets). --compare-gd R then runs R seeded float gradient descents (plain fixed steps on sse, ` +
    'by default on standardized data: the same problem) and reports how many reach the certified optimum, the best final sse and the gap of the others ' +
    '(compareGd in the JSON, exact: false).',
  options: {
    data: { type: 'string', valueName: 'FILE', required: true, description: 'labelled data (dataset/1)' },
    width: { type: 'string', valueName: 'M', required: true, description: 'the number of hidden neurons' },
    'no-output-bias': { type: 'boolean', description: 'the model without the output bias c' },
    method: { type: 'string', valueName: 'NAME', default: 'patterns', description: "'patterns' (any dimension) or 'cells' (univariate data)" },
    digits: { type: 'string', valueName: 'N', default: '12', description: 'significant digits of decimals' },
    'max-count': { type: 'string', valueName: 'N', description: `stop (exit 3) beyond N pattern multisets (or cells) (default ${DEFAULT_MAX_COUNT})` },
    'max-seconds': { type: 'string', valueName: 'S', description: 'stop (exit 3) after S seconds' },
    ...COMPARE_GD_OPTIONS,
  },
  run(ctx) {
    const { data, file } = loadDataset(ctx);
    if (data.y === undefined) throw new InputError('has no labels y: the loss needs them', { file, path: 'y' });
    if (data.X.nrows === 0) throw new InputError('has no points', { file, path: 'X' });
    const width = integerOption(ctx, 'width', { min: 1, max: 64 });
    const digits = integerOption(ctx, 'digits', { min: 1, max: 1000 });
    const method = ctx.options['method'];
    if (method !== 'patterns' && method !== 'cells') throw new UsageError(`--method must be 'patterns' or 'cells', got ${JSON.stringify(method)}`);
    if (method === 'cells' && data.X.ncols !== 1) throw new InputError(`points have ${data.X.ncols} coordinates; --method cells needs univariate data`, { file, path: 'X' });
    const outputBias = ctx.options['no-output-bias'] !== true;
    const gd = compareGdRequest(ctx);
    const budget = budgetOptions(ctx, method === 'cells' ? 'cells' : 'pattern multisets');
    const options = { ...budget, maxCount: budget.maxCount ?? DEFAULT_MAX_COUNT, outputBias };
    const labelled = { X: data.X, y: data.y };
    let out: Record<string, unknown>;
    let summary: string[];
    let sse: Rational;
    try {
      if (method === 'cells') {
        const r = optimumByCells(labelled, width, options);
        sse = r.sse;
        out = { sse: r.sse.toString(), net: writeReluNet(r.net), width, outputBias, method, exact: true, counts: r.counts, seconds: r.seconds };
        summary = [`Global minimum of sse over nets of width ${width}${outputBias ? '' : ' without output bias'}: ${exactAndDecimal(r.sse, digits)} (exact; by cells: ${r.counts.cells} cells, ${r.counts.lps} LPs, ${r.seconds.toFixed(2)} s).`];
      } else {
        const r = optimum(labelled, width, options);
        sse = r.sse;
        out = {
          sse: r.sse.toString(),
          net: writeReluNet(r.net),
          width,
          outputBias,
          method,
          exact: true,
          vertex: r.vertex,
          certificate: { multipliers: r.multipliers.map(String), kktChecked: true },
          counts: r.counts,
          seconds: r.seconds,
        };
        summary = [
          `Global minimum of sse over nets of width ${width}${outputBias ? '' : ' without output bias'}: ${exactAndDecimal(r.sse, digits)} (exact).`,
          `${r.counts.patterns} activation patterns per unit; ${r.counts.patternMultisets} multisets, ${r.counts.pruned} skipped by their least-squares bound, ${r.counts.qps} convex QPs solved; ${r.seconds.toFixed(2)} s.`,
          `Optimal vertex (pattern on the points, sign of v): ${r.vertex.map((v) => `${v.pattern} ${v.sign > 0 ? '+' : '-'}`).join(', ')}.`,
        ];
      }
    } finally {
      clearProgress(ctx);
    }
    if (gd !== null) {
      const c = compareGd({ X: data.X.rows, y: data.y }, width, outputBias, sse, gd);
      out.compareGd = c.json;
      summary.push('', ...c.lines);
    }
    if (ctx.json) {
      printJson(ctx, out);
      return;
    }
    const net = out['net'] as { layers: { W: string[][]; b: string[] }[] };
    const rows = net.layers[0].W.map((w, i) => [String(i + 1), w.join(', '), net.layers[0].b[i], net.layers[1].W[0][i]]);
    ctx.io.stdout([...summary, '', 'A minimiser (c = ' + net.layers[1].b[0] + '):', table(['neuron', 'w', 'b', 'v'], rows)].join('\n') + '\n');
  },
};
