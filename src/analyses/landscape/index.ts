/** The loss landscape of sse = sum_i (f(x_i) - y_i)^2: derivatives, critical points, spectra, global optima. */
export { sseDerivatives, sseDirectionalDerivative, type SseDerivatives, type Tie } from './derivatives.js';
export { splineChart, splineSseDerivatives, netFromSpline, splineCoordinateNames, type SplineNet, type SplineChart, type SplineTie, type SplineSseDerivatives } from './spline-derivatives.js';
export { criticalPoints, countCriticalCells, type CriticalFamily, type CriticalKind, type CriticalPointsOptions, type CriticalPointsResult } from './critical.js';
export { type Role as CriticalRole } from './critical-neurons.js';
export { optimum, projectionResidual, type OptimumOptions, type OptimumResult, type VertexNeuron } from './optimum.js';
export { optimumByCells, type OptimumByCellsResult } from './optimum-cells.js';
export { certifiedSpectrum, jacobiEigenvalues, simplestBetween, type CertifiedEigenvalue, type Spectrum } from './spectrum.js';
export { charpolyBerkowitz, squareFree, squareFreeInteger, sturmSequence } from './polynomial.js';
export { type LabelledInput } from './data.js';
