export {
  INIT_SCHEMES,
  type InitScheme,
  type Law,
  type BiasInit,
  type InitOptions,
  initNet,
  weightLaw,
  biasLaw,
  sampleLaw,
  lawVariance,
  lawMeanAbs,
} from './init.js';
export { shallowInitLaws, ratioCdf, lawAbsMoment, erf, erfc, type ShallowInitLaws } from './init-laws.js';
export { initStats, flatnessTable, sampleTrial, estimate, BREAKPOINT_THRESHOLDS, type Estimate, type LawCheck, type InitStats, type FlatnessRow, type TrialStats } from './init-stats.js';
export { floatProblem, floatTheta, floatNet, exactNetOfTheta, type FloatProblem } from './float-net.js';
export { coordinatesOf, balances, type Coordinates, type UnivariateCoordinates, type RadonCoordinates, type ZeroPlaneCoordinates, type RawCoordinates } from './coordinates.js';
export { alignment, firstLayerRank, breakpointClustering, squaredNorm, type Alignment, type NumericalRank, type Clustering } from './metrics.js';
export { gradientDescent, type DescentOptions, type DescentResult, type RunPoint, type RunHooks } from './descent.js';
export { descentRuns, compareWithOptimum, sseScale, type DescentRunsOptions, type DescentRun, type DescentRunsResult, type GapSummary } from './descent-runs.js';
export { gradientFlow, type FlowOptions, type FlowResult } from './flow.js';
export { Recorder, recordLine, TRAJECTORY_FORMAT, type TrajectoryRecord, type RecordMetrics, type MetricOptions } from './trajectory.js';
export { simulate, simulateNet, type SimulateOptions, type SimulationResult } from './simulate.js';
export { splineAnimationSvg, type AnimationFrame, type AnimationOptions } from './animation.js';
export { balancedInit, type BalancedInit } from './reproductions/balanced-init.js';
export { orthogonalExperiment, type OrthogonalOptions, type OrthogonalResult, type OrthogonalRow } from './reproductions/orthogonal.js';
export { teacherExperiment, negativeMeasureData, positiveMeasureData, type TeacherData, type TeacherOptions, type TeacherResult, type TeacherRow } from './reproductions/teacher.js';
export { minRankVersusMinNorm, type MinRankVersusMinNorm } from './reproductions/teacher-geometry.js';
export { pinningExperiment, type PinningOptions, type PinningResult, type PinningRow } from './reproductions/pinning.js';
export { zeroPlaneKinks } from './trajectory.js';
export { spectralKernel, spectralKernelExact, type SpectralKernel } from './spectral/seminorm.js';
export { kernelInterpolant, kernelInterpolantExact, type KernelInterpolant, type ExactKernelInterpolant } from './spectral/interpolant.js';
export { lawKernel, nuWeight, nuKernel, radonLaw, schemeLaw, sampleFirstLayer, type FirstLayerLaw, type LawKernel } from './spectral/law-kernel.js';
export { lazyFit, minimumNormOutput, type LazyFit } from './spectral/lazy.js';
export { spectralBiasExperiment, type SpectralBiasOptions, type SpectralBiasResult, type ActivationTable, type LawRow, type WidthCell } from './reproductions/spectral-bias.js';
export { pinningByActivation, type PinningByActivationOptions, type PinningByActivationResult, type PinningByActivationRow } from './reproductions/pinning-activation.js';
