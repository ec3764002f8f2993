export { jacobianAt, batchJacobian, jacobianWithTangents, NonSmoothPointError, NowhereSmoothError, type NeuronAddress, type OnZero, type JacobianOptions, type BatchJacobian } from './jacobian.js';
export { CertifiedRowSpace, primitiveIntegerRow, type SparseVector, type RowSpaceSummary } from './row-space.js';
export { scalingDirections, independentScalingDirections, type ScalingDirection } from './scaling.js';
export {
  batchFunctionalDimension,
  functionalDimension,
  regionSimplex,
  decisiveBatch,
  type BatchFunctionalDimension,
  type FunctionalDimensionOptions,
  type FunctionalDimensionResult,
} from './functional-dimension.js';
export {
  floatRank,
  floatBatchFunctionalDimension,
  randomBatch,
  defaultBatchSize,
  type FloatRank,
  type FloatRankOptions,
  type FloatBatchOptions,
  type FloatBatchFunctionalDimension,
  type BatchLaw,
} from './float-path.js';
export { jacobianWithTangentsInteger } from './jacobian-integer.js';
export { integerKernel, type KernelOptions } from './kernel.js';
export { hiddenSymmetryStudy, type HiddenSymmetryStudyOptions, type HiddenSymmetryStudy, type StudyRow, type TrialRecord, type LawSummary } from './hidden-symmetries-study.js';
