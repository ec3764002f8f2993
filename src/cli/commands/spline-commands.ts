/** The spline-lens and initialisation commands (issue 4), gathered so the command list needs one import line. */
export { splineCommand } from './spline.js';
export { interpolateCommand } from './interpolate.js';
export { initStatsCommand } from './init-stats.js';
