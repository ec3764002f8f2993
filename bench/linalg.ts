/**
 * Exact linear algebra: our `rank`, `det`, `solve` (default: fraction-free bigint Bareiss) against
 * our own Gauss-Jordan path (Rational objects), mathjs with Fraction entries, and SymPy
 * (`Matrix` and, as SymPy's fast exact path, `DomainMatrix` over QQ). Every method's answer is
 * checked against ours; a disagreement prints a MISMATCH line and makes the run exit 1.
 *
 * Slow baselines get a time budget: each (method, operation, kind of matrix) series is run from
 * the cheapest matrix up, and a job whose time, extrapolated from the series so far, exceeds the
 * budget is skipped (see `Series`). SymPy jobs are also stopped by an alarm after the budget.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { all, create, type Fraction as MathFraction } from 'mathjs';
import { SeededRng } from '../src/core/rng.js';
import { QQ, Rational, ZZ } from '../src/field/index.js';
import { det, Mat, rank, solve } from '../src/linalg/index.js';
import type { BenchOptions, Reporter, Table } from './run.js';

type Kind = 'integer' | 'rational';
type Op = 'rank' | 'det' | 'solve';

const SQUARE_SIZES = [20, 40, 60, 80, 100, 120];
const WIDE_SHAPES: [number, number][] = [
  [60, 80],
  [100, 150],
  [120, 160],
];
const KINDS: Kind[] = ['integer', 'rational'];
const OPS: Op[] = ['rank', 'det', 'solve'];

// --- the matrices ---------------------------------------------------------------------------

interface Case {
  kind: Kind;
  m: number;
  n: number;
  label: string;
  /** Entries as exact text ("37", "-5/12"): what mathjs and SymPy are built from. */
  entries: string[][];
  rhs: string[];
  qq: Mat<Rational>;
  /** The integer matrix over ZZ (integer kind only): what our default rank/det get. */
  zz: Mat<bigint> | undefined;
  b: Rational[];
}

function randomEntry(rng: SeededRng, kind: Kind): string {
  if (kind === 'integer') return String(rng.nextInt(-100, 100));
  return `${rng.nextInt(-20, 20)}/${rng.nextInt(1, 20)}`;
}

function parseEntry(s: string): Rational {
  const [p, q] = s.split('/');
  return Rational.of(BigInt(p), q === undefined ? 1n : BigInt(q));
}

/** The same matrix every run: the seed depends only on the kind and the shape. */
function makeCase(kind: Kind, m: number, n: number): Case {
  const rng = new SeededRng((kind === 'integer' ? 1_000_000 : 2_000_000) + 1000 * m + n);
  const entries = Array.from({ length: m }, () => Array.from({ length: n }, () => randomEntry(rng, kind)));
  const rhs = Array.from({ length: m }, () => randomEntry(rng, kind));
  const qq = Mat.fromRows(QQ, entries.map((r) => r.map(parseEntry)), n);
  const zz = kind === 'integer' ? Mat.fromRows(ZZ, entries.map((r) => r.map((s) => BigInt(s))), n) : undefined;
  return { kind, m, n, label: `${m}x${n}`, entries, rhs, qq, zz, b: rhs.map(parseEntry) };
}

/** A cost model for extrapolation: min^2 * max elimination steps times entry growth ~ min. */
function workOf(c: Case, op: Op): number {
  const r = Math.min(c.m, c.n);
  const cols = Math.max(c.m, c.n) + (op === 'solve' ? 1 : 0);
  return r * r * cols * r;
}

// --- timing ---------------------------------------------------------------------------------

interface Measured {
  seconds: number;
  runs: number;
  answer: string;
}

interface RepeatPolicy {
  minRuns: number;
  minTime: number;
  maxTime: number;
}

