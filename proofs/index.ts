/**
 * The registry of `relu-exact check`: every theorem of proofs/ (one file each) and the
 * conjectures. Adding a theorem is one file here and one line below.
 */
import type { AnyTheorem, Conjecture } from 'relu-exact/arbitraries';
import { twoNeuronsIrreducible, twoNonzeroNeuronsIrreducible } from './conjectures/two-neurons-irreducible.js';
import { coverCountTheorem } from './cover-count.js';
import { criticalPointClassificationTheorem } from './critical-point-classification.js';
import { distinguishingSet1dTheorem } from './distinguishing-set-1d.js';
import { functionalDimensionAttainedTheorem } from './functional-dimension-attained.js';
import { functionalDimensionUpperBoundTheorem } from './functional-dimension-upper-bound.js';
import { hiddenSymmetryM1Theorem } from './hidden-symmetry-m1.js';
import { hiddenSymmetryM2Theorem } from './hidden-symmetry-m2.js';
import { hiddenSymmetryM3Theorem } from './hidden-symmetry-m3.js';
import { hiddenSymmetryM4Theorem } from './hidden-symmetry-m4.js';
import { hiddenSymmetryM5Theorem } from './hidden-symmetry-m5.js';
import { hiddenSymmetryM6Theorem } from './hidden-symmetry-m6.js';
import { irreducibilityAnyDimensionTheorem } from './irreducibility-any-dimension.js';
import { knownRankTheorem } from './known-rank.js';
import { minCostInterpolantTheorem } from './min-cost-interpolant.js';
import { minimalWidth1dTheorem } from './minimal-width-1d.js';
import { noFiniteSampleIdentifiesTheorem } from './no-finite-sample-identifies.js';
import { scalingQuotientTheorem } from './scaling-quotient.js';
import { splineIdentityTheorem } from './spline-identity.js';
import { zaslavskyCountTheorem } from './zaslavsky-count.js';
import { zonotopeVerticesTheorem } from './zonotope-vertices.js';

export const THEOREMS: readonly AnyTheorem[] = [
  coverCountTheorem,
  zaslavskyCountTheorem,
  zonotopeVerticesTheorem,
  splineIdentityTheorem,
  scalingQuotientTheorem,
  minCostInterpolantTheorem,
  minimalWidth1dTheorem,
  knownRankTheorem,
  irreducibilityAnyDimensionTheorem,
  functionalDimensionUpperBoundTheorem,
  functionalDimensionAttainedTheorem,
  hiddenSymmetryM1Theorem,
  hiddenSymmetryM2Theorem,
  hiddenSymmetryM3Theorem,
  hiddenSymmetryM4Theorem,
  hiddenSymmetryM5Theorem,
  hiddenSymmetryM6Theorem,
  noFiniteSampleIdentifiesTheorem,
  distinguishingSet1dTheorem,
  criticalPointClassificationTheorem,
];

export const CONJECTURES: readonly Conjecture<any>[] = [twoNeuronsIrreducible, twoNonzeroNeuronsIrreducible];

// What `relu-exact check` calls (it loads this module lazily: fast-check is a peer dependency).
export { runTheorem, checkConjecture } from 'relu-exact/arbitraries';
