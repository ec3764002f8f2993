/** Allocation-free float64 kernels: forward, sse and gradient of dense and sorted (univariate) nets. */
export { denseLayout, shallowSize, type DenseLayout } from './layout.js';
export { shallowForward, shallowSseGradient, shallowWorkspaceSize } from './shallow.js';
export { DENSE_BLOCK, createDenseWorkspace, denseForward, denseSseGradient, denseWorkspaceSize, isWasmWorkspace } from './dense.js';
export { sortData, sortedBoundaries, sortedForward, sortedSseGradient, sortedWorkspaceSize } from './sorted.js';
export { KERNELS, createObjective, defaultKernel, type KernelName, type Objective, type ObjectiveOptions } from './objective.js';
export { createParallelObjective, type ParallelOptions } from './parallel.js';
export { singularValues } from './singular-values.js';
export { ACTIVATION_NAMES, RELU, allActivations, createActivation, isRelu, type Activation, type ActivationName, type ActivationSpec } from './activation.js';
export {
  denseForwardGeneric,
  denseJacobian,
  denseSseGradientGeneric,
  genericDenseWorkspaceSize,
  genericShallowWorkspaceSize,
  shallowForwardGeneric,
  shallowJacobian,
  shallowSseGradientGeneric,
} from './generic.js';
export { integrate, type QuadratureOptions, type QuadratureResult } from './quadrature.js';
