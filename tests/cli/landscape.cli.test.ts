import { describe, expect, it } from 'vitest';
import { runBinary, runInMemory } from '../helpers/cli.js';

const dataset = (X: (string | number)[][], y?: (string | number)[]): string => JSON.stringify({ format: 'dataset/1', X: X.map((r) => r.map(String)), ...(y ? { y: y.map(String) } : {}) });
const THREE = dataset([[-1], [0], [1]], [1, 0, 1]);
const XOR = dataset([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]);
const NET = JSON.stringify({ format: 'relu-net/1', layers: [{ W: [['-1']], b: ['-1/2'] }, { W: [['1']], b: ['1/2'] }] });
const TIED = JSON.stringify({ format: 'relu-net/1', layers: [{ W: [['1']], b: ['0'] }, { W: [['2']], b: ['1/2'] }] }); // kink on x = 0, residual 1/2 there

describe('relu-exact optimum', () => {
  it('prints the FORMATS.md keys: sse (exact) and a relu-net/1 minimiser (LITERATURE-B 8.5 oracles, no output bias)', async () => {
    const files = { 'virtual:3.json': THREE, 'virtual:xor.json': XOR };
    const cases: [string, string, string][] = [
      ['virtual:3.json', '1', '2/3'],
      ['virtual:3.json', '2', '0'],
      ['virtual:xor.json', '1', '1'],
      ['virtual:xor.json', '2', '0'],
    ];
    for (const [file, width, sse] of cases) {
      const r = await runInMemory(['optimum', '--data', file, '--width', width, '--no-output-bias', '--json'], files);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.sse).toBe(sse);
      expect(out.net.format).toBe('relu-net/1');
      expect(out.net.layers[1].b).toEqual(['0']);
      expect(out).toMatchObject({ width: Number(width), outputBias: false, exact: true });
    }
  });

  it('with the output bias (default), and the same value by --method cells', async () => {
    const files = { 'virtual:3.json': THREE };
    const a = JSON.parse((await runInMemory(['optimum', '--data', 'virtual:3.json', '--width', '1', '--json'], files)).stdout);
    const b = JSON.parse((await runInMemory(['optimum', '--data', 'virtual:3.json', '--width', '1', '--method', 'cells', '--json'], files)).stdout);
    expect([a.sse, b.sse]).toEqual(['1/2', '1/2']);
    expect(a.certificate.kktChecked).toBe(true);
    const text = await runInMemory(['optimum', '--data', 'virtual:3.json', '--width', '1'], files);
    expect(text.stdout).toContain('Global minimum of sse over nets of width 1: 1/2');
  });

  it('bad input exits 2 with the reason; a budget exits 3', async () => {
    const files = { 'virtual:nolabels.json': dataset([[0], [1]]), 'virtual:big.json': dataset(Array.from({ length: 12 }, (_, i) => [i]), Array.from({ length: 12 }, (_, i) => i % 3)) };
    const noLabels = await runInMemory(['optimum', '--data', 'virtual:nolabels.json', '--width', '1'], files);
    expect(noLabels.code).toBe(2);
    expect(noLabels.stderr).toContain('virtual:nolabels.json: y: has no labels');
    const zero = await runInMemory(['optimum', '--data', 'virtual:big.json', '--width', '0'], files);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--width must be an integer in [1, 64]');
    const budget = await runInMemory(['optimum', '--data', 'virtual:big.json', '--width', '3', '--max-count', '50'], files);
    expect(budget.code).toBe(3);
    expect(budget.stderr).toContain('exceed the budget of 50');
  });
});

// Planted: y = 1 + 2 relu(x - 5/2) - 3 relu(x - 9/2) on x = 0..7, so width 2 fits exactly (optimum 0).
const PLANTED = dataset(Array.from({ length: 8 }, (_, i) => [i]), [1, 1, 1, 2, 4, '9/2', '7/2', '5/2']);

