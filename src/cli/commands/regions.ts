import { listRegions, type Box, type LinearRegion } from '../../arrangement/index.js';
import { InputError, UsageError } from '../../core/errors.js';
import { parseRational } from '../../field/parse.js';
import type { Rational } from '../../field/rational.js';
import { inputDim } from '../../network/relu-net.js';
import type { Command } from '../command.js';
import { loadNet, printJson } from '../inputs.js';
import { table } from '../text.js';
import { budgetOptions, clearProgress } from './patterns.js';

const SYMBOL = { 1: '+', [-1]: '-', 0: '0' } as const;
/** Without --max-count, listing stops beyond this many regions. */
const DEFAULT_MAX_REGIONS = 100_000;

export const regionsCommand: Command = {
  name: 'regions',
  summary: 'the linear regions of a network in input space, exactly',
  description:
    'Every top-dimensional region of the net\'s polyhedral complex (in the open box, or in all of R^d), with its activation ' +
    "pattern ('+' active, '-' inactive, '0' a pre-activation identically zero there; one string per hidden layer), an exact " +
    'interior point, the affine map output = A x + c on it and its strict inequalities a.x + b > 0. ' +
    '--box lo,hi bounds every coordinate; --box lo1,hi1,lo2,hi2,... each one (write --box=-1,1 when lo is negative). ' +
    `Without --max-count it stops (exit 3) beyond ${DEFAULT_MAX_REGIONS} regions.`,
  options: {
    net: { type: 'string', valueName: 'FILE', required: true, description: 'the network (relu-net/1)' },
    box: { type: 'string', valueName: 'LO,HI', description: 'restrict to the open box (all coordinates, or one pair per coordinate)' },
    'max-count': { type: 'string', valueName: 'N', description: 'stop (exit 3) when there are more than N regions' },
    'max-seconds': { type: 'string', valueName: 'S', description: 'stop (exit 3) after S seconds' },
  },
  run(ctx) {
    const { net } = loadNet(ctx);
    const d = inputDim(net);
    const box = ctx.options['box'] === undefined ? undefined : parseBox(String(ctx.options['box']), d);
    const started = performance.now();
    let regions: LinearRegion[];
    try {
      regions = listRegions(net, { box, maxCount: DEFAULT_MAX_REGIONS, ...budgetOptions(ctx, 'regions') });
    } finally {
      clearProgress(ctx);
    }
    const seconds = (performance.now() - started) / 1000;
    const str = (v: readonly Rational[]): string[] => v.map(String);
    if (ctx.json) {
      printJson(ctx, {
        count: regions.length,
        inputDim: d,
        box: box === undefined ? null : box.lower.map((lo, i) => [lo.toString(), box.upper[i].toString()]),
        regions: regions.map((r) => ({
          pattern: r.pattern.map((layer) => layer.map((s) => SYMBOL[s]).join('')),
          interiorPoint: str(r.interiorPoint),
          affine: { A: r.affine.A.map(str), c: str(r.affine.c) },
          inequalities: r.inequalities.map((f) => ({ a: str(f.slice(0, d)), b: f[d].toString() })),
        })),
        exact: true,
        seconds,
      });
      return;
    }
    const where = box === undefined ? `R^${d}` : `the box ${box.lower.map((lo, i) => `(${lo}, ${box.upper[i]})`).join(' x ')}`;
    ctx.io.stdout(`${regions.length} linear region${regions.length === 1 ? '' : 's'} in ${where} (exact, ${seconds.toFixed(3)} s)\n`);
    const rows = regions.map((r, i) => [
      String(i),
      r.pattern.map((layer) => layer.map((s) => SYMBOL[s]).join('')).join(' | '),
      r.interiorPoint.join(', '),
      r.affine.A.map((row, o) => row.map(String).join(' ') + ' | ' + r.affine.c[o]).join('; '),
    ]);
    ctx.io.stdout(table(['i', 'pattern', 'interior point', 'A | c'], rows) + '\n');
  },
};

/** "lo,hi" for every coordinate, or "lo1,hi1,...,lod,hid"; exact rationals. */
export function parseBox(text: string, d: number): Box {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 2 && parts.length !== 2 * d) throw new UsageError(`--box needs lo,hi or ${2 * d} numbers (lo,hi per coordinate), got ${JSON.stringify(text)}`);
  const values = parts.map((s, i) => {
    try {
      return parseRational(s);
    } catch (e) {
      throw new UsageError(`--box entry ${i + 1} ${JSON.stringify(s)}: ${e instanceof InputError ? e.reason : (e as Error).message}`);
    }
  });
  const lower = Array.from({ length: d }, (_, i) => values[parts.length === 2 ? 0 : 2 * i]);
  const upper = Array.from({ length: d }, (_, i) => values[parts.length === 2 ? 1 : 2 * i + 1]);
  lower.forEach((lo, i) => {
    if (lo.cmp(upper[i]) >= 0) throw new UsageError(`--box: coordinate ${i + 1} has lo ${lo} >= hi ${upper[i]}`);
  });
  return { lower, upper };
}
