import { describe, expect, it } from 'vitest';
import { main } from '../../examples/activation-patterns.js';

describe('examples/activation-patterns.ts runs and gives the documented answers', () => {
  it('patterns, zonotope and regions', () => {
    const out = main();
    expect(out.count).toBe(12);
    expect(out.generalPosition).toBe(false);
    expect(out.first).toEqual(['0000', '0001', '0010']);
    const [a, b, c] = out.witnessOf0011.map(Number);
    // 0011: (2, 0) and (0, 1) active, (0, 0) and (1, 0) not.
    expect([c > 0, a + c > 0, 2 * a + c > 0, b + c > 0]).toEqual([false, false, true, true]);
    expect(out.vertex).toEqual(['2', '1', '2']); // (2,0,1) + (0,1,1)
    expect(out.neighbours.sort()).toEqual(['0001', '0010', '0111']);
    expect(out.slopes).toEqual(['0', '1', '-1', '0']);
  });
});
