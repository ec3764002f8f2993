/**
 * Every critical point of sse for univariate shallow nets of width m, exactly, as families up
 * to each neuron's scaling and to permutations (in spline coordinates mu, beta, c where w != 0).
 *
 * Enumeration (LITERATURE-A 2.4; MATH.md "Loss landscape"): choose the live neurons (mu != 0,
 * k <= m of them, each in a gap or on a sample, with an orientation); their cell's least squares
 * fixes the fitted values f = P_V y exactly; each realisable sign pattern of mu is a family of
 * dimension = the design's nullity. The other m - k neurons contribute nothing on the data:
 * zero delta-slopes (pinned or free breakpoints), dead neurons, and off the chart neurons with
 * w = 0 (off, constant, zero), admitted by the residual (`critical-neurons.ts`). Without an
 * output bias a live constant neuron (w = 0, b > 0, v != 0) plays the part of c. That is the
 * whole critical set away from data-point breakpoints:
 * at a smooth critical point r is orthogonal to 1_A and x 1_A of every live neuron (and to 1),
 * which is the cell's least squares.
 *
 * Classification: exact Hessian inertia at a representative. The derived theorem says a
 * smooth critical point is a (weak) local minimum, the least squares of its cell with R = 0 and
 * H = 2 J^T J >= 0, unless some zero delta-slope has sum_A r != 0, which makes a negative
 * eigenvalue (a strict saddle); `kind` is read off the inertia, and the theorem is checked on
 * every point (so 'degenerate', a semidefinite Hessian with no proof either way, never occurs:
 * the cell argument decides every semidefinite case). Points with a breakpoint on a sample are not
 * smooth: they are kept apart (`clarkePoints`) when 0 lies in their Clarke subdifferential,
 * which in spline coordinates is a box: every partial but the beta of a neuron on a sample
 * vanishes, and for those 0 lies between the one-sided partials. Such a point is a local minimum
 * iff each of those has right partial >= 0 >= left partial and no zero slope breaks it.
 */
import { BudgetExceededError, UsageError } from '../../core/errors.js';
import { Rational } from '../../field/rational.js';
import { Budget, type BudgetOptions } from '../../arrangement/budget.js';
import type { Inertia } from '../../linalg/inertia.js';
import { Mat } from '../../linalg/mat.js';
import { inertia } from '../../linalg/operations.js';
import type { ReluNet } from '../../network/relu-net.js';
import { assembleNet, fitCell, liveTypes, realisationNeurons, univariateData, type Neuron, type UnivariateData } from './cell-fits.js';
import { completions, isTied, type Completion, type Role } from './critical-neurons.js';
import type { LabelledInput } from './data.js';
import { sseDerivatives } from './derivatives.js';
import { countMultisets, multisets } from './multisets.js';
import { splineChart, splineSseDerivatives } from './spline-derivatives.js';

export type CriticalKind = 'minimum' | 'saddle' | 'maximum' | 'degenerate';

export interface CriticalFamily {
  readonly sse: Rational;
  readonly kind: CriticalKind;
  /** Inertia of the Hessian of sse in the relu-net/1 parameters of `net` (null at a Clarke point). */
  readonly inertia: Inertia | null;
  /** That Hessian (without the row and column of c when there is no output bias; null at a Clarke point). */
  readonly hessian: Mat<Rational> | null;
  /** The same in spline coordinates (mu, beta, c) when every w != 0: the network inertia minus the m scaling directions. */
  readonly splineInertia: Inertia | null;
  /** A representative (|w| = 1). */
  readonly net: ReluNet<Rational>;
  /** Dimension of the family modulo each neuron's scaling (in spline coordinates when every w != 0): 0 is a point. */
  readonly dimension: number;
  readonly neurons: readonly Role[];
  /** A (weak) local minimum, proved by the cell argument (smooth) or the one-sided conditions (Clarke). */
  readonly localMinimum: boolean;
  /** sse equals the least value over every critical point (meaningful when the enumeration is complete). */
  globalMinimum: boolean;
  /** Clarke points: the one-sided partials of sse in the breakpoints on samples. */
  readonly oneSided?: readonly { neuron: number; sample: number; left: Rational; right: Rational }[];
}

export interface CriticalPointsOptions extends BudgetOptions {
  /** Include the output bias c (default true). */
  outputBias?: boolean;
  /** Also enumerate breakpoints on samples (the Clarke points; default true). */
  clarke?: boolean;
}

