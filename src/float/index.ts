/** Allocation-free float64 kernels: forward, sse and gradient of dense and sorted (univariate) nets. */
export { denseLayout, shallowSize, type DenseLayout } from './layout.js';
export { shallowForward, shallowSseGradient, shallowWorkspaceSize } from './shallow.js';
export { denseForward, denseSseGradient, denseWorkspaceSize } from './dense.js';
export { sortData, sortedBoundaries, sortedForward, sortedSseGradient, sortedWorkspaceSize } from './sorted.js';
export { KERNELS, createObjective, defaultKernel, type KernelName, type Objective, type ObjectiveOptions } from './objective.js';
export { createParallelObjective, type ParallelOptions } from './parallel.js';
export { singularValues } from './singular-values.js';
