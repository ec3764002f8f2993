import { describe, expect, it } from 'vitest';
import { main } from '../../examples/functional-dimension.js';

describe('examples/functional-dimension.ts gives the documented answers', () => {
  it('reduces the wasteful net and finds the M1 hidden symmetry', () => {
    expect(main()).toEqual({
      irreducible: false,
      width: 6,
      // kinks x1 = 0 (c = 3), x2 = 0 (c = 4), x1 - x2 = 0 (c = 3) and the linear part (-2, -3): no subset of
      // {(3,0), (0,4), (3,-3)} sums to (2,3), and none does along any one kink's normal, so e = 2: 3 + 2 = 5
      minimalWidth: 5,
      same: true,
      m1: { functionalDimension: 3, upperBound: 4, hiddenSymmetries: true, direction: [['layers[1].b[0] -1', 'layers[2].b[0] 1']], witnessRank: 3 },
      generic: { functionalDimension: 10, upperBound: 10 },
    });
  });
});
