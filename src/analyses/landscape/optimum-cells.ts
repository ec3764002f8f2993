/**
 * The global optimum of univariate data by a second, independent route: the cells of
 * `cell-fits.ts` instead of activation patterns and QPs. A global minimiser exists (the pattern
 * QPs attain their minima) and lies in some relatively open cell: its live neurons (mu != 0)
 * each in an open gap or on a sample, the others contributing nothing on the data (dropped),
 * neurons with w = 0 being constants (needed only without an output bias). On that cell sse is
 * a convex quadratic of the cell variables, minimised at an interior point of the cell, so its
 * gradient along the cell vanishes: the minimiser is a realisable least-squares solution of the
 * cell. Hence the optimum is the least realisable cell least-squares value over every multiset
 * of at most m live types: exact linear solves and LPs only, no QP.
 */
import { BudgetExceededError, UsageError } from '../../core/errors.js';
import type { Rational } from '../../field/rational.js';
import { Budget, type BudgetOptions } from '../../arrangement/budget.js';
import type { ReluNet } from '../../network/relu-net.js';
import { assembleNet, fitCell, liveTypes, realisationNeurons, univariateData, type CellFit } from './cell-fits.js';
import type { LabelledInput } from './data.js';
import { countMultisets, multisets } from './multisets.js';

export interface OptimumByCellsResult {
  readonly sse: Rational;
  readonly net: ReluNet<Rational>;
  readonly counts: { readonly cells: number; readonly lps: number };
  readonly seconds: number;
}

export function optimumByCells(data: LabelledInput, width: number, options: BudgetOptions & { outputBias?: boolean } = {}): OptimumByCellsResult {
  const fn = 'optimumByCells';
  const started = performance.now();
  if (!Number.isSafeInteger(width) || width < 1) throw new UsageError(`${fn}: width must be an integer >= 1, got ${width}`);
  const outputBias = options.outputBias ?? true;
  const u = univariateData(data, fn);
  const types = liveTypes(u.xs.length, { onSamples: true, constant: !outputBias });
  let total = 0n;
  for (let k = 0; k <= width; k++) total += countMultisets(types.length, k);
  if (options.maxCount !== undefined && total > BigInt(options.maxCount)) throw new BudgetExceededError(`${fn}: ${total} cells exceed the budget of ${options.maxCount} (count budget)`, { count: 0 });
  const budget = new Budget(options, fn, 'cells');
  let best: { fit: CellFit; r: number } | null = null;
  let cells = 0;
  let lps = 0;
  for (let k = 0; k <= width; k++) {
    for (const idx of multisets(types.length, k)) {
      const chosen = idx.map((i) => types[i]);
      if (chosen.filter((t) => t.place.kind === 'constant').length > 1) continue; // constants add up: one is enough
      budget.found();
      cells++;
      const fit = fitCell(u, chosen, { outputBias, ...(best !== null ? { realiseBelow: best.fit.sse } : {}) });
      lps += fit.lps;
      if (fit.realisations.length > 0 && (best === null || fit.sse.cmp(best.fit.sse) < 0)) best = { fit, r: 0 };
    }
  }
  if (best === null) throw new Error(`${fn}: not even the empty cell was realisable; this is a bug`);
  const real = best.fit.realisations[best.r];
  const xMax = u.xs[u.xs.length - 1];
  return { sse: best.fit.sse, net: assembleNet(realisationNeurons(real), real.c, width, xMax), counts: { cells, lps }, seconds: (performance.now() - started) / 1000 };
}
