/** `relu-exact check` and `relu-exact verify` as a user runs them (FORMATS.md keys, exit codes, files). */
import { describe, expect, it } from 'vitest';
import { runBinary, runInMemory } from '../helpers/cli.js';

describe('relu-exact check', () => {
  it('--json holds theorems: [{ name, source, instances, passed, pending, failed, seconds }]', async () => {
    const r = await runInMemory(['check', 'spline-identity', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.passed).toBe(true);
    expect(out.theorems).toHaveLength(1);
    expect(out.theorems[0]).toMatchObject({ name: 'spline-identity', instances: 210, passed: true, failed: 0, pending: null, size: 2 });
    expect(out.theorems[0].source).toMatch(/Sahs/);
    expect(typeof out.theorems[0].seconds).toBe('number');
  });

  it('--size changes the instances; the analyses theorems run (no longer pending)', async () => {
    const r = await runInMemory(['check', 'min-cost-interpolant', '--size', '2', '--json']);
    expect(JSON.parse(r.stdout).theorems[0]).toMatchObject({ instances: 54, passed: true });
    const p = await runInMemory(['check', 'hidden-symmetry-m3', '--size', '1', '--json']);
    expect(p.code).toBe(0);
    // The example, its control and one planted net.
    expect(JSON.parse(p.stdout).theorems[0]).toMatchObject({ name: 'hidden-symmetry-m3', passed: true, instances: 3, pending: null });
  });

  it('--certificates DIR writes one certificate per instance, and verify accepts each', async () => {
    const r = await runInMemory(['check', 'known-rank', '--size', '2', '--certificates', 'virtual:certs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/known-rank\s+passed\s+2\s+27/);
    const files = [...r.written.keys()].filter((k) => k.startsWith('virtual:certs/known-rank/'));
    expect(files).toHaveLength(27); // 3 x (2 + 2 + 2 + 3) shapes and ranks
    const cert = r.written.get('virtual:certs/known-rank/0.json')!;
    expect(JSON.parse(cert)).toMatchObject({ format: 'certificate/1', theorem: 'known-rank', claim: { kind: 'matrix-rank', holds: true } });
    const v = await runInMemory(['verify', 'c.json', '--json'], { 'c.json': cert });
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ valid: true, theorem: 'known-rank' });
  });

  it('--conjecture: the demonstration is refuted, shrunk, and its certificate verifies', async () => {
    const r = await runInMemory(['check', '--conjecture', 'demo-two-neurons-irreducible', '--certificates', 'virtual:c']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('REFUTED');
    expect(r.stdout).toContain('ReluNet 1-2-1 {W1: [[0], [0]], b1: [0, 0]; W2: [[0, 0]], b2: [0]}');
    expect(r.stdout).toMatch(/minimal width 0 .* \(verified independently\)/);
    const cert = r.written.get('virtual:c/demo-two-neurons-irreducible/counterexample.json')!;
    const v = await runInMemory(['verify', 'c.json'], { 'c.json': cert });
    expect(v.stdout).toMatch(/^valid: demo-two-neurons-irreducible \(minimal-width\).*the statement FAILS on this instance/);
    const j = await runInMemory(['check', '--conjecture', 'demo-two-nonzero-neurons-irreducible', '--json']);
    const c = JSON.parse(j.stdout).conjectures[0];
    expect(c).toMatchObject({ refuted: true, verification: { valid: true, holds: false } });
    expect(c.counterexample).toMatch(/^ReluNet 1-2-1/);
  });

  it('bad usage exits 2 with a message', async () => {
    const unknown = await runInMemory(['check', 'fermat']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown theorem "fermat"; the theorems are: cover-count, /);
    const size = await runInMemory(['check', '--size', '3']);
    expect(size.code).toBe(2);
    expect(size.stderr).toMatch(/--size needs a theorem NAME/);
    const range = await runInMemory(['check', 'known-rank', '--size', '99']);
    expect(range.code).toBe(2);
    expect(range.stderr).toMatch(/known-rank: size must be an integer in \[1, 8\]/);
    const conj = await runInMemory(['check', '--conjecture', 'nope']);
    expect(conj.stderr).toMatch(/unknown conjecture "nope"; the conjectures are: demo-two-neurons-irreducible/);
  });

  it('--list names every theorem with its size or what it needs', async () => {
    const r = await runInMemory(['check', '--list', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.theorems).toHaveLength(20);
    expect(out.theorems.find((t: { name: string }) => t.name === 'cover-count').size).toMatchObject({ default: 4, meaning: 'points n' });
    expect(out.conjectures.map((c: { name: string }) => c.name)).toEqual(['demo-two-neurons-irreducible', 'demo-two-nonzero-neurons-irreducible']);
  });
});

describe('relu-exact verify', () => {
  it('a tampered certificate is bad input: exit 2 and the reason', async () => {
    const r = await runInMemory(['check', 'spline-identity', '--size', '1', '--certificates', 'virtual:s']);
    const cert = JSON.parse(r.written.get('virtual:s/spline-identity/0.json')!);
    cert.claim.lens.breakpoint = '12';
    const v = await runInMemory(['verify', 't.json'], { 't.json': JSON.stringify(cert) });
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(/^not valid \(spline-identity\): claim.lens.breakpoint: should be -b\/w = /);
    expect(v.stderr).toMatch(/^relu-exact verify: t.json: not a valid certificate: claim.lens.breakpoint/);
  });

  it('a certificate relabelled with another registered theorem is bad input (exit 2); one of a user\'s own theorem still verifies', async () => {
    const r = await runInMemory(['check', 'known-rank', '--size', '1', '--certificates', 'virtual:k']);
    const cert = JSON.parse(r.written.get('virtual:k/known-rank/3.json')!);
    const v = await runInMemory(['verify', 'c.json'], { 'c.json': JSON.stringify({ ...cert, theorem: 'cover-count' }) });
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(/^not valid \(cover-count\): claim.kind: "matrix-rank" is not a kind of theorem cover-count, whose certificates are chamber-count/);
    expect(v.stderr).toMatch(/^relu-exact verify: c.json: not a valid certificate: claim.kind: "matrix-rank" is not a kind of theorem cover-count/);
    const own = await runInMemory(['verify', 'c.json', '--json'], { 'c.json': JSON.stringify({ ...cert, theorem: 'my-rank-lemma' }) });
    expect(own.code).toBe(0);
    expect(JSON.parse(own.stdout)).toMatchObject({ valid: true, theorem: 'my-rank-lemma', kind: 'matrix-rank' });
  });

  it('a file that is not JSON is bad input (exit 2)', async () => {
    const v = await runInMemory(['verify', 'x.json'], { 'x.json': '{"format":' });
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/^relu-exact verify: x.json: /);
  });

  it('the built binary runs the whole registry and exits 0', () => {
    const r = runBinary(['check', 'scaling-quotient', '--size', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/scaling-quotient\s+passed\s+1\s+60\s/);
  });
});
