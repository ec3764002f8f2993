/**
 * Where the certified modular path starts to pay (issue 11): our `rank`, `nullspace`, `det` and
 * `solve` with `method: 'fraction-free'` against `method: 'modular'` on random integer and
 * rational square matrices of growing size, in one run. The smallest size from which modular
 * wins at every larger size measured is the crossover; `MODULAR_CROSSOVER` in
 * src/linalg/dispatch.ts should agree with it.
 */
import { SeededRng } from '../src/core/rng.js';
import { QQ, Rational } from '../src/field/index.js';
import { det, Mat, MODULAR_CROSSOVER, nullspace, rank, solve, type ExactOp, type LinalgOptions } from '../src/linalg/index.js';
import { fmtRatio, fmtSeconds, measureSync, OURS } from './linalg.js';
import type { BenchOptions, Reporter } from './run.js';

const SIZES = [4, 6, 8, 10, 12, 16, 20, 24, 32, 40, 48];
const OPS: ExactOp[] = ['rank', 'nullspace', 'det', 'solve'];

function matrix(n: number, seed: number, rational: boolean, op: ExactOp): { a: Mat<Rational>; b: Rational[] } {
  const rng = new SeededRng(seed);
  const entry = (): Rational => (rational ? Rational.of(rng.nextInt(-20, 20), rng.nextInt(1, 20)) : Rational.of(rng.nextInt(-100, 100)));
  const rows = Array.from({ length: n }, () => Array.from({ length: n }, entry));
  // Rank n - 1 for nullspace, so there is a kernel to certify; full rank (in practice) for the rest.
  if (op === 'nullspace') rows[n - 1] = rows[0].map((x, j) => x.add(rows[1][j]));
  const a = Mat.fromRows(QQ, rows, n);
  return { a, b: Array.from({ length: n }, entry) };
}

function runOp(op: ExactOp, a: Mat<Rational>, b: Rational[], options: LinalgOptions): string {
  if (op === 'rank') return String(rank(a, options));
  if (op === 'nullspace') return String(nullspace(a, options).length);
  if (op === 'det') return det(a, options).toString();
  const s = solve(a, b, options);
  return s.ok ? s.x.join(' ') : 'inconsistent';
}

export async function run(reporter: Reporter, _options: BenchOptions): Promise<void> {
  for (const rational of [false, true]) {
    const rows: string[][] = [];
    const crossover: Record<string, number | undefined> = {};
    for (const op of OPS) {
      let since: number | undefined;
      for (const n of SIZES) {
        const { a, b } = matrix(n, 1000 * n + (rational ? 1 : 0), rational, op);
        reporter.progress(`crossover ${op} ${n}x${n} ${rational ? 'rational' : 'integer'}`);
        const ff = measureSync(() => runOp(op, a, b, { method: 'fraction-free' }), OURS);
        const mod = measureSync(() => runOp(op, a, b, { method: 'modular' }), OURS);
        if (ff.answer !== mod.answer) reporter.line(`!!!!!!!! MISMATCH !!!!!!!! ${op} ${n}x${n}: fraction-free and modular disagree`);
        const ratio = ff.seconds / mod.seconds;
        if (ratio > 1) since ??= n;
        else since = undefined;
        rows.push([op, `${n}x${n}`, fmtSeconds(ff.seconds), fmtSeconds(mod.seconds), fmtRatio(ratio)]);
      }
      crossover[op] = since;
    }
    reporter.table({
      title: `Fraction-free against modular, ${rational ? 'rational entries p/q (|p| <= 20, q <= 20)' : 'integer entries in [-100, 100]'}`,
      columns: ['op', 'size', 'fraction-free', 'modular', 'fraction-free / modular'],
      rows,
      notes: [
        `modular wins from: ${OPS.map((op) => `${op} ${crossover[op] ?? 'never (in range)'}`).join(', ')}; dispatch uses min(m, n) >= ${OPS.map((op) => `${op} ${MODULAR_CROSSOVER[op]}`).join(', ')}.`,
      ],
    });
  }
}
