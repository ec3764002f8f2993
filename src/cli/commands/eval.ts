import { formatSignificant } from '../../field/format.js';
import { evaluate } from '../../network/evaluate.js';
import { outputDim } from '../../network/relu-net.js';
import type { Command } from '../command.js';
import { checkPointsFitNet, integerOption, loadNet, loadPoints, printJson } from '../inputs.js';
import { table } from '../text.js';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'evaluate a network exactly at points',
  description:
    'Prints f(x) for every point, as an exact rational (and a decimal approximation). The points file is a dataset/1 (its X) or a matrix/1 (its rows).',
  options: {
    net: { type: 'string', valueName: 'FILE', required: true, description: 'the network (relu-net/1)' },
    points: { type: 'string', valueName: 'FILE', required: true, description: 'the points (dataset/1 or matrix/1)' },
    digits: { type: 'string', valueName: 'N', default: '8', description: 'significant digits of the decimal approximations' },
  },
  run(ctx) {
    const digits = integerOption(ctx, 'digits', { min: 1, max: 10_000 });
    const { net, file: netFile } = loadNet(ctx);
    const { points, file: pointsFile } = loadPoints(ctx);
    checkPointsFitNet(net, points, netFile, pointsFile);
    const outputs = points.rows.map((x) => evaluate(net, x));
    const scalar = outputDim(net) === 1;
    if (ctx.json) {
      printJson(ctx, {
        values: outputs.map((o) => (scalar ? o[0].toString() : o.map(String))),
        exact: true,
        count: outputs.length,
        outputDim: outputDim(net),
      });
      return;
    }
    const rows = outputs.map((o, i) => [points.row(i).map(String).join(', '), o.map(String).join(', '), o.map((v) => formatSignificant(v, digits)).join(', ')]);
    ctx.io.stdout(table(['x', 'f(x) exact', `f(x) ~ (${digits} digits)`], rows) + '\n');
  },
};
