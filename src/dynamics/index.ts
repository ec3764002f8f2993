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
export { shallowInitLaws, ratioCdf, erf, erfc, type ShallowInitLaws } from './init-laws.js';
export { initStats, flatnessTable, sampleTrial, estimate, BREAKPOINT_THRESHOLDS, type Estimate, type LawCheck, type InitStats, type FlatnessRow, type TrialStats } from './init-stats.js';
