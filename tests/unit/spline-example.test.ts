import { describe, expect, it } from 'vitest';
import { main as splineLens } from '../../examples/spline-lens.js';

describe('examples/spline-lens.ts runs and gives the documented answers', () => {
  it('spline-lens', () => {
    expect(splineLens()).toEqual({
      roles: ['kink', 'kink', 'cancelled', 'cancelled', 'dead'],
      spline: { knots: ['1'], slopes: ['1', '3'], values: ['1'], f0: '0' },
      minimalWidth: 2,
      same: true,
      cost: '2',
    });
  });
});
