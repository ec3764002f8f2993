/**
 * Initialisation laws (LITERATURE-A 2.7, O4): the closed forms against independent numbers
 * (quadrature, Python's math.erf), and against samples with fixed seeds. Statistical checks
 * allow 5 standard errors: with the seeds fixed they are deterministic, and a true law would
 * fail one of the ~250 checks below with probability about 1e-4.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { INIT_SCHEMES, initNet, type BiasInit, type InitOptions, type Law } from '../../src/dynamics/init.js';
import { erf, erfc, ratioCdf, shallowInitLaws } from '../../src/dynamics/init-laws.js';
import { flatnessTable, initStats } from '../../src/dynamics/init-stats.js';

const Z = 5;

describe('closed forms', () => {
  it('O4, PyTorch default (1, H, 1): E[sum mu^2] = 1/9, beta density 1/4 on [-1, 1] and 1/(4 beta^2) outside', () => {
    for (const H of [1, 7, 100]) {
      const laws = shallowInitLaws({ scheme: 'pytorch' }, H);
      expect(laws.expectedSumMu2).toBeCloseTo(1 / 9, 14);
      // E|v| E|w| H = (1/(2 sqrt H)) (1/2) H
      expect(laws.expectedSumAbsMu).toBeCloseTo(Math.sqrt(H) / 4, 12);
    }
    const cdf = shallowInitLaws({ scheme: 'pytorch' }, 5).breakpointCdf;
    // integrate the density: P(|beta| <= a) = a/2 for a <= 1, 1/2 + (1/2)(1 - 1/a) beyond
    expect([0.5, 1, 2, 10].map(cdf)).toEqual([0.25, 0.5, 0.75, 0.95]);
  });
  it('Gaussian weights and biases: Cauchy(0, sigma_b / sigma_w) breakpoints, E[sum mu^2] = H sigma_v^2 sigma_w^2', () => {
    const laws = shallowInitLaws({ scheme: 'gaussian', sigmaW: 2, sigmaB: 3, sigmaV: 0.5 }, 10);
    expect(laws.expectedSumMu2).toBeCloseTo(10 * 0.25 * 4, 12);
    expect(laws.breakpointCdf(1.5)).toBeCloseTo((2 / Math.PI) * Math.atan(1.5 / 1.5), 14);
    expect(laws.breakpointLaw).toBe('Cauchy(0, 1.5)');
    expect(shallowInitLaws({ scheme: 'he-normal' }, 8).breakpointLaw).toBe('every breakpoint at 0 (zero biases)');
  });
  it('variances of the schemes for (1, H, 1): He 4, LeCun 1, Glorot 4H/(H+1)^2', () => {
    const H = 9;
    const sum = (scheme: InitOptions['scheme']): number => shallowInitLaws({ scheme }, H).expectedSumMu2;
    expect(sum('he-normal')).toBeCloseTo(4, 12);
    expect(sum('he-uniform')).toBeCloseTo(4, 12);
    expect(sum('lecun-normal')).toBeCloseTo(1, 12);
    expect(sum('lecun-uniform')).toBeCloseTo(1, 12);
    expect(sum('glorot-normal')).toBeCloseTo((4 * H) / (H + 1) ** 2, 12);
    expect(sum('glorot-uniform')).toBeCloseTo((4 * H) / (H + 1) ** 2, 12);
  });
  it('erf and erfc match Python math.erf / math.erfc to 1e-14 relative', () => {
    const ref: [number, number, number][] = [
      [0.5, 0.5204998778130465, 0.4795001221869535],
      [1, 0.8427007929497149, 0.15729920705028513],
      [1.5, 0.9661051464753108, 0.033894853524689274],
      [1.6, 0.976348383344644, 0.023651616655355985],
      [2, 0.9953222650189527, 0.004677734981047265],
      [3, 0.9999779095030014, 2.2090496998585438e-5],
      [5, 0.9999999999984626, 1.5374597944280351e-12],
    ];
    for (const [x, e, c] of ref) {
      expect(Math.abs(erf(x) / e - 1)).toBeLessThan(1e-14);
      expect(Math.abs(erfc(x) / c - 1)).toBeLessThan(1e-14);
      expect(erf(-x)).toBe(-erf(x));
    }
  });
  it('P(|b| <= a |w|) for every pair of laws agrees with a quadrature over |w|', () => {
    // E_w[P(|b| <= a |w|)] by Simpson's rule on the density of |w| (independent of the closed forms)
    const pAbsB = (b: Law, t: number): number => (b.kind === 'uniform' ? Math.min(1, t / b.bound) : b.kind === 'normal' ? erf(t / (b.std * Math.SQRT2)) : 1);
    const quadrature = (b: Law, w: Law, a: number): number => {
      const top = w.kind === 'uniform' ? w.bound : 12 * (w as { std: number }).std;
      const density = (u: number): number => (w.kind === 'uniform' ? 1 / w.bound : (Math.sqrt(2 / Math.PI) / (w as { std: number }).std) * Math.exp(-(u * u) / (2 * (w as { std: number }).std ** 2)));
      const n = 20000;
      const h = top / n;
      let s = 0;
      for (let i = 0; i <= n; i++) s += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * density(i * h) * pAbsB(b, a * i * h);
      return (s * h) / 3;
    };
    const laws: Law[] = [
      { kind: 'uniform', bound: 0.7 },
      { kind: 'normal', std: 1.3 },
    ];
    for (const b of laws) for (const w of laws) for (const a of [0.1, 0.5, 1, 3]) expect(ratioCdf(b, w, a)).toBeCloseTo(quadrature(b, w, a), 6);
  });
});

describe('samplers', () => {
  it('are reproducible from the seed and give the shapes asked for', () => {
    const a = initNet([2, 5, 3, 1], { scheme: 'he-normal' }, new SeededRng(7));
    const b = initNet([2, 5, 3, 1], { scheme: 'he-normal' }, new SeededRng(7));
    expect(a.layers.map((l) => l.W.rows)).toEqual(b.layers.map((l) => l.W.rows));
    expect(a.layers.map((l) => [l.W.nrows, l.W.ncols])).toEqual([[5, 2], [3, 5], [1, 3]]);
    expect(a.layers.every((l) => l.b.every((x) => x === 0))).toBe(true);
    expect(a.domain.kind).toBe('F64');
  });
  it('PyTorch default: every weight and bias within 1/sqrt(fan_in)', () => {
    const net = initNet([3, 50, 1], { scheme: 'pytorch' }, new SeededRng(1));
    const within = (xs: number[], bound: number): boolean => xs.every((x) => Math.abs(x) <= bound) && xs.some((x) => Math.abs(x) > bound / 2);
    expect(within(net.layers[0].W.rows.flat(), 1 / Math.sqrt(3))).toBe(true);
    expect(within(net.layers[0].b.slice(), 1 / Math.sqrt(3))).toBe(true);
    expect(within(net.layers[1].W.rows.flat(), 1 / Math.sqrt(50))).toBe(true);
  });
  it('refuses unknown schemes, bad widths and bad sigmas', () => {
    const rng = new SeededRng(0);
    expect(() => initNet([1, 2, 1], { scheme: 'xavier' as never }, rng)).toThrow(/scheme must be one of/);
    expect(() => initNet([1, 0, 1], { scheme: 'pytorch' }, rng)).toThrow(/positive integers/);
    expect(() => initNet([1, 2, 1], { scheme: 'gaussian', sigmaW: -1 }, rng)).toThrow(/sigmaW must be a finite number > 0/);
  });
});

describe('empirical laws against the closed forms (fixed seeds, |z| < 5)', () => {
  const biases: (BiasInit | undefined)[] = [undefined, 'pytorch', { kind: 'normal', std: 0.8 }];
  const cases = INIT_SCHEMES.flatMap((scheme) => biases.map((bias, k) => [scheme, bias, 100 + k] as const));
  it.each(cases)('%s with bias %j', (scheme, bias, seed) => {
    const stats = initStats({ scheme, ...(bias !== undefined ? { bias } : {}) }, 16, 400, seed);
    let checked = 0;
    for (const c of stats.checks) {
      if (c.z === null) continue;
      expect(Math.abs(c.z), `${c.quantity}: ${c.estimate.mean} vs ${c.closedForm}`).toBeLessThan(Z);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});

describe('flatness as the width grows', () => {
  it('PyTorch default: sum mu^2 stays at 1/9, int |f\'\'| grows like sqrt(H)/4, the largest kink shrinks', () => {
    const rows = flatnessTable({ scheme: 'pytorch' }, [4, 16, 64, 256], 300, 5);
    for (const r of rows) {
      expect(Math.abs(r.sumMu2.mean - 1 / 9) / r.sumMu2.standardError).toBeLessThan(Z);
      expect(Math.abs(r.roughness.mean - Math.sqrt(r.width) / 4) / r.roughness.standardError).toBeLessThan(Z);
    }
    for (let k = 1; k < rows.length; k++) expect(rows[k].maxAbsMu.mean + Z * rows[k].maxAbsMu.standardError).toBeLessThan(rows[k - 1].maxAbsMu.mean);
  });
  it('Glorot: sum mu^2 vanishes like 4H/(H+1)^2; zero biases merge all kinks at 0', () => {
    const rows = flatnessTable({ scheme: 'glorot-uniform' }, [4, 64], 300, 6);
    for (const r of rows) expect(Math.abs(r.sumMu2.mean - (4 * r.width) / (r.width + 1) ** 2) / r.sumMu2.standardError).toBeLessThan(Z);
    expect(rows[0].roughnessClosed).toBeNull();
    // int |f''| = |sum mu| < sum |mu|
    expect(rows[1].roughness.mean).toBeLessThan(rows[1].meanAbsMu * 64 * 0.5);
  });
});
