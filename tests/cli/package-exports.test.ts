/**
 * The built package as a user's project sees it: `relu-exact`, `relu-exact/arbitraries`,
 * `relu-exact/vitest` and `relu-exact/proofs` resolve through the package.json `exports` map
 * (a fresh directory with the package under node_modules), run (imported, and required from
 * CommonJS), and type-check.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve('.');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'relu-exact-user-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'relu-exact'), 'dir');
  for (const dep of ['fast-check', 'vitest', '@types', 'typescript']) symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'a-user', type: 'module' }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USER_CODE = `
import fc from 'fast-check';
import { arbitraries, dataset, defineConjecture, checkConjecture } from 'relu-exact/arbitraries';
import { reluExactMatchers } from 'relu-exact/vitest';
import { countPatterns, coverCount, verifyCertificate } from 'relu-exact';
import { THEOREMS } from 'relu-exact/proofs';

// A user's law: data in general position have Cover's count of patterns.
fc.assert(fc.property(dataset({ dimension: 2, points: { min: 1, max: 5 }, position: 'general-position' }), ({ X }) =>
  countPatterns(X, { method: 'enumerate' }).count === coverCount(X.length, 3)), { numRuns: 30 });
const sample = fc.sample(arbitraries.rational({ maxNumerator: 3 }), { seed: 1, numRuns: 3 }).map(String);
const report = checkConjecture(defineConjecture({ name: 'width-one', statement: 'every net of width 1 is zero', arbitrary: arbitraries.reluNet({ architecture: [1, 1, 1] }), holds: (n) => n.layers[1].W.get(0, 0).isZero() }));
console.log(JSON.stringify({ sample, refuted: report.refuted, printed: report.counterexample?.printed, matchers: Object.keys(reluExactMatchers), theorems: THEOREMS.length, verify: typeof verifyCertificate }));
`;

describe('the built package, imported by name from a fresh project', () => {
  it('runs relu-exact, relu-exact/arbitraries, relu-exact/vitest and relu-exact/proofs', () => {
    writeFileSync(join(dir, 'use.mjs'), USER_CODE);
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.sample.every((s: string) => /^-?\d+(\/\d+)?$/.test(s))).toBe(true);
    expect(out).toMatchObject({ refuted: true, printed: 'ReluNet 1-1-1 {W1: [[0]], b1: [0]; W2: [[1]], b2: [0]}', matchers: ['toComputeSameFunctionAs', 'toBeIrreducible', 'toHaveFunctionalDimension'], theorems: 20, verify: 'function' });
  });

  it('resolves from CommonJS too (exports "default"): require loads it where Node can require ES modules', () => {
    writeFileSync(join(dir, 'use.cjs'), `const out = {};
for (const s of ['relu-exact', 'relu-exact/arbitraries', 'relu-exact/vitest', 'relu-exact/proofs']) {
  try { out[s] = typeof require(s); } catch (e) { out[s] = e.code; }
}
console.log(JSON.stringify(out));`);
    const r = spawnSync(process.execPath, ['use.cjs'], { cwd: dir, encoding: 'utf8' });
    // Without a "default" condition every one was ERR_PACKAGE_PATH_NOT_EXPORTED; Node >= 20.19 loads them.
    for (const [name, outcome] of Object.entries(JSON.parse(r.stdout))) expect([name, outcome]).toEqual([name, expect.stringMatching(/^(object|ERR_REQUIRE_ESM)$/)]);
  });

  it('type-checks against the published declarations (exports "types")', () => {
    writeFileSync(join(dir, 'use.ts'), USER_CODE + "\nimport { expect } from 'vitest';\nexpect.extend(reluExactMatchers);\nconst _typed = (a: unknown) => expect(a).toComputeSameFunctionAs({ format: 'relu-net/1' });\n");
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['use.ts'] }));
    const r = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
