/** The report's sections, in order. Each later analysis adds its own file and one line here. */
import type { ReportSection } from '../section.js';
import { activationSection } from './activation.js';
import { dataSection } from './data.js';
import { evaluationSection } from './evaluation.js';
import { identifiabilitySection } from './identifiability.js';
import { importedSection } from './imported.js';
import { functionalDimensionSection, irreducibilitySection } from './irreducibility-fdim.js';
import { networkSection } from './network.js';
import { patternsSection } from './patterns.js';
import { interpolantSection, splineSection } from './spline.js';
import { landscapeSection } from './landscape.js';

export const SECTIONS: readonly ReportSection[] = [
  networkSection,
  importedSection,
  dataSection,
  evaluationSection,
  activationSection,
  splineSection,
  interpolantSection,
  identifiabilitySection,
  patternsSection,
  irreducibilitySection,
  functionalDimensionSection,
  landscapeSection,
];
