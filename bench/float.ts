/**
 * The float core: one gradient step (sse and its gradient, then theta -= lr grad) at n = 10 000
 * points, timed for our kernels (sorted prefix sums, fused shallow, dense backpropagation; one
 * thread and two worker-sharded threads), for the dense kernel as it was before the blocked
 * rewrite (bench/dense-previous.ts), and for numpy doing the same arithmetic vectorised
 * (bench/float_numpy.py, as a new user would write it) with OpenBLAS on one thread and on its
 * own threads, all in the same run. numpy's answers are checked against ours (sse and gradient at
 * the start, sse after 10 steps); a disagreement prints a MISMATCH line. Skips numpy cleanly when
 * python3 with numpy is absent. Ratios are of the minimum times (the machine is shared: the
 * minimum is the run least disturbed); medians are shown too, with the load average. Inputs are
 * N(0, 1), and in one problem pixel-like (80% zeros), where the dense kernel skips more zeros.
 *
 * Standalone: `npx tsx bench/float.ts [--quick]`; or through bench/run.ts via `run(reporter, options)`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { SeededRng } from '../src/core/rng.js';
import { floatTheta } from '../src/dynamics/float-net.js';
import { initNet } from '../src/dynamics/init.js';
import { createObjective, type KernelName, type Objective } from '../src/float/objective.js';
import { createParallelObjective } from '../src/float/parallel.js';
import { denseSseGradientPrevious, denseWorkspaceSizePrevious } from './dense-previous.js';
import type { BenchOptions, Reporter } from './run.js';


/** Our kernels, and the dense kernel before the blocked rewrite. */
type Method = { kernel: KernelName | 'dense-previous'; threads: number };

interface Case {
  name: string;
  widths: number[];
  n: number;
  methods: Method[];
  /** The method the last column compares with (index into methods). */
  reference: number;
  reps: number;
  /** Inputs: N(0, 1) entries by default; `pixels`: a fifth of them non-zero, uniform in (0, 1], the rest 0 (about MNIST's share of non-zero pixels). */
  inputs?: 'pixels';
}

const N = 10_000;

/** Deep nets: the dense kernel on one and two threads, and the previous dense kernel (the reference). */
const DEEP: Method[] = [
  { kernel: 'dense', threads: 1 },
  { kernel: 'dense', threads: 2 },
  { kernel: 'dense-previous', threads: 1 },
];

const CASES: Case[] = [
  {
    name: 'univariate shallow, m = 1000',
    widths: [1, 1000, 1],
    n: N,
    methods: [
      { kernel: 'sorted', threads: 1 },
      { kernel: 'sorted', threads: 2 },
      { kernel: 'shallow', threads: 1 },
      { kernel: 'shallow', threads: 2 },
    ],
    reference: 2,
    reps: 3,
  },
  {
    name: 'shallow d = 10, m = 1000',
    widths: [10, 1000, 1],
    n: N,
    methods: [
      { kernel: 'shallow', threads: 1 },
      { kernel: 'shallow', threads: 2 },
      { kernel: 'dense', threads: 1 },
      { kernel: 'dense', threads: 2 },
      { kernel: 'dense-previous', threads: 1 },
    ],
    reference: 0,
    reps: 3,
  },
  {
    name: 'deep 10-64-64-64-1',
    widths: [10, 64, 64, 64, 1],
    n: N,
    methods: DEEP,
    reference: 2,
    reps: 5,
  },
  {
    name: 'deep 10-256-256-256-1',
    widths: [10, 256, 256, 256, 1],
    n: N,
    methods: DEEP,
    reference: 2,
    reps: 2,
  },
  {
    name: 'deep 784-128-128-10 (MNIST-sized)',
    widths: [784, 128, 128, 10],
    n: N,
    methods: DEEP,
    reference: 2,
    reps: 2,
  },
  {
    name: 'deep 784-128-128-10, pixel-like inputs (80% zeros)',
    widths: [784, 128, 128, 10],
    n: N,
    methods: DEEP,
    reference: 2,
    reps: 2,
    inputs: 'pixels',
  },
];

/** Reps of the sorted kernel (a step is well under a millisecond). */
const SORTED_REPS = 400;
const CHECK_STEPS = 10;
/** Rounds alternating numpy and ours. */
const ROUNDS = 3;

function problem(c: Case): { X: Float64Array; Y: Float64Array; theta: Float64Array; lr: number } {
  const rng = new SeededRng(20261123);
  const d = c.widths[0];
  const nL = c.widths[c.widths.length - 1];
  const X = Float64Array.from({ length: c.n * d }, () => (c.inputs !== 'pixels' ? rng.nextNormal() : rng.nextFloat() < 0.2 ? 1 - rng.nextFloat() : 0));
  const Y = Float64Array.from({ length: c.n * nL }, (_, q) => Math.sin(2 * X[Math.floor(q / nL) * d] + (q % nL)) + 0.1 * rng.nextNormal());
  const theta = floatTheta(initNet(c.widths, { scheme: 'pytorch' }, rng));
  return { X, Y, theta, lr: 1e-6 };
}

