export { identify, normalizeSamples, type IdentifyOptions, type IdentifyResult, type IdentifyMethod, type SampleInput } from './identify.js';
export { checkCounterexample, type CounterexampleCheck, type DifferencePoint } from './check.js';
export { type ClosedNode, type KnotSearchStats } from './knot-search.js';
export { identifiabilityCertificate, checkIdentifiabilityCertificate, IDENTIFIABILITY_THEOREM, type IdentifiabilityCertificate, type CertificateCheck } from './certificate.js';
export { distinguishingSamples, type DistinguishingOptions, type DistinguishingResult } from './distinguishing.js';
export {
  type SmoothActivation,
  type SmoothNeuron,
  type SmoothNet,
  type SmoothInput,
  toDecimal,
  createSmoothNet,
  evaluateSmooth,
  evaluateSmoothFloat,
  canonicalSmoothNet,
  parameterDistance,
  decimalContext,
} from './smooth-net.js';
export { uniquenessSetSize, uniquenessSet, differenceAsExponentialSum, evaluateExponentialSum, type ExponentialSum } from './uniqueness.js';
export { recoverSmoothNet, type Recovery, type RecoveryOptions } from './recover.js';