describe('relu-exact optimum --compare-gd', () => {
  type CompareGd = { runs: number; reached: number; tolerance: number; optimum: number; finalSse: number[]; best: number; medianGap: number | null; below: number; exact: boolean };
  const compare = async (file: string, text: string, width: string, extra: string[] = []): Promise<{ sse: string; compareGd: CompareGd }> => {
    const r = await runInMemory(['optimum', '--data', file, '--width', width, '--compare-gd', '12', '--json', ...extra], { [file]: text });
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  };

  it('on planted data (optimum 0) some seeded runs reach it, none goes below it, and the counts agree with the listed final sse', async () => {
    for (const [file, text] of [['virtual:planted.json', PLANTED], ['virtual:xor.json', XOR]]) {
      const out = await compare(file, text, '2');
      expect(out.sse).toBe('0');
      const g = out.compareGd;
      expect(g).toMatchObject({ runs: 12, optimum: 0, below: 0, exact: false });
      expect(g.finalSse).toHaveLength(12);
      expect(g.reached).toBeGreaterThanOrEqual(1);
      expect(g.reached).toBe(g.finalSse.filter((v) => v <= g.tolerance).length);
      expect(Math.min(...g.finalSse)).toBe(g.best);
      for (const v of g.finalSse) expect(v).toBeGreaterThanOrEqual(-g.tolerance);
    }
  });

  it('with a positive optimum (1/2 for three points, width 1) no run ends below it; the same seeds give the same runs', async () => {
    const a = await compare('virtual:3.json', THREE, '1');
    const b = await compare('virtual:3.json', THREE, '1');
    expect(a.compareGd.finalSse).toEqual(b.compareGd.finalSse);
    for (const v of a.compareGd.finalSse) expect(v).toBeGreaterThanOrEqual(0.5 - a.compareGd.tolerance);
    // the other stationary value is the best constant 2/3 (a dead or everywhere-active neuron)
    expect(a.compareGd.reached).toBeGreaterThanOrEqual(1);
    expect(a.compareGd.medianGap).toBeCloseTo(1 / 6, 5);
    const other = await compare('virtual:3.json', THREE, '1', ['--gd-seed', '100', '--gd-init', 'he-uniform', '--gd-steps', '3000']);
    expect(other.compareGd.finalSse).not.toEqual(a.compareGd.finalSse);
  });

  it('prints the comparison in the text form; gd options without --compare-gd, or bad ones, exit 2', async () => {
    const files = { 'virtual:3.json': THREE };
    const text = await runInMemory(['optimum', '--data', 'virtual:3.json', '--width', '1', '--compare-gd', '4'], files);
    expect(text.stdout).toMatch(/\d of 4 reached the certified optimum 0\.5 within/);
    for (const [args, message] of [
      [['--gd-lr', '0.1'], '--gd-lr needs --compare-gd R'],
      [['--compare-gd', '0'], '--compare-gd must be an integer in [1, 10000]'],
      [['--compare-gd', '2', '--gd-init', 'zeros'], '--gd-init must be one of'],
      [['--compare-gd', '2', '--gd-tolerance=-1'], '--gd-tolerance must be a number >= 0'],
      [['--compare-gd', '2', '--gd-steps', '0'], '--gd-steps must be an integer in [1, '],
    ] as const) {
      const r = await runInMemory(['optimum', '--data', 'virtual:3.json', '--width', '1', ...args], files);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});

describe('relu-exact critical', () => {
  it('prints criticalPoints with sse, kind, inertia, net, and complete (FORMATS.md)', async () => {
    const r = await runInMemory(['critical', '--data', 'virtual:3.json', '--width', '1', '--json'], { 'virtual:3.json': THREE });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.complete).toBe(true);
    expect(out.lowestSse).toBe('1/2');
    expect(out.criticalPoints).toHaveLength(8);
    for (const p of out.criticalPoints) {
      expect(['minimum', 'saddle', 'maximum', 'degenerate']).toContain(p.kind);
      expect(Object.keys(p.inertia).sort()).toEqual(['neg', 'pos', 'zero']);
      expect(p.net.format).toBe('relu-net/1');
      expect(typeof p.sse).toBe('string');
    }
    expect(out.criticalPoints[0]).toMatchObject({ sse: '1/2', kind: 'minimum', dimension: 1, globalMinimum: true, neurons: [{ role: 'live', breakpoint: { gap: ['-1', '0'] }, orientation: -1, muSign: 1 }] });
    expect(out.clarkePoints.find((p: { oneSided?: unknown[] }) => p.oneSided?.length === 1 && p.oneSided[0] && (p.oneSided[0] as { at: string }).at === '0')).toBeDefined();
  });

  it('--spectrum adds certified eigenvalues; the text form lists the families', async () => {
    const r = await runInMemory(['critical', '--data', 'virtual:3.json', '--width', '1', '--spectrum', '--json', '--no-clarke'], { 'virtual:3.json': THREE });
    const out = JSON.parse(r.stdout);
    expect(out.clarkePoints).toEqual([]);
    const sp = out.criticalPoints[0].spectrum;
    expect(sp.eigenvalues.reduce((a: number, e: { multiplicity: number }) => a + e.multiplicity, 0)).toBe(4);
    expect(sp.float.exact).toBe(false);
    const text = await runInMemory(['critical', '--data', 'virtual:3.json', '--width', '1'], { 'virtual:3.json': THREE });
    expect(text.stdout).toContain('Lowest sse: 1/2 (~0.5) (the global optimum)');
    expect(text.stdout).toContain('kink in (-1, 0) facing left, mu > 0');
  });

  it('refuses 2-D data (exit 2); a budget gives complete: false and exit 3', async () => {
    const two = await runInMemory(['critical', '--data', 'virtual:xor.json', '--width', '1'], { 'virtual:xor.json': XOR });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('univariate data');
    const b = await runInMemory(['critical', '--data', 'virtual:3.json', '--width', '2', '--max-count', '3', '--json'], { 'virtual:3.json': THREE });
    expect(b.code).toBe(3);
    expect(JSON.parse(b.stdout).complete).toBe(false);
    expect(b.stderr).toContain('partial');
  });
});

describe('relu-exact hessian', () => {
  it('gradient, Hessian, inertia and certified eigenvalues at a net; spline coordinates with --spline', async () => {
    const files = { 'virtual:3.json': THREE, 'virtual:n.json': NET };
    const out = JSON.parse((await runInMemory(['hessian', '--net', 'virtual:n.json', '--data', 'virtual:3.json', '--json'], files)).stdout);
    expect(out).toMatchObject({ sse: '1/2', differentiable: true, critical: true, inertia: { pos: 2, neg: 0, zero: 2 } });
    expect(out.names).toEqual(['layers[0].W[0][0]', 'layers[0].b[0]', 'layers[1].W[0][0]', 'layers[1].b[0]']);
    const sp = JSON.parse((await runInMemory(['hessian', '--net', 'virtual:n.json', '--data', 'virtual:3.json', '--spline', '--json'], files)).stdout);
    expect(sp.names).toEqual(['mu_1', 'beta_1', 'c']);
    expect(sp.inertia).toEqual({ pos: 2, neg: 0, zero: 1 });
  });

  it('at a breakpoint on a data point: not differentiable, one-sided partials', async () => {
    const r = await runInMemory(['hessian', '--net', 'virtual:t.json', '--data', 'virtual:3.json', '--json'], { 'virtual:3.json': THREE, 'virtual:t.json': TIED });
    const out = JSON.parse(r.stdout);
    expect(out.differentiable).toBe(false);
    expect(out.ties).toEqual([{ point: 1, layer: 0, neuron: 0 }]);
    expect(out.left[1]).not.toBe(out.right[1]);
  });
});

describe('the built binary', () => {
  it('runs relu-exact optimum as a user would', () => {
    const r = runBinary(['optimum', '--data', 'examples/landscape/three-points.json', '--width', '2', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sse).toBe('0');
  });
});

describe('the report', () => {
  it('has a landscape section: the certified optima of widths 1 and 2 (1/2 by hand, and 0: two kinks interpolate three points) and the critical points', async () => {
    const r = await runInMemory(['report', '--data', 'virtual:3.json', '--out', 'virtual:r.html', '--json'], { 'virtual:3.json': THREE });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sections).toContain('landscape');
    expect(out.report.landscape.optimum['1'].sse).toBe('1/2');
    expect(out.report.landscape.optimum['2'].sse).toBe('0');
    expect(out.report.landscape.critical).toMatchObject({ width: 2, complete: true });
    expect(r.written.get('virtual:r.html')).toContain('The loss landscape');
  });
});