export interface CriticalPointsResult {
  readonly width: number;
  /** Smooth critical points and families. */
  readonly criticalPoints: CriticalFamily[];
  /** Clarke-critical points with some breakpoint on a sample (never smooth critical points). */
  readonly clarkePoints: CriticalFamily[];
  /** Whether every cell was examined (budgets can stop the enumeration early). */
  readonly complete: boolean;
  /** The least sse among them: the global optimum when complete, with Clarke points and the output bias. */
  readonly lowestSse: Rational | null;
  readonly counts: { readonly cells: number; readonly cellsTotal: number; readonly lps: number };
  readonly seconds: number;
}

/** Critical points of sum_i (f(x_i) - y_i)^2 over univariate shallow nets of width `width`. */
export function criticalPoints(data: LabelledInput, width: number, options: CriticalPointsOptions = {}): CriticalPointsResult {
  const fn = 'criticalPoints';
  const started = performance.now();
  if (!Number.isSafeInteger(width) || width < 1) throw new UsageError(`${fn}: width must be an integer >= 1, got ${width}`);
  const u = univariateData(data, fn);
  const outputBias = options.outputBias ?? true;
  const onSamples = options.clarke ?? true;
  const types = liveTypes(u.xs.length, { onSamples, constant: !outputBias });
  const cellsTotal = countCriticalCells(u.xs.length, width, { outputBias, clarke: onSamples });
  const budget = new Budget({ ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) }, fn, 'cells');
  const smooth: CriticalFamily[] = [];
  const clarke: CriticalFamily[] = [];
  let cells = 0;
  let lps = 0;
  let complete = true;
  outer: for (let k = 0; k <= width; k++) {
    for (const idx of multisets(types.length, k)) {
      if (options.maxCount !== undefined && cells >= options.maxCount) {
        complete = false;
        break outer;
      }
      try {
        budget.check();
      } catch (e) {
        if (!(e instanceof BudgetExceededError)) throw e;
        complete = false;
        break outer;
      }
      cells++;
      const live = idx.map((i) => types[i]);
      if (live.filter((t) => t.place.kind === 'constant').length > 1) continue; // constants add up: one is enough
      const fit = fitCell(u, live, { outputBias });
      lps += fit.lps;
      if (fit.realisations.length === 0) continue;
      const options2 = completions(u, fit.residuals, { onSamples });
      const rx = fit.residuals.reduce((acc, v, i) => acc.add(v.mul(u.xs[u.index[i]])), Rational.ZERO);
      for (const real of fit.realisations) {
        // A live constant (w = 0, b > 0, v != 0; only without an output bias) moves like
        // v (w x + b) nearby: critical only if r is orthogonal to x as well, and v = 0 is a completion.
        if (real.constants.some((a) => a.isZero()) || (real.constants.length > 0 && !rx.isZero())) continue;
        const liveRoles: Role[] = live.map((t, i) => (t.place.kind === 'constant' ? { role: 'constant', v: 'live' } : { role: 'live', place: t.place, orientation: t.orientation, muSign: real.muSigns[i] }));
        const liveNeurons = realisationNeurons(real);
        for (const pick of multisets(options2.length, width - k)) {
          try {
            budget.check(); // one cell can hold many families: C(options + m - k - 1, m - k)
          } catch (e) {
            if (!(e instanceof BudgetExceededError)) throw e;
            complete = false;
            break outer;
          }
          const extra = pick.map((i) => options2[i]);
          const family = classify(u, width, outputBias, fit.sse, fit.nullity, liveRoles, liveNeurons, extra, real.c);
          if (family === null) continue;
          (family.oneSided !== undefined ? clarke : smooth).push(family);
        }
      }
    }
  }
  const all = [...smooth, ...clarke];
  const lowestSse = all.reduce<Rational | null>((m, f) => (m === null || f.sse.cmp(m) < 0 ? f.sse : m), null);
  for (const f of all) f.globalMinimum = lowestSse !== null && f.sse.eq(lowestSse);
  const order = (a: CriticalFamily, b: CriticalFamily): number => a.sse.cmp(b.sse) || a.dimension - b.dimension;
  return { width, criticalPoints: smooth.sort(order), clarkePoints: clarke.sort(order), complete, lowestSse, counts: { cells, cellsTotal, lps }, seconds: (performance.now() - started) / 1000 };
}

/** How many cells `criticalPoints` examines on n distinct samples: multisets of at most m live types. */
export function countCriticalCells(n: number, width: number, options: { outputBias?: boolean; clarke?: boolean } = {}): number {
  const k = liveTypes(n, { onSamples: options.clarke ?? true, constant: !(options.outputBias ?? true) }).length;
  let total = 0n;
  for (let j = 0; j <= width; j++) total += countMultisets(k, j);
  return Number(total);
}

