/**
 * Identifiability benchmarks (run alone: npx tsx bench/identify.ts [--budget S]; or through
 * npm run bench -- --only identify):
 * 1. The exact univariate decision against brute force over neuron cells (the test oracle,
 *    tests/helpers/identify-brute.ts) on the same small instances: a ratio in one run.
 * 2. How far the decision scales: three samples per piece (an identifiable set) for K kinks,
 *    K = 2 .. 30, with its LPs and time; K stops growing once a run passes the budget.
 * 3. Distinguishing sets: size after thinning against the K + 1 linear pieces.
 * 4. tanh / sigmoid recovery from the 2^(2m) uniqueness set: digits reached and time.
 */
import { distinguishingSamples, evaluateSmooth, createSmoothNet, identify, parameterDistance, recoverSmoothNet, uniquenessSet } from '../src/analyses/identifiability/index.js';
import { BudgetExceededError } from '../src/core/errors.js';
import { SeededRng } from '../src/core/rng.js';
import { QQ } from '../src/field/qq.js';
import { Rational } from '../src/field/rational.js';
import { createReluNet, type ReluNet } from '../src/network/relu-net.js';
import { toSpline } from '../src/spline/to-spline.js';
import { bruteCounterexample } from '../tests/helpers/identify-brute.js';
import type { BenchOptions, Reporter } from './run.js';


/** K right- or left-facing neurons at distinct half-integer breakpoints with far-left slope 0 (so e = 0). */
function netWithKinks(K: number, rng: SeededRng): ReluNet<Rational> {
  const betas = new Set<number>();
  while (betas.size < K) betas.add(rng.nextInt(-2 * K, 2 * K));
  const rows = [...betas].map((t) => ({ beta: Rational.of(t, 2), mu: Rational.of(rng.nextInt(1, 5) * (rng.nextInt(0, 1) ? 1 : -1)) }));
  return createReluNet(QQ, [
    { W: rows.map(() => [Rational.ONE]), b: rows.map((r) => r.beta.neg()) },
    { W: [rows.map((r) => r.mu)], b: [Rational.ONE] },
  ]);
}

function threePerPiece(knots: readonly Rational[]): Rational[] {
  const out = [3, 2, 1].map((k) => knots[0].sub(Rational.of(k, 4)));
  for (let k = 0; k + 1 < knots.length; k++) for (const t of [1, 2, 3]) out.push(knots[k].add(knots[k + 1].sub(knots[k]).mul(Rational.of(t, 4))));
  for (const k of [1, 2, 3]) out.push(knots[knots.length - 1].add(Rational.of(k, 4)));
  return out;
}

const ms = (t0: number): number => performance.now() - t0;

export async function run(reporter: Reporter, options: BenchOptions): Promise<void> {
  const rng = new SeededRng(2026);
  // 1. Against brute force.
  const rows1: string[][] = [];
  for (const [K, n] of [[1, 3], [2, 4], [2, 6]] as const) {
    let tSearch = 0;
    let tBrute = 0;
    let agree = 0;
    const trials = 5;
    for (let i = 0; i < trials; i++) {
      const f = netWithKinks(K, rng);
      const xs = Array.from({ length: n }, (_, k) => Rational.of(2 * k - n, 2).add(Rational.of(rng.nextInt(0, 3), 8)));
      let t0 = performance.now();
      const r = identify(f, xs);
      tSearch += ms(t0);
      t0 = performance.now();
      const b = bruteCounterexample(f, xs, K);
      tBrute += ms(t0);
      if (!(b.net !== null && r.identifiable)) agree++;
    }
    rows1.push([`K = ${K}, ${n} samples`, String(trials), (tSearch / trials).toFixed(1), (tBrute / trials).toFixed(1), (tBrute / tSearch).toFixed(1), `${agree}/${trials}`]);
  }
  reporter.table({
    title: 'exact decision vs brute force over neuron cells (same instances)',
    columns: ['instances', 'n', 'search ms', 'brute ms', 'brute / search', 'consistent'],
    rows: rows1,
    notes: ['brute force only finds differences at its test points; "consistent" = never finds a counterexample the search denies'],
  });

  // 2. Scale of the identifiable case.
  const rows2: string[][] = [];
  for (const K of [2, 5, 10, 15, 20, 25, 30]) {
    const f = netWithKinks(K, rng);
    const xs = threePerPiece(toSpline(f).knots);
    reporter.progress(`K = ${K}`);
    const t0 = performance.now();
    try {
      const r = identify(f, xs, { maxSeconds: options.budgetSeconds });
      const s = r.stats as { nodes: number; lps: number };
      rows2.push([String(K), String(xs.length), String(r.identifiable), String(s.nodes), String(s.lps), (ms(t0) / 1000).toFixed(2)]);
    } catch (e) {
      if (!(e instanceof BudgetExceededError)) throw e;
      rows2.push([String(K), String(xs.length), 'budget', '-', '-', `> ${options.budgetSeconds}`]);
      break;
    }
  }
  reporter.table({ title: 'certifying three samples per piece (K kinks, width K)', columns: ['K', 'samples', 'identifiable', 'nodes', 'LPs', 'seconds'], rows: rows2 });

  // 3. Distinguishing sets.
  const rows3: string[][] = [];
  for (const K of [1, 2, 3, 4, 6, 8]) {
    const f = netWithKinks(K, rng);
    const t0 = performance.now();
    const r = distinguishingSamples(f, { maxSeconds: options.budgetSeconds });
    if (r.ok) rows3.push([String(K), String(r.pieces), String(r.constructed), String(r.samples.length), r.perPiece.join(' '), (ms(t0) / 1000).toFixed(2)]);
  }
  reporter.table({ title: 'distinguishing sets: size against the number of linear pieces', columns: ['K', 'pieces', '3 per piece', 'after thinning', 'per piece', 'seconds'], rows: rows3 });

  // 4. Smooth nets.
  const rows4: string[][] = [];
  for (const activation of ['tanh', 'sigmoid'] as const) {
    for (const m of [1, 2, 3]) {
      const target = createSmoothNet(activation, [{ a: '1.5', w: 2, b: -1 }, { a: '-0.7', w: '-1.2', b: '0.4' }, { a: '2.1', w: '0.6', b: '1.3' }].slice(0, m), '0.25');
      const xs = uniquenessSet(m);
      const ys = xs.map((x) => evaluateSmooth(target, x, 90));
      const t0 = performance.now();
      const r = recoverSmoothNet(activation, m, xs, ys, { digits: 60 });
      rows4.push([activation, String(m), String(xs.length), parameterDistance(r.net, target).toExponential(1), r.residual.toExponential(1), String(r.decimalIterations), (ms(t0) / 1000).toFixed(1)]);
    }
  }
  reporter.table({ title: 'smooth nets recovered from 2^(2m) samples at 60 digits', columns: ['activation', 'm', 'samples', 'parameter error', 'residual', 'Gauss-Newton steps', 'seconds'], rows: rows4 });
}

if (process.argv[1]?.endsWith('identify.ts')) {
  const i = process.argv.indexOf('--budget');
  const budgetSeconds = i > 0 ? Number(process.argv[i + 1]) : 25;
  const reporter: Reporter = {
    table: (t) => console.log(`### ${t.title}\n\n${[t.columns, ...t.rows].map((r) => `| ${r.join(' | ')} |`).join('\n')}\n${(t.notes ?? []).map((n) => `- ${n}`).join('\n')}\n`),
    line: (s) => console.log(s),
    progress: (s) => process.stderr.write(`  .. ${s}\n`),
  };
  void run(reporter, { budgetSeconds });
}
