import { describe, expect, it } from 'vitest';
import { main as libraryUsage } from '../../examples/library-usage.js';

describe('examples/ run and give the documented answers', () => {
  it('library-usage', () => {
    expect(libraryUsage()).toEqual({
      value: '13/16',
      decimal: '0.8125',
      pattern: [[1, 1, 0, 0]],
      floatError: '0',
      rank: 2,
      nullspace: [['1', '-2', '1']],
      inertia: { pos: 1, neg: 2, zero: 0 },
    });
  });
});
