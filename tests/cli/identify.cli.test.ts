import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCounterexample, checkIdentifiabilityCertificate } from '../../src/analyses/identifiability/index.js';
import { parseRational } from '../../src/field/parse.js';
import { readDataset, readReluNet } from '../../src/network/json-io.js';
import { runBinary, runInMemory } from '../helpers/cli.js';

const O7B = readFileSync('examples/identifiability/o7b-net.json', 'utf8');
const points = (xs: string[]): string => JSON.stringify({ format: 'dataset/1', X: xs.map((x) => [x]) });
const shallow = (rows: [string, string, string][], c = '0'): string =>
  JSON.stringify({ format: 'relu-net/1', layers: [{ W: rows.map(([w]) => [w]), b: rows.map(([, b]) => b) }, { W: [rows.map(([, , v]) => v)], b: [c] }] });

describe('relu-exact identify', () => {
  it('prints the FORMATS.md keys: a counterexample for O7 (b) on {0, 1, 2, 3}, checked here again', async () => {
    const r = await runInMemory(['identify', '--net', 'virtual:f.json', '--samples', 'virtual:x.json', '--json'], { 'virtual:f.json': O7B, 'virtual:x.json': points(['3', '0', '2', '1']) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ identifiable: false, proof: true, complete: true, width: 2, minimalWidth: 2, sampleCount: 4, method: 'knot-search' });
    const g = readReluNet(JSON.stringify(out.counterexample));
    const c = checkCounterexample(readReluNet(O7B), g, ['0', '1', '2', '3'].map((x) => [parseRational(x)]), 2);
    expect(c.ok).toBe(true);
    expect(out.differsAt.x).toHaveLength(1);
  });

  it('certifies identifiability on six samples and writes a certificate that re-checks', async () => {
    const r = await runInMemory(['identify', '--net', 'examples/identifiability/o7b-net.json', '--samples', 'examples/identifiability/six-samples.json', '--json', '--certificate', 'out:cert.json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ identifiable: true, counterexample: null, proof: true, certificate: 'out:cert.json' });
    const cert = JSON.parse(r.written.get('out:cert.json')!);
    expect(cert.format).toBe('certificate/1');
    expect(checkIdentifiabilityCertificate(cert).valid).toBe(true);
  });

  it('says in words when a search for input dimension 2 is no proof, and refuses to write a certificate then', async () => {
    const grid = JSON.stringify({ format: 'matrix/1', rows: Array.from({ length: 25 }, (_, k) => [String((k % 5) - 2), String(Math.floor(k / 5) - 2)]) });
    const args = ['identify', '--net', 'examples/identifiability/plane-net.json', '--samples', 'virtual:g.json', '--max-count', '40'];
    const text = await runInMemory(args, { 'virtual:g.json': grid });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('NOT a proof');
    const json = JSON.parse((await runInMemory([...args, '--json'], { 'virtual:g.json': grid })).stdout);
    expect(json).toMatchObject({ identifiable: true, proof: false, complete: false, inputDim: 2 });
    const cert = await runInMemory([...args, '--certificate', 'out:c.json'], { 'virtual:g.json': grid });
    expect(cert.code).toBe(2);
    expect(cert.stderr).toContain('proves nothing');
  });

  it('finds a counterexample in the plane (LP placement over activation patterns)', async () => {
    const r = await runInMemory(['identify', '--net', 'examples/identifiability/plane-net.json', '--samples', 'examples/identifiability/plane-samples.json', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ identifiable: false, proof: true, inputDim: 2 });
    const X = readDataset(readFileSync('examples/identifiability/plane-samples.json', 'utf8').replace('matrix/1', 'dataset/1').replace('rows', 'X')).X;
    expect(checkCounterexample(readReluNet(readFileSync('examples/identifiability/plane-net.json', 'utf8')), readReluNet(JSON.stringify(out.counterexample)), X.rows, 3, out.differsAt.x.map((x: string) => parseRational(x))).ok).toBe(true);
  });

  it('bad input: exit 2 with the file and the reason; a budget: exit 3', async () => {
    const two = JSON.stringify({ format: 'dataset/1', X: [['0', '1']] });
    const dim = await runInMemory(['identify', '--net', 'virtual:f.json', '--samples', 'virtual:x.json'], { 'virtual:f.json': O7B, 'virtual:x.json': two });
    expect(dim.code).toBe(2);
    expect(dim.stderr).toContain('virtual:x.json');
    expect(dim.stderr).not.toContain('    at ');
    const width = await runInMemory(['identify', '--net', 'virtual:f.json', '--samples', 'virtual:x.json', '--width', 'two'], { 'virtual:f.json': O7B, 'virtual:x.json': points(['0']) });
    expect(width.code).toBe(2);
    expect(width.stderr).toContain('--width');
    expect((await runInMemory(['identify', '--net', 'virtual:f.json'], { 'virtual:f.json': O7B })).code).toBe(2);
    const budget = await runInMemory(['identify', '--net', 'examples/identifiability/o7b-net.json', '--samples', 'examples/identifiability/six-samples.json', '--max-count', '3']);
    expect(budget.code).toBe(3);
  });
});

describe('relu-exact samples', () => {
  it('builds a certified set (dataset/1 with the net values) that identify then confirms', async () => {
    const r = await runInMemory(['samples', '--net', 'examples/identifiability/o7b-net.json', '--json', '--out', 'out:s.json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, identifiable: true, pieces: 3, constructed: 9, width: 2 });
    expect(out.count).toBe(out.samples.X.length);
    expect(out.count).toBeLessThanOrEqual(9);
    expect(out.perPiece.reduce((a: number, b: number) => a + b, 0)).toBe(out.count);
    const again = await runInMemory(['identify', '--net', 'examples/identifiability/o7b-net.json', '--samples', 'out:s.json', '--json'], { 'out:s.json': r.written.get('out:s.json')! });
    expect(JSON.parse(again.stdout).identifiable).toBe(true);
  });

  it('says why no finite set exists for |x| (e = 1) and for a reducible net', async () => {
    const abs = await runInMemory(['samples', '--net', 'virtual:a.json', '--json'], { 'virtual:a.json': shallow([['1', '0', '1'], ['-1', '0', '1']]) });
    expect(JSON.parse(abs.stdout)).toMatchObject({ ok: false, samples: null, minimalWidth: 2 });
    const text = await runInMemory(['samples', '--net', 'virtual:r.json'], { 'virtual:r.json': shallow([['1', '0', '1'], ['2', '0', '1']]) });
    expect(text.stdout).toContain('No finite sample set');
  });

  it('runs as a real process, and the report gains an identifiability section', () => {
    const r = runBinary(['samples', '--net', 'examples/identifiability/o7b-net.json', '--no-reduce', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).count).toBe(9);
    const rep = runBinary(['report', '--net', 'examples/identifiability/o7b-net.json', '--data', 'examples/identifiability/six-samples.json', '--out', '/dev/null', '--json']);
    const out = JSON.parse(rep.stdout);
    expect(out.sections).toContain('identifiability');
    expect(out.report.identifiability.identifiable).toBe(true);
  });
});
