export { iterPatterns, listPatterns, countPatterns, type Pattern, type PatternOptions, type PatternCount } from './patterns.js';
export { generalPosition, type GeneralPositionOptions } from './general-position.js';
export { coverCount, genericAffineRegions, genericBoundedRegions, genericZonotopeFVector, whitneyCount, binomial } from './counting.js';
export { liftData, patternBits, type LiftedData, type Convention, type DataInput } from './lifted.js';
export { chambers, type Chamber, type ChamberMethod, type ChamberOptions } from './chambers.js';
export { zonotopeVertex, realisePattern, patternNeighbours, iterZonotopeEdges, countZonotopeEdges, type Neighbour, type Realisation, type ZonotopeOptions } from './zonotope.js';
export { iterRegions, listRegions, countRegions, type LinearRegion, type RegionOptions, type Box, type AffineForm } from './regions.js';
export { type BudgetOptions } from './budget.js';
