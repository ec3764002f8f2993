/** The theorem checks of proofs/ at sizes beyond the defaults (`npm run check:slow`); a few seconds each. */
import { describe, expect, it } from 'vitest';
import { runTheorem, type Theorem } from 'relu-exact/arbitraries';
import { THEOREMS } from '../../proofs/index.js';

const SIZES: Record<string, number> = {
  'cover-count': 7,
  'zaslavsky-count': 4,
  'zonotope-vertices': 4,
  'spline-identity': 4,
  'scaling-quotient': 3,
  'min-cost-interpolant': 4,
  'minimal-width-1d': 3,
  'known-rank': 7,
  'irreducibility-any-dimension': 3,
  'functional-dimension-upper-bound': 5,
  'functional-dimension-attained': 12,
  'hidden-symmetry-m1': 60,
  'hidden-symmetry-m2': 60,
  'hidden-symmetry-m3': 60,
  'hidden-symmetry-m4': 60,
  'hidden-symmetry-m5': 60,
  'hidden-symmetry-m6': 60,
  'no-finite-sample-identifies': 4,
  'distinguishing-set-1d': 3,
  'critical-point-classification': 4,
};

describe('theorem checks at larger sizes', () => {
  const ready = THEOREMS.filter((t): t is Theorem<unknown> => t.status === 'ready');
  it.each(ready.map((t) => [t.name, t] as const))('%s', (name, theorem) => {
    const r = runTheorem(theorem, { size: SIZES[name], seed: 2 });
    expect(r.failures).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.instances).toBeGreaterThan(40);
  });
});
