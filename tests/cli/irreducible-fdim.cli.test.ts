/**
 * `relu-exact irreducible` and `relu-exact fdim` as a user runs them: the FORMATS.md keys,
 * held-out nets (reducible in several ways at once, with and without hidden symmetries), bad
 * input with exit 2, budgets with exit 3, and the built binary.
 */
import { describe, expect, it } from 'vitest';
import { sameFunctionShallow } from '../../src/analyses/irreducibility/hyperplanes.js';
import { readReluNet } from '../../src/network/json-io.js';
import { runBinary, runInMemory } from '../helpers/cli.js';

const net = (layers: [string[][], string[]][]): string => JSON.stringify({ format: 'relu-net/1', layers: layers.map(([W, b]) => ({ W, b })) });

// 2-D, eight neurons: a positively parallel pair on x1 - x2 = 1 (relu(x1 - x2 - 1) and 2 relu(2x1 - 2x2 - 2)),
// an antiparallel pair on x2 = 0, a cancelling pair on x1 + x2 = 0, a zero outer weight, a w = 0
// constant and an ordinary neuron on x1 = 2.
const WASTEFUL = net([
  [
    [['1', '-1'], ['2', '-2'], ['0', '1'], ['0', '-3'], ['1', '1'], ['-2', '-2'], ['5', '7'], ['0', '0'], ['1', '0']],
    ['-1', '-2', '0', '0', '0', '0', '1', '3', '-2'],
  ],
  [[['1', '2', '1', '1', '2', '-1', '0', '1/3', '-1']], ['1/2']],
]);
const M1 = net([
  [[['1']], ['0']],
  [[['1']], ['1']],
  [[['1']], ['0']],
]);
const GENERIC_2331 = net([
  [[['1', '2'], ['-1', '1'], ['3', '-1']], ['1', '-1', '2']],
  [[['1', '-2', '1'], ['2', '1', '-1'], ['-1', '1', '1']], ['1', '0', '-1']],
  [[['1', '-2', '1']], ['1/2']],
]);

describe('relu-exact irreducible', () => {
  it('prints the FORMATS.md keys and a minimal net computing the same function', async () => {
    const r = await runInMemory(['irreducible', '--net', 'virtual:n.json', '--json'], { 'virtual:n.json': WASTEFUL });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // kinks: x1 - x2 - 1 (c = 1 + 4 = 5), x2 (c = 1 + 3 = 4), x1 - 2 (c = -1); x1 + x2 cancels (2 - 2 = 0)
    expect(out.kinkCount).toBe(3);
    expect([out.irreducible, out.width, out.minimalWidth]).toEqual([false, 9, out.kinkCount + out.extra]);
    expect(out.kinks.map((k: { coefficient: string }) => k.coefficient).sort()).toEqual(['-1', '4', '5']);
    const text = out.reasons.join('\n');
    expect(text).toMatch(/zero outer weight: neuron 7 has outer weight 0/);
    expect(text).toMatch(/w = 0: neuron 8 has incoming weights 0, so it is the constant 1, which the output bias absorbs/);
    expect(text).toMatch(/positively parallel: neurons 1 and 2 .* merge into one neuron/);
    expect(text).toMatch(/antiparallel: neuron 3 and neuron 4 switch on opposite sides of the hyperplane x2 = 0/);
    expect(text).toMatch(/cancelling kinks: on the hyperplane x1 \+ x2 = 0/);
    expect(text).toMatch(/reducible/);
    const minimal = readReluNet(JSON.stringify(out.minimal));
    expect(minimal.layers[0].W.nrows).toBe(out.minimalWidth);
    expect(sameFunctionShallow(minimal, readReluNet(WASTEFUL))).toBe(true);
    const again = await runInMemory(['irreducible', '--net', 'virtual:m.json', '--json'], { 'virtual:m.json': JSON.stringify(out.minimal) });
    expect(JSON.parse(again.stdout)).toMatchObject({ irreducible: true, width: out.minimalWidth, minimalWidth: out.minimalWidth });
  });
  it('--variant V2 reports the free affine term; V0 keeps no output bias', async () => {
    const v2 = JSON.parse((await runInMemory(['irreducible', '--net', 'virtual:n.json', '--variant', 'V2', '--json'], { 'virtual:n.json': WASTEFUL })).stdout);
    expect(v2.minimalWidth).toBe(3);
    expect(v2.affineTerm).not.toBeNull();
    const v0 = JSON.parse((await runInMemory(['irreducible', '--net', 'virtual:n.json', '--variant', 'V0', '--json'], { 'virtual:n.json': WASTEFUL })).stdout);
    expect(v0.minimal.layers[1].b).toEqual(['0']);
    expect(v0.minimalWidth).toBeGreaterThanOrEqual(3);
  });
  it('a readable summary with the reasons and the minimal net', async () => {
    const r = await runInMemory(['irreducible', '--net', 'virtual:n.json'], { 'virtual:n.json': WASTEFUL });
    expect(r.stdout).toMatch(/9 neurons, minimal width \d \(V1, K = 3, e = \d\): reducible/);
    expect(r.stdout).toContain('Why:');
    expect(r.stdout).toContain('A minimal net');
  });
  it('refuses deep nets and bad variants (exit 2, no stack trace)', async () => {
    const deep = await runInMemory(['irreducible', '--net', 'virtual:n.json'], { 'virtual:n.json': M1 });
    expect(deep.code).toBe(2);
    expect(deep.stderr).toMatch(/needs a shallow net \(one hidden layer/);
    expect(deep.stderr).not.toMatch(/at .*\.ts/);
    const bad = await runInMemory(['irreducible', '--net', 'virtual:n.json', '--variant', 'V3'], { 'virtual:n.json': WASTEFUL });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--variant must be V0, V1 or V2/);
  });
});

