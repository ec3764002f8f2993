/**
 * Exact linear algebra at speed (issue 11): our `rank`, `nullspace`, `det` and `solve` (default
 * dispatch, which takes the certified modular path on these sizes) against PARI/GP (`matrank`,
 * `matker`, `matdet`, `matsolve`, timed inside gp with `getwalltime`) and mathjs with Fraction
 * entries, on the same matrices; our fraction-free path is shown where it fits the budget.
 * Every answer is compared with ours; a disagreement prints MISMATCH and the run exits 1.
 * PARI/GP is used when `gp` is on PATH (Debian: apt-get install pari-gp), else skipped cleanly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Fraction as MathFraction } from 'mathjs';
import { SeededRng } from '../src/core/rng.js';
import { QQ, Rational } from '../src/field/index.js';
import { det, inertia, Mat, matMul, nullspace, rank, solve, type LinalgOptions } from '../src/linalg/index.js';
import { BASELINE, fmtRatio, fmtSeconds, fractionToRational, math, mathjsRank, mathjsSolveText, mathMatrix, measureSync, OURS } from './linalg.js';
import { jacobianCase } from './jacobian.js';
import type { BenchOptions, Reporter } from './run.js';

type Op = 'rank' | 'nullspace' | 'det' | 'solve' | 'inertia';

export interface ExactCase {
  label: string;
  /** Entries as exact text ("37", "-5/12"). */
  entries: string[][];
  rhs?: string[];
  ops: Op[];
}

const int = (rng: SeededRng): string => String(rng.nextInt(-100, 100));
const rat = (rng: SeededRng): string => `${rng.nextInt(-20, 20)}/${rng.nextInt(1, 20)}`;

function randomCase(label: string, m: number, n: number, seed: number, entry: (rng: SeededRng) => string, ops: Op[]): ExactCase {
  const rng = new SeededRng(seed);
  const entries = Array.from({ length: m }, () => Array.from({ length: n }, () => entry(rng)));
  return { label, entries, rhs: Array.from({ length: m }, () => entry(rng)), ops };
}

