export {
  type Spline,
  type Jump,
  splineFromJumps,
  splineFromPoints,
  createSpline,
  mergeJumps,
  evaluateSpline,
  slopeAt,
  splineJumps,
  splineEquals,
  decisivePoints,
  sortedUnique,
  splineToJson,
} from './spline.js';
export {
  type NeuronRole,
  type NeuronLens,
  type BreakpointGroup,
  type SplineLens,
  splineLens,
  shallowUnivariateParameters,
  scalingRepresentative,
  orbitCanonicalNet,
} from './lens.js';
export { type PiecewiseLinear, type LayeredSplineOptions, splineByLayers } from './layers.js';
export { toSpline, sameFunction, splineDifference } from './to-spline.js';
export { findSubsetSum, type SubsetSumOptions } from './subset-sum.js';
export {
  type ModelVariant,
  type Kink,
  type KinkDecomposition,
  type NeuronParameters,
  type MinimalForm,
  type MinimalFormOptions,
  MODEL_VARIANTS,
  kinkDecomposition,
  minimalForm,
  minimalWidth,
  minimalFormOfNet,
  leftFacingKinks,
  fromSpline,
  netOfMinimalForm,
} from './minimal.js';
export { roughness, savareseCost, pathNorm, minCostInterpolant, type MinCostInterpolant } from './cost.js';
export { splineSvg, niceTicks, type SplinePlotOptions } from './svg.js';
export {
  type BreakpointPlace,
  type NeuronCell,
  type CellSystem,
  type CellOptions,
  activeAt,
  cellSystem,
  cellNet,
  cellSpline,
  cellVariableCount,
  neuronCells,
  cellTuples,
  countCellTuples,
} from './cells.js';
export { Surd, isqrt } from './surd.js';
export {
  type HomogeneousActivation,
  type QuotientNeuron,
  type QuotientCoordinates,
  RELU_EXACT,
  homogeneityDegree,
  evaluateHomogeneous,
  quotientNeuron,
  quotientCoordinates,
  quotientCoordinatesOfNet,
  evaluateQuotient,
  neuronFromQuotient,
} from './quotient.js';
