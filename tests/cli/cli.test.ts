import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBinary, runInMemory } from '../helpers/cli.js';

const NET = 'examples/bundled/net.json';
const DATA = 'examples/bundled/data.json';
const netText = (layers: unknown): string => JSON.stringify({ format: 'relu-net/1', layers });
const shallow = [
  { W: [['1'], ['-1']], b: ['0', '1'] },
  { W: [['1', '1']], b: ['0'] },
];

describe('relu-exact help and usage', () => {
  it('prints help for the program and for a command', async () => {
    const main = await runInMemory(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Usage: relu-exact <command> [options]');
    for (const c of ['report', 'eval', 'rank']) expect(main.stdout).toContain(`  ${c}`);
    const ev = await runInMemory(['eval', '--help']);
    expect(ev.code).toBe(0);
    expect(ev.stdout).toContain('--net FILE');
    expect(ev.stdout).toContain('--floats MODE');
    expect((await runInMemory(['help', 'rank'])).stdout).toContain('Usage: relu-exact rank');
    expect((await runInMemory(['--version'])).stdout).toMatch(/^relu-exact \d+\.\d+\.\d+/);
  });
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['eval', '--net', NET], 'missing --points FILE'],
    [['eval', '--net', NET, '--points', DATA, '--bogus'], "Unknown option '--bogus'"],
    [['eval', '--net', NET, '--points', DATA, 'extra'], 'unexpected argument "extra"'],
    [['eval', '--net', NET, '--points', DATA, '--floats', 'octal'], "--floats must be 'decimal' or 'binary'"],
    [['eval', '--net', NET, '--points', DATA, '--digits', 'many'], '--digits must be an integer'],
    [['rank', '--matrix', 'x.json', '--method', 'magic'], '--method must be one of'],
  ])('refuses bad usage %j with exit 2', async (argv, message) => {
    const r = await runInMemory(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});

describe('relu-exact eval', () => {
  it('prints exact values in order (hand-computed for the bundled example)', async () => {
    const r = await runInMemory(['eval', '--net', NET, '--points', DATA, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.values).toEqual(['5/4', '1', '3/4', '7/8', '1', '13/16', '5/8', '1/2', '3/8']);
    expect(out.exact).toBe(true);
  });
  it('prints a readable table without --json', async () => {
    const r = await runInMemory(['eval', '--net', NET, '--points', DATA, '--digits', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/13\/16\s+0\.812\n/); // 0.8125 rounds half to even
  });
  it('reads JSON numbers as written, or by binary value with --floats binary', async () => {
    const files = {
      'virtual:n.json': '{"format":"relu-net/1","layers":[{"W":[[0.1]],"b":[0]}]}',
      'virtual:p.json': '{"format":"matrix/1","rows":[["1"]]}',
    };
    const dec = JSON.parse((await runInMemory(['eval', '--net', 'virtual:n.json', '--points', 'virtual:p.json', '--json'], files)).stdout);
    expect(dec.values).toEqual(['1/10']);
    const bin = JSON.parse((await runInMemory(['eval', '--net', 'virtual:n.json', '--points', 'virtual:p.json', '--json', '--floats', 'binary'], files)).stdout);
    expect(bin.values).toEqual(['3602879701896397/36028797018963968']);
  });

  const bad: [string, string, string][] = [
    ['malformed JSON', '{"format": "relu-net/1",', 'bad.json: malformed JSON'],
    ['wrong format tag', JSON.stringify({ format: 'net', layers: shallow }), 'bad.json: format: expected "relu-net/1", got "net"'],
    ['missing format tag', JSON.stringify({ layers: shallow }), 'bad.json: format: missing'],
    ['no layers', netText([]), 'bad.json: layers: has no layers'],
    ['ragged W', netText([{ W: [['1', '2'], ['1']], b: ['0', '0'] }, { W: [['1', '1']], b: ['0'] }]), 'bad.json: layers[0].W[1]: has 1 entries'],
    ['mis-shaped W', netText([shallow[0], { W: [['1', '1', '1']], b: ['0'] }]), 'bad.json: layers[1].W: has 3 columns but layers[0] has 2 outputs'],
    ['wrong bias length', netText([{ W: [['1'], ['-1']], b: ['0'] }, shallow[1]]), 'bad.json: layers[0].b: has length 1 but layers[0].W has 2 rows'],
    ['1/0', netText([shallow[0], { W: [['1', '1/0']], b: ['0'] }]), 'bad.json: layers[1].W[0][1]: "1/0" is not a number (zero denominator)'],
    ['NaN', netText([shallow[0], { W: [['NaN', '1']], b: ['0'] }]), 'bad.json: layers[1].W[0][0]: "NaN" is not a number'],
    ['non-numeric string', netText([shallow[0], { W: [['two', '1']], b: ['0'] }]), 'bad.json: layers[1].W[0][0]: "two" is not a number'],
    ['null', netText([shallow[0], { W: [['1', null]], b: ['0'] }]), 'bad.json: layers[1].W[0][1]: null is not a number'],
    ['huge exponent', netText([shallow[0], { W: [['1e99999999', '1']], b: ['0'] }]), 'bad.json: layers[1].W[0][0]: "1e99999999" is not accepted: exponent beyond the limit'],
  ];
  it.each(bad)('refuses a net with %s: exit 2, one clear line, no stack trace', async (_label, text, message) => {
    const r = await runInMemory(['eval', '--net', 'virtual:bad.json', '--points', DATA], { 'virtual:bad.json': text.replace('bad.json', 'virtual:bad.json') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message.replace('bad.json', 'virtual:bad.json'));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
  it('refuses a missing file and a data set whose dimension does not match the net', async () => {
    const missing = await runInMemory(['eval', '--net', 'virtual:nope.json', '--points', DATA]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('virtual:nope.json: cannot read the file (no such file)');
    const mismatch = await runInMemory(['eval', '--net', NET, '--points', 'virtual:p.json'], { 'virtual:p.json': '{"format":"dataset/1","X":[["1","2"]]}' });
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('virtual:p.json: points have 2 coordinates but the net in examples/bundled/net.json takes 1 input');
  });
});

describe('relu-exact rank', () => {
  it('prints rank and nullity', async () => {
    const files = { 'virtual:m.json': JSON.stringify({ format: 'matrix/1', rows: [['1', '2', '3'], ['2', '4', '6'], ['1', '0', '1/2']] }) };
    const r = await runInMemory(['rank', '--matrix', 'virtual:m.json', '--json'], files);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rank: 2, nullity: 1, exact: true });
  });
});

describe('relu-exact report', () => {
  it('reports on the bundled example and writes a self-contained HTML page', async () => {
    const r = await runInMemory(['report', '--net', NET, '--data', DATA, '--out', 'virtual:report.html', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.out).toBe('virtual:report.html');
    expect(out.sections).toEqual(expect.arrayContaining(['network', 'data', 'evaluation', 'activation-patterns']));
    expect(out.report.evaluation.sse).toBe('621/256'); // sum of (f(x_i) - y_i)^2 over the hand-computed values
    expect(out.report['activation-patterns'].ties).toHaveLength(4);
    const html = r.written.get('virtual:report.html')!;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
  it('reports on the bundled example when given no files, and on a net alone', async () => {
    const r = await runInMemory(['report']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exact evaluation on the data');
    const netOnly = await runInMemory(['report', '--net', NET, '--json']);
    expect(JSON.parse(netOnly.stdout).sections.filter((s: string) => ['network', 'data', 'evaluation', 'activation-patterns'].includes(s))).toEqual(['network']);
  });
});

describe('the built binary', () => {
  it.skipIf(!existsSync('dist/cli/main.js'))('exits 0 on success and 2 on bad input, without a stack trace', () => {
    const ok = runBinary(['eval', '--net', NET, '--points', DATA, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).values).toHaveLength(9);
    const bad = runBinary(['eval', '--net', 'no/such/file.json', '--points', DATA]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('relu-exact eval: no/such/file.json: cannot read the file (no such file)\n');
    const usage = runBinary(['eval']);
    expect(usage.code).toBe(2);
  });
});
