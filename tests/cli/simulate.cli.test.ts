import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary, runInMemory } from '../helpers/cli.js';

// LITERATURE-A O3: the sse gradient there is dyadic, so one descent step with lr = 2^-10 is exact.
const NET = JSON.stringify({ format: 'relu-net/1', layers: [{ W: [['2'], ['-1']], b: ['-1', '3'] }, { W: [['3', '1/2']], b: ['1/4'] }] });
const DATA = JSON.stringify({ format: 'dataset/1', X: [['-1'], ['0'], ['1'], ['2'], ['4']], y: ['0', '1', '1', '0', '2'] });
const files = { 'virtual:net.json': NET, 'virtual:data.json': DATA };

/** Every tag closed in order (a small well-formedness check). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing === '/') continue;
    if (closing === '/') {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

describe('relu-exact simulate', () => {
  it('prints the FORMATS keys: sse after the last step, steps, trajectory; one exact descent step on O3', async () => {
    const r = await runInMemory(['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '1', '--lr', '0.0009765625', '--json'], files);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.exact).toBe(false);
    expect(out.steps).toBe(1);
    expect(out.trajectory).toBeNull();
    expect(out.initialSse).toBe(7709 / 16);
    // theta - grad / 1024 with grad = [1197/2, 41/2, 387/2, 16, 669/2, 55, 141/2] (from O3)
    const grad = [1197 / 2, 41 / 2, 387 / 2, 16, 669 / 2, 55, 141 / 2];
    const theta = [2, -1, -1, 3, 3, 0.5, 0.25].map((t, p) => t - grad[p] / 1024);
    expect(out.net.layers[0].W).toEqual([[theta[0]], [theta[1]]]);
    expect(out.net.layers[0].b).toEqual([theta[2], theta[3]]);
    expect(out.net.layers[1].W).toEqual([[theta[4], theta[5]]]);
    expect(out.net.layers[1].b).toEqual([theta[6]]);
    // the sse reported is the sse of that net, recomputed here by hand
    const f = (x: number): number => theta[6] + theta[4] * Math.max(0, theta[0] * x + theta[2]) + theta[5] * Math.max(0, theta[1] * x + theta[3]);
    const sse = [-1, 0, 1, 2, 4].reduce((acc, x, i) => acc + (f(x) - [0, 1, 1, 0, 2][i]) ** 2, 0);
    expect(out.sse).toBeCloseTo(sse, 10);
  });

  it('streams the trajectory as JSONL (header, then records at 0, K, 2K, ... and the end) and draws an animated SVG', async () => {
    const r = await runInMemory(['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '25', '--lr', '1e-3', '--record-every', '10', '--out', 'virtual:t.jsonl', '--svg', 'virtual:a.svg', '--svg-frames', '3'], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Gradient descent on sse (float64, kernel sorted): 25 steps');
    const lines = r.written.get('virtual:t.jsonl')!.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'trajectory/1', exact: false, method: 'descent', coordinates: 'spline', widths: [1, 2, 1] });
    expect(lines.slice(1).map((l) => l.step)).toEqual([0, 10, 20, 25]);
    expect(lines[1].coordinates).toEqual({ kind: 'spline', beta: [0.5, 3], mu: [6, 0.5], s: [1, -1], c: 0.25, offset: 0.25 });
    expect(Object.keys(lines[2].metrics)).toEqual(['sse', 'squaredNorm', 'balanceDrift', 'balanceScale', 'alignment', 'rank', 'clustering']);
    const svg = r.written.get('virtual:a.svg')!;
    expect(balanced(svg)).toBe(true);
    // frames: records 0, 20 (every second of four) and the last
    expect(svg.match(/<animate /g)!.length).toBe(3);
    expect(svg).toContain('step 25');
  });

  it('--flow integrates over t = steps * lr and reports the integrator and the balance drift', async () => {
    const r = await runInMemory(['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '100', '--lr', '1e-4', '--flow', '--json'], files);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.method).toBe('flow');
    expect(out.time).toBeCloseTo(0.01, 15);
    expect(out.flow.accepted).toBeGreaterThan(0);
    expect(out.balanceDrift / out.balanceScale).toBeLessThan(1e-8);
    expect(out.sse).toBeLessThan(7709 / 16);
  });

  it('--record-at adds records at chosen times, for descent and flow alike', async () => {
    for (const flow of [[], ['--flow']]) {
      const r = await runInMemory(['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '10', '--lr', '1e-3', '--record-every', '10', '--record-at', '0.003,0.0075', '--out', 'virtual:t.jsonl', ...flow], files);
      expect(r.code).toBe(0);
      const lines = r.written.get('virtual:t.jsonl')!.trimEnd().split('\n').slice(1).map((l) => JSON.parse(l));
      expect(lines.map((l) => l.step)).toEqual([0, 3, 8, 10]);
      if (flow.length > 0) expect(lines.map((l) => l.t)).toEqual([0, 0.003, 0.0075, 0.01]);
    }
    const bad = await runInMemory(['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '10', '--lr', '1e-3', '--record-at', '1,x'], files);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--record-at must be a comma-separated list of times >= 0');
  });

  it('--init draws the initial net; the flow budget gives exit 3 with the state reached', async () => {
    const r = await runInMemory(['simulate', '--init', 'pytorch', '--width', '5', '--seed', '2', '--data', 'virtual:data.json', '--steps', '10', '--lr', '1e-3', '--json'], files);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).net.layers[0].W).toHaveLength(5);
    const cut = await runInMemory(['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '1000', '--lr', '0.01', '--flow', '--max-evaluations', '30', '--json'], files);
    expect(cut.code).toBe(3);
    expect(cut.stderr).toContain('the flow used its 30 gradient evaluations');
    expect(JSON.parse(cut.stdout).complete).toBe(false);
  });

  it('a step size that blows up is reported, not hidden', async () => {
    const r = await runInMemory(['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '500', '--lr', '1', '--json'], files);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.diverged).toBe(true);
    expect(out.sse).toBeNull();
    expect(r.stderr).toContain('the sse stopped being finite');
    // the readable summary: ReLU has balances (positively homogeneous); they are just not finite any more
    const text = await runInMemory(['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '500', '--lr', '1'], files);
    expect(text.stdout).toContain('drift not finite (the run overflowed)');
    expect(text.stdout).not.toContain('not positively homogeneous');
  });

  it('a flow that cannot start (sse = inf at t = 0) says so, and does not blame the evaluation budget', async () => {
    const huge = JSON.stringify({ format: 'relu-net/1', layers: [{ W: [['1e200']], b: ['0'] }, { W: [['1e200']], b: ['0'] }] });
    const r = await runInMemory(['simulate', '--net', 'virtual:huge.json', '--data', 'virtual:data.json', '--steps', '10', '--lr', '0.1', '--flow', '--json'], { ...files, 'virtual:huge.json': huge });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diverged).toBe(true);
    expect(r.stderr).toContain('the sse stopped being finite at t = 0');
    expect(r.stderr).toContain('rescale the net or the data');
    expect(r.stderr).not.toContain('gradient evaluations');
    expect(r.stderr).not.toContain('the step size is too large');
  });

  it.each([
    [['simulate', '--data', 'virtual:data.json', '--steps', '1', '--lr', '1'], 'missing --net FILE (or --init SCHEME --width H)'],
    [['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '1', '--lr=-1'], '--lr must be a number > 0'],
    [['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', 'x', '--lr', '1'], '--steps must be an integer'],
    [['simulate', '--net', 'virtual:net.json', '--data', 'virtual:nolabels.json', '--steps', '1', '--lr', '1'], 'has no labels y'],
    [['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data2d.json', '--steps', '1', '--lr', '1'], 'the net takes 1 input'],
    [['simulate', '--net', 'virtual:net.json', '--data', 'virtual:data.json', '--steps', '1', '--lr', '1', '--kernel', 'fast'], '--kernel must be one of sorted, shallow, dense'],
    [['simulate', '--init', 'he', '--width', '3', '--data', 'virtual:data.json', '--steps', '1', '--lr', '1'], '--init must be one of'],
  ])('refuses %j with exit 2', async (argv, message) => {
    const r = await runInMemory(argv, {
      ...files,
      'virtual:nolabels.json': JSON.stringify({ format: 'dataset/1', X: [['1']] }),
      'virtual:data2d.json': JSON.stringify({ format: 'dataset/1', X: [['1', '2']], y: ['0'] }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('runs as a built binary with two worker threads and writes the JSONL file to disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relu-exact-sim-'));
    const net = join(dir, 'net.json');
    const data = join(dir, 'data.json');
    const out = join(dir, 't.jsonl');
    writeFileSync(net, NET);
    writeFileSync(data, DATA);
    const r = runBinary(['simulate', '--net', net, '--data', data, '--steps', '50', '--lr', '1e-3', '--threads', '2', '--kernel', 'shallow', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).threads).toBe(2);
    // a header and, by default, about 100 records: here every step, 0..50
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(52);
  });
});
