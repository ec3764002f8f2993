import { basename, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError } from '../../core/errors.js';
import type { Command, CommandContext } from '../command.js';
import { checkPointsFitNet, integerOption, loadDataset, loadNet, printJson } from '../inputs.js';
import { renderHtml, renderText } from '../report/render.js';
import { buildSections } from '../report/build.js';
import type { ReportInput } from '../report/section.js';
import { VERSION } from '../version.js';

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
    const { sections, failed } = buildSections(input);
    const heading = input.net?.name ?? basename(input.netFile ?? input.dataFile ?? 'relu-exact report');
    const title = `relu-exact report: ${heading}`;
    const inputs: [string, string][] = [];
    if (input.netFile !== undefined) inputs.push(['net', shown(input.netFile)]);
    if (input.dataFile !== undefined) inputs.push(['data', shown(input.dataFile)]);
    const out = ctx.options['out'];
    if (typeof out === 'string') ctx.io.writeText(out, renderHtml({ heading, inputs, version: VERSION, sections }));
    for (const f of failed) ctx.io.stderr(`relu-exact report: internal error in the section ${f.id}: ${f.message} (the report shows the other sections)\n`);
    if (ctx.json) {
      printJson(ctx, {
        out: typeof out === 'string' ? out : null,
        sections: sections.map((s) => s.id),
        report: Object.fromEntries(sections.map((s) => [s.id, s.json])),
        headline: Object.fromEntries(sections.filter((s) => s.headline !== undefined).map((s) => [s.id, s.headline])),
      });
    } else {
      ctx.io.stdout(renderText(`${title} (${inputs.map(([k, v]) => `${k}: ${v}`).join(', ')})`, sections));
      if (typeof out === 'string') ctx.io.stdout(`\nWrote the HTML report to ${out}: open ${pathToFileURL(resolve(out)).href} in a browser.\n`);
    }
    return failed.length > 0 ? 1 : 0;
  },
};

/** A path as the reader knows it: relative to the working directory when inside it. */
function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return isAbsolute(file) && rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

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