function median(a: number[]): number {
  const s = [...a].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

/** Times of single steps (gradient + update), after one warm-up step. */
function timeSteps(objective: Objective, theta0: Float64Array, lr: number, reps: number): number[] {
  const theta = Float64Array.from(theta0);
  const grad = new Float64Array(theta.length);
  const step = (): void => {
    objective.evaluate(theta, grad);
    for (let p = 0; p < theta.length; p++) theta[p] -= lr * grad[p];
  };
  step();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    step();
    times.push(performance.now() - t);
  }
  return times;
}

/** sse after `steps` descent steps from theta0. */
function sseAfter(objective: Objective, theta0: Float64Array, lr: number, steps: number): number {
  const theta = Float64Array.from(theta0);
  const grad = new Float64Array(theta.length);
  for (let k = 0; k < steps; k++) {
    objective.evaluate(theta, grad);
    for (let p = 0; p < theta.length; p++) theta[p] -= lr * grad[p];
  }
  return objective.evaluate(theta, null);
}

interface NumpyResult {
  stepMs: number[];
  sse0: number;
  grad: number[];
  sseAfter: number;
  numpy: string;
}

function numpyAvailable(): string | null {
  const r = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** numpy on one BLAS thread, or on OpenBLAS's own choice of threads. */
const NUMPY_FLAVOURS = [
  { label: '1 thread', env: { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' } },
  { label: 'its threads', env: {} },
] as const;

function runNumpy(c: Case, p: ReturnType<typeof problem>, dir: string, checkSteps: number, env: Record<string, string>): NumpyResult {
  const file = (name: string, a: Float64Array): string => {
    const path = join(dir, `${name}.f64`);
    writeFileSync(path, Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    return path;
  };
  const job = { X: file('X', p.X), Y: file('Y', p.Y), theta: file('theta', p.theta), widths: c.widths, lr: p.lr, reps: c.reps, steps: checkSteps };
  const script = fileURLToPath(new URL('./float_numpy.py', import.meta.url));
  const r = spawnSync('python3', [script], { input: JSON.stringify(job), encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`bench/float_numpy.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as NumpyResult;
}

/** The objective of a method: ours through createObjective / createParallelObjective, or the previous dense kernel. */
async function objectiveOf(m: Method, c: Case, X: Float64Array, Y: Float64Array): Promise<Objective> {
  if (m.kernel === 'dense-previous') {
    const widths = Int32Array.from(c.widths);
    const work = new Float64Array(denseWorkspaceSizePrevious(widths));
    const dense = createObjective(c.widths, X, Y, { kernel: 'dense' });
    return { ...dense, evaluate: (theta, grad) => denseSseGradientPrevious(widths, X, Y, 0, dense.n, theta, 0, grad, 0, work) };
  }
  return m.threads === 1 ? createObjective(c.widths, X, Y, { kernel: m.kernel }) : createParallelObjective(c.widths, X, Y, { kernel: m.kernel, threads: m.threads });
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));
const ratio = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(', ');

export async function run(reporter: Reporter, options: BenchOptions = { budgetSeconds: 25 }): Promise<void> {
  const numpy = numpyAvailable();
  if (numpy === null) reporter.line('python3 with numpy not found: the numpy columns are skipped.');
  const dir = mkdtempSync(join(tmpdir(), 'relu-exact-bench-'));
  const rows: string[][] = [];
  const notes: string[] = [];
  const loadBefore = load();
  let mismatch = false;
  try {
    const cases = options.quick === true ? CASES.slice(0, 2) : CASES;
    for (const c of cases) {
      reporter.progress(`${c.name}: data and init`);
      const p = problem(c);
      const objectives: Objective[] = [];
      for (const m of c.methods) objectives.push(await objectiveOf(m, c, p.X, p.Y));
      const numpyTimes: number[][] = NUMPY_FLAVOURS.map(() => []);
      const ourTimes: number[][] = c.methods.map(() => []);
      let np: NumpyResult | null = null;
      try {
        // rounds alternate numpy and ours, so both see the same load on a shared machine
        for (let round = 0; round < ROUNDS; round++) {
          if (numpy !== null) {
            NUMPY_FLAVOURS.forEach((flavour, f) => {
              reporter.progress(`${c.name}: numpy, ${flavour.label} (round ${round + 1} of ${ROUNDS})`);
              // the answers to check against: one thread's, with the descent steps, in the last round
              const checked = round === ROUNDS - 1 && f === 0;
              const result = runNumpy(c, p, dir, checked ? CHECK_STEPS : 0, flavour.env);
              numpyTimes[f].push(...result.stepMs);
              if (checked) np = result;
            });
          }
          c.methods.forEach((m, k) => {
            reporter.progress(`${c.name}: ${m.kernel}, ${m.threads} thread(s) (round ${round + 1} of ${ROUNDS})`);
            ourTimes[k].push(...timeSteps(objectives[k], p.theta, p.lr, m.kernel === 'sorted' ? SORTED_REPS : c.reps));
          });
        }
        if (np !== null) {
          const answers: NumpyResult = np;
          c.methods.forEach((m, k) => {
            const objective = objectives[k];
            const grad = new Float64Array(p.theta.length);
            const sse0 = objective.evaluate(p.theta, grad);
            const scale = Math.max(...answers.grad.map(Math.abs));
            const gradErr = Math.max(...answers.grad.map((g, i) => Math.abs(g - grad[i]) / scale));
            const after = sseAfter(objective, p.theta, p.lr, CHECK_STEPS);
            const bad = rel(sse0, answers.sse0) > 1e-10 || gradErr > 1e-9 || rel(after, answers.sseAfter) > 1e-9;
            if (bad) mismatch = true;
            notes.push(
              `${bad ? 'MISMATCH ' : ''}${c.name}, ${m.kernel} (${m.threads} thread${m.threads > 1 ? 's' : ''}) vs numpy: sse at start rel. diff ${rel(sse0, answers.sse0).toExponential(1)}, gradient (first 16 entries) ${gradErr.toExponential(1)}, sse after ${CHECK_STEPS} steps ${rel(after, answers.sseAfter).toExponential(1)}`,
            );
          });
        }
      } finally {
        for (const o of objectives) await o.close();
      }
      const label = (m: Method): string => `${m.kernel === 'dense-previous' ? 'dense before the blocked rewrite' : m.kernel}${m.threads > 1 ? `, ${m.threads} threads` : ''}`;
      const timed = [
        ...(numpy === null ? [] : NUMPY_FLAVOURS.map((flavour, f) => ({ label: `numpy ${numpy}, ${flavour.label}`, times: numpyTimes[f] }))),
        ...c.methods.map((m, k) => ({ label: `ours: ${label(m)}${k === c.reference ? ' (ref.)' : ''}`, times: ourTimes[k] })),
      ];
      const best = (times: number[]): number => Math.min(...times);
      const numpyOne = numpy === null ? null : best(numpyTimes[0]);
      const numpyThreads = numpy === null ? null : best(numpyTimes[1]);
      const reference = best(ourTimes[c.reference]);
      for (const t of timed) {
        const b = best(t.times);
        rows.push([c.name, t.label, `${ms(b)} (${ms(median(t.times))})`, numpyOne === null ? '-' : ratio(numpyOne / b), numpyThreads === null ? '-' : ratio(numpyThreads / b), ratio(reference / b)]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  reporter.table({
    title: `One gradient step (sse and gradient, then theta -= lr grad), n = ${N} points, float64`,
    columns: ['problem', 'method', 'ms per step, min (median)', 'speed-up vs numpy 1 thread', 'vs numpy its threads', 'vs ref.'],
    rows,
    notes: [
      'numpy: X @ W.T + b, maximum, the same backpropagation with (Z > 0) masks and matrix products, timed inside python after a warm-up; "1 thread" sets OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = MKL_NUM_THREADS = 1, "its threads" leaves OpenBLAS its default (all cores).',
      `ours: single steps after a warm-up, over ${ROUNDS} rounds that alternate numpy and ours (${SORTED_REPS} steps a round for the sorted kernel); "2 threads" shards the data over this thread and one worker thread; "dense before the blocked rewrite" is bench/dense-previous.ts.`,
      'Speed-ups are ratios of the minimum times (the least disturbed run on a shared machine); "ref." is the row marked (ref.) of the same problem.',
      `Load average (1, 5, 15 min) at the start: ${loadBefore}; at the end: ${load()}.`,
      ...notes,
    ],
  });
  if (mismatch) {
    reporter.line('MISMATCH: some float results disagree with numpy beyond rounding (see the notes)');
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quick = process.argv.includes('--quick');
  const reporter: Reporter = {
    table: (t) => {
      const all = [t.columns, ...t.rows];
      const widths = t.columns.map((_, j) => Math.max(...all.map((r) => (r[j] ?? '').length)));
      const fmt = (r: string[]): string => '| ' + r.map((cell, j) => (j < 2 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join(' | ') + ' |';
      console.log([`### ${t.title}`, '', fmt(t.columns), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...t.rows.map(fmt), '', ...(t.notes ?? []).map((n) => `- ${n}`)].join('\n'));
    },
    line: (text) => console.log(text),
    progress: (text) => process.stderr.write(`  .. ${text}\n`),
  };
  run(reporter, { budgetSeconds: 25, quick }).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 2;
  });
}
