import { describe, expect, it } from 'vitest';
import { main as identifiability } from '../../examples/identifiability.js';

describe('examples/identifiability.ts runs and gives the documented answers', () => {
  it('identifiability', () => {
    expect(identifiability()).toEqual({
      fewSamples: { identifiable: false, differsAt: ['29/20'] },
      enoughSamples: { identifiable: true, certificateValid: true },
      built: { size: 6, pieces: 3 },
      absoluteValue: { identifiable: false, method: 'affine-part' },
      tanh: { samples: 16, recoveredTo1e50: true },
    });
  });
});
