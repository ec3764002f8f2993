/**
 * Activation-pattern enumeration benchmarks, as ratios against baselines measured in the same run:
 *   npx tsx bench/patterns.ts [--quick] [--budget S]   (a few minutes; --quick for a smoke run)
 * It also exports `run(reporter, options)` in the shape of the bench/run.ts convention (one import
 * and one BENCHES entry there), with `options.budgetSeconds` bounding each slow baseline.
 *
 * 1. Patterns per second, 2-D data with bias (n = 50, 100, 200) and 3-D with bias (n = 40, 80),
 *    against incremental splitting with exact LPs (the second algorithm) where it finishes.
 * 2. The naive baseline: every one of the 2^n bit strings tested by an exact LP (tiny n only).
 * 3. Counts: Whitney's sum over all 2^n subsets and Cover's closed form, against enumeration.
 * 4. Degenerate data ({0,1,2,3}^3 with bias) and, when `sage` is on the PATH, SageMath's
 *    HyperplaneArrangements(...).n_regions() on the same data.
 */
import { execFileSync } from 'node:child_process';
import { countPatterns, coverCount, generalPosition, iterPatterns, liftData, whitneyCount, type PatternOptions } from '../src/arrangement/index.js';
import { BudgetExceededError } from '../src/core/errors.js';
import { SeededRng } from '../src/core/rng.js';
import { Rational } from '../src/field/rational.js';
import { interiorPoint } from '../src/lp/index.js';
import type { BenchOptions, Reporter } from './run.js';

type Data = Rational[][];


function randomData(n: number, d: number, seed: number): Data {
  const rng = new SeededRng(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => Rational.of(rng.nextInt(-1000, 1000))));
}

function grid(k: number, d: number): Data {
  const out: Data = [];
  const walk = (prefix: number[]): void => {
    if (prefix.length === d) out.push(prefix.map((x) => Rational.of(x)));
    else for (let v = 0; v < k; v++) walk([...prefix, v]);
  };
  walk([]);
  return out;
}