/** Ours: a stable median (at least 3 runs and 0.5 s). */
export const OURS: RepeatPolicy = { minRuns: 3, minTime: 0.5, maxTime: Infinity };
/** Slow baselines: the same, but stop after 2 s (so a 5 s job runs once). */
export const BASELINE: RepeatPolicy = { minRuns: 3, minTime: 0.5, maxTime: 2 };
/** A first run faster than this is treated as a warm-up (JIT, caches) and discarded. */
const WARMUP_BELOW = 0.25;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 === 1 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/**
 * A full garbage collection before each measurement, so one method's garbage (mathjs leaves a
 * lot) is not collected on the next one's clock. `--expose-gc` set at run time, as `npm run bench`
 * starts node through tsx without flags.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

export function measureSync(fn: () => string, policy: RepeatPolicy): Measured {
  collectGarbage();
  const time = (): [number, string] => {
    const t = performance.now();
    const a = fn();
    return [(performance.now() - t) / 1000, a];
  };
  const [t0, answer] = time();
  let samples = t0 < WARMUP_BELOW ? [] : [t0];
  let total = t0 < WARMUP_BELOW ? 0 : t0;
  while (!((samples.length >= policy.minRuns && total >= policy.minTime) || total >= policy.maxTime)) {
    const [t, a] = time();
    if (a !== answer) throw new Error('answer changed between runs');
    samples.push(t);
    total += t;
  }
  if (samples.length === 0) samples = [t0];
  return { seconds: median(samples), runs: samples.length, answer };
}

// --- answers, in one canonical text form per operation --------------------------------------

const solutionText = (r: { ok: true; x: readonly Rational[]; unique: boolean } | { ok: false }): string =>
  r.ok ? (r.unique ? r.x.map(String).join(' ') : 'not unique') : 'inconsistent';

// --- mathjs with Fraction entries -----------------------------------------------------------

export const math = create(all, { number: 'Fraction' });

export function fractionToRational(f: unknown): Rational {
  const x = f as { s: bigint; n: bigint; d: bigint };
  return Rational.of(BigInt(x.s) * BigInt(x.n), BigInt(x.d));
}

export function mathMatrix(entries: string[][]): MathFraction[][] {
  return entries.map((r) => r.map((s) => math.fraction(s) as MathFraction));
}

/** mathjs has no rank: plain Gaussian elimination (first nonzero pivot) in mathjs Fraction arithmetic. */
export function mathjsRank(A: MathFraction[][]): number {
  const a = A.map((r) => r.slice());
  const m = a.length;
  const n = m > 0 ? a[0].length : 0;
  const zero = math.fraction(0) as MathFraction;
  let r = 0;
  for (let c = 0; c < n && r < m; c++) {
    let p = -1;
    for (let i = r; i < m; i++) {
      if (!math.isZero(a[i][c])) {
        p = i;
        break;
      }
    }
    if (p < 0) continue;
    [a[p], a[r]] = [a[r], a[p]];
    const pivotRow = a[r];
    for (let i = r + 1; i < m; i++) {
      const row = a[i];
      if (math.isZero(row[c])) continue;
      const f = math.divide(row[c], pivotRow[c]) as MathFraction;
      for (let j = c + 1; j < n; j++) row[j] = math.subtract(row[j], math.multiply(f, pivotRow[j]) as MathFraction) as MathFraction;
      row[c] = zero;
    }
    r++;
  }
  return r;
}

export function mathjsSolveText(A: MathFraction[][], b: MathFraction[][]): string {
  const x = math.lusolve(A, b) as unknown as { toArray?: () => unknown[][] } | unknown[][];
  const arr = (Array.isArray(x) ? x : (x as { toArray: () => unknown[][] }).toArray()) as unknown[][];
  return arr.map((row) => fractionToRational(row[0]).toString()).join(' ');
}

// --- SymPy, in one long-lived python3 process ------------------------------------------------

