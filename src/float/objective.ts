/**
 * The sse of a net on a data set as one object: pick a kernel once (with its workspaces and,
 * for the sorted kernel, the data sorted once), then evaluate sse and gradient at any theta
 * without allocating. Serial here; `parallel.ts` shards the data over worker threads.
 */
import { DimensionError, UsageError } from '../core/errors.js';
import { RELU, isRelu, type Activation } from './activation.js';
import { createDenseWorkspace, denseSseGradient } from './dense.js';
import { denseSseGradientGeneric, genericDenseWorkspaceSize, genericShallowWorkspaceSize, shallowSseGradientGeneric } from './generic.js';
import { denseLayout } from './layout.js';
import { shallowSseGradient, shallowWorkspaceSize } from './shallow.js';
import { sortData, sortedSseGradient, sortedWorkspaceSize } from './sorted.js';

/**
 * - `sorted`: the prefix-sum kernel, univariate shallow scalar ReLU nets only, O(n + m log n) a
 *   step (it needs each neuron to be linear on one side of its breakpoint and zero on the other);
 * - `shallow`: the fused dense kernel for shallow scalar nets, any input dimension, O(n m d);
 * - `dense`: backpropagation through any depth and any number of outputs.
 * With an activation other than ReLU, `shallow` and `dense` run the generic kernels (generic.ts).
 */
export const KERNELS = ['sorted', 'shallow', 'dense'] as const;
export type KernelName = (typeof KERNELS)[number];

export interface Objective {
  readonly kernel: KernelName;
  /** The hidden units' activation (ReLU unless the options said otherwise). */
  readonly activation: Activation;
  /** Number of parameters (relu-net/1 order). */
  readonly size: number;
  /** Number of data points. */
  readonly n: number;
  /** Threads evaluating (1: this one only). */
  readonly threads: number;
  /** sse at theta; its gradient written to grad when given. Allocates nothing. */
  evaluate(theta: Float64Array, grad: Float64Array | null): number;
  /** Stops the worker threads, if any (an objective is unusable afterwards). */
  close(): Promise<void>;
}

export interface ObjectiveOptions {
  /** Default: `sorted` for univariate shallow scalar ReLU nets, `shallow` for other activations and for 2 inputs below DENSE_FROM_WIDTH_2D neurons, else `dense`. */
  kernel?: KernelName;
  /** Default ReLU. */
  activation?: Activation;
}

/**
 * From this many inputs a shallow ReLU net runs faster on the blocked dense kernel (SIMD products
 * that skip the zeros) than on the shallow one: measured at n = 10 000, m = 16, 100, 1000, the
 * shallow kernel took 1.08-1.53x the dense one's time at d = 3 and 2.4x at d = 10 (m = 1000).
 */
export const DENSE_FROM_INPUTS = 3;
/**
 * With 2 inputs, from this width: the shallow kernel took 0.73-0.89x the dense one's time at
 * m = 16, then 1.12x at m = 32, 1.18x at 64, 1.2x at 100 and 1000 (n = 10 000).
 */
export const DENSE_FROM_WIDTH_2D = 32;

/** The kernel used by default for these widths (and activation). */
export function defaultKernel(widths: readonly number[], activation: Activation = RELU): KernelName {
  const shallowScalar = widths.length === 3 && widths[2] === 1;
  if (!shallowScalar) return 'dense';
  if (!isRelu(activation)) return 'shallow';
  if (widths[0] === 1) return 'sorted';
  return widths[0] >= DENSE_FROM_INPUTS || (widths[0] === 2 && widths[1] >= DENSE_FROM_WIDTH_2D) ? 'dense' : 'shallow';
}

