import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBinary, runInMemory } from '../helpers/cli.js';

const netText = (layers: unknown, name?: string): string => JSON.stringify({ format: 'relu-net/1', ...(name !== undefined ? { name } : {}), layers });
const shallow = (rows: [string, string, string][], c = '0'): string =>
  netText([
    { W: rows.map(([w]) => [w]), b: rows.map(([, b]) => b) },
    { W: [rows.map(([, , v]) => v)], b: [c] },
  ]);

// A net a new user might write: two neurons with one breakpoint and orientation (1 and 3/2), a
// cancelling pair at -1, a zero outer weight, a w = 0 constant and a w = 0 dead neuron.
const HELD_OUT = shallow(
  [
    ['1', '-1', '2'], // 2 relu(x - 1): jump 2 at 1
    ['2', '-2', '1/2'], // 1/2 relu(2x - 2) = relu(x - 1): jump 1 at 1
    ['1', '1', '1'], // relu(x + 1)
    ['-1', '-1', '-1'], // -relu(-x - 1): with the previous, x + 1 (the kinks at -1 cancel)
    ['3', '-6', '0'], // zero outer weight
    ['0', '2', '3/2'], // constant 3/2 relu(2) = 3
    ['0', '-1', '5'], // w = 0, b < 0: zero
  ],
  '1/2',
);
// So f(x) = 1/2 + 3 + (x + 1) + 3 relu(x - 1) = x + 9/2 + 3 relu(x - 1): one knot at 1, slopes 1 | 4,
// f(1) = 11/2, f(0) = 9/2.

