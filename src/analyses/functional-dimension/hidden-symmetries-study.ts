/**
 * The hidden-symmetries experiment of Grigsby, Lindsey and Rolnick (LITERATURE-A 3.6), reproduced
 * and corrected: for each architecture, the fraction of nets at initialisation whose functional
 * dimension reaches D - N_h, computed (a) on the float path over large random batches, as the
 * paper's estimate does, and (b) exactly, from the decisive batch. A random batch gives only a
 * lower bound (it can miss regions), so the float fraction can only be lower than the exact one;
 * the difference is the batch-coverage error LITERATURE-A 7 warns about, made visible trial by
 * trial. Nets are drawn by the caller's `sampleNet` (the CLI passes the PyTorch default
 * initialisation); each float net is analysed exactly at its parameters' binary values.
 */
import { BudgetExceededError } from '../../core/errors.js';
import { SeededRng } from '../../core/rng.js';
import { QQ } from '../../field/qq.js';
import { convertNet, hiddenNeuronCount, parameterCount, type ReluNet } from '../../network/relu-net.js';
import { floatBatchFunctionalDimension, randomBatch, type BatchLaw } from './float-path.js';
import { functionalDimension } from './functional-dimension.js';

export interface HiddenSymmetryStudyOptions {
  /** Layer widths [n_0, ..., 1] per architecture. */
  architectures: readonly (readonly number[])[];
  trials: number;
  seed: number;
  /** Draws a net of the given widths (for example `initNet` with the pytorch scheme). */
  sampleNet: (widths: readonly number[], rng: SeededRng) => ReluNet<number>;
  /** Random batch laws for the float path (default ['normal', 'wide']). */
  laws?: readonly BatchLaw[];
  /** Random batch size per architecture (default max(4 D, 500), LITERATURE-A 7). */
  batchSize?: (D: number) => number;
  /** Relative tolerance of the float rank (default 1e-9). */
  tol?: number;
  /** Skip the exact path (float only). */
  floatOnly?: boolean;
  /** Seconds the exact computation of one net may take; past it the trial counts as unknown (default none). */
  maxSecondsPerNet?: number;
  /** Called after each trial. */
  onTrial?: (trial: TrialRecord) => void;
}

export interface TrialRecord {
  readonly architecture: readonly number[];
  readonly trial: number;
  /** Float batch rank per law, and whether the singular-value cut was clear. */
  readonly float: Readonly<Record<string, { rank: number; clear: boolean }>>;
  /** The exact functional dimension, or null (budget ran out or float only). */
  readonly exact: number | null;
  readonly regions: number | null;
  readonly exactSeconds: number | null;
}

export interface LawSummary {
  /** Trials whose float batch rank reached D - N_h. */
  readonly atBound: number;
  /** Mean of (D - N_h) - rank. */
  readonly meanGap: number;
  /** Trials where the singular-value cut was not clear. */
  readonly unclear: number;
  /** Trials where the float batch rank fell below the exact functional dimension (regions missed). */
  readonly belowExact: number;
  /** Trials where it exceeded it (a float rank error: should never happen). */
  readonly aboveExact: number;
}

export interface StudyRow {
  readonly architecture: readonly number[];
  readonly parameterCount: number;
  readonly upperBound: number;
  readonly trials: number;
  readonly batchSize: number;
  readonly float: Readonly<Record<string, LawSummary>>;
  /** Null when float only. */
  readonly exact: { atBound: number; meanGap: number; unknown: number; meanRegions: number; meanSeconds: number } | null;
}

export interface HiddenSymmetryStudy {
  readonly rows: readonly StudyRow[];
  readonly trials: readonly TrialRecord[];
}

export function hiddenSymmetryStudy(options: HiddenSymmetryStudyOptions): HiddenSymmetryStudy {
  const laws = options.laws ?? ['normal', 'wide'];
  const rows: StudyRow[] = [];
  const all: TrialRecord[] = [];
  options.architectures.forEach((widths, a) => {
    const records: TrialRecord[] = [];
    let D = 0;
    let bound = 0;
    let size = 0;
    for (let t = 0; t < options.trials; t++) {
      // One stream per (architecture, trial): adding architectures or trials changes no other net.
      const rng = new SeededRng(mix(options.seed, a, t));
      const net = options.sampleNet(widths, rng);
      D = parameterCount(net);
      bound = D - hiddenNeuronCount(net);
      size = options.batchSize?.(D) ?? Math.max(4 * D, 500);
      const float: Record<string, { rank: number; clear: boolean }> = {};
      for (const law of laws) {
        const r = floatBatchFunctionalDimension(net, randomBatch(widths[0], size, law, rng), { tol: options.tol });
        float[law] = { rank: r.batchFunctionalDimension, clear: r.floatRank.clear };
      }
      const record: TrialRecord = { architecture: widths, trial: t, float, ...exactAnswer(net, options) };
      records.push(record);
      options.onTrial?.(record);
    }
    all.push(...records);
    rows.push(summarise(widths, D, bound, size, laws, records, options.floatOnly === true));
  });
  return { rows, trials: all };
}

function exactAnswer(net: ReluNet<number>, options: HiddenSymmetryStudyOptions): Pick<TrialRecord, 'exact' | 'regions' | 'exactSeconds'> {
  if (options.floatOnly === true) return { exact: null, regions: null, exactSeconds: null };
  const started = performance.now();
  try {
    const r = functionalDimension(convertNet(net, QQ), { maxSeconds: options.maxSecondsPerNet });
    return { exact: r.functionalDimension, regions: r.regionsVisited, exactSeconds: (performance.now() - started) / 1000 };
  } catch (e) {
    if (e instanceof BudgetExceededError) return { exact: null, regions: null, exactSeconds: null };
    throw e;
  }
}

function summarise(widths: readonly number[], D: number, bound: number, size: number, laws: readonly BatchLaw[], records: readonly TrialRecord[], floatOnly: boolean): StudyRow {
  const mean = (xs: readonly number[]): number => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length);
  const float: Record<string, LawSummary> = {};
  for (const law of laws) {
    const ranks = records.map((r) => r.float[law]);
    float[law] = {
      atBound: ranks.filter((r) => r.rank >= bound).length,
      meanGap: mean(ranks.map((r) => bound - r.rank)),
      unclear: ranks.filter((r) => !r.clear).length,
      belowExact: records.filter((r) => r.exact !== null && r.float[law].rank < r.exact).length,
      aboveExact: records.filter((r) => r.exact !== null && r.float[law].rank > r.exact).length,
    };
  }
  const known = records.filter((r) => r.exact !== null);
  const exact = floatOnly
    ? null
    : {
        atBound: known.filter((r) => r.exact! >= bound).length,
        meanGap: mean(known.map((r) => bound - r.exact!)),
        unknown: records.length - known.length,
        meanRegions: mean(known.map((r) => r.regions!)),
        meanSeconds: mean(known.map((r) => r.exactSeconds!)),
      };
  return { architecture: widths, parameterCount: D, upperBound: bound, trials: records.length, batchSize: size, float, exact };
}

/** A 32-bit seed from (seed, architecture, trial). */
function mix(seed: number, a: number, t: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const x of [a, t]) {
    h = Math.imul(h ^ (x + 0x7f4a7c15), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return h;
}