describe('relu-exact fdim', () => {
  it('exact functional dimension with hidden symmetries (M1), the FORMATS.md keys and the direction', async () => {
    const r = await runInMemory(['fdim', '--net', 'virtual:m1.json', '--json'], { 'virtual:m1.json': M1 });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ parameterCount: 6, upperBound: 4, functionalDimension: 3, hiddenSymmetries: true, exact: true });
    expect(out.hiddenDirections).toEqual([{ 'layers[1].b[0]': '-1', 'layers[2].b[0]': '1' }]);
  });
  it('a generic deep net reaches the bound; its witness batch, fed back with --points, has the same rank', async () => {
    const r = await runInMemory(['fdim', '--net', 'virtual:g.json', '--json', '--witness', 'virtual:w.json'], { 'virtual:g.json': GENERIC_2331 });
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ parameterCount: 25, upperBound: 19, functionalDimension: 19, hiddenSymmetries: false, exact: true });
    const witness = r.written.get('virtual:w.json')!;
    const batch = await runInMemory(['fdim', '--net', 'virtual:g.json', '--points', 'virtual:w.json', '--json'], { 'virtual:g.json': GENERIC_2331, 'virtual:w.json': witness });
    expect(JSON.parse(batch.stdout)).toMatchObject({ batchFunctionalDimension: 19, parameterCount: 25, upperBound: 19, exact: true });
    expect(JSON.parse(batch.stdout).hiddenSymmetries).toBeUndefined();
  });
  it('--points refuses a point on a switching hyperplane (exit 2), --flag-zeros keeps it', async () => {
    const files = { 'virtual:m1.json': M1, 'virtual:p.json': JSON.stringify({ format: 'matrix/1', rows: [['-1'], ['0'], ['2']] }) };
    const refused = await runInMemory(['fdim', '--net', 'virtual:m1.json', '--points', 'virtual:p.json'], files);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/point 1 lies on the switching hyperplane of the neuron in row 0 of layers\[0\]/);
    const flagged = await runInMemory(['fdim', '--net', 'virtual:m1.json', '--points', 'virtual:p.json', '--flag-zeros', '--json'], files);
    expect(JSON.parse(flagged.stdout)).toMatchObject({ batchFunctionalDimension: 2, flagged: [1] });
  });
  it('--float: the singular-value gap, a lower bound on a random batch, exact on --confirm', async () => {
    const r = await runInMemory(['fdim', '--net', 'virtual:m1.json', '--float', '--json'], { 'virtual:m1.json': M1 });
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ batchFunctionalDimension: 3, exact: false, clear: true, hiddenSymmetries: null, points: 500 });
    expect(out.singularValuesAtCut.length).toBe(2);
    const generic = JSON.parse((await runInMemory(['fdim', '--net', 'virtual:g.json', '--float', '--json', '--batch-size', '200'], { 'virtual:g.json': GENERIC_2331 })).stdout);
    expect(generic).toMatchObject({ batchFunctionalDimension: 19, hiddenSymmetries: false, exact: false });
    const text = (await runInMemory(['fdim', '--net', 'virtual:m1.json', '--float'], { 'virtual:m1.json': M1 })).stdout;
    expect(text).toMatch(/gap .*: clear/);
    expect(text).toMatch(/only a lower bound/);
  });
  it('the exact path refuses the float path\'s options instead of ignoring them', async () => {
    for (const opt of [['--tol', 'abc'], ['--tol', '1e-6'], ['--seed', '3'], ['--batch-size', '10'], ['--batch-law', 'normal']]) {
      const r = await runInMemory(['fdim', '--net', 'virtual:m1.json', ...opt], { 'virtual:m1.json': M1 });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${opt[0]} goes with --float`);
    }
  });
  it('--box restricts the decisive batch; budgets stop with exit 3', async () => {
    // on (-1, -1/2) only the region x < 0 is seen: the rank of one region of M1
    const boxed = JSON.parse((await runInMemory(['fdim', '--net', 'virtual:m1.json', '--box=-1,-1/2', '--json'], { 'virtual:m1.json': M1 })).stdout);
    expect(boxed.functionalDimension).toBe(1);
    expect(boxed.box).toEqual([['-1', '-1/2']]);
    // a negative value may also follow the option as its own argument
    const spaced = JSON.parse((await runInMemory(['fdim', '--net', 'virtual:m1.json', '--box', '-1,-1/2', '--json'], { 'virtual:m1.json': M1 })).stdout);
    expect(spaced.functionalDimension).toBe(1);
    const budget = await runInMemory(['fdim', '--net', 'virtual:g.json', '--max-count', '2', '--all-regions'], { 'virtual:g.json': GENERIC_2331 });
    expect(budget.code).toBe(3);
    expect(budget.stderr).toMatch(/lower bound/);
  });
  it('runs from the built binary', () => {
    const r = runBinary(['fdim', '--net', 'examples/bundled/net.json', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.functionalDimension).toBeLessThanOrEqual(out.upperBound);
  });
});

describe('relu-exact report: irreducibility and functional dimension sections', () => {
  it('a shallow net gets both sections, a deep one the functional dimension', async () => {
    const shallow = await runInMemory(['report', '--net', 'virtual:n.json', '--out', 'virtual:r.html', '--json'], { 'virtual:n.json': WASTEFUL });
    const s = JSON.parse(shallow.stdout);
    expect(s.sections).toEqual(expect.arrayContaining(['irreducibility', 'functional-dimension']));
    expect(s.report.irreducibility).toMatchObject({ irreducible: false, width: 9, minimalWidth: 4 });
    expect(s.report['functional-dimension'].functionalDimension).toBeLessThan(s.report['functional-dimension'].upperBound);
    const deep = await runInMemory(['report', '--net', 'virtual:m1.json', '--out', 'virtual:r.html', '--json'], { 'virtual:m1.json': M1 });
    const d = JSON.parse(deep.stdout);
    expect(d.sections).not.toContain('irreducibility');
    expect(d.report['functional-dimension']).toMatchObject({ functionalDimension: 3, upperBound: 4, hiddenSymmetries: true });
    expect(deep.written.get('virtual:r.html')).toContain('hidden direction 1: layers[1].b[0] -1, layers[2].b[0] 1');
  });
});

describe('relu-exact fdim on degenerate nets', () => {
  it('a neuron whose pre-activation is 0 everywhere: the functional dimension is undefined (exit 2, says which)', async () => {
    const dead = net([
      [[['1'], ['0']], ['0', '0']],
      [[['1', '1']], ['0']],
    ]);
    const r = await runInMemory(['fdim', '--net', 'virtual:d.json'], { 'virtual:d.json': dead });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/defined at no input point: the pre-activation of the neuron in row 1 of layers\[0\] is 0 everywhere/);
  });
  it('two outputs, and no hidden layer at all', async () => {
    const two = net([
      [[['1', '2'], ['-1', '1']], ['0', '1']],
      [[['1', '1'], ['2', '-1']], ['0', '0']],
    ]);
    expect(JSON.parse((await runInMemory(['fdim', '--net', 'virtual:t.json', '--json'], { 'virtual:t.json': two })).stdout)).toMatchObject({ parameterCount: 12, upperBound: 10, functionalDimension: 10 });
    const affine = net([[[['1', '2']], ['3']]]);
    expect(JSON.parse((await runInMemory(['fdim', '--net', 'virtual:a.json', '--json'], { 'virtual:a.json': affine })).stdout)).toMatchObject({ parameterCount: 3, upperBound: 3, functionalDimension: 3 });
  });
});