describe('relu-exact spline', () => {
  it('prints the FORMATS.md keys for a net with coincident, cancelling, dead and constant neurons', async () => {
    const r = await runInMemory(['spline', '--net', 'virtual:n.json', '--json'], { 'virtual:n.json': HELD_OUT });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect({ knots: out.knots, slopes: out.slopes, values: out.values, f0: out.f0 }).toEqual({ knots: ['1'], slopes: ['1', '4'], values: ['11/2'], f0: '9/2' });
    expect(out.neurons.map((n: { role: string }) => n.role)).toEqual(['kink', 'kink', 'cancelled', 'cancelled', 'dead', 'constant', 'dead']);
    expect(out.breakpoints).toEqual([
      { at: '-1', neurons: [2, 3], jump: '0', knot: false },
      { at: '1', neurons: [0, 1], jump: '3', knot: true },
      { at: '2', neurons: [4], jump: '0', knot: false },
    ]);
    expect(out.neurons[1]).toMatchObject({ breakpoint: '1', orientation: 1, deltaSlope: '1' });
    expect(out.neurons[3]).toMatchObject({ breakpoint: '-1', orientation: -1, deltaSlope: '-1' });
    // int |f''| = 3; |f'(-inf) + f'(inf)| = 5; path norm 2 + 1 + 1 + 1 = 5
    expect([out.roughness, out.representationCost, out.pathNorm]).toEqual(['3', '5', '5']);
    // one kink, slope 1 on the left: face it left? jump 3 != -1, so a second neuron is needed: width 2
    expect([out.width, out.minimalWidth, out.affineExtra]).toEqual([7, 2, 1]);
    const minimal = await runInMemory(['spline', '--net', 'virtual:m.json', '--json'], { 'virtual:m.json': JSON.stringify(out.minimal) });
    expect(JSON.parse(minimal.stdout)).toMatchObject({ knots: ['1'], slopes: ['1', '4'], f0: '9/2', width: 2, minimalWidth: 2 });
    // orbit representatives sorted by (w, b, v): |w| = 1, or w = 0 and |b| = 1
    expect(out.canonical.layers[0].W.flat()).toEqual(['-1', '0', '0', '1', '1', '1', '1']);
    expect(out.canonical.layers[0].b).toEqual(['-1', '-1', '1', '-2', '-1', '-1', '1']);
    expect(out.exact).toBe(true);
  });
  it('explains the lens in a readable summary', async () => {
    const r = await runInMemory(['spline', '--net', 'virtual:n.json'], { 'virtual:n.json': HELD_OUT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('f is continuous piecewise linear with 1 knot');
    expect(r.stdout).toContain('neurons 3, 4 at -1 cancel');
    expect(r.stdout).toContain('neurons 1, 2 share the breakpoint 1');
    expect(r.stdout).toMatch(/neurons 5, 7 contribute nothing/);
    expect(r.stdout).toMatch(/Minimal width \(V1\): 2 = 1 kink \+ 1/);
  });
  it('handles deep univariate nets (no per-neuron lens) and other variants', async () => {
    const deep = netText([
      { W: [['1'], ['-1']], b: ['0', '0'] },
      { W: [['-1', '-1']], b: ['1'] },
      { W: [['1']], b: ['0'] },
    ]);
    const r = await runInMemory(['spline', '--net', 'virtual:d.json', '--json', '--variant', 'V0'], { 'virtual:d.json': deep });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // relu(1 - |x|): the hat
    expect([out.knots, out.slopes, out.values, out.f0]).toEqual([['-1', '0', '1'], ['0', '1', '-1', '0'], ['0', '1', '0'], '1']);
    expect([out.shallow, out.neurons, out.minimalWidth, out.variant]).toEqual([false, null, 3, 'V0']);
  });
  it('writes an SVG of f, its knots and the data', async () => {
    const data = JSON.stringify({ format: 'dataset/1', X: [['0'], ['1'], ['2']], y: ['4', '6', '9'] });
    const r = await runInMemory(['spline', '--net', 'virtual:n.json', '--svg', 'virtual:f.svg', '--data', 'virtual:d.json', '--json'], { 'virtual:n.json': HELD_OUT, 'virtual:d.json': data });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.svg).toBe('virtual:f.svg');
    // f(0), f(1), f(2) = 9/2, 11/2, 19/2: errors 1/2, -1/2, 1/2
    expect(out.sse).toBe('3/4');
    const svg = r.written.get('virtual:f.svg')!;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('knots (1)');
    expect(svg).toContain('data (3)');
  });
  it.each([
    [netText([{ W: [['1', '2']], b: ['0'] }, { W: [['1']], b: ['0'] }]), 'virtual:n.json: layers[0].W: the spline lens needs a univariate net (1 input); this net takes 2'],
    [netText([{ W: [['1']], b: ['0'] }, { W: [['1'], ['2']], b: ['0', '1'] }]), 'needs one output; this net has 2'],
    [netText([{ W: [['1']], b: ['x'] }]), 'layers[0].b[0]'],
  ])('refuses bad nets with exit 2 and a message naming the place (%#)', async (text, message) => {
    const r = await runInMemory(['spline', '--net', 'virtual:n.json'], { 'virtual:n.json': text });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
  it('refuses bad options and multivariate data', async () => {
    const files = { 'virtual:n.json': HELD_OUT, 'virtual:d.json': JSON.stringify({ format: 'dataset/1', X: [['0', '1']] }) };
    const bad = await runInMemory(['spline', '--net', 'virtual:n.json', '--variant', 'V3'], files);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--variant must be one of V0, V1, V2')]);
    const data = await runInMemory(['spline', '--net', 'virtual:n.json', '--data', 'virtual:d.json'], files);
    expect([data.code, data.stderr]).toEqual([2, expect.stringContaining('virtual:d.json: X: points have 2 coordinates')]);
    expect((await runInMemory(['spline'])).stderr).toContain('missing --net FILE');
  });
  it.skipIf(!existsSync('dist/cli/main.js'))('runs as a binary on the bundled example', () => {
    const r = runBinary(['spline', '--net', 'examples/bundled/net.json', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ knots: ['0', '1/2', '1'], slopes: ['-1/2', '1/2', '-3/4', '-1/4'], values: ['3/4', '1', '5/8'], f0: '3/4', minimalWidth: 3 });
  });
});

describe('relu-exact interpolate', () => {
  it('prints R* and an exact interpolant (LITERATURE-B 3.2, row (0,1,2) -> (0,1,3))', async () => {
    const data = JSON.stringify({ format: 'dataset/1', X: [['0'], ['1'], ['2']], y: ['0', '1', '3'] });
    const r = await runInMemory(['interpolate', '--data', 'virtual:d.json', '--json', '--svg', 'virtual:i.svg'], { 'virtual:d.json': data });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.cost, out.interiorVariation, out.tailSum, out.dataSlopes]).toEqual(['2', '1', '3', ['1', '2']]);
    expect([out.knots, out.slopes]).toEqual([['0', '1'], ['0', '1', '2']]);
    expect(out.net.layers[1].W[0]).toEqual(['1', '1']);
    expect(r.written.get('virtual:i.svg')).toContain('data (3)');
    const text = await runInMemory(['interpolate', '--data', 'virtual:d.json'], { 'virtual:d.json': data });
    expect(text.stdout).toContain('Minimum representation cost R* = 2');
  });
  it('refuses unlabelled or contradictory data', async () => {
    const files = {
      'virtual:u.json': JSON.stringify({ format: 'dataset/1', X: [['0']] }),
      'virtual:c.json': JSON.stringify({ format: 'dataset/1', X: [['0'], ['0']], y: ['1', '2'] }),
    };
    const u = await runInMemory(['interpolate', '--data', 'virtual:u.json'], files);
    expect([u.code, u.stderr]).toEqual([2, expect.stringContaining('virtual:u.json: y: has no labels')]);
    const c = await runInMemory(['interpolate', '--data', 'virtual:c.json'], files);
    expect([c.code, c.stderr]).toEqual([2, expect.stringContaining('virtual:c.json: y[1]: points 0 and 1 share x = 0')]);
  });
});

describe('relu-exact report with the spline lens', () => {
  it('adds the spline and the interpolant, with inline figures, to the bundled report', async () => {
    const r = await runInMemory(['report', '--out', 'virtual:r.html', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sections).toEqual(expect.arrayContaining(['spline', 'min-cost-interpolant']));
    expect(out.report.spline).toMatchObject({ knots: ['0', '1/2', '1'], roughness: '11/4', minimalWidth: 3 });
    // bundled data: slopes 1/2, 1/2, 1, 1, -1, -1, -1/2, -1/2: TV = 3, B0 = 0
    expect(out.report['min-cost-interpolant'].cost).toBe('3');
    const html = r.written.get('virtual:r.html')!;
    expect(html.match(/<svg /g)?.length).toBe(2);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
  it('leaves the spline out for a multivariate net', async () => {
    const net = netText([{ W: [['1', '2']], b: ['0'] }, { W: [['1']], b: ['0'] }]);
    const r = await runInMemory(['report', '--net', 'virtual:n.json', '--json'], { 'virtual:n.json': net });
    expect(JSON.parse(r.stdout).sections).not.toContain('spline');
  });
});

describe('when the minimal-width search runs out of budget', () => {
  it('reports the bounds of the characterisation instead of failing', async () => {
    const { summariseSpline, splineJson, splineSentence } = await import('../../src/cli/spline-summary.js');
    const { shallow1d } = await import('../helpers/univariate.js');
    // kinks 1..8 with jumps 2^k (all subset sums distinct) and far-left slope -201/2: no subset sums
    // to 201/2, yet it lies within their range, so the search must list them; an antiparallel pair
    // at the first kink hides the net's own orientations.
    const rows: [string, string, string][] = Array.from({ length: 8 }, (_, k) => ['1', String(-(k + 1)), String(2 ** k)]);
    rows.push(['-1', '1', '201/2'], ['1', '-1', '-201/2']);
    const s = summariseSpline(shallow1d(rows, 0), 'V1', 4);
    expect(s.minimal).toBeNull();
    const json = splineJson(s);
    expect([json.minimalWidth, json.minimalWidthBounds]).toEqual([null, [8, 9]]);
    expect(splineSentence(s, 6)).toContain('lies between 8 and 9');
    expect(summariseSpline(shallow1d(rows, 0)).minimal?.width).toBe(9);
  });
});

describe('neurons dead on the data', () => {
  it('are named when --data is given', async () => {
    // relu(x - 5) is active at no point of {0, 1, 2}; relu(x) is active at 1 and 2
    const files = { 'virtual:n.json': shallow([['1', '-5', '1'], ['1', '0', '1']]), 'virtual:d.json': JSON.stringify({ format: 'dataset/1', X: [['0'], ['1'], ['2']] }) };
    const r = await runInMemory(['spline', '--net', 'virtual:n.json', '--data', 'virtual:d.json'], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('neuron 1 is active at no data point');
    expect(r.stdout).not.toContain('neuron 2 is active at no data point');
  });
});
