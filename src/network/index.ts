export {
  createReluNet,
  convertNet,
  widths,
  inputDim,
  outputDim,
  hiddenWidths,
  hiddenNeuronCount,
  parameterCount,
  isShallowScalar,
  type ReluNet,
  type Layer,
  type LayerInput,
} from './relu-net.js';
export { evaluate, evaluateScalar, preActivations, activationPattern } from './evaluate.js';
export { flattenParameters, withParameters, parameterName, layerOffsets } from './parameters.js';
export {
  readReluNet,
  writeReluNet,
  readDataset,
  writeDataset,
  readMatrix,
  writeMatrix,
  readPoints,
  NET_FORMAT,
  DATASET_FORMAT,
  MATRIX_FORMAT,
  type Dataset,
  type ReadOptions,
} from './json-io.js';
export { readSafetensors, writeSafetensors, READABLE_DTYPES, type ReadableDtype, type StateDict, type StateTensor, type TensorToWrite } from './safetensors.js';
export { readTorchJson, netFromStateDict, stateDictOfNet, writeTorchJson, type StateDictReadOptions } from './state-dict.js';
