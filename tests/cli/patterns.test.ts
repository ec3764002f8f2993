import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { runBinary, runInMemory } from '../helpers/cli.js';

const dataset = (X: (string | number)[][]): string => JSON.stringify({ format: 'dataset/1', X: X.map((r) => r.map(String)) });
const COLLINEAR = dataset([[0, 0], [1, 0], [2, 0], [0, 1]]);
const ANTIPARALLEL = dataset([[1, 0], [-1, 0], [0, 1]]);
const PARABOLA = (n: number): string => dataset(Array.from({ length: n }, (_, i) => [i, i * i]));
const TENT = JSON.stringify({
  format: 'relu-net/1',
  layers: [
    { W: [['1'], ['1']], b: ['0', '-1/2'] },
    { W: [['2', '-4'], ['2', '-4']], b: ['0', '-1/2'] },
    { W: [['2', '-4']], b: ['0'] },
  ],
});

describe('relu-exact patterns', () => {
  it('prints the FORMATS.md keys, patterns sorted ascending', async () => {
    const r = await runInMemory(['patterns', '--data', 'virtual:d.json', '--json'], { 'virtual:d.json': COLLINEAR });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ count: 12, generalPosition: false, convention: 'open', bias: true });
    expect(out.patterns).toEqual(['0000', '0001', '0010', '0011', '0110', '0111', '1000', '1001', '1100', '1101', '1110', '1111']);
  });

  it('--closed and --no-bias (LITERATURE-B 8.4: antiparallel pair, open 4, closed 6)', async () => {
    const files = { 'virtual:a.json': ANTIPARALLEL };
    const open = JSON.parse((await runInMemory(['patterns', '--data', 'virtual:a.json', '--no-bias', '--json'], files)).stdout);
    expect(open).toMatchObject({ count: 4, convention: 'open', bias: false, patterns: ['010', '011', '100', '101'] });
    const closed = JSON.parse((await runInMemory(['patterns', '--data', 'virtual:a.json', '--no-bias', '--closed', '--json'], files)).stdout);
    expect(closed).toMatchObject({ count: 6, convention: 'closed', patterns: ['010', '011', '100', '101', '110', '111'] });
  });

  it("--count-only uses Cover's formula after the general-position check, and lists nothing", async () => {
    const r = await runInMemory(['patterns', '--data', 'virtual:p.json', '--count-only', '--json'], { 'virtual:p.json': PARABOLA(120) });
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ count: 14282, generalPosition: true, method: 'cover' });
    expect(out.patterns).toBeUndefined();
  });

  it('--witness gives an exact theta per pattern', async () => {
    const out = JSON.parse((await runInMemory(['patterns', '--data', 'virtual:d.json', '--witness', '--json'], { 'virtual:d.json': COLLINEAR })).stdout);
    const X = [[0, 0], [1, 0], [2, 0], [0, 1]];
    out.patterns.forEach((bits: string, k: number) => {
      const theta = out.witnesses[k].map(Number);
      X.forEach(([a, b], i) => expect(a * theta[0] + b * theta[1] + theta[2] > 0).toBe(bits[i] === '1'));
    });
  });

  it('prints a readable list without --json', async () => {
    const r = await runInMemory(['patterns', '--data', 'virtual:d.json'], { 'virtual:d.json': COLLINEAR });
    expect(r.stdout).toContain('12 open activation patterns of 4 points in R^2 with bias (D = 3); general position: no');
    expect(r.stdout).toContain('\n0110\n');
  });

  it('exits 3 when a budget runs out, 2 on bad options or data', async () => {
    const files = { 'virtual:p.json': PARABOLA(40) };
    const budget = await runInMemory(['patterns', '--data', 'virtual:p.json', '--max-count', '100', '--json'], files);
    expect(budget.code).toBe(3);
    expect(budget.stdout).toBe('');
    expect(budget.stderr).toContain('more than 100 patterns');
    expect((await runInMemory(['patterns', '--data', 'virtual:p.json', '--max-seconds', 'soon'], files)).stderr).toContain('--max-seconds must be a number > 0');
    expect((await runInMemory(['patterns', '--data', 'virtual:p.json', '--count-only', '--witness'], files)).code).toBe(2);
    const bad = await runInMemory(['patterns', '--data', 'virtual:bad.json'], { 'virtual:bad.json': dataset([[1, 2], [3]]) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('virtual:bad.json');
  });

  it('shows a progress line only on a terminal', async () => {
    let stderr = '';
    const io: CliIo = { stdout: () => {}, stderr: (t) => void (stderr += t), stderrIsTTY: true, readText: () => PARABOLA(30), writeText: () => {} };
    expect(await runCli(['patterns', '--data', 'x.json', '--json'], io)).toBe(0);
    expect(stderr).toContain('\r'); // the line is cleared at the end
    const quiet = await runInMemory(['patterns', '--data', 'virtual:p.json', '--json'], { 'virtual:p.json': PARABOLA(30) });
    expect(quiet.stderr).toBe('');
  });
});

describe('relu-exact regions', () => {
  it('lists the 4 pieces of the twice-composed tent map on (0, 1)', async () => {
    const r = await runInMemory(['regions', '--net', 'virtual:t.json', '--box', '0,1', '--json'], { 'virtual:t.json': TENT });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.count).toBe(4);
    expect(out.box).toEqual([['0', '1']]);
    for (const region of out.regions) {
      expect(region.pattern).toHaveLength(2);
      expect(['4', '-4']).toContain(region.affine.A[0][0]);
      expect(region.inequalities.every((f: { a: string[]; b: string }) => f.a.length === 1)).toBe(true);
    }
  });

  it('takes one box per coordinate, and refuses a bad box with exit 2', async () => {
    const net = JSON.stringify({ format: 'relu-net/1', layers: [{ W: [['1', '-1']], b: ['0'] }, { W: [['1']], b: ['0'] }] });
    const files = { 'virtual:n.json': net };
    const r = await runInMemory(['regions', '--net', 'virtual:n.json', '--box=-1,1,2,3', '--json'], files);
    expect(JSON.parse(r.stdout)).toMatchObject({ count: 1, box: [['-1', '1'], ['2', '3']] });
    expect(JSON.parse((await runInMemory(['regions', '--net', 'virtual:n.json', '--json'], files)).stdout).count).toBe(2);
    for (const box of ['1,0', '0,1,2', '0,x']) {
      const bad = await runInMemory(['regions', '--net', 'virtual:n.json', `--box=${box}`], files);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--box');
    }
  });
});

describe('the report and the built binary', () => {
  it('the report counts the data patterns and the regions around the data', async () => {
    const r = await runInMemory(['report', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.sections).toContain('patterns');
    // 9 distinct points on a line: 2 * 9 patterns; the bundled net switches at 0, 1/2, 1.
    expect(out.report.patterns.open).toEqual({ count: '18', generalPosition: true, method: 'cover' });
    expect(out.report.patterns.regions.count).toBe(4);
  });

  it('runs as a user would, with exit codes 0 and 3', () => {
    const ok = runBinary(['patterns', '--data', 'examples/bundled/data.json', '--json', '--count-only']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).count).toBe(18);
    const stopped = runBinary(['patterns', '--data', 'examples/bundled/data.json', '--max-count', '3']);
    expect(stopped.code).toBe(3);
  });
});
