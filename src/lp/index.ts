export { maximize, minimize, isFarkasCertificate, type LpResult } from './optimize.js';
export {
  findInteriorPoint,
  findStrictPoint,
  findFeasiblePoint,
  isInteriorCertificate,
  interiorPoint,
  type LinearSystem,
  type InteriorPointResult,
  type LpMethod,
  type LpOptions,
} from './interior.js';
export { isValidInteriorAnswer, type AffineSystem, type InteriorAnswer } from './interior-exact.js';
export { simplexExact, type IntegerLp, type RawLpResult, type ScaledVector } from './simplex-exact.js';
export { primitiveRow, dividedByContent } from './integer-rows.js';
export { minimizeConvexQp, minimizeLeastSquares, type ConvexQp, type QpResult } from './qp.js';