interface SympyReply {
  id?: number;
  ok: boolean;
  seconds?: number;
  runs?: number;
  answer?: string;
  timeout?: boolean;
  error?: string;
  ready?: boolean;
  sympy?: string;
}

const SYMPY_SCRIPT = fileURLToPath(new URL('./sympy_rank.py', import.meta.url));

/** Why SymPy cannot be used, or undefined when `python3 -c "import sympy"` works. */
export function sympyUnavailable(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import sympy'], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) return `python3 not runnable (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`;
  if (r.status !== 0) return `sympy not importable by python3 (${r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`})`;
  return undefined;
}

export class SympyWorker {
  private child: ChildProcess | undefined;
  private waiting: ((line: string | undefined) => void) | undefined;
  private buffered: string[] = [];
  private nextId = 1;
  version = '?';

  private async ensure(): Promise<void> {
    if (this.child) return;
    const child = spawn('python3', [SYMPY_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.child = child;
    this.buffered = [];
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => this.deliver(line));
    child.on('exit', () => {
      if (this.child === child) this.child = undefined;
      this.deliver(undefined);
    });
    child.on('error', () => this.deliver(undefined));
    const first = await this.nextLine(120_000);
    const hello = first === undefined ? undefined : (JSON.parse(first) as SympyReply);
    if (!hello?.ready) {
      this.close();
      throw new Error(`sympy helper did not start: ${hello?.error ?? 'no answer'}`);
    }
    this.version = hello.sympy ?? '?';
  }

  private deliver(line: string | undefined): void {
    const w = this.waiting;
    if (w) {
      this.waiting = undefined;
      w(line);
    } else if (line !== undefined) this.buffered.push(line);
  }

  private nextLine(timeoutMs: number): Promise<string | undefined> {
    const ready = this.buffered.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.waiting = (line) => {
        clearTimeout(timer);
        resolve(line);
      };
    });
  }

  /** Run one job; the helper's own alarm enforces `timeoutSeconds`, this side kills it later as a last resort. */
  async run(impl: 'matrix' | 'domainmatrix', op: 'rank' | 'det', c: Case, timeoutSeconds: number): Promise<SympyReply> {
    await this.ensure();
    const id = this.nextId++;
    const job = { id, impl, op, rows: c.m, cols: c.n, entries: c.entries, timeout: timeoutSeconds, min_runs: BASELINE.minRuns, min_time: BASELINE.minTime, max_time: BASELINE.maxTime };
    this.child!.stdin!.write(JSON.stringify(job) + '\n');
    const line = await this.nextLine((timeoutSeconds + 60) * 1000);
    if (line === undefined) {
      this.close();
      return { id, ok: false, timeout: true };
    }
    return JSON.parse(line) as SympyReply;
  }

  close(): void {
    const child = this.child;
    this.child = undefined;
    if (child) {
      child.stdin?.end();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }
}

// --- budgets --------------------------------------------------------------------------------

/**
 * The measurements of one (method, operation, kind) series, cheapest first. The next job's time
 * is extrapolated as t_last * (work / work_last)^e, with e fitted on the last two points
 * (clamped to [1, 2]; 1.25 before there are two), work = min^3 * max (elimination steps times
 * entry growth). A job past one that timed out is skipped outright.
 */
class Series {
  private points: { work: number; seconds: number }[] = [];
  private timedOutAt: number | undefined;

  add(work: number, seconds: number): void {
    this.points.push({ work, seconds });
  }
  timedOut(work: number): void {
    this.timedOutAt = Math.min(this.timedOutAt ?? Infinity, work);
  }
  /** Why `work` should be skipped under `budget` seconds, or undefined to run it. */
  skipReason(work: number, budget: number): string | undefined {
    if (this.timedOutAt !== undefined && work >= this.timedOutAt) return 'skipped (smaller size timed out)';
    const est = this.estimate(work);
    return est !== undefined && est > budget ? `skipped (est. ${fmtSeconds(est)})` : undefined;
  }
  private estimate(work: number): number | undefined {
    const below = this.points.filter((p) => p.work <= work);
    if (below.length === 0) return undefined;
    const last = below[below.length - 1];
    // Fit on two points far enough apart (work ratio >= 2) that timing noise does not dominate.
    const prev = below.filter((p) => p.work * 2 <= last.work).pop();
    let e = 1.25;
    if (prev && prev.seconds > 0) e = Math.min(2, Math.max(1, Math.log(last.seconds / prev.seconds) / Math.log(last.work / prev.work)));
    return last.seconds * (work / last.work) ** e;
  }
}

// --- methods --------------------------------------------------------------------------------

type Outcome = { kind: 'ok'; m: Measured } | { kind: 'note'; text: string };

interface Method {
  key: string;
  label: string;
  ops: Op[];
  /** False for our default path: it always runs. */
  budgeted: boolean;
  run(op: Op, c: Case, budget: number): Promise<Outcome>;
}

function oursDefault(): Method {
  return {
    key: 'ff',
    label: 'ours (fraction-free)',
    ops: OPS,
    budgeted: false,
    run: async (op, c) => {
      const fn =
        op === 'rank'
          ? () => String(c.zz ? rank(c.zz) : rank(c.qq))
          : op === 'det'
            ? () => String(c.zz ? det(c.zz) : det(c.qq))
            : () => solutionText(solve(c.qq, c.b));
      return { kind: 'ok', m: measureSync(fn, OURS) };
    },
  };
}

function oursGaussJordan(): Method {
  const opt = { method: 'gauss-jordan' } as const;
  return {
    key: 'gj',
    label: 'ours (gauss-jordan)',
    ops: OPS,
    budgeted: true,
    run: async (op, c) => {
      const fn =
        op === 'rank' ? () => String(rank(c.qq, opt)) : op === 'det' ? () => String(det(c.qq, opt)) : () => solutionText(solve(c.qq, c.b, opt));
      return { kind: 'ok', m: measureSync(fn, BASELINE) };
    },
  };
}

function mathjsMethod(): Method {
  return {
    key: 'mathjs',
    label: 'mathjs Fraction',
    ops: OPS,
    budgeted: true,
    run: async (op, c) => {
      const A = mathMatrix(c.entries);
      const fn =
        op === 'rank'
          ? () => String(mathjsRank(A))
          : op === 'det'
            ? () => fractionToRational(math.det(A)).toString()
            : (() => {
                const b = c.rhs.map((s) => [math.fraction(s) as MathFraction]);
                return () => mathjsSolveText(A, b);
              })();
      return { kind: 'ok', m: measureSync(fn, BASELINE) };
    },
  };
}

function sympyMethod(worker: SympyWorker, impl: 'matrix' | 'domainmatrix'): Method {
  return {
    key: impl === 'matrix' ? 'sympy' : 'sympy-dm',
    label: impl === 'matrix' ? 'sympy Matrix' : 'sympy DomainMatrix(QQ)',
    ops: ['rank', 'det'],
    budgeted: true,
    run: async (op, c, budget) => {
      const r = await worker.run(impl, op as 'rank' | 'det', c, budget);
      if (r.ok) return { kind: 'ok', m: { seconds: r.seconds!, runs: r.runs!, answer: r.answer! } };
      if (r.timeout) return { kind: 'note', text: `timeout (> ${fmtSeconds(budget)})` };
      return { kind: 'note', text: `error: ${r.error ?? 'unknown'}` };
    },
  };
}

// --- formatting -----------------------------------------------------------------------------

export function fmtSeconds(s: number): string {
  if (s >= 10) return `${s.toFixed(0)} s`;
  if (s >= 1) return `${s.toFixed(1)} s`;
  const ms = s * 1000;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtRatio(r: number): string {
  if (r >= 1000) return `${Math.round(r).toLocaleString('en-US')}x`;
  if (r >= 10) return `${r.toFixed(0)}x`;
  return `${r.toFixed(1)}x`;
}

/** The size of the exact answer: how far the numbers grew. */
function describeAnswer(op: Op, answer: string): string {
  const digits = (q: string): string => {
    const [p, d] = q.replace('-', '').split('/');
    return d === undefined ? `${p.length}` : `${p.length}/${d.length}`;
  };
  if (op === 'rank') return `rank ${answer}`;
  if (op === 'det') return `det ${digits(answer)} digits`;
  const xs = answer.split(' ');
  const longest = xs.reduce((best, x) => (x.length > best.length ? x : best), '');
  return `x: up to ${digits(longest)} digits`;
}

function shorten(s: string, max = 60): string {
  return s.length <= max ? s : `${s.slice(0, max / 2)}...${s.slice(-max / 2)} (${s.length} chars)`;
}

// --- the benchmark --------------------------------------------------------------------------

export async function run(reporter: Reporter, options: BenchOptions): Promise<void> {
  const budget = options.budgetSeconds;
  const methods: Method[] = [oursDefault(), oursGaussJordan(), mathjsMethod()];
  const missingSympy = sympyUnavailable();
  const worker = missingSympy === undefined ? new SympyWorker() : undefined;
  if (worker) methods.push(sympyMethod(worker, 'matrix'), sympyMethod(worker, 'domainmatrix'));
  else reporter.line(`NOTE: SymPy columns skipped: ${missingSympy}.\n`);

  const casesByKind = new Map<Kind, Case[]>(
    KINDS.map((k) => [k, [...SQUARE_SIZES.map((n) => makeCase(k, n, n)), ...WIDE_SHAPES.map(([m, n]) => makeCase(k, m, n))]]),
  );
  const series = new Map<string, Series>();
  /** Ratios (baseline / ours) per op and method, for the summary. */
  const ratios = new Map<string, number[]>();
  let mismatches = 0;

  try {
    for (const op of OPS) {
      for (const kind of KINDS) {
        const cases = casesByKind.get(kind)!.filter((c) => op === 'rank' || c.m === c.n);
        const results = new Map<string, Outcome>(); // `${case}|${method}`
        const mismatchIn = new Set<string>();
        // Cheapest first, so each series can extrapolate from what it has measured.
        for (const c of [...cases].sort((x, y) => workOf(x, op) - workOf(y, op))) {
          const work = workOf(c, op);
          for (const method of methods) {
            if (!method.ops.includes(op)) continue;
            const sKey = `${method.key}|${op}|${kind}`;
            if (!series.has(sKey)) series.set(sKey, new Series());
            const s = series.get(sKey)!;
            const skip = method.budgeted ? s.skipReason(work, budget) : undefined;
            let outcome: Outcome;
            if (skip !== undefined) outcome = { kind: 'note', text: skip };
            else {
              reporter.progress(`${op} ${kind} ${c.label}: ${method.label} ...`);
              try {
                outcome = await method.run(op, c, budget);
              } catch (e) {
                outcome = { kind: 'note', text: `error: ${(e as Error).message}` };
              }
              if (outcome.kind === 'ok') s.add(work, outcome.m.seconds);
              else if (outcome.text.startsWith('timeout')) s.timedOut(work);
              reporter.progress(`${op} ${kind} ${c.label}: ${method.label}: ${outcome.kind === 'ok' ? fmtSeconds(outcome.m.seconds) + ` (${outcome.m.runs} runs)` : outcome.text}`);
            }
            results.set(`${c.label}|${method.key}`, outcome);
          }
          // Every method that answered must agree with ours (fraction-free).
          const ref = results.get(`${c.label}|ff`);
          if (ref?.kind !== 'ok') throw new Error(`our fraction-free ${op} failed on ${kind} ${c.label}: ${ref?.kind === 'note' ? ref.text : '?'}`);
          for (const method of methods) {
            const o = results.get(`${c.label}|${method.key}`);
            if (method.key === 'ff' || o?.kind !== 'ok') continue;
            if (o.m.answer !== ref.m.answer) {
              mismatches++;
              mismatchIn.add(c.label);
              reporter.line(
                `!!!!!!!! MISMATCH !!!!!!!! ${op} ${kind} ${c.label}: ${method.label} gave ${shorten(o.m.answer)}, ours (fraction-free) gave ${shorten(ref.m.answer)}`,
              );
            }
          }
        }

        const shown = methods.filter((m) => m.ops.includes(op));
        const table: Table = {
          title: `${op}, ${kind} matrices (${kind === 'integer' ? 'entries uniform in [-100, 100]' : 'entries p/q, p in [-20, 20], q in [1, 20]'})`,
          columns: ['size', ...shown.map((m) => m.label), 'answers'],
          rows: cases.map((c) => {
            const ref = results.get(`${c.label}|ff`) as { kind: 'ok'; m: Measured };
            const cells = shown.map((m) => {
              const o = results.get(`${c.label}|${m.key}`)!;
              if (o.kind === 'note') return o.text;
              if (m.key === 'ff') return fmtSeconds(o.m.seconds);
              const ratio = o.m.seconds / ref.m.seconds;
              const rKey = `${op}|${m.key}|${kind}`;
              if (!ratios.has(rKey)) ratios.set(rKey, []);
              ratios.get(rKey)!.push(ratio);
              return `${fmtSeconds(o.m.seconds)} (${fmtRatio(ratio)})`;
            });
            const answered = shown.filter((m) => results.get(`${c.label}|${m.key}`)!.kind === 'ok').length;
            return [c.label, ...cells, `${mismatchIn.has(c.label) ? 'MISMATCH' : `${answered} agree`}; ${describeAnswer(op, ref.m.answer)}`];
          }),
          notes: [
            `cells: time (ratio = that time / ours fraction-free time). Ours: median of >= 3 runs and >= 0.5 s; others: the same, but one run once a job passes 2 s.`,
            kind === 'integer' && op !== 'solve'
              ? 'ours (fraction-free) gets the matrix over ZZ (bigint); every other method gets it over QQ.'
              : 'all methods get the same rational matrix.',
          ],
        };
        reporter.table(table);
      }
    }
  } finally {
    worker?.close();
  }

  const versions = [`mathjs ${math.version}`];
  if (worker) versions.push(`sympy ${worker.version} (pure-python ground types unless gmpy2/python-flint are installed)`);
  reporter.line(`Summary (ratio = baseline time / ours fraction-free; ${versions.join(', ')}; budget ${budget} s per measurement):`);
  for (const op of OPS) {
    const parts: string[] = [];
    for (const m of methods) {
      if (m.key === 'ff' || !m.ops.includes(op)) continue;
      const byKind = KINDS.map((kind) => {
        const rs = ratios.get(`${op}|${m.key}|${kind}`) ?? [];
        if (rs.length === 0) return `${kind} not measured`;
        const lo = fmtRatio(Math.min(...rs));
        const hi = fmtRatio(Math.max(...rs));
        return `${kind} ${lo === hi ? lo : `${lo} .. ${hi}`} (${rs.length} size${rs.length === 1 ? '' : 's'})`;
      });
      parts.push(`    vs ${m.label}: ${byKind.join(', ')}`);
    }
    reporter.line(`  ${op}:\n${parts.join('\n')}`);
  }
  if (mismatches > 0) {
    reporter.line(`\n!!!!!!!! ${mismatches} MISMATCH(ES): exact answers disagree; see the lines above !!!!!!!!`);
    process.exitCode = 1;
  } else reporter.line(`  every answer agreed with ours (fraction-free): ranks, determinants as rationals, solutions entry by entry.`);
  reporter.line('');
}