function time<T>(f: () => T): { value: T; seconds: number } {
  const t0 = performance.now();
  const value = f();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

function enumerate(X: Data, options: PatternOptions = {}): { count: number; seconds: number } | { stopped: number; seconds: number } {
  const t0 = performance.now();
  let count = 0;
  try {
    for (const _ of iterPatterns(X, options)) count++;
  } catch (e) {
    if (e instanceof BudgetExceededError) return { stopped: count, seconds: (performance.now() - t0) / 1000 };
    throw e;
  }
  return { count, seconds: (performance.now() - t0) / 1000 };
}

/** The naive baseline: all 2^n bit strings, one exact LP each (sigma_i x~_i . theta > 0). */
function naive(X: Data): { count: number; seconds: number } {
  const data = liftData(X, true);
  const t0 = performance.now();
  let count = 0;
  for (let mask = 0; mask < 2 ** data.n; mask++) {
    const strict = data.vectors.map((v, i) => [...v.map((x) => ((mask >> i) & 1 ? x : -x)), 0n]);
    if (interiorPoint({ n: data.D, strict }).ok) count++;
  }
  return { count, seconds: (performance.now() - t0) / 1000 };
}

const fmt = (s: number): string => (s < 0.01 ? s.toFixed(4) : s < 10 ? s.toFixed(3) : s.toFixed(1));
const rate = (c: number, s: number): string => Math.round(c / s).toLocaleString('en-US');

export async function run(reporter: Reporter, options: BenchOptions): Promise<void> {
  const quick = options.quick === true;
  const print = (title: string, columns: string[], rows: string[][], notes?: string[]): void => reporter.table({ title, columns, rows, notes });

  // 1. Enumeration rates.
  const rows: string[][] = [];
  const LP_BUDGET = options.budgetSeconds;
  const cases: [number, number][] = quick ? [[50, 2], [40, 3]] : [[50, 2], [100, 2], [120, 2], [200, 2], [40, 3], [80, 3]];
  for (const [n, d] of cases) {
    reporter.progress(`enumeration ${d}-D n = ${n}`);
    const X = randomData(n, d, 7 * n + d);
    const gp = generalPosition(X);
    enumerate(X); // warm up the JIT on this shape
    const ours = enumerate(X);
    const withWitness = enumerate(X, { witness: true });
    const lp = enumerate(X, { method: 'lp', maxSeconds: LP_BUDGET });
    const cover = coverCount(n, d + 1);
    const count = 'count' in ours ? ours.count : NaN;
    rows.push([
      `${d}-D, bias, n = ${n}`,
      count.toLocaleString('en-US'),
      gp ? `GP: = Cover ${cover === BigInt(count) ? 'yes' : 'NO (bug)'}` : `not GP: Cover ${cover} > ${count} ${cover > BigInt(count) ? 'yes' : 'NO (bug)'}`,
      fmt(ours.seconds),
      rate(count, ours.seconds),
      fmt(withWitness.seconds),
      'count' in lp ? `${fmt(lp.seconds)} (x${(lp.seconds / ours.seconds).toFixed(0)})` : `> ${LP_BUDGET} (${lp.stopped} found; x${Math.round((LP_BUDGET * count) / lp.stopped / ours.seconds)} extrapolated)`,
    ]);
  }
  print('Enumeration (random integer points in [-1000, 1000]^d, bias on)', ['data', 'patterns', "Cover's bound", 'seconds', 'patterns / s', 's with witnesses', 'LP splitting s (ratio)'], rows, [
    'ours: iterPatterns with the default method (the slicing sweep, no LP), every pattern produced as a bit string; LP splitting: method "lp" (incremental splitting with exact LPs), stopped at the budget and extrapolated linearly',
  ]);

  // 2. The naive baseline.
  const naiveRows: string[][] = [];
  for (const n of quick ? [8, 10] : [8, 10, 12, 14]) {
    reporter.progress(`naive 2^${n}`);
    const X = randomData(n, 2, 100 + n);
    const ours = enumerate(X);
    const base = naive(X);
    const count = 'count' in ours ? ours.count : NaN;
    naiveRows.push([`2-D, bias, n = ${n}`, String(count), String(base.count), fmt(base.seconds), fmt(ours.seconds), `x${Math.round(base.seconds / ours.seconds)}`]);
  }
  {
    const X = randomData(12, 2, 112);
    const per = naive(X).seconds / 2 ** 12;
    naiveRows.push(['2-D, bias, n = 50 (extrapolated)', '', 'not run', `~${(per * 2 ** 50 / 3.15e7).toExponential(1)} years`, '', '']);
  }
  print('Naive baseline: all 2^n bit strings, one exact LP each', ['data', 'patterns', 'naive count', 'naive s', 'ours s', 'ratio'], naiveRows);

  // 3. Counting: Whitney's sum, Cover's formula, enumeration.
  const countRows: string[][] = [];
  for (const [n, d, kind] of (quick ? [[12, 2, 'random']] : [[12, 2, 'random'], [16, 2, 'random'], [20, 2, 'random'], [16, 3, 'grid'], [18, 3, 'random']]) as [number, number, string][]) {
    const X = kind === 'grid' ? grid(3, d).slice(0, n) : randomData(n, d, 300 + n);
    const vectors = liftData(X, true).vectors;
    const w = time(() => whitneyCount(vectors));
    const e = time(() => countPatterns(X, { method: 'enumerate' }).count);
    const c = time(() => countPatterns(X));
    countRows.push([
      `${d}-D, bias, n = ${n} (${kind})`,
      e.value.toString(),
      w.value === e.value ? 'yes' : 'NO',
      fmt(w.seconds),
      fmt(e.seconds),
      c.value.method === 'cover' ? fmt(c.seconds) : 'not GP',
      `x${Math.round(w.seconds / e.seconds)}`,
    ]);
  }
  print("Counts: Whitney's sum over 2^n subsets vs enumeration vs Cover (GP check + formula)", ['data', 'count', 'Whitney agrees', 'Whitney s', 'enumeration s', 'GP check + Cover s', 'Whitney / enumeration'], countRows);

  // 4. Degenerate data, and SageMath when present.
  const sageRows: string[][] = [];
  const degenerate: [string, Data][] = [
    ['{0,1,2,3}^3, bias', grid(4, 3)],
    ['{0..5}^2, bias', grid(6, 2)],
    ['2-D, bias, n = 120 random', randomData(120, 2, 7 * 120 + 2)],
  ];
  const sage = (() => {
    try {
      execFileSync('sage', ['-c', 'print(1)'], { stdio: 'pipe', timeout: 120_000 });
      return true;
    } catch {
      return false;
    }
  })();
  for (const [name, X] of degenerate) {
    reporter.progress(`degenerate: ${name}`);
    const ours = enumerate(X);
    const count = 'count' in ours ? ours.count : NaN;
    let sageCell = 'sage not installed';
    if (sage) {
      // Each point x gives the central hyperplane {(w, b) : w.x + b = 0}: coefficients (constant 0; x, 1).
      const hs = X.map((r) => `(0, ${[...r.map(String), '1'].join(', ')})`).join(', ');
      const script = `import time\nH = HyperplaneArrangements(QQ, tuple('w%d' % i for i in range(${X[0].length + 1})))\nA = H([${hs}])\nt = time.time()\nr = A.n_regions()\nprint(r, time.time() - t)`;
      try {
        const out = execFileSync('sage', ['-c', script], { encoding: 'utf8', timeout: Math.max(60, 4 * options.budgetSeconds) * 1000 }).trim().split(/\s+/);
        sageCell = `${out[0]} in ${fmt(Number(out[1]))} s (x${Math.round(Number(out[1]) / ours.seconds)})`;
      } catch (e) {
        sageCell = `failed: ${(e as Error).message.split('\n')[0]}`;
      }
    }
    sageRows.push([name, String(X.length), count.toLocaleString('en-US'), fmt(ours.seconds), sageCell]);
  }
  print('Degenerate and larger data; SageMath n_regions() on the same arrangement (its time, and its ratio to ours)', ['data', 'n', 'patterns', 'ours s', 'SageMath'], sageRows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const budgetAt = process.argv.indexOf('--budget');
  const budgetSeconds = budgetAt > 0 ? Number(process.argv[budgetAt + 1]) : 60;
  const reporter: Reporter = {
    table: (t) => {
      const all = [t.columns, ...t.rows];
      const widths = t.columns.map((_, j) => Math.max(...all.map((r) => (r[j] ?? '').length)));
      const line = (r: string[]): string => '| ' + r.map((c, j) => c.padEnd(widths[j])).join(' | ') + ' |';
      console.log([`\n### ${t.title}\n`, line(t.columns), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...t.rows.map(line), ...(t.notes ?? []).map((n) => `\n- ${n}`)].join('\n'));
    },
    line: (text) => console.log(text),
    progress: (text) => process.stderr.write(`  .. ${text}\n`),
  };
  await run(reporter, { budgetSeconds, quick: process.argv.includes('--quick') });
}
