import { describe, expect, it } from 'vitest';
import { runInMemory } from '../helpers/cli.js';

describe('relu-exact init-stats', () => {
  it('prints the laws against the closed forms and the flatness table (JSON)', async () => {
    const r = await runInMemory(['init-stats', '--width', '16', '--trials', '300', '--seed', '3', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.exact).toBe(false);
    expect(out.schemes).toEqual(['pytorch']);
    const checks = out.laws[0].checks as { quantity: string; estimate: number; closedForm: number | null; z: number | null }[];
    const sumMu2 = checks.find((c) => c.quantity === 'E[sum mu^2]')!;
    expect(sumMu2.closedForm).toBeCloseTo(1 / 9, 14);
    expect(checks.filter((c) => c.z !== null).every((c) => Math.abs(c.z!) < 5)).toBe(true);
    expect(checks.find((c) => c.quantity === 'P(|beta| <= 1)')!.closedForm).toBe(0.5);
    expect(out.flatness.map((f: { width: number }) => f.width)).toEqual([4, 16]);
  });
  it('runs every scheme with given widths, biases and sigmas, readable', async () => {
    const r = await runInMemory(['init-stats', '--width', '8', '--trials', '20', '--scheme', 'all', '--widths', '2,8', '--bias', 'normal:0.5', '--sigma-w', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Scheme gaussian (biases {"kind":"normal","std":0.5})');
    expect(r.stdout).toContain('Breakpoints: Cauchy(0, 0.25)');
    expect(r.stdout).toMatch(/glorot-uniform\s+8\s/);
    expect(r.stdout).toContain('Reading:');
  });
  it.each([
    [['init-stats'], 'missing --width H'],
    [['init-stats', '--width', '4', '--scheme', 'xavier'], '--scheme must be one of'],
    [['init-stats', '--width', '4', '--bias', 'normal:-1'], '--bias must be zero, pytorch, normal:SD or uniform:BOUND'],
    [['init-stats', '--width', '4', '--widths', '4,x'], '--widths must be a comma-separated list'],
    [['init-stats', '--width', '4', '--trials', '1'], '--trials must be an integer in [2,'],
    [['init-stats', '--width', '4', '--scheme', 'gaussian', '--sigma-v', '0'], '--sigma-v must be a number > 0'],
  ])('refuses %j with exit 2', async (argv, message) => {
    const r = await runInMemory(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
