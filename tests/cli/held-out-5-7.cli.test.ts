/**
 * Issues 5 and 7 as a new user runs them (an audit): held-out nets through `irreducible`, `fdim`,
 * `identify`, `samples` and `verify`, the FORMATS.md keys, and bad input (exit 2, the field
 * named, no stack trace).
 */
import { describe, expect, it } from 'vitest';
import { verifyCertificate } from '../../src/verify/index.js';
import { runInMemory } from '../helpers/cli.js';

const net = (layers: [string[][], string[]][]): string => JSON.stringify({ format: 'relu-net/1', layers: layers.map(([W, b]) => ({ W, b })) });
const matrix = (rows: string[][]): string => JSON.stringify({ format: 'matrix/1', rows });
const HAT = net([
  [[['1'], ['1'], ['1']], ['-1', '-2', '-3']],
  [[['1', '-2', '1']], ['0']],
]);
const TWO_PER_PIECE = matrix([['-1/2'], ['1/2'], ['5/4'], ['7/4'], ['9/4'], ['11/4'], ['7/2'], ['9/2']]);

describe('identify --certificate, then verify', () => {
  it('regression: verify re-checks identifiability certificates (it answered "claim.kind: expected a string")', async () => {
    for (const samples of [TWO_PER_PIECE, matrix([['0'], ['1'], ['2'], ['3'], ['4']])]) {
      const made = await runInMemory(['identify', '--net', 'n.json', '--samples', 's.json', '--certificate', 'c.json'], { 'n.json': HAT, 's.json': samples });
      expect(made.code).toBe(0);
      const cert = made.written.get('c.json')!;
      const v = await runInMemory(['verify', 'c.json', '--json'], { 'c.json': cert });
      expect([v.code, JSON.parse(v.stdout).valid, JSON.parse(v.stdout).theorem]).toEqual([0, true, 'finite-sample-identifiability']);
      // The library verifier (which may not import the analyses) points to the right checker.
      expect(verifyCertificate(cert)).toMatchObject({ valid: false, reason: expect.stringMatching(/checkIdentifiabilityCertificate/) });
      // A moved sample breaks it.
      const moved = JSON.parse(cert);
      moved.instance.samples[2] = ['5/2'];
      const forged = await runInMemory(['verify', 'c.json'], { 'c.json': JSON.stringify(moved) });
      expect(forged.code).toBe(2);
      expect(forged.stdout).toMatch(/^not valid \(finite-sample-identifiability\)/);
    }
  });
});

describe('FORMATS.md keys on held-out nets', () => {
  it('identify and samples', async () => {
    const id = await runInMemory(['identify', '--net', 'n.json', '--samples', 's.json', '--json'], { 'n.json': HAT, 's.json': TWO_PER_PIECE });
    expect(JSON.parse(id.stdout)).toMatchObject({ identifiable: true, counterexample: null });
    const s = await runInMemory(['samples', '--net', 'n.json', '--json'], { 'n.json': HAT });
    const out = JSON.parse(s.stdout);
    expect(out.samples.format).toBe('dataset/1');
    // at least two per piece (four pieces), and identify agrees
    expect(out.samples.X.length).toBeGreaterThanOrEqual(8);
    const again = await runInMemory(['identify', '--net', 'n.json', '--samples', 's.json', '--json'], { 'n.json': HAT, 's.json': JSON.stringify(out.samples) });
    expect(JSON.parse(again.stdout).identifiable).toBe(true);
  });

  it('fdim and irreducible on a 3-D net whose antiparallel pair is needed', async () => {
    const n = net([
      [[['1', '0', '-1'], ['-1', '0', '1'], ['0', '0', '1']], ['2', '-2', '0']],
      [[['1', '-1', '1']], ['0']],
    ]);
    const irr = JSON.parse((await runInMemory(['irreducible', '--net', 'n.json', '--json'], { 'n.json': n })).stdout);
    expect([irr.irreducible, irr.width, irr.minimalWidth]).toEqual([true, 3, 3]);
    const fd = JSON.parse((await runInMemory(['fdim', '--net', 'n.json', '--json'], { 'n.json': n })).stdout);
    expect(Object.keys(fd)).toEqual(expect.arrayContaining(['parameterCount', 'upperBound', 'functionalDimension', 'hiddenSymmetries', 'exact']));
    // the antiparallel pair on one hyperplane drops one dimension (M3): 16 - 3 = 13 bound, 12.
    expect([fd.parameterCount, fd.upperBound, fd.functionalDimension, fd.hiddenSymmetries]).toEqual([16, 13, 12, true]);
  });
});

describe('bad input: exit 2, the field named, no stack trace', () => {
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['a sample of the wrong dimension', ['identify', '--net', 'n.json', '--samples', 's.json'], { 'n.json': HAT, 's.json': matrix([['1', '2']]) }, /coordinate/],
    ['a non-number in a batch', ['fdim', '--net', 'n.json', '--points', 's.json'], { 'n.json': HAT, 's.json': matrix([['x']]) }, /rows\[0\]\[0\]/],
    ['a negative width', ['identify', '--net', 'n.json', '--samples', 's.json', '--width=-1'], { 'n.json': HAT, 's.json': TWO_PER_PIECE }, /--width/],
    ['a net entry that is not a number', ['irreducible', '--net', 'n.json'], { 'n.json': HAT.replace('"-2"', '"two"') }, /layers\[0\]\.b\[1\]/],
    ['a bad variant', ['irreducible', '--net', 'n.json', '--variant', 'V4'], { 'n.json': HAT }, /--variant/],
    ['a point on a switching hyperplane', ['fdim', '--net', 'n.json', '--points', 's.json'], { 'n.json': HAT, 's.json': matrix([['2']]) }, /pre-activation|hyperplane|zero/i],
  ];
  it.each(cases)('%s', async (_name, argv, files, message) => {
    const r = await runInMemory(argv, files);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
