export { primeAt, isPrimeSmall, PRIME_BOUND } from './primes.js';
export { reduce, mulMod, invMod, backSubstitute, identityRows, type ModpMat, type RankProfile } from './modp.js';
export { forwardEliminate, type ForwardResult } from './forward.js';
export { rankModP, rrefModP, nullspaceModP, detModPMat, solveModP, modpMatrix } from './modp-api.js';
export { CrtBasis, rationalReconstruction, fractionsOverDenominator, sqrtFloor } from './crt.js';
export { integerMatrix, integerMatrixOf, residues, log2Norms, log2MinorBound, type IntegerMatrix } from './integer-matrix.js';
export { certifyProfile, rankModular, rrefModular, nullspaceModular, exactReducedBlock, type ModularOptions, type CertifiedProfile } from './certified.js';
export { detModular, detModularInteger, detModP, permutationSign } from './det.js';
export { solveModular, type ModularSolveResult } from './dixon.js';
