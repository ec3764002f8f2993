/**
 * relu-exact/arbitraries: fast-check arbitraries for exact rationals, matrices of known rank,
 * ReLU nets and data sets; symmetry moves for laws; and the framework of `proofs/` (theorem
 * statements, certificates, counterexample search), so users can write their own property
 * suites and theorem checks. fast-check is a peer dependency.
 *
 *   import { arbitraries } from 'relu-exact/arbitraries';
 *   fc.assert(fc.property(arbitraries.reluNet({ architecture: [2, 3, 1] }), (net) => ...));
 */
import { dataset } from './datasets.js';
import { matrixOfRank } from './matrices.js';
import { reluNet } from './nets.js';
import { rational } from './rationals.js';

export { rational, type RationalOptions, type RationalSign } from './rationals.js';
export { reluNet, type ReluNetOptions, type NetDegeneracy } from './nets.js';
export { dataset, inGeneralPosition, type DatasetOptions, type GeneratedDataset, type PointPosition } from './datasets.js';
export { matrixOfRank, type MatrixOfRankOptions, type MatrixWithRank } from './matrices.js';
export { randRank, randOps, randUnimodular, randNonsingular, randSymmetricWithInertia, type IntRng, type IntMat, type KnownInertia, type RandOpsOptions, type RandRankOptions } from './known-matrices.js';
export { scaleNeuron, permuteNeurons } from './symmetries.js';
export { formatNet } from './print.js';
export { makeCertificate, verifyWithOwnKinds, CERTIFICATE_FORMAT, type Certificate, type CertificateChecker } from './certificate.js';
export { defineTheorem, definePendingTheorem, type Theorem, type PendingTheorem, type AnyTheorem, type TheoremDefinition, type PendingDefinition, type Statement, type SizeSpec, type InstanceCheck } from './theorem.js';
export { runTheorem, checkInstance, shrinkCounterexample, type RunOptions, type TheoremReport, type Counterexample, type InstanceOutcome } from './runner.js';
export { defineConjecture, checkConjecture, type Conjecture, type ConjectureDefinition, type ConjectureOptions, type ConjectureReport } from './conjecture.js';

/** The arbitraries under one name: `arbitraries.reluNet({ ... })`. */
export const arbitraries = { rational, reluNet, dataset, matrixOfRank } as const;
