/**
 * Issues 6 and 12 as a new user runs them (an audit): FORMATS.md keys of `optimum` and
 * `critical` on held-out data, `--compare-gd`, budgets (exit 3), bad input (exit 2, the field
 * named, no stack trace), and `simulate --activation` one step against a step written here.
 */
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../helpers/cli.js';

const data = (X: string[][], y?: string[]): string => JSON.stringify({ format: 'dataset/1', X, ...(y ? { y } : {}) });
const V = data([['-1'], ['0'], ['2']], ['3', '0', '5']);
const NET = JSON.stringify({ format: 'relu-net/1', layers: [{ W: [['1'], ['-2']], b: ['1/2', '1'] }, { W: [['3', '-1']], b: ['1'] }] });

describe('optimum and critical: keys, --compare-gd, budgets and bad input', () => {
  it('keys on held-out data; the spurious minimum 9/2 shows in --compare-gd', async () => {
    const o = await runInMemory(['optimum', '--data', 'd.json', '--width', '2', '--compare-gd', '3', '--gd-steps', '3000', '--json'], { 'd.json': V });
    const out = JSON.parse(o.stdout);
    expect([o.code, out.sse, out.net.format]).toEqual([0, '0', 'relu-net/1']);
    expect(Object.keys(out.compareGd)).toEqual(expect.arrayContaining(['runs', 'reached', 'optimum', 'finalSse', 'best', 'medianGap', 'below', 'exact']));
    expect([out.compareGd.runs, out.compareGd.below, out.compareGd.exact]).toEqual([3, 0, false]);
    const c = await runInMemory(['critical', '--data', 'd.json', '--width', '1', '--json'], { 'd.json': V });
    const cr = JSON.parse(c.stdout);
    expect([c.code, cr.complete, cr.lowestSse]).toEqual([0, true, '9/2']);
    for (const p of cr.criticalPoints) expect(Object.keys(p)).toEqual(expect.arrayContaining(['sse', 'kind', 'inertia', 'net']));
  });

  it('budgets stop with exit 3 and a message', async () => {
    const X = Array.from({ length: 7 }, (_, i) => [String(i), String((i * i) % 5)]);
    const big = data(X, X.map((_, i) => String(i % 3)));
    const o = await runInMemory(['optimum', '--data', 'd.json', '--width', '3', '--max-count', '100'], { 'd.json': big });
    expect([o.code, o.stdout]).toEqual([3, '']);
    expect(o.stderr).toMatch(/exceed the budget of 100/);
    const c = await runInMemory(['critical', '--data', 'd.json', '--width', '3', '--max-count', '5', '--json'], { 'd.json': data(X.map((r) => [r[0]]), X.map((_, i) => String(i % 3))) });
    expect([c.code, JSON.parse(c.stdout).complete]).toEqual([3, false]);
  });

  it('bad input: exit 2, the field named, no stack trace', async () => {
    const cases: [string[], string, RegExp][] = [
      [['optimum', '--width', '1'], data([['0'], ['1']]), /d\.json: y: has no labels/],
      [['optimum', '--width', '1'], data([['0'], ['1']], ['1', 'NaN']), /y\[1\]/],
      [['optimum', '--width', '1'], data([['0'], ['1', '2']], ['1', '2']), /X\[1\]/],
      [['optimum', '--width', '0'], V, /--width/],
      [['optimum', '--width', '1', '--compare-gd', '0'], V, /--compare-gd/],
      [['optimum', '--width', '1', '--method', 'cells'], data([['0', '1']], ['1']), /X: .*univariate/],
      [['critical', '--width', '1'], data([['0', '1']], ['1']), /X: .*univariate/],
      [['critical', '--width', '1'], data([['0'], ['1']], ['1']), /y: has length 1/],
    ];
    for (const [argv, file, message] of cases) {
      const r = await runInMemory([...argv, '--data', 'd.json'], { 'd.json': file });
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('simulate --activation', () => {
  it('one step of descent on sse matches a step written here, for each activation', async () => {
    const acts: Record<string, [(z: number) => number, (z: number) => number]> = {
      tanh: [Math.tanh, (z) => 1 - Math.tanh(z) ** 2],
      'leaky-relu:0.2': [(z) => (z > 0 ? z : 0.2 * z), (z) => (z > 0 ? 1 : 0.2)],
      'relu-power:2': [(z) => Math.max(z, 0) ** 2, (z) => 2 * Math.max(z, 0)],
      gaussian: [(z) => Math.exp(-z * z / 2), (z) => -z * Math.exp(-z * z / 2)],
      logistic: [(z) => 1 / (1 + Math.exp(-z)), (z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2],
    };
    const X = [-1, 0, 2];
    const Y = [3, 0, 5];
    for (const [label, [s, ds]] of Object.entries(acts)) {
      const sse = (w: number[], b: number[], v: number[], c: number) => X.reduce((t, x, n) => t + (c + v[0] * s(w[0] * x + b[0]) + v[1] * s(w[1] * x + b[1]) - Y[n]) ** 2, 0);
      const [w, b, v, c] = [[1, -2], [0.5, 1], [3, -1], 1];
      const g = { w: [0, 0], b: [0, 0], v: [0, 0], c: 0 };
      X.forEach((x, n) => {
        const r = c + v[0] * s(w[0] * x + b[0]) + v[1] * s(w[1] * x + b[1]) - Y[n];
        g.c += 2 * r;
        for (const j of [0, 1]) {
          const z = w[j] * x + b[j];
          g.w[j] += 2 * r * v[j] * ds(z) * x;
          g.b[j] += 2 * r * v[j] * ds(z);
          g.v[j] += 2 * r * s(z);
        }
      });
      const lr = 0.01;
      const step = (p: number[], d: number[]) => p.map((t, j) => t - lr * d[j]);
      const expected = sse(step(w, g.w), step(b, g.b), step(v, g.v), c - lr * g.c);
      const r = await runInMemory(['simulate', '--net', 'n.json', '--data', 'd.json', '--steps', '1', '--lr', String(lr), '--activation', label, '--json'], { 'n.json': NET, 'd.json': V });
      const out = JSON.parse(r.stdout);
      expect([r.code, out.activation, out.exact]).toEqual([0, label, false]);
      expect(out.initialSse).toBeCloseTo(sse(w, b, v, c), 10);
      expect(out.sse).toBeCloseTo(expected, 10);
    }
  });

  it('bad activation names and parameters: exit 2 with the reason', async () => {
    for (const [a, message] of [['foo', /must be one of/], ['leaky-relu:1', /a = 1 is linear/], ['relu-power:1.5', /integer in 1\.\.8/], ['tanh:3', /takes no parameter/], ['leaky-relu:NaN', /must be a number/]] as const) {
      const r = await runInMemory(['simulate', '--net', 'n.json', '--data', 'd.json', '--steps', '1', '--lr', '0.01', '--activation', a], { 'n.json': NET, 'd.json': V });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const e = await runInMemory(['experiment', 'spectral-bias', '--activation', 'relu-power:0', '--widths', '20']);
    expect([e.code, e.stderr]).toEqual([2, expect.stringMatching(/relu-power/)]);
  });
});
