import { countPatterns, countRegions, type Box } from '../../../arrangement/index.js';
import { BudgetExceededError } from '../../../core/errors.js';
import { Rational } from '../../../field/rational.js';
import { inputDim } from '../../../network/relu-net.js';
import type { Block, Fact, ReportSection } from '../section.js';

/** The report stays quick: each enumeration gets this budget and says so when it runs out. */
const BUDGET = { maxSeconds: 3, maxCount: 200_000 };
const REGION_BUDGET = { maxSeconds: 3, maxCount: 5_000 };

export const patternsSection: ReportSection = {
  id: 'patterns',
  applies: (input) => input.data !== undefined,
  build(input) {
    const X = input.data!.X;
    const blocks: Block[] = [];
    const json: Record<string, unknown> = { points: X.nrows, dimension: X.ncols + 1 };
    const rows: string[][] = [];
    const headline: Fact[] = [];
    for (const convention of ['open', 'closed'] as const) {
      const result = budgeted(() => countPatterns(X, { convention, ...BUDGET }));
      if ('stopped' in result) {
        json[convention] = result;
        rows.push([convention, `more than ${result.partialCount} (stopped after ${BUDGET.maxSeconds} s or ${BUDGET.maxCount} patterns)`, '', '']);
        headline.push({ label: `${convention} patterns`, value: `> ${result.partialCount} (budget)`, tone: 'warn' });
      } else {
        const c = result.value;
        json[convention] = { count: c.count.toString(), generalPosition: c.generalPosition, method: c.method };
        rows.push([convention, c.count.toString(), c.generalPosition ? 'yes' : 'no', c.method === 'cover' ? "Cover's formula" : 'enumerated']);
        headline.push({ label: `${convention} patterns`, value: c.count.toString() });
      }
    }
    blocks.push({
      kind: 'text',
      text:
        `Activation patterns of one ReLU unit with bias on the ${X.nrows} data points: the sign vectors of the chambers of the hyperplanes ` +
        `{(w, b) : w.x_i + b = 0} (open: zonotope vertices) and {1[w.x_i + b >= 0]} (closed). Exact counts; Cover's formula only after the general-position check.`,
    });
    blocks.push({ kind: 'table', header: ['convention', 'patterns', 'general position', 'how'], rows });
    if (input.net !== undefined && X.nrows > 0) {
      const box = boxAround(X.rows, inputDim(input.net));
      const result = budgeted(() => countRegions(input.net!, { box, ...REGION_BUDGET }));
      const where = box.lower.map((lo, i) => `(${lo}, ${box.upper[i]})`).join(' x ');
      const boxJson = box.lower.map((lo, i) => [String(lo), String(box.upper[i])]);
      json['regions'] = 'stopped' in result ? { ...result, box: boxJson } : { count: result.value, box: boxJson };
      headline.push('stopped' in result ? { label: 'linear regions near the data', value: `> ${result.partialCount} (budget)`, tone: 'warn' } : { label: 'linear regions near the data', value: String(result.value) });
      blocks.push({
        kind: 'text',
        text:
          'stopped' in result
            ? `The net has more than ${result.partialCount} linear regions in the box ${where} around the data (enumeration stopped by its budget).`
            : `The net has ${result.value} linear region${result.value === 1 ? '' : 's'} in the box ${where} around the data (exact; relu-exact regions lists them).`,
      });
    }
    return { title: 'Activation patterns and linear regions', blocks, json, headline };
  },
};

function budgeted<T>(f: () => T): { value: T } | { stopped: true; partialCount: number } {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof BudgetExceededError) return { stopped: true, partialCount: (e.partial as { count: number }).count };
    throw e;
  }
}

/** The data's bounding box, widened by a tenth of its size (or by 1 where it is flat). */
function boxAround(rows: readonly (readonly Rational[])[], d: number): Box {
  const lower: Rational[] = [];
  const upper: Rational[] = [];
  for (let j = 0; j < d; j++) {
    let lo = rows[0][j];
    let hi = rows[0][j];
    for (const r of rows) {
      if (r[j].cmp(lo) < 0) lo = r[j];
      if (r[j].cmp(hi) > 0) hi = r[j];
    }
    const pad = hi.eq(lo) ? Rational.ONE : hi.sub(lo).div(Rational.of(10));
    lower.push(lo.sub(pad));
    upper.push(hi.add(pad));
  }
  return { lower, upper };
}
