/** Every named experiment of `relu-exact experiment NAME`, in the order the help lists them. Each adds its file and one line. */
import { breakpointPinning } from './breakpoint-pinning.js';
import type { Experiment } from './experiment.js';
import { hiddenSymmetries } from './hidden-symmetries.js';
import { orthogonalInputs } from './orthogonal-inputs.js';
import { pinningByActivationExperiment } from './pinning-by-activation.js';
import { singleNeuronTeacher } from './single-neuron-teacher.js';
import { spectralBias } from './spectral-bias.js';

export type { Experiment } from './experiment.js';

export const EXPERIMENTS: readonly Experiment[] = [orthogonalInputs, singleNeuronTeacher, breakpointPinning, hiddenSymmetries, spectralBias, pinningByActivationExperiment];
