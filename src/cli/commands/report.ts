import { fileURLToPath } from 'node:url';
import { UsageError } from '../../core/errors.js';
import type { Command, CommandContext } from '../command.js';
import { checkPointsFitNet, integerOption, loadDataset, loadNet, printJson } from '../inputs.js';
import { renderHtml, renderText } from '../report/render.js';
import type { ReportInput } from '../report/section.js';
import { SECTIONS } from '../report/sections/index.js';

/** The bundled example, used when neither --net nor --data is given. */
const BUNDLED = {
  net: fileURLToPath(new URL('../../../examples/bundled/net.json', import.meta.url)),
  data: fileURLToPath(new URL('../../../examples/bundled/data.json', import.meta.url)),
};

export const reportCommand: Command = {
  name: 'report',
  summary: 'everything relu-exact can say about a network and a data set',
  description:
    'Prints a readable report of every analysis that applies, and with --out writes it as one self-contained HTML page. ' +
    'Without --net and --data it reports on the bundled example.',
  options: {
    net: { type: 'string', valueName: 'FILE', description: 'the network (relu-net/1)' },
    data: { type: 'string', valueName: 'FILE', description: 'a data set (dataset/1)' },
    out: { type: 'string', valueName: 'FILE.html', description: 'also write the report as an HTML page' },
    digits: { type: 'string', valueName: 'N', default: '6', description: 'significant digits of decimal approximations' },
  },
  run(ctx) {
    const input = loadInput(ctx);
    const sections = SECTIONS.filter((s) => s.applies(input)).map((s) => ({ id: s.id, ...s.build(input) }));
    const title = 'relu-exact report';
    const subtitle = [input.netFile && `net: ${input.netFile}`, input.dataFile && `data: ${input.dataFile}`].filter(Boolean).join(', ');
    const out = ctx.options['out'];
    if (typeof out === 'string') ctx.io.writeText(out, renderHtml(title, subtitle, sections));
    if (ctx.json) {
      printJson(ctx, {
        out: typeof out === 'string' ? out : null,
        sections: sections.map((s) => s.id),
        report: Object.fromEntries(sections.map((s) => [s.id, s.json])),
      });
      return;
    }
    ctx.io.stdout(renderText(`${title} (${subtitle})`, sections));
    if (typeof out === 'string') ctx.io.stdout(`\nWrote the HTML report to ${out}\n`);
  },
};

function loadInput(ctx: CommandContext): ReportInput {
  const digits = integerOption(ctx, 'digits', { min: 1, max: 1000 });
  const useBundled = ctx.options['net'] === undefined && ctx.options['data'] === undefined;
  const options = useBundled ? { ...ctx.options, net: BUNDLED.net, data: BUNDLED.data } : ctx.options;
  const c = { ...ctx, options };
  const input: ReportInput = { digits };
  if (options['net'] !== undefined) {
    const { net, file } = loadNet(c);
    Object.assign(input, { net, netFile: file });
  }
  if (options['data'] !== undefined) {
    const { data, file } = loadDataset(c);
    Object.assign(input, { data, dataFile: file });
  }
  if (input.net !== undefined && input.data !== undefined) checkPointsFitNet(input.net, input.data.X, input.netFile!, input.dataFile!);
  if (input.net === undefined && input.data === undefined) throw new UsageError('nothing to report on');
  return input;
}
