export { Mat, qqMatrix, matMul, matVec } from './mat.js';
export { rank, nullity, det, rref, nullspace, solve, canSolve, inertia, type LinalgMethod, type LinalgOptions, type SolveResult } from './operations.js';
export { rrefGaussJordan, rankWithMarginF64, type RrefResult, type FloatRankReport } from './gauss-jordan.js';
export {
  rrefFractionFree,
  rankBareiss,
  detBareiss,
  clearDenominatorsByRow,
  clearDenominatorsGlobally,
  type RrefFractionFreeResult,
} from './fraction-free.js';
export { inertiaFractionFreeInPlace, inertiaSymmetricElimination, type Inertia } from './inertia.js';
export { MODULAR_CROSSOVER, modularPays, type ExactOp } from './dispatch.js';
export * from './modular/index.js';
