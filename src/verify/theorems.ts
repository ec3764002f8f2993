/**
 * The certificate kinds (`claim.kind`) of each theorem and conjecture registered in proofs/, so a
 * certificate cannot borrow a registered theorem's name: one relabelled from `known-rank` to
 * `cover-count` checks a rank, not Cover's count, and is rejected. A static copy of the `kinds`
 * the proofs declare, because this layer may not import proofs/; tests/theorems/verify.test.ts
 * checks that the two agree. Names not listed (users' own theorems) are not restricted.
 */
export const THEOREM_KINDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['cover-count', ['chamber-count']],
  ['zaslavsky-count', ['chamber-count']],
  ['zonotope-vertices', ['zonotope-vertices']],
  ['spline-identity', ['spline-identity']],
  ['scaling-quotient', ['scaling-fibre']],
  ['min-cost-interpolant', ['min-cost-interpolant']],
  ['minimal-width-1d', ['minimal-width']],
  ['known-rank', ['matrix-rank']],
  ['irreducibility-any-dimension', ['shallow-minimal-width']],
  ['functional-dimension-upper-bound', ['jacobian-rank']],
  ['functional-dimension-attained', ['jacobian-rank']],
  ['hidden-symmetry-m1', ['functional-dimension-1d']],
  ['hidden-symmetry-m2', ['functional-dimension-1d']],
  ['hidden-symmetry-m3', ['functional-dimension-1d']],
  ['hidden-symmetry-m4', ['functional-dimension-1d']],
  ['hidden-symmetry-m5', ['functional-dimension-1d']],
  ['hidden-symmetry-m6', ['functional-dimension-1d']],
  ['no-finite-sample-identifies', ['sample-counterexample']],
  ['distinguishing-set-1d', ['distinguishing-set-1d']],
  ['critical-point-classification', ['critical-points']],
  ['demo-two-neurons-irreducible', ['minimal-width']],
  ['demo-two-nonzero-neurons-irreducible', ['minimal-width']],
]);
