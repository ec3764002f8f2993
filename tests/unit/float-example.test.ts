import { describe, expect, it } from 'vitest';
import { main as floatDynamics } from '../../examples/float-dynamics.js';

describe('examples/float-dynamics.ts runs and gives the documented answers', () => {
  it('float-dynamics', async () => {
    const r = await floatDynamics();
    expect(r.kernel).toBe('sorted');
    expect(r.sse).toBe(7709 / 16);
    expect(r.grad).toEqual([1197 / 2, 41 / 2, 387 / 2, 16, 669 / 2, 55, 141 / 2]);
    expect(r.steps).toEqual([0, 100, 200]);
    expect(r.breakpointsAtStart).toEqual([0.5, 3]);
    expect(r.descentSse).toBeLessThan(r.sse);
    // descent and flow over the same time end close (step 1e-3), and the flow keeps its balances
    expect(Math.abs(r.descentSse - r.flowSse) / r.flowSse).toBeLessThan(0.05);
    expect(r.flowDrift).toBeLessThan(1e-6 * r.descentDrift + 1e-7);
    expect(r.exactValueAt1).toBeGreaterThan(0);
  });
});
