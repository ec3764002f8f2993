import { describe, expect, it } from 'vitest';
import { main } from '../../examples/theorem-checks.js';

describe('examples/theorem-checks.ts runs and gives the documented answers', () => {
  it('a theorem at size 4, a shrunk counterexample, its certificate verified and a tampered one rejected', () => {
    const out = main();
    // 4-point multisets: C(5+3, 4) + C(9+3, 4) + C(8+3, 4) = 70 + 495 + 330.
    expect(out.theorem).toEqual({ name: 'zaslavsky-count', instances: 895, passed: true });
    expect(out.counterexample).toBe('ReluNet 1-2-1 {W1: [[0], [0]], b1: [0, 0]; W2: [[0, 0]], b2: [0]}');
    expect(out.verified).toMatchObject({ valid: true, holds: false, kind: 'minimal-width' });
    expect(out.tampered).toMatchObject({ valid: false, reason: expect.stringMatching(/witness.minimal: has 0 neurons, the claim says 1/) });
  });
});
