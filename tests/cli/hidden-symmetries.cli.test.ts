/**
 * The hidden-symmetries experiment: the library study on nets with known answers (a net whose
 * far breakpoints N(0, I) batches miss), and the command as a user runs it.
 */
import { describe, expect, it } from 'vitest';
import { hiddenSymmetryStudy } from '../../src/analyses/functional-dimension/hidden-symmetries-study.js';
import { createF64 } from '../../src/field/f64.js';
import { createReluNet } from '../../src/network/relu-net.js';
import { runInMemory } from '../helpers/cli.js';

describe('hiddenSymmetryStudy', () => {
  it('counts the nets a random batch misses, against the exact decisive answer', () => {
    // f = relu(x + 100) - 2 relu(x) + relu(x - 100) (at the bound 7 = D - N_h); N(0, I) batches see two regions only
    const far = createReluNet(createF64(), [
      { W: [[1], [1], [1]], b: [100, 0, -100] },
      { W: [[1, -2, 1]], b: [0] },
    ]);
    const study = hiddenSymmetryStudy({ architectures: [[1, 3, 1]], trials: 3, seed: 1, sampleNet: () => far });
    const [row] = study.rows;
    expect(row).toMatchObject({ parameterCount: 10, upperBound: 7, trials: 3, batchSize: 500 });
    expect(row.exact).toMatchObject({ atBound: 3, meanGap: 0, unknown: 0 });
    expect(row.float['normal']).toMatchObject({ atBound: 0, belowExact: 3, aboveExact: 0 });
    expect(row.float['wide']).toMatchObject({ atBound: 3, belowExact: 0, aboveExact: 0 });
    expect(study.trials.map((t) => t.exact)).toEqual([7, 7, 7]);
  });
});

describe('relu-exact experiment hidden-symmetries', () => {
  it('runs the study on pytorch-initialised nets: float never above exact, exact at least float', async () => {
    const r = await runInMemory(['experiment', 'hidden-symmetries', '--arch', '1,2,1', '--arch', '2,2,2,1', '--trials', '3', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rows.map((row: { architecture: number[] }) => row.architecture)).toEqual([
      [1, 2, 1],
      [2, 2, 2, 1],
    ]);
    for (const row of out.rows) {
      for (const law of ['normal', 'wide']) {
        expect(row.float[law].aboveExact).toBe(0);
        expect(row.exact.atBound).toBeGreaterThanOrEqual(row.float[law].atBound);
      }
    }
    // (1,2,1) at initialisation is generic: at the bound
    expect(out.rows[0].exact.atBound).toBe(3);
    expect(out.trialRecords).toHaveLength(6);
    const text = await runInMemory(['experiment', 'hidden-symmetries', '--arch', '1,2,1', '--trials', '2', '--markdown']);
    expect(text.stdout).toMatch(/\| \(1,2,1\) \| 7 \| 5 \|/);
  });
  it('refuses a malformed architecture (exit 2)', async () => {
    const r = await runInMemory(['experiment', 'hidden-symmetries', '--arch', '1,3,3,2', '--trials', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--arch "1,3,3,2": give widths n0,n1,...,1/);
  });
});
