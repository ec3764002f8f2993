import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';

describe('SeededRng', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = new SeededRng(42);
    const b = new SeededRng(42);
    const c = new SeededRng(43);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });
  it('produces uniform floats in [0, 1) with the right mean and variance', () => {
    const r = new SeededRng(7);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const u = r.nextFloat();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sq += u * u;
    }
    // mean 1/2 (sd of the mean ~ 0.00065), variance 1/12
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.004);
    expect(Math.abs(sq / n - (sum / n) ** 2 - 1 / 12)).toBeLessThan(0.002);
  });
  it('produces integers in range without bias and standard normals', () => {
    const r = new SeededRng(1);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[r.nextInt(0, 5)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500); // ~5 sd
    let s = 0;
    let s2 = 0;
    let s4 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const z = r.nextNormal();
      s += z;
      s2 += z * z;
      s4 += z ** 4;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
    expect(Math.abs(s4 / n - 3)).toBeLessThan(0.15); // normal kurtosis
    expect(() => r.nextInt(3, 2)).toThrow(RangeError);
    expect(() => new SeededRng(0.5)).toThrow(RangeError);
  });
});
