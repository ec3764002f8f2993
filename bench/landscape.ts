/**
 * Loss-landscape benchmarks (issue 6), as ratios against baselines measured in the same run:
 *   npm run bench -- --only landscape [--budget S]
 *
 * 1. The certified global optimum: sizes reached, work (pattern multisets, QPs) and time; the
 *    least-squares-bound pruning against solving every vertex QP; the cell method (univariate)
 *    against the pattern method.
 * 2. Critical-point enumeration: cells, families and time by (n, m).
 * 3. Certified spectra of Hessians against the float Jacobi eigenvalues (time ratio, and error);
 *    the square-free step over Z[x] against the former one over Q.
 * 4. Seeded float gradient descent (the library's descentRuns) against the certified optimum:
 *    how often 20 runs reach it, and the gap otherwise, on random and on planted labels: the
 *    spurious-minimum story made measurable.
 */
import { certifiedSpectrum, charpolyBerkowitz, criticalPoints, jacobiEigenvalues, optimum, optimumByCells, squareFree, squareFreeInteger, sseDerivatives } from '../src/analyses/landscape/index.js';
import { lcmBig } from '../src/field/bigint.js';
import { BudgetExceededError } from '../src/core/errors.js';
import { SeededRng } from '../src/core/rng.js';
import { QQ } from '../src/field/qq.js';
import { Rational } from '../src/field/rational.js';
import { createReluNet } from '../src/network/relu-net.js';
import { compareWithOptimum, descentRuns, sseScale, type GapSummary } from '../src/dynamics/descent-runs.js';
import type { BenchOptions, Reporter } from './run.js';

type Data = { X: Rational[][]; y: Rational[] };

function instance(n: number, d: number, seed: number): Data {
  const rng = new SeededRng(seed);
  const X = Array.from({ length: n }, (_, i) => (d === 1 ? [Rational.of(i)] : Array.from({ length: d }, () => Rational.of(rng.nextInt(-5, 5)))));
  const y = X.map(() => Rational.of(rng.nextInt(-3, 3)));
  return { X, y };
}

/** Labels of a planted width-m net (integer weights, kinks between the points), so the optimum is 0. */
function plantedInstance(n: number, d: number, m: number, seed: number): Data {
  const rng = new SeededRng(seed);
  const X = Array.from({ length: n }, (_, i) => (d === 1 ? [Rational.of(i)] : Array.from({ length: d }, () => Rational.of(rng.nextInt(-5, 5)))));
  const units = Array.from({ length: m }, () => ({
    w: Array.from({ length: d }, () => Rational.of(2 * (rng.nextInt(0, 1) * 2 - 1) * rng.nextInt(1, 2))),
    b: Rational.of(-2 * rng.nextInt(0, n - 2) - 1),
    v: Rational.of((rng.nextInt(0, 1) * 2 - 1) * rng.nextInt(1, 3)),
  }));
  const y = X.map((x) => units.reduce((acc, u) => {
    const z = u.w.reduce((s, w, k) => s.add(w.mul(x[k])), u.b);
    return z.sign() > 0 ? acc.add(u.v.mul(z)) : acc;
  }, Rational.ONE));
  return { X, y };
}

function timed<T>(f: () => T, budgetSeconds: number): { value: T | null; seconds: number } {
  const t0 = performance.now();
  try {
    return { value: f(), seconds: (performance.now() - t0) / 1000 };
  } catch (e) {
    if (e instanceof BudgetExceededError) return { value: null, seconds: budgetSeconds };
    throw e;
  }
}

