/**
 * The kernel-regime spectral bias of each activation, predicted and trained (Sahs, Pyle, Anselmi
 * & Patel 2025, arXiv 2503.10587, as reconstructed in LITERATURE-A 5.3 and 2.8; those statements
 * are the toolkit's own derivations [D], the paper's formulas were not available).
 *
 * For 1-D data (x_n, y_n) and each activation, four functions on a grid over the data's hull:
 * - f_pred: the minimiser of the spectral seminorm (1/2 pi) int |f-hat|^2 / |sigma-hat|^2 among
 *   interpolants (LITERATURE-A 5.3: first layer w = +-1, breakpoints uniform on the line);
 * - f_law: the H -> infinity limit of lazy training under a first-layer law, the interpolant of
 *   the kernel E[sigma(w s + b) sigma(w t + b)] (quadrature);
 * - f_nu (homogeneous activations): LITERATURE-A 2.8's correction for a non-uniform law, the
 *   minimiser of int (f^(k+1) / k!)^2 / nu with nu = p_beta E[|w|^2k | beta], null space free;
 * - f_H: a net of width H, first layer drawn from the law, output weights trained from zero to
 *   their limit (the minimum-norm interpolating weights), for several seeds.
 * Distances are relative RMS over the grid, ||f - g|| / ||g||. Where the prediction and training
 * disagree the table says so: a finding about the derivation, not a failure of the code.
 */
import { SeededRng } from '../../core/rng.js';
import { UsageError } from '../../core/errors.js';
import { allActivations, type Activation } from '../../float/activation.js';
import { INIT_SCHEMES, type InitScheme } from '../init.js';
import { kernelInterpolant } from '../spectral/interpolant.js';
import { lawKernel, nuKernel, radonLaw, schemeLaw, type FirstLayerLaw } from '../spectral/law-kernel.js';
import { lazyFit } from '../spectral/lazy.js';
import { spectralKernel } from '../spectral/seminorm.js';

export interface SpectralBiasOptions {
  activations?: readonly Activation[];
  /** Data (default x = -3, -2.25, ..., 3 and y = sin x + 0.3 x). */
  x?: readonly number[];
  y?: readonly number[];
  /** Widths H of the trained nets (default 100, 1000, 10000). */
  widths?: readonly number[];
  /** Seeds averaged over (default 1, 2, 3). */
  seeds?: readonly number[];
  /** First-layer laws: 'radon' and initialisation schemes (default radon, pytorch, gaussian). */
  laws?: readonly string[];
  /** B of the radon law (default 4 max |x|). */
  betaRange?: number;
  /** Grid points over the data's hull (default 61). */
  gridPoints?: number;
}

export interface WidthCell {
  readonly width: number;
  /** Means over the seeds of ||f_H - f_pred|| / ||f_pred|| and ||f_H - f_law|| / ||f_law||. */
  readonly toPrediction: number;
  readonly toLimit: number;
  /** Largest condition number of the feature matrix over the seeds. */
  readonly condition: number;
}

export interface LawRow {
  readonly law: string;
  readonly cells: WidthCell[];
  /** ||f_law - f_pred|| / ||f_pred||: what infinite width would still leave. */
  readonly limitToPrediction: number;
  /** ||f_nu - f_pred|| / ||f_pred|| and ||f_law - f_nu|| / ||f_nu|| (homogeneous activations; null otherwise). */
  readonly nuToPrediction: number | null;
  readonly limitToNu: number | null;
  /** The limit's kernel system: pivot ratio, largest quadrature error estimate, all converged. */
  readonly limitPivotRatio: number;
  readonly quadratureError: number;
  readonly quadratureConverged: boolean;
  /** 'holds' when the limit is closer to the prediction than the widest trained nets are to the limit; else 'off'. */
  readonly verdict: 'holds' | 'off';
}

export interface ActivationTable {
  readonly activation: string;
  readonly weight: string;
  readonly kernel: string;
  readonly nullSpace: string;
  /** J_sigma[f_pred] = a^T Phi a and the residual of f_pred at the data. */
  readonly seminorm: number;
  readonly residual: number;
  readonly rows: LawRow[];
}

