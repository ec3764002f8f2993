export {
  shallowParameters,
  kinkData,
  kinkDataOf,
  kinkDataDifference,
  sameFunctionShallow,
  canonicalHyperplane,
  hyperplaneKey,
  describeHyperplane,
  describeAffine,
  type ShallowParameters,
  type GroupMember,
  type HyperplaneGroup,
  type AffinePart,
  type KinkData,
} from './hyperplanes.js';
export { minimalFormShallow, type ShallowNeuron, type ShallowMinimalForm, type ShallowMinimalOptions } from './minimal.js';
export { irreducibility, netOfForm, parseVariant, type IrreducibilityOptions, type IrreducibilityResult } from './irreducibility.js';
