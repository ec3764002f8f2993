/**
 * Training dynamics of a net on a data set, on the float path: gradient descent on sse
 * (theta <- theta - lr grad sse, FORMATS.md) or gradient flow d theta/dt = -grad sse over the
 * same time span t = steps lr (descent step k sits at t = k lr), with records in the quotient
 * coordinates and metrics (trajectory.ts) at t = 0, every `recordEvery` steps and at the end.
 * Float throughout: results say `exact: false`.
 */
import { UsageError } from '../core/errors.js';
import type { Dataset } from '../network/json-io.js';
import type { ReluNet } from '../network/relu-net.js';
import { RELU, type Activation } from '../float/activation.js';
import { createObjective, type KernelName, type Objective } from '../float/objective.js';
import { createParallelObjective } from '../float/parallel.js';
import { gradientDescent, type RunPoint } from './descent.js';
import { floatProblem, type FloatProblem } from './float-net.js';
import { gradientFlow } from './flow.js';
import { Recorder, type MetricOptions, type TrajectoryRecord } from './trajectory.js';

export interface SimulateOptions {
  steps: number;
  lr: number;
  /** 'descent' (default) or 'flow' (Dormand-Prince over t in [0, steps lr]). */
  method?: 'descent' | 'flow';
  /** Record every K steps (flow: every K lr of time); default: the start and the end only. */
  recordEvery?: number;
  /** Further times to record at (descent: the nearest step, t / lr rounded). */
  recordTimes?: readonly number[];
  kernel?: KernelName;
  /** The hidden units' activation (default ReLU; others run the generic kernels, never the sorted one). */
  activation?: Activation;
  /** Threads evaluating the gradient (default 1; worker threads over data shards beyond that). */
  threads?: number;
  /** 1 for parameters that move, 0 for frozen ones. */
  mask?: Float64Array;
  /** Flow tolerances and budget (flow.ts defaults). */
  rtol?: number;
  atol?: number;
  maxEvaluations?: number;
  metrics?: MetricOptions;
  /** Each record, with the parameters it was made from (the runner's array: copy what you keep). */
  onRecord?(record: TrajectoryRecord, theta: Float64Array): void;
  onProgress?(fraction: number): void;
}

export interface SimulationResult {
  readonly exact: false;
  readonly method: 'descent' | 'flow';
  readonly kernel: KernelName;
  /** The activation's label (`relu`, `tanh`, `leaky-relu:0.01`, ...). */
  readonly activation: string;
  readonly threads: number;
  readonly widths: number[];
  readonly theta: Float64Array;
  /** sse at the final theta. */
  readonly sse: number;
  /** Descent steps taken (flow: steps of the time span reached, t / lr). */
  readonly steps: number;
  readonly time: number;
  readonly records: number;
  readonly diverged: boolean;
  /** False when the flow ran out of its evaluation budget. */
  readonly complete: boolean;
  readonly evaluations: number;
  /** The final balance drift (flow: the integrator's error indicator; NaN without homogeneity) and scale. */
  readonly balanceDrift: number;
  readonly balanceScale: number;
  readonly flow?: { readonly accepted: number; readonly rejected: number; readonly forced: number };
}

/** Simulates a net (any domain, rounded to float64) on a labelled data set. */
export function simulateNet<T>(net: ReluNet<T>, data: Dataset<T>, options: SimulateOptions): Promise<SimulationResult> {
  return simulate(floatProblem(net, data, 'simulate'), options);
}

export async function simulate(problem: FloatProblem, options: SimulateOptions): Promise<SimulationResult> {
  const { steps, lr } = options;
  const method = options.method ?? 'descent';
  if (method !== 'descent' && method !== 'flow') throw new UsageError(`simulate: method must be 'descent' or 'flow', got ${JSON.stringify(method)}`);
  const threads = options.threads ?? 1;
  const activation = options.activation ?? RELU;
  const objective: Objective =
    threads === 1
      ? createObjective(problem.widths, problem.X, problem.Y, { kernel: options.kernel, activation })
      : await createParallelObjective(problem.widths, problem.X, problem.Y, { kernel: options.kernel, activation, threads });
  try {
    const recorder = new Recorder(problem.widths, problem.theta, problem.X, options.metrics, activation);
    let records = 0;
    const onRecord = (p: RunPoint): void => {
      records++;
      options.onRecord?.(recorder.record(p.t, p.step, p.theta, p.sse), p.theta);
    };
    const base = { widths: problem.widths, exact: false as const, method, kernel: objective.kernel, activation: activation.label, threads: objective.threads };
    if (method === 'descent') {
      const recordSteps = (options.recordTimes ?? []).map((t) => Math.round(t / lr));
      const r = gradientDescent(objective, problem.theta, { steps, lr, recordEvery: options.recordEvery, recordSteps, mask: options.mask, onRecord, onProgress: options.onProgress });
      const { drift, scale } = recorder.balanceDrift(r.theta);
      return { ...base, theta: r.theta, sse: r.sse, steps: r.steps, time: r.steps * lr, records, diverged: r.diverged, complete: true, evaluations: r.evaluations, balanceDrift: drift, balanceScale: scale };
    }
    if (!Number.isSafeInteger(steps) || steps < 0) throw new UsageError(`simulate: steps must be an integer >= 0, got ${steps}`);
    if (!(Number.isFinite(lr) && lr > 0)) throw new UsageError(`simulate: lr must be a finite number > 0, got ${lr}`);
    const every = options.recordEvery;
    const everyTimes = every === undefined ? [] : Array.from({ length: Math.floor(steps / every) }, (_, i) => (i + 1) * every * lr);
    const recordTimes = [...new Set([...everyTimes, ...(options.recordTimes ?? [])])].sort((a, b) => a - b);
    const r = gradientFlow(objective, problem.theta, {
      time: steps * lr,
      recordTimes,
      rtol: options.rtol,
      atol: options.atol,
      maxEvaluations: options.maxEvaluations,
      mask: options.mask,
      stepOf: (t) => Math.round(t / lr),
      onRecord,
      onProgress: options.onProgress,
    });
    const { drift, scale } = recorder.balanceDrift(r.theta);
    return {
      ...base,
      theta: r.theta,
      sse: r.sse,
      steps: Math.round(r.time / lr),
      time: r.time,
      records,
      diverged: r.diverged,
      complete: r.complete,
      evaluations: r.evaluations,
      balanceDrift: drift,
      balanceScale: scale,
      flow: { accepted: r.accepted, rejected: r.rejected, forced: r.forced },
    };
  } finally {
    await objective.close();
  }
}
