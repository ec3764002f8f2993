import { countPatterns, generalPosition, listPatterns, type Pattern, type PatternOptions } from '../../arrangement/index.js';
import { BudgetExceededError, UsageError } from '../../core/errors.js';
import type { Command, CommandContext } from '../command.js';
import { integerOption, loadDataset, printJson } from '../inputs.js';

/** How many patterns the text output lists before it refers to --json. */
const TEXT_LIMIT = 200;
/** Listing keeps every pattern (to sort them): without --max-count, stop at about 50 M characters. */
const defaultListBudget = (n: number): number => Math.min(5_000_000, Math.floor(50_000_000 / Math.max(n, 1)));

export const patternsCommand: Command = {
  name: 'patterns',
  summary: 'the activation patterns of one ReLU unit on a data set, exactly',
  description:
    'Enumerates {1[x~_i . theta > 0]} over the chambers of the hyperplanes {theta : x~_i . theta = 0} (open convention, ' +
    'the zonotope vertices) or {1[X~ theta >= 0] : theta} (--closed), with x~_i = (x_i, 1) (or x_i with --no-bias). ' +
    "A pattern is a string of '0'/'1' (char i is 1 where point i is active), sorted ascending. Points with x~_i = 0 are " +
    'never active (open) and always active (closed). --count-only uses Cover\'s formula when the general-position check ' +
    'passes and enumerates otherwise (streaming, no memory per pattern). Listing keeps every pattern to sort them, so ' +
    'without --max-count it stops at 50 million characters of patterns. Exit 3 when a budget runs out.',
  options: {
    data: { type: 'string', valueName: 'FILE', required: true, description: 'the data set (dataset/1)' },
    'no-bias': { type: 'boolean', description: 'lift x~ = x instead of (x, 1)' },
    closed: { type: 'boolean', description: 'the closed convention 1[X~ theta >= 0]' },
    'count-only': { type: 'boolean', description: 'print the count, not the list' },
    witness: { type: 'boolean', description: 'also print an exact theta realising each pattern' },
    'max-count': { type: 'string', valueName: 'N', description: 'stop (exit 3) when there are more than N patterns' },
    'max-seconds': { type: 'string', valueName: 'S', description: 'stop (exit 3) after S seconds' },
  },
  run(ctx) {
    if (ctx.options['count-only'] === true && ctx.options['witness'] === true) throw new UsageError('--witness lists a theta per pattern; it cannot go with --count-only');
    const { data } = loadDataset(ctx);
    const bias = ctx.options['no-bias'] !== true;
    const convention = ctx.options['closed'] === true ? 'closed' : 'open';
    const options: PatternOptions = { bias, convention, ...budgetOptions(ctx, 'patterns') };
    const defaulted = ctx.options['count-only'] !== true && options.maxCount === undefined;
    if (defaulted) options.maxCount = defaultListBudget(data.X.nrows);
    const started = performance.now();
    const n = data.X.nrows;
    const D = data.X.ncols + (bias ? 1 : 0);
    let count: bigint;
    let generic: boolean;
    let method: string;
    let patterns: Pattern[] | undefined;
    try {
      if (ctx.options['count-only'] === true) {
        const c = countPatterns(data.X, options);
        [count, generic, method] = [c.count, c.generalPosition, c.method];
      } else {
        patterns = listPatterns(data.X, { ...options, witness: ctx.options['witness'] === true });
        count = BigInt(patterns.length);
        generic = generalPosition(data.X, { bias });
        method = 'enumeration';
      }
    } catch (e) {
      if (defaulted && e instanceof BudgetExceededError) {
        throw new BudgetExceededError(`${e.message}: the default --max-count for listing ${data.X.nrows} points (use --count-only, or a larger --max-count)`, e.partial);
      }
      throw e;
    } finally {
      clearProgress(ctx);
    }
    const seconds = (performance.now() - started) / 1000;
    const listed = patterns;
    if (ctx.json) {
      printJson(ctx, {
        count: count <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(count) : count.toString(),
        generalPosition: generic,
        convention,
        bias,
        ...(listed !== undefined ? { patterns: listed.map((p) => p.bits) } : {}),
        ...(ctx.options['witness'] === true && listed !== undefined ? { witnesses: listed.map((p) => p.theta!.map(String)) } : {}),
        points: n,
        dimension: D,
        method,
        exact: true,
        seconds,
      });
      return;
    }
    const lines = [
      `${count} ${convention} activation pattern${count === 1n ? '' : 's'} of ${n} point${n === 1 ? '' : 's'} in R^${data.X.ncols} ${bias ? 'with' : 'without'} bias (D = ${D}); ` +
        `general position: ${generic ? 'yes' : 'no'}; ${method === 'cover' ? "Cover's formula" : 'enumerated'}, exact, ${seconds.toFixed(3)} s`,
    ];
    if (listed !== undefined) {
      for (const p of listed.slice(0, TEXT_LIMIT)) lines.push(p.theta !== undefined ? `${p.bits}  theta = (${p.theta.join(', ')})` : p.bits);
      if (listed.length > TEXT_LIMIT) lines.push(`... ${listed.length - TEXT_LIMIT} more (use --json for all)`);
    }
    ctx.io.stdout(lines.join('\n') + '\n');
  },
};

/** --max-count, --max-seconds and, on a terminal, a progress line on stderr. */
export function budgetOptions(ctx: CommandContext, items: string): Pick<PatternOptions, 'maxCount' | 'maxSeconds' | 'onProgress'> {
  const out: Pick<PatternOptions, 'maxCount' | 'maxSeconds' | 'onProgress'> = {};
  if (ctx.options['max-count'] !== undefined) out.maxCount = integerOption(ctx, 'max-count');
  const s = ctx.options['max-seconds'];
  if (s !== undefined) {
    const v = typeof s === 'string' && /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
    if (!(v > 0)) throw new UsageError(`--max-seconds must be a number > 0, got ${JSON.stringify(s)}`);
    out.maxSeconds = v;
  }
  if (ctx.io.stderrIsTTY) out.onProgress = (count) => ctx.io.stderr(`\r${count} ${items} so far...`);
  return out;
}

export function clearProgress(ctx: CommandContext): void {
  if (ctx.io.stderrIsTTY) ctx.io.stderr('\r\x1b[K');
}
