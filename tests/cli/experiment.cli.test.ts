import { describe, expect, it } from 'vitest';
import { runInMemory } from '../helpers/cli.js';

describe('relu-exact experiment', () => {
  it('lists the experiments in its help', async () => {
    const r = await runInMemory(['experiment', '--help']);
    expect(r.code).toBe(0);
    for (const name of ['orthogonal-inputs', 'single-neuron-teacher', 'breakpoint-pinning']) expect(r.stdout).toContain(name);
  });
  it('orthogonal-inputs prints its table with the literature column', async () => {
    const r = await runInMemory(['experiment', 'orthogonal-inputs', '--lambdas', '1e-3,1e-24', '--steps', '20000', '--labels', '1,0.5,-1,-0.3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('min ||theta||^2 = 2 (||t+|| + ||t-||) = 4.324129');
    expect(r.stdout).toMatch(/1e-24\s+4\.32\d+/);
    expect(r.stdout).toContain('4.3244');
  });
  it('single-neuron-teacher --json holds both data sets and the M > 0 construction', async () => {
    const r = await runInMemory(['experiment', 'single-neuron-teacher', '--lambdas', '0.001', '--steps', '2000', '--width', '10', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.exact).toBe(false);
    expect(out.runs).toHaveLength(2);
    expect(out.runs[1].geometry.rankTwo.squaredNorm).toBeCloseTo(1.987568, 6);
  });
  it('breakpoint-pinning runs with fewer steps and seeds', async () => {
    const r = await runInMemory(['experiment', 'breakpoint-pinning', '--steps', '2000', '--seeds', '1', '--width', '10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/adaptive\s/);
    expect(r.stdout).toMatch(/kernel\s/);
  });
  it.each([
    [['experiment', 'nope'], 'unknown experiment "nope"; the experiments are: orthogonal-inputs, single-neuron-teacher, breakpoint-pinning'],
    [['experiment'], 'missing NAME'],
    [['experiment', 'breakpoint-pinning', '--labels', '1,2'], '--labels is not an option of breakpoint-pinning'],
    [['experiment', 'orthogonal-inputs', '--lambdas', '1e-3,x'], '--lambdas must be a comma-separated list of numbers > 0'],
    [['experiment', 'orthogonal-inputs', '--labels', '1,0'], '--labels must be a comma-separated list of finite nonzero numbers'],
  ])('refuses %j with exit 2', async (argv, message) => {
    const r = await runInMemory(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
