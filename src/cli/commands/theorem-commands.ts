/** The theorem-check commands (issue 9), gathered so the command list needs one import line. */
export { checkCommand } from './check.js';
export { verifyCommand } from './verify.js';