/** r random rows in [-100, 100], then m - r rows that are differences of two of them, shuffled: rank r. */
function deficientCase(label: string, m: number, n: number, r: number, seed: number): ExactCase {
  const rng = new SeededRng(seed);
  const rows = Array.from({ length: r }, () => Array.from({ length: n }, () => rng.nextInt(-100, 100)));
  while (rows.length < m) {
    const a = rows[rng.nextInt(0, r - 1)];
    const b = rows[rng.nextInt(0, r - 1)];
    rows.push(a.map((x, j) => x - b[j]));
  }
  for (let i = m - 1; i > 0; i--) {
    const j = rng.nextInt(0, i);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return { label, entries: rows.map((row) => row.map(String)), ops: ['rank', 'nullspace'] };
}

/**
 * A symmetric n x n matrix of rank r with known inertia: B^T D B, B an r x n integer matrix with
 * entries in [-100, 100], D = diag(+1 x pos, -1 x (r - pos)); with `scale`, the congruence by a
 * rational diagonal (a Hessian-like rational matrix, same inertia).
 */
function symmetricCase(label: string, n: number, r: number, pos: number, seed: number, scale = false): ExactCase {
  const rng = new SeededRng(seed);
  const B = Mat.fromRows(QQ, Array.from({ length: r }, () => Array.from({ length: n }, () => Rational.of(rng.nextInt(-100, 100)))), n);
  const DB = B.map(QQ, (x, i) => (i < pos ? x : x.neg()));
  let S = matMul(B.transpose(), DB);
  if (scale) {
    const d = Array.from({ length: n }, () => Rational.of(rng.nextInt(1, 9), rng.nextInt(1, 9)));
    S = S.map(QQ, (x, i, j) => x.mul(d[i]).mul(d[j]));
  }
  return { label, entries: S.rows.map((row) => row.map(String)), ops: ['inertia'] };
}

function parse(s: string): Rational {
  const [p, q] = s.split('/');
  return Rational.of(BigInt(p), q === undefined ? 1n : BigInt(q));
}

const text = (x: { toString(): string }): string => x.toString();

/** Our answer in a canonical text form (what PARI's and mathjs's answers are compared with). */
function ours(op: Op, a: Mat<Rational>, b: Rational[], options?: LinalgOptions): string {
  if (op === 'rank') return String(rank(a, options));
  if (op === 'nullspace') return `dim ${nullspace(a, options).length}`;
  if (op === 'det') return text(det(a, options));
  if (op === 'inertia') {
    const { pos, neg } = inertia(a, options);
    return `${pos} ${neg}`;
  }
  const s = solve(a, b, options);
  return s.ok ? s.x.map(text).join(' ') : 'inconsistent';
}

// --- PARI/GP ------------------------------------------------------------------------------

function gpAvailable(): string | undefined {
  const r = spawnSync('gp', ['-q', '--version-short'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? undefined : r.stdout.trim() || r.stderr.trim();
}

const GP_CALL: Record<Op, string> = {
  rank: 'matrank(M)',
  nullspace: 'matker(M)',
  det: 'matdet(M)',
  solve: 'matsolve(M, b)',
  inertia: 'qfsign(M)',
};
const GP_ANSWER: Record<Op, string> = {
  rank: 'print(r)',
  nullspace: 'print("dim ", #r)',
  det: 'print(r)',
  solve: 'for(i = 1, #r, print(r[i]))',
  inertia: 'print(r[1], " ", r[2])',
};

/** Run one PARI job in a fresh gp: repeat until >= 3 runs and >= 0.5 s (one run past 2 s); wall time per run. */
function runGp(dir: string, op: Op, c: ExactCase, budget: number): { seconds: number; answer: string } | { note: string } {
  const mat = `[${c.entries.map((r) => r.join(',')).join(';')}]`;
  const script = [
    'default(parisizemax, 8000000000);',
    `M = ${mat};`,
    c.rhs ? `b = [${c.rhs.join(',')}]~;` : '',
    `n = 0; t0 = getwalltime(); until(n >= 3 && getwalltime() - t0 >= 500 || getwalltime() - t0 >= 2000, r = ${GP_CALL[op]}; n++);`,
    'print(round((getwalltime() - t0) * 1000 / n));', // microseconds, an integer (a bare quotient prints as a fraction)
    GP_ANSWER[op] + ';',
    'quit;',
  ].join('\n');
  const file = join(dir, 'job.gp');
  writeFileSync(file, script);
  // One thread: ours is single-threaded, and Debian's multithreaded gp overflows its thread
  // stack on matker at 200x300 (the script then stops and prints garbage).
  const r = spawnSync('gp', ['-q', '-D', 'nbthreads=1', '-f', file], { encoding: 'utf8', timeout: (budget + 30) * 1000, maxBuffer: 1 << 28 });
  if (r.error) return { note: (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `timeout (> ${fmtSeconds(budget)})` : `error: ${r.error.message}` };
  const lines = r.stdout.trim().split('\n');
  if (r.status !== 0 || lines.length < 2) return { note: `error: ${(r.stderr || r.stdout).trim().slice(0, 80)}` };
  const micros = Number(lines[0]);
  if (!/^\d+$/.test(lines[0]) || r.stderr.includes('***   at top-level')) return { note: `error: ${(r.stderr.split('\n').find((l) => l.includes('***') && !l.includes('Warning')) ?? lines[0]).trim().slice(0, 80)}` };
  return { seconds: micros / 1e6, answer: lines.slice(1).join(' ').trim() };
}

// --- mathjs (Fraction) ----------------------------------------------------------------------

function mathjsJob(op: Op, c: ExactCase): (() => string) | undefined {
  if (op === 'nullspace' || op === 'inertia') return undefined; // mathjs has no nullspace, and no exact inertia
  const A = mathMatrix(c.entries);
  if (op === 'rank') return () => String(mathjsRank(A));
  if (op === 'det') return () => fractionToRational(math.det(A)).toString();
  const b = c.rhs!.map((s) => [math.fraction(s) as MathFraction]);
  return () => mathjsSolveText(A, b);
}

/** A quarter-size copy (the leading block), to extrapolate (elimination on fractions grows about like n^4.5, so x 2^9). */
function halfCase(c: ExactCase, op: Op): ExactCase {
  const m = Math.ceil(c.entries.length / 4);
  const n = Math.ceil(c.entries[0].length / 4);
  const sq = op === 'det' || op === 'solve' || op === 'inertia';
  const k = sq ? Math.min(m, n) : n;
  return { label: c.label, entries: c.entries.slice(0, sq ? k : m).map((r) => r.slice(0, k)), rhs: c.rhs?.slice(0, sq ? k : m), ops: c.ops };
}

// --- the benchmark ---------------------------------------------------------------------------

export async function run(reporter: Reporter, options: BenchOptions): Promise<void> {
  const budget = options.budgetSeconds;
  const gp = gpAvailable();
  if (!gp) reporter.line('NOTE: PARI/GP columns skipped: `gp` is not on PATH (Debian: apt-get install pari-gp).\n');
  const cases: ExactCase[] = [
    randomCase('100x150 integer, full rank', 100, 150, 11, int, ['rank', 'nullspace']),
    deficientCase('200x300 integer, rank 150', 200, 300, 150, 12),
    randomCase('100x150 rational, full rank', 100, 150, 13, rat, ['rank', 'nullspace']),
    randomCase('60x60 integer', 60, 60, 14, int, ['det', 'solve']),
    randomCase('120x120 integer', 120, 120, 15, int, ['det', 'solve']),
    randomCase('120x120 rational', 120, 120, 16, rat, ['det', 'solve']),
    jacobianCase(),
    symmetricCase('100x100 symmetric integer, rank 80', 100, 80, 50, 17),
    symmetricCase('60x60 symmetric rational, rank 50', 60, 50, 20, 18, true),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'relu-exact-gp-'));
  const rows: string[][] = [];
  const vsPari: number[] = [];
  let mismatches = 0;
  try {
    for (const c of cases) {
      const a = Mat.fromRows(QQ, c.entries.map((r) => r.map(parse)), c.entries[0].length);
      const b = (c.rhs ?? []).map(parse);
      for (const op of c.ops) {
        const name = `${op} ${c.label}`;
        reporter.progress(`${name}: ours ...`);
        const mine = measureSync(() => ours(op, a, b), OURS);
        const cells = [name, fmtSeconds(mine.seconds)];
        // Our fraction-free path, when a half-size copy suggests it fits the budget.
        const ffOpts: LinalgOptions = { method: 'fraction-free' };
        const half = halfCase(c, op);
        const ah = Mat.fromRows(QQ, half.entries.map((r) => r.map(parse)), half.entries[0].length);
        const th = measureSync(() => ours(op, ah, (half.rhs ?? []).map(parse), ffOpts), BASELINE).seconds;
        const estFf = th * 2 ** 9;
        if (estFf <= budget) {
          reporter.progress(`${name}: fraction-free ...`);
          const ff = measureSync(() => ours(op, a, b, ffOpts), BASELINE);
          if (ff.answer !== mine.answer) mismatches += report(reporter, name, 'fraction-free', ff.answer, mine.answer);
          cells.push(`${fmtSeconds(ff.seconds)} (${fmtRatio(ff.seconds / mine.seconds)})`);
        } else cells.push(`skipped (est. ${fmtSeconds(estFf)})`);
        // mathjs with Fraction entries.
        const job = mathjsJob(op, c);
        if (job === undefined) cells.push('n/a');
        else {
          const hj = mathjsJob(op, half)!;
          const est = measureSync(hj, BASELINE).seconds * 2 ** 9;
          if (est > budget) cells.push(`skipped (est. ${fmtSeconds(est)})`);
          else {
            reporter.progress(`${name}: mathjs ...`);
            const mj = measureSync(job, BASELINE);
            if (mj.answer !== mine.answer) mismatches += report(reporter, name, 'mathjs', mj.answer, mine.answer);
            cells.push(`${fmtSeconds(mj.seconds)} (${fmtRatio(mj.seconds / mine.seconds)})`);
          }
        }
        // PARI/GP.
        if (gp) {
          reporter.progress(`${name}: PARI/GP ...`);
          const g = runGp(dir, op, c, budget);
          if ('note' in g) cells.push(g.note, '');
          else {
            if (g.answer !== mine.answer) mismatches += report(reporter, name, 'PARI/GP', g.answer, mine.answer);
            vsPari.push(g.seconds / mine.seconds);
            cells.push(fmtSeconds(g.seconds), `${fmtRatio(g.seconds / mine.seconds)}`);
          }
        } else cells.push('not installed', '');
        cells.push(shortAnswer(op, mine.answer));
        rows.push(cells);
        reporter.line(`| ${cells.join(' | ')} |`);
        reporter.progress(`${name}: done`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  reporter.table({
    title: 'Exact rank, nullspace, det and solve: ours (default dispatch) against PARI/GP and mathjs-Fraction',
    columns: ['job', 'ours', 'ours fraction-free (ratio)', 'mathjs Fraction (ratio)', 'PARI/GP', 'PARI / ours', 'answer'],
    rows,
    notes: [
      'ratio columns: that method\'s time / ours; "PARI / ours" > 1 means ours is faster. Ours: median of >= 3 runs and >= 0.5 s; PARI: the same loop inside gp (getwalltime), after reading the matrix.',
      'fraction-free and mathjs run only when a quarter-size copy, times 2^9, fits the budget (otherwise "skipped (est.)"); mathjs has no nullspace.',
      `PARI/GP ${gp ?? 'not installed'}; every answer (rank, nullity, det, solution entry by entry) compared with ours.`,
    ],
  });
  if (vsPari.length > 0) reporter.line(`PARI/GP time / ours: ${fmtRatio(Math.min(...vsPari))} .. ${fmtRatio(Math.max(...vsPari))} over ${vsPari.length} jobs.`);
  if (mismatches > 0) {
    reporter.line(`\n!!!!!!!! ${mismatches} MISMATCH(ES) !!!!!!!!`);
    process.exitCode = 1;
  }
}

function report(reporter: Reporter, job: string, who: string, theirs: string, mine: string): number {
  const short = (s: string): string => (s.length > 80 ? `${s.slice(0, 40)}...(${s.length} chars)` : s);
  reporter.line(`!!!!!!!! MISMATCH !!!!!!!! ${job}: ${who} gave ${short(theirs)}, ours gave ${short(mine)}`);
  return 1;
}

function shortAnswer(op: Op, answer: string): string {
  if (op === 'rank') return `rank ${answer}`;
  if (op === 'nullspace') return answer.replace('dim', 'nullity');
  if (op === 'det') return `det ${answer.replace('-', '').split('/')[0].length} digits`;
  if (op === 'inertia') return `(+${answer.split(' ')[0]}, -${answer.split(' ')[1]})`;
  return answer === 'inconsistent' ? answer : `x: ${answer.split(' ').length} entries`;
}
