/**
 * relu-exact: exact (rational) analysis of ReLU neural networks.
 * The public API, layer by layer (core -> field -> linalg -> network -> ...).
 */
export * from './core/index.js';
export * from './field/index.js';
export * from './linalg/index.js';
export * from './lp/index.js';
export * from './network/index.js';
export * from './arrangement/index.js';
export * from './spline/index.js';
export * from './analyses/irreducibility/index.js';
export * from './analyses/functional-dimension/index.js';
export * from './dynamics/index.js';
export * from './float/index.js';
export * from './sweep/index.js';
export * from './analyses/landscape/index.js';
export * from './analyses/identifiability/index.js';
export * from './analyses/equivalence/index.js';
export { verifyCertificate, CERTIFICATE_FORMAT, CERTIFICATE_KINDS, THEOREM_KINDS, type VerifyResult } from './verify/index.js';
