/** The loss-landscape commands (issue 6), gathered so the command list needs one import line. */
export { criticalCommand } from './critical.js';
export { optimumCommand } from './optimum.js';
export { hessianCommand } from './hessian.js';
