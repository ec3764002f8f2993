/** The float dynamics commands (issue 8), gathered so the command list needs one import line. */
export { simulateCommand } from './simulate.js';
export { experimentCommand } from './experiment.js';