export interface SpectralBiasResult {
  readonly exact: false;
  readonly x: number[];
  readonly y: number[];
  readonly widths: number[];
  readonly seeds: number[];
  readonly gridPoints: number;
  readonly betaRange: number;
  readonly tables: ActivationTable[];
}

function lawOf(name: string, betaRange: number, width: number, activation: Activation): FirstLayerLaw {
  if (name === 'radon') return radonLaw(betaRange);
  if (!(INIT_SCHEMES as readonly string[]).includes(name)) throw new UsageError(`spectral-bias: a law is 'radon' or one of ${INIT_SCHEMES.join(', ')}, got ${JSON.stringify(name)}`);
  return schemeLaw(name as InitScheme, width, activation);
}

const distance = (f: readonly number[], g: readonly number[]): number => {
  let num = 0;
  let den = 0;
  for (let i = 0; i < g.length; i++) {
    num += (f[i] - g[i]) ** 2;
    den += g[i] * g[i];
  }
  return Math.sqrt(num / den);
};

export function spectralBiasExperiment(options: SpectralBiasOptions = {}): SpectralBiasResult {
  const x = [...(options.x ?? Array.from({ length: 9 }, (_, k) => -3 + 0.75 * k))];
  const y = [...(options.y ?? x.map((t) => Math.sin(t) + 0.3 * t))];
  if (x.length !== y.length || x.length < 2) throw new UsageError(`spectral-bias: need as many labels as points (at least 2), got ${x.length} and ${y.length}`);
  const widths = [...(options.widths ?? [100, 1000, 10_000])];
  const seeds = [...(options.seeds ?? [1, 2, 3])];
  const lawNames = [...(options.laws ?? ['radon', 'pytorch', 'gaussian'])];
  const betaRange = options.betaRange ?? 4 * Math.max(...x.map(Math.abs));
  const gridPoints = options.gridPoints ?? 61;
  const lo = Math.min(...x);
  const hi = Math.max(...x);
  const grid = Array.from({ length: gridPoints }, (_, k) => lo + ((hi - lo) * k) / (gridPoints - 1));
  const tables = (options.activations ?? allActivations()).map((activation): ActivationTable => {
    const sk = spectralKernel(activation);
    const pred = kernelInterpolant(x, y, (s, t) => sk.phi(s - t), sk.order);
    const fPred = grid.map(pred.evaluate);
    const rows = lawNames.map((name): LawRow => {
      // the law of the first layer does not depend on H for (1, H, 1): fan_in = 1
      const law = lawOf(name, betaRange, widths[0], activation);
      const K = lawKernel(activation, law);
      const limit = kernelInterpolant(x, y, K, 0);
      const fLaw = grid.map(limit.evaluate);
      const nk = nuKernel(activation, law);
      const fNu = nk === null ? null : grid.map(kernelInterpolant(x, y, nk, (activation.homogeneity ?? 0) + 1).evaluate);
      const cells = widths.map((width): WidthCell => {
        let toPrediction = 0;
        let toLimit = 0;
        let condition = 0;
        for (const seed of seeds) {
          const fit = lazyFit(activation, law, width, x, y, new SeededRng(seed));
          const fH = grid.map(fit.evaluate);
          toPrediction += distance(fH, fPred) / seeds.length;
          toLimit += distance(fH, fLaw) / seeds.length;
          condition = Math.max(condition, fit.condition);
        }
        return { width, toPrediction, toLimit, condition };
      });
      const limitToPrediction = distance(fLaw, fPred);
      const widest = cells[cells.length - 1];
      return {
        law: law.name,
        cells,
        limitToPrediction,
        nuToPrediction: fNu === null ? null : distance(fNu, fPred),
        limitToNu: fNu === null ? null : distance(fLaw, fNu),
        limitPivotRatio: limit.pivotRatio,
        quadratureError: K.stats.maxError,
        quadratureConverged: K.stats.converged,
        verdict: limitToPrediction <= widest.toLimit ? 'holds' : 'off',
      };
    });
    return { activation: activation.label, weight: sk.weightFormula, kernel: sk.formula, nullSpace: sk.nullSpace, seminorm: pred.seminorm, residual: pred.residual, rows };
  });
  return { exact: false, x, y, widths, seeds, gridPoints, betaRange, tables };
}
