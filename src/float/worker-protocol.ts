/** What the main thread and the kernel worker threads share (parallel.ts, worker.ts). */
import type { ActivationSpec } from './activation.js';
import type { KernelName } from './objective.js';

/** Slots of the shared Int32 control array. */
export const CONTROL = {
  /** Bumped by the main thread for every evaluation (and to stop). */
  generation: 0,
  /** Workers finished with the current generation. */
  done: 1,
  /** 1: compute the gradient too; 0: the sse only. */
  wantGradient: 2,
  /** 1: exit at the next wake-up. */
  stop: 3,
  /** Set by a worker whose kernel threw. */
  failed: 4,
  length: 5,
} as const;

export interface WorkerSetup {
  kernel: KernelName;
  activation: ActivationSpec;
  widths: number[];
  /** The whole data set (prepared for the kernel), in shared memory. */
  X: Float64Array;
  Y: Float64Array;
  /** This worker's rows. */
  i0: number;
  i1: number;
  control: Int32Array;
  /** The parameters of the current evaluation. */
  theta: Float64Array;
  /** Per worker, size gradient entries and then its sse. */
  results: Float64Array;
  slot: number;
  size: number;
}
