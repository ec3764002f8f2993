/**
 * What an activation other than ReLU costs on the float path: one sse-and-gradient evaluation at
 * n = 10 000 points for univariate (m = 1000) and d = 10 (m = 1000) shallow nets, the fast ReLU
 * kernels (sorted, fused shallow) against the generic kernels of src/float/generic.ts with ReLU
 * itself and with each other activation, all in the same run; ratios are against the fast
 * shallow ReLU kernel. The generic kernel with ReLU is checked against the fast one (a MISMATCH
 * line when they differ beyond 1e-12 relative).
 *
 * Standalone: `npx tsx bench/activations.ts`; or through bench/run.ts via `run(reporter, options)`.
 */
import { fileURLToPath } from 'node:url';
import { SeededRng } from '../src/core/rng.js';
import { createActivation, RELU, type Activation } from '../src/float/activation.js';
import { genericShallowWorkspaceSize, shallowSseGradientGeneric } from '../src/float/generic.js';
import { createObjective } from '../src/float/objective.js';
import type { BenchOptions, Reporter } from './run.js';

const N = 10_000;
const M = 1000;
const REPS = 5;

function median(a: number[]): number {
  const s = [...a].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

function time(step: () => void, reps: number): number {
  step();
  const t: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    step();
    t.push(performance.now() - t0);
  }
  return median(t);
}

export async function run(reporter: Reporter, _options: BenchOptions = { budgetSeconds: 25 }): Promise<void> {
  const rows: string[][] = [];
  let mismatch = false;
  for (const d of [1, 10]) {
    const rng = new SeededRng(20261124);
    const X = Float64Array.from({ length: N * d }, () => rng.nextNormal());
    const Y = Float64Array.from({ length: N }, (_, i) => Math.sin(2 * X[i * d]));
    const theta = Float64Array.from({ length: M * (d + 2) + 1 }, () => rng.nextNormal() / Math.sqrt(d));
    const grad = new Float64Array(theta.length);
    const work = new Float64Array(genericShallowWorkspaceSize(M));
    const label = d === 1 ? `univariate, m = ${M}` : `d = ${d}, m = ${M}`;
    reporter.progress(`${label}: fast ReLU kernels`);
    const fast = createObjective([d, M, 1], X, Y, { kernel: 'shallow' });
    const base = time(() => fast.evaluate(theta, grad), REPS);
    const fastSse = fast.evaluate(theta, grad);
    if (d === 1) {
      const sorted = createObjective([d, M, 1], X, Y, { kernel: 'sorted' });
      const ms = time(() => sorted.evaluate(theta, grad), 50);
      rows.push([label, 'relu, sorted kernel', ms.toFixed(3), (ms / base).toFixed(4)]);
    }
    rows.push([label, 'relu, fast shallow kernel', base.toFixed(1), '1']);
    const acts: [string, Activation][] = [['relu, generic kernel', RELU], ...['leaky-relu', 'relu-power:2', 'tanh', 'logistic', 'gaussian'].map((a): [string, Activation] => [a, createActivation(a)])];
    for (const [name, act] of acts) {
      reporter.progress(`${label}: ${name}`);
      const ms = time(() => shallowSseGradientGeneric(d, M, X, Y, 0, N, theta, 0, grad, 0, act, work), REPS);
      rows.push([label, name, ms.toFixed(1), (ms / base).toFixed(2)]);
      if (act === RELU) {
        const sse = shallowSseGradientGeneric(d, M, X, Y, 0, N, theta, 0, grad, 0, act, work);
        if (Math.abs(sse - fastSse) > 1e-12 * fastSse) {
          mismatch = true;
          reporter.line(`MISMATCH ${label}: the generic kernel with ReLU gives sse ${sse}, the fast kernel ${fastSse}`);
        }
      }
    }
  }
  reporter.table({
    title: `One sse-and-gradient evaluation per activation, n = ${N} points, float64`,
    columns: ['problem', 'kernel / activation', 'ms (median)', 'time / fast ReLU shallow kernel'],
    rows,
    notes: [`medians of ${REPS} evaluations after a warm-up (50 for the sorted kernel); one thread.`, 'The generic kernel goes one point at a time and calls the activation once per point for all m units (sigma and sigma\' together).'],
  });
  if (mismatch) process.exitCode = 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reporter: Reporter = {
    table: (t) => {
      console.log(`### ${t.title}\n`);
      console.log(`| ${t.columns.join(' | ')} |`);
      console.log(`|${t.columns.map(() => ' --- ').join('|')}|`);
      for (const r of t.rows) console.log(`| ${r.join(' | ')} |`);
      for (const n of t.notes ?? []) console.log(`- ${n}`);
    },
    line: (text) => console.log(text),
    progress: (text) => process.stderr.write(`${text}\n`),
  };
  await run(reporter);
}
