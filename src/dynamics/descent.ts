/**
 * Plain gradient descent on sse (FORMATS.md `simulate`): every parameter at once,
 * theta <- theta - lr * grad sse(theta), in float64. Step k is the explicit Euler step of the
 * gradient flow at time t = k lr, which is how descent and flow trajectories line up.
 */
import { UsageError } from '../core/errors.js';
import type { Objective } from '../float/objective.js';

/** A point of a run handed to `onRecord`: theta is the runner's own array (copy what you keep). */
export interface RunPoint {
  readonly t: number;
  readonly step: number;
  readonly theta: Float64Array;
  readonly sse: number;
}

export interface RunHooks {
  /** Called at every recording point. */
  onRecord?(point: RunPoint): void;
  /** Called now and then with the fraction done (0..1). */
  onProgress?(fraction: number): void;
}

export interface DescentOptions extends RunHooks {
  steps: number;
  lr: number;
  /** Record steps 0, K, 2K, ... and the last; default: the first and the last only. */
  recordEvery?: number;
  /** Further steps to record (any order; those beyond `steps` are ignored). */
  recordSteps?: readonly number[];
  /** 1 for parameters that move, 0 for frozen ones (e.g. biases of a net without biases). */
  mask?: Float64Array;
}

export interface DescentResult {
  readonly theta: Float64Array;
  /** sse at the final theta (NaN or Infinity when the run diverged). */
  readonly sse: number;
  /** Steps taken. */
  readonly steps: number;
  /** The sse stopped being finite: the run stopped there. */
  readonly diverged: boolean;
  readonly evaluations: number;
}

export function checkMask(mask: Float64Array | undefined, size: number, fn: string): void {
  if (mask !== undefined && mask.length !== size) throw new UsageError(`${fn}: mask has length ${mask.length}, theta ${size}`);
}

export function gradientDescent(objective: Objective, theta0: Float64Array, options: DescentOptions): DescentResult {
  const { steps, lr, mask } = options;
  if (!Number.isSafeInteger(steps) || steps < 0) throw new UsageError(`gradientDescent: steps must be an integer >= 0, got ${steps}`);
  if (!(Number.isFinite(lr) && lr > 0)) throw new UsageError(`gradientDescent: lr must be a finite number > 0, got ${lr}`);
  const every = options.recordEvery;
  if (every !== undefined && !(Number.isSafeInteger(every) && every >= 1)) throw new UsageError(`gradientDescent: recordEvery must be an integer >= 1, got ${every}`);
  if (theta0.length !== objective.size) throw new UsageError(`gradientDescent: theta has length ${theta0.length}, the objective ${objective.size}`);
  checkMask(mask, objective.size, 'gradientDescent');
  const theta = Float64Array.from(theta0);
  const grad = new Float64Array(objective.size);
  const extra = new Set(options.recordSteps ?? []);
  const progressEvery = Math.max(1, Math.floor(steps / 200));
  let k = 0;
  let evaluations = 0;
  for (; k < steps; k++) {
    const sse = objective.evaluate(theta, grad);
    evaluations++;
    if (!Number.isFinite(sse)) {
      options.onRecord?.({ t: k * lr, step: k, theta, sse });
      return { theta, sse, steps: k, diverged: true, evaluations };
    }
    if (k === 0 || (every !== undefined && k % every === 0) || extra.has(k)) options.onRecord?.({ t: k * lr, step: k, theta, sse });
    if (mask === undefined) for (let p = 0; p < theta.length; p++) theta[p] -= lr * grad[p];
    else for (let p = 0; p < theta.length; p++) theta[p] -= lr * mask[p] * grad[p];
    if (k % progressEvery === 0) options.onProgress?.(k / steps);
  }
  const sse = objective.evaluate(theta, null);
  evaluations++;
  options.onRecord?.({ t: steps * lr, step: steps, theta, sse });
  options.onProgress?.(1);
  return { theta, sse, steps, diverged: !Number.isFinite(sse), evaluations };
}