function classify(
  u: UnivariateData,
  width: number,
  outputBias: boolean,
  sse: Rational,
  nullity: number,
  liveRoles: Role[],
  liveNeurons: Neuron[],
  extra: Completion[],
  c: Rational,
): CriticalFamily | null {
  const neurons = [...liveNeurons, ...extra.map((e) => e.neuron)];
  const net = assembleNet(neurons, c, width, u.xs[u.xs.length - 1]);
  const roles = [...liveRoles, ...extra.map((e) => e.role)];
  const dimension = nullity + extra.reduce((a, e) => a + e.dimension, 0);
  const data = { X: u.index.map((j) => [u.xs[j]]), y: u.y };
  const breaks = extra.some((e) => e.breaksMinimum);
  if (!roles.some(isTied)) {
    const dn = sseDerivatives(net, data);
    if (!dn.differentiable) throw new Error('criticalPoints: a representative off the samples has a tie; this is a bug');
    // Without an output bias c is not a parameter: drop its row and column (it is the last one).
    const P = outputBias ? dn.gradient.length : dn.gradient.length - 1;
    if (dn.gradient.slice(0, P).some((g) => !g.isZero())) throw new Error('criticalPoints: a representative has a nonzero gradient; this is a bug');
    const H = outputBias ? dn.hessian : Mat.fromRows(dn.hessian.domain, dn.hessian.rows.slice(0, P).map((r) => r.slice(0, P)), P);
    const netInertia = inertia(H);
    let splineInertia: Inertia | null = null;
    if (neurons.every((nr) => !nr.w.isZero())) {
      const ds = splineSseDerivatives(splineChart(net), data, { outputBias });
      if (!ds.differentiable) throw new Error('criticalPoints: spline tie off the samples; this is a bug');
      splineInertia = inertia(ds.hessian);
    }
    // The derived theorem (LITERATURE-A 2.4b, and its w = 0 analogue): a negative eigenvalue
    // exactly when a zero slope has sum_A r != 0 (or a constant neuron sum r x != 0).
    if ((netInertia.neg > 0) !== breaks) throw new Error(`criticalPoints: inertia ${JSON.stringify(netInertia)} contradicts the cell theorem; this is a bug`);
    const kind: CriticalKind = netInertia.neg === 0 ? 'minimum' : netInertia.pos === 0 ? 'maximum' : 'saddle';
    return { sse, kind, inertia: netInertia, hessian: H, splineInertia, net, dimension, neurons: roles, localMinimum: kind === 'minimum', globalMinimum: false };
  }
  // Clarke: in spline coordinates of the chart neurons (the w = 0 ones add nothing: v = 0, or a
  // live constant folded into c), every partial but the beta of a neuron on a sample vanishes
  // (two-sided), and for those 0 lies between the one-sided partials.
  const chart = neurons.flatMap((nr, i) => (nr.w.isZero() ? [] : [i]));
  const constant = neurons.reduce((acc, nr) => (nr.w.isZero() && nr.b.sign() > 0 ? acc.add(nr.v.mul(nr.b)) : acc), Rational.ZERO);
  let oneSided: { neuron: number; sample: number; left: Rational; right: Rational }[] = [];
  if (chart.length > 0) {
    const sub = splineChart(assembleNet(chart.map((i) => neurons[i]), c.add(constant), chart.length, u.xs[u.xs.length - 1]));
    const ds = splineSseDerivatives(sub, data, { outputBias: true });
    const right = ds.differentiable ? ds.gradient : ds.right;
    const left = ds.differentiable ? ds.gradient : ds.left;
    const atBeta = new Set(chart.flatMap((i, t) => (isTied(roles[i]) ? [2 * t + 1] : [])));
    const cIndex = 2 * chart.length;
    const cFree = outputBias || roles.some((r) => r.role === 'constant' && r.v === 'live');
    for (let a = 0; a < right.length; a++) {
      if (atBeta.has(a) || (a === cIndex && !cFree)) continue;
      if (!right[a].isZero() || !left[a].isZero()) return null;
    }
    oneSided = chart.flatMap((i, t) => {
      const r = roles[i];
      return 'place' in r && r.place.kind === 'at' ? [{ neuron: i, sample: r.place.sample, left: left[2 * t + 1], right: right[2 * t + 1] }] : [];
    });
    if (oneSided.some((o) => o.left.sign() * o.right.sign() > 0)) return null;
  }
  const localMinimum = oneSided.every((o) => o.right.sign() >= 0 && o.left.sign() <= 0) && !breaks;
  return { sse, kind: localMinimum ? 'minimum' : 'saddle', inertia: null, hessian: null, splineInertia: null, net, dimension, neurons: roles, localMinimum, globalMinimum: false, oneSided };
}
