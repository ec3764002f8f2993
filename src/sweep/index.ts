export { type SweepTask, type ParamSpec, type ParamValue, type Params, checkParam, describeParams } from './task.js';
export { SWEEP_FORMAT, type SweepSpec, type Instance, readSweepSpec, instanceCount, iterInstances, instanceAt, canonicalJson } from './spec.js';
export { type Shard, WHOLE, parseShard, resolveShard, inShard, expandOutPath } from './shard.js';
export { type ResultLine, type ParsedResults, parseResults, formatResultLine } from './results.js';
export { type SweepPlan, type PlanOptions, type RunOptions, type SweepSummary, planSweep, runSweep } from './run-sweep.js';
export { type MergeInput, type MergeReport, mergeResults } from './merge.js';
export { TASKS, findTask } from './tasks/index.js';