/** Checks the kernel fits the widths and the data their shapes; returns the kernel. */
export function checkObjective(widths: readonly number[], X: Float64Array, Y: Float64Array, kernel: KernelName | undefined, fn: string, activation: Activation = RELU): KernelName {
  denseLayout(widths);
  const k = kernel ?? defaultKernel(widths, activation);
  if (!(KERNELS as readonly string[]).includes(k)) throw new UsageError(`${fn}: kernel must be one of ${KERNELS.join(', ')}, got ${JSON.stringify(k)}`);
  const shallowScalar = widths.length === 3 && widths[2] === 1;
  if (k === 'shallow' && !shallowScalar) throw new DimensionError(fn, `the shallow kernel needs one hidden layer and one output; widths are [${widths.join(', ')}]`);
  if (k === 'sorted' && !(shallowScalar && widths[0] === 1)) throw new DimensionError(fn, `the sorted kernel needs a univariate shallow net with one output; widths are [${widths.join(', ')}]`);
  if (k === 'sorted' && !isRelu(activation)) throw new UsageError(`${fn}: the sorted kernel is ReLU-only (prefix sums need each neuron linear on one side of its breakpoint and zero on the other); use 'shallow' for ${activation.label}`);
  const d = widths[0];
  const nL = widths[widths.length - 1];
  if (X.length % d !== 0) throw new DimensionError(fn, `X has ${X.length} entries, not a multiple of the input dimension ${d}`);
  const n = X.length / d;
  if (Y.length !== n * nL) throw new DimensionError(fn, `Y has ${Y.length} entries; ${n} points with ${nL} output(s) need ${n * nL}`);
  return k;
}

/** sse and gradient over rows [i0, i1) of data already prepared for the kernel (sorted for `sorted`). */
export type ShardEvaluator = (theta: Float64Array, grad: Float64Array | null, og: number) => number;

/**
 * An evaluator of the rows [i0, i1) with its own workspace. For `sorted`, X and Y must be sorted
 * by x; the shard keeps its neurons' boundary indices between calls (hints for the next search).
 */
export function shardEvaluator(kernel: KernelName, widths: readonly number[], X: Float64Array, Y: Float64Array, i0: number, i1: number, activation: Activation = RELU): ShardEvaluator {
  const d = widths[0];
  const m = widths[1];
  if (!isRelu(activation)) {
    const act = activation;
    if (kernel === 'shallow') {
      const work = new Float64Array(genericShallowWorkspaceSize(m));
      return (theta, grad, og) => shallowSseGradientGeneric(d, m, X, Y, i0, i1, theta, 0, grad, og, act, work);
    }
    const w = Int32Array.from(widths);
    const work = new Float64Array(genericDenseWorkspaceSize(w));
    return (theta, grad, og) => denseSseGradientGeneric(w, X, Y, i0, i1, theta, 0, grad, og, act, work);
  }
  switch (kernel) {
    case 'sorted': {
      const n = i1 - i0;
      const x = X.subarray(i0, i1);
      const y = Y.subarray(i0, i1);
      const k = new Int32Array(m).fill(n >> 1);
      const r = new Float64Array(n);
      const work = new Float64Array(sortedWorkspaceSize(n));
      return (theta, grad, og) => sortedSseGradient(n, m, x, y, theta, 0, grad, og, k, r, work);
    }
    case 'shallow': {
      const work = new Float64Array(shallowWorkspaceSize(d, m));
      return (theta, grad, og) => shallowSseGradient(d, m, X, Y, i0, i1, theta, 0, grad, og, work);
    }
    case 'dense': {
      const w = Int32Array.from(widths);
      const work = createDenseWorkspace(w);
      return (theta, grad, og) => denseSseGradient(w, X, Y, i0, i1, theta, 0, grad, og, work);
    }
  }
}

/** The data as the kernel wants it: sorted by x for `sorted` (a copy), as given otherwise. */
export function prepareData(kernel: KernelName, X: Float64Array, Y: Float64Array): { X: Float64Array; Y: Float64Array } {
  if (kernel !== 'sorted') return { X, Y };
  const s = sortData(X, Y);
  return { X: s.x, Y: s.y };
}

/** A serial objective: sse of the net with layer widths `widths` on X (n x n_0) and Y (n x n_L). */
export function createObjective(widths: readonly number[], X: Float64Array, Y: Float64Array, options: ObjectiveOptions = {}): Objective {
  const activation = options.activation ?? RELU;
  const kernel = checkObjective(widths, X, Y, options.kernel, 'createObjective', activation);
  const n = X.length / widths[0];
  const data = prepareData(kernel, X, Y);
  const run = shardEvaluator(kernel, widths, data.X, data.Y, 0, n, activation);
  return {
    kernel,
    activation,
    size: denseLayout(widths).size,
    n,
    threads: 1,
    evaluate: (theta, grad) => run(theta, grad, 0),
    close: async () => {},
  };
}