export async function run(reporter: Reporter, options: BenchOptions): Promise<void> {
  const budget = options.budgetSeconds;
  // 1. Global optimum.
  const rows: string[][] = [];
  const cases: [number, number, number][] = [
    [1, 6, 1], [1, 6, 2], [1, 6, 3], [1, 10, 2], [1, 10, 3], [1, 16, 2], [1, 16, 3], [1, 24, 2],
    [2, 5, 1], [2, 5, 2], [2, 8, 1], [2, 8, 2], [2, 10, 2], [3, 6, 2],
  ];
  for (const [d, n, m] of cases) {
    reporter.progress(`optimum d=${d} n=${n} m=${m}`);
    const data = instance(n, d, 100 * n + 10 * d + m);
    const pruned = timed(() => optimum(data, m, { maxSeconds: budget }), budget);
    const full = n <= 10 ? timed(() => optimum(data, m, { prune: false, maxSeconds: budget }), budget) : null;
    const cells = d === 1 && n <= 10 ? timed(() => optimumByCells(data, m, { maxSeconds: budget }), budget) : null;
    const r = pruned.value;
    if (r !== null && full?.value && !full.value.sse.eq(r.sse)) reporter.line(`MISMATCH optimum with and without pruning at d=${d} n=${n} m=${m}`);
    if (r !== null && cells?.value && !cells.value.sse.eq(r.sse)) reporter.line(`MISMATCH optimum by patterns and by cells at n=${n} m=${m}`);
    const ratio = (b: { value: unknown; seconds: number } | null): string => (b === null ? '-' : b.value === null ? `> ${(budget / pruned.seconds).toFixed(1)}x` : `${(b.seconds / pruned.seconds).toFixed(1)}x`);
    rows.push([
      `${d}-D, n = ${n}, m = ${m}`,
      r === null ? `> ${budget} s` : r.sse.toString(),
      r === null ? '-' : `${r.counts.patterns}`,
      r === null ? '-' : `${r.counts.patternMultisets}`,
      r === null ? '-' : `${r.counts.qps}`,
      pruned.seconds.toFixed(2),
      ratio(full),
      ratio(cells),
    ]);
  }
  reporter.table({
    title: 'Certified global optimum (pattern tuples, exact QPs)',
    columns: ['instance', 'min sse', 'patterns', 'multisets', 'QPs', 'seconds', 'no pruning / pruned', 'cells / patterns'],
    rows,
    notes: ['Random labels in [-3, 3]; 1-D points 0..n-1, d-D points in [-5, 5]^d; hidden and output biases on.', `Baselines stop at the ${budget} s budget ("> r x").`],
  });

  // 2. Critical points.
  const crit: string[][] = [];
  for (const [n, m] of [[4, 1], [6, 1], [6, 2], [8, 2], [5, 3], [6, 3]] as const) {
    reporter.progress(`critical n=${n} m=${m}`);
    const data = instance(n, 1, 7 * n + m);
    const t = timed(() => criticalPoints(data, m, { maxSeconds: budget }), budget);
    const r = t.value!;
    const minima = r.criticalPoints.filter((f) => f.kind === 'minimum').length;
    crit.push([`n = ${n}, m = ${m}`, `${r.counts.cells} / ${r.counts.cellsTotal}`, String(r.criticalPoints.length), `${minima} / ${r.criticalPoints.length - minima}`, String(r.clarkePoints.length), String(r.lowestSse), t.seconds.toFixed(2)]);
  }
  reporter.table({ title: 'Critical-point enumeration (univariate)', columns: ['instance', 'cells done / total', 'smooth families', 'minima / saddles', 'Clarke points', 'lowest sse', 'seconds'], rows: crit });

  // 3. Spectra.
  const spec: string[][] = [];
  for (const m of [3, 4, 6, 8]) {
    const rng = new SeededRng(m);
    const rat = (): Rational => Rational.of(rng.nextInt(-9, 9), rng.nextInt(1, 4));
    const net = createReluNet(QQ, [
      { W: Array.from({ length: m }, () => [rat(), rat()]), b: Array.from({ length: m }, rat) },
      { W: [Array.from({ length: m }, rat)], b: [rat()] },
    ]);
    const data = { X: Array.from({ length: 8 }, () => [rat(), rat()]), y: Array.from({ length: 8 }, rat) };
    const dn = sseDerivatives(net, data);
    if (!dn.differentiable) continue;
    const H = dn.hessian;
    const exact = timed(() => certifiedSpectrum(H, { digits: 30 }), budget);
    // The square-free step by Yun over Q (the former method) against Yun over Z[x] (used now).
    const scale = H.rows.reduce((acc, row) => row.reduce((a, x) => lcmBig(a, x.den), acc), 1n);
    const p = charpolyBerkowitz(H.rows.map((row) => row.map((x) => x.num * (scale / x.den))));
    const overZ = timed(() => squareFreeInteger(p), budget);
    const overQ = H.nrows <= 25 ? timed(() => squareFree(p.map((c) => Rational.fromBigint(c))), budget) : null;
    const floatRows = H.rows.map((r) => r.map((x) => x.toNumber()));
    const t0 = performance.now();
    for (let k = 0; k < 100; k++) jacobiEigenvalues(floatRows);
    const floatSeconds = (performance.now() - t0) / 100000;
    spec.push([
      `${H.nrows} x ${H.nrows}`,
      exact.seconds.toFixed(3),
      (floatSeconds * 1000).toFixed(3) + ' ms',
      `${(exact.seconds / floatSeconds).toFixed(0)}x`,
      exact.value!.floatError.toExponential(1),
      overZ.seconds.toFixed(3),
      overQ === null ? '-' : `${(overQ.seconds / overZ.seconds).toFixed(0)}x`,
    ]);
  }
  reporter.table({
    title: 'Certified Hessian spectra (30 digits) vs float Jacobi',
    columns: ['Hessian', 'certified s', 'float', 'certified / float', 'float error', 'square-free over Z s', 'over Q / over Z'],
    rows: spec,
    notes: ['Hessians of sse at random rational nets (2 inputs, m hidden) on 8 random points.', 'Square-free step of the characteristic polynomial: Yun over Q (rational Euclid, the former method; up to 25 x 25) against Yun over Z[x] with primitive PRS gcds.'],
  });

  // 4. Gradient descent against the certified optimum.
  const R = 20;
  const gd: string[][] = [];
  const gdCases: [string, number, number, number][] = [
    ['random', 1, 6, 1], ['random', 1, 6, 2], ['random', 1, 8, 2], ['random', 1, 8, 3], ['random', 2, 6, 1], ['random', 2, 6, 2],
    ['planted', 1, 8, 2], ['planted', 1, 8, 3], ['planted', 1, 12, 3], ['planted', 2, 6, 2], ['planted', 2, 8, 2],
  ];
  for (const [kind, d, n, m] of gdCases) {
    reporter.progress(`gd vs optimum ${kind} d=${d} n=${n} m=${m}`);
    const data = kind === 'random' ? instance(n, d, 31 * n + m + d) : plantedInstance(n, d, m, 17 * n + m + d);
    const r = timed(() => optimum(data, m, { maxSeconds: budget }), budget);
    if (r.value === null) {
      gd.push([`${kind} ${d}-D, n = ${n}, m = ${m}`, `> ${budget} s`, '-', '-', '-', '-', '-']);
      continue;
    }
    const X = Float64Array.from(data.X.flatMap((row) => row.map((x) => x.toNumber())));
    const Y = Float64Array.from(data.y, (y) => y.toNumber());
    const opt = r.value.sse.toNumber();
    const compare = (standardize: boolean): GapSummary & { seconds: number } => {
      const t0 = performance.now();
      const runs = descentRuns(X, Y, d, m, { runs: R, standardize }).runs;
      const c = compareWithOptimum(runs.map((run) => run.sse), opt, 1e-6, sseScale(Y));
      if (c.below > 0) reporter.line(`MISMATCH: ${c.below} float run(s) went below the certified optimum at ${kind} d=${d} n=${n} m=${m}`);
      return { ...c, seconds: (performance.now() - t0) / 1000 };
    };
    const std = compare(true);
    const raw = compare(false);
    const sig = (x: number | null): string => (x === null ? '-' : x.toPrecision(3));
    gd.push([`${kind} ${d}-D, n = ${n}, m = ${m}`, r.value.sse.toString(), `${std.reached} / ${R}`, sig(std.best), sig(std.medianGap), `${raw.reached} / ${R}`, std.seconds.toFixed(2)]);
  }
  reporter.table({
    title: `Float gradient descent (${R} seeded runs) against the certified optimum`,
    columns: ['instance', 'certified min sse', 'reached (standardized)', 'best final sse', 'median gap (others)', 'reached (raw data)', 'GD seconds'],
    rows: gd,
    notes: [
      'descentRuns: pytorch init, 20000 plain steps of 0.05 / (n max(1 + |x|^2)) on sse; "standardized" descends on centred, scaled inputs and labels (the same problem), "raw" on the data as given.',
      'Reached: |final sse - optimum| <= 1e-6 x sum (y - mean y)^2. Random: labels in [-3, 3]; planted: labels of a width-m net with integer weights, so the optimum is 0.',
      'A run below the certified value would be a bug in one of the two (MISMATCH line).',
    ],
  });
}
