/**
 * `npm run check:slow`: the reproductions at their default (README) settings, against the numbers
 * of LITERATURE-B, and the sorted kernel against the dense one at benchmark size.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { orthogonalExperiment } from '../../src/dynamics/reproductions/orthogonal.js';
import { pinningExperiment } from '../../src/dynamics/reproductions/pinning.js';
import { negativeMeasureData, positiveMeasureData, teacherExperiment } from '../../src/dynamics/reproductions/teacher.js';
import { createObjective } from '../../src/float/objective.js';

describe('orthogonal inputs at the LITERATURE-B 4.3 setting', () => {
  it('final ||theta||^2 decreases to 4.324129 as lambda goes 1e-3 .. 1e-24, within 1% of the spec run at each lambda', () => {
    const r = orthogonalExperiment();
    const spec = [4.3499, 4.3346, 4.3267, 4.3244];
    r.rows.forEach((row, i) => {
      expect(Math.abs(row.finalSquaredNorm - spec[i]) / spec[i]).toBeLessThan(0.01);
      expect(row.finalLoss).toBeLessThan(1e-25);
      if (i > 0) expect(row.finalSquaredNorm).toBeLessThan(r.rows[i - 1].finalSquaredNorm);
    });
    expect(r.rows[3].excess).toBeLessThan(2e-3);
  }, 600_000);
  it('with labels whose classes differ, the loss sits on the plateau between the two predicted drops', () => {
    const r = orthogonalExperiment({ labels: [1, 0.5, -0.2, -0.1], lambdas: [1e-12], steps: 60_000 });
    const [row] = r.rows;
    expect(row.secondDrop! / row.firstDrop!).toBeGreaterThan(4);
    expect(row.excess).toBeLessThan(1e-3);
  }, 600_000);
});

describe('single-neuron teacher at the default setting', () => {
  it('||theta||^2 -> 2, rank 1 and the angles shrink about 4x per 4x smaller lambda, for M < 0 and M > 0', () => {
    for (const data of [negativeMeasureData(), positiveMeasureData()]) {
      const r = teacherExperiment(data);
      const last = r.rows[r.rows.length - 1];
      expect(Math.abs(last.finalSquaredNorm - 2)).toBeLessThan(1e-8);
      expect(last.rank).toBe(1);
      for (let i = 2; i < r.rows.length; i++) {
        // lambda shrinks 64x per row: the angle by roughly as much (Chistikov et al. Fig. 7)
        const shrink = r.rows[i - 1].maxAngle / r.rows[i].maxAngle;
        expect(shrink).toBeGreaterThan(20);
      }
    }
  }, 600_000);
});

describe('breakpoint pinning at the default setting', () => {
  it('the adaptive regime pins far more of the slope change than chance (2%) and than the kernel regime', () => {
    const r = pinningExperiment();
    const adaptive = r.rows.find((x) => x.regime === 'adaptive')!;
    const kernel = r.rows.find((x) => x.regime === 'kernel')!;
    expect(adaptive.pinnedMassAfter).toBeGreaterThan(0.2);
    expect(kernel.pinnedMassAfter).toBeLessThan(0.02);
    expect(adaptive.meanDistanceAfter).toBeLessThan(kernel.meanDistanceAfter / 1.5);
  }, 600_000);
});

describe('kernels at benchmark size', () => {
  it('sorted and dense univariate kernels agree to 1e-11 of the gradient scale at n = 10 000, m = 1000, over 20 descent steps', () => {
    const rng = new SeededRng(5);
    const n = 10_000;
    const m = 1000;
    const X = Float64Array.from({ length: n }, () => rng.nextNormal());
    const Y = Float64Array.from(X, (x) => Math.sin(2 * x));
    const theta = Float64Array.from({ length: 3 * m + 1 }, (_, p) => (p < 2 * m ? rng.nextUniform(-1, 1) : rng.nextUniform(-1, 1) / Math.sqrt(m)));
    const sorted = createObjective([1, m, 1], X, Y, { kernel: 'sorted' });
    const dense = createObjective([1, m, 1], X, Y, { kernel: 'shallow' });
    const a = Float64Array.from(theta);
    const b = Float64Array.from(theta);
    const ga = new Float64Array(theta.length);
    const gb = new Float64Array(theta.length);
    for (let k = 0; k < 20; k++) {
      const sa = sorted.evaluate(a, ga);
      const sb = dense.evaluate(b, gb);
      expect(Math.abs(sa - sb) / sb).toBeLessThan(1e-11);
      const scale = Math.max(...Array.from(gb, Math.abs));
      for (let p = 0; p < theta.length; p++) expect(Math.abs(ga[p] - gb[p])).toBeLessThan(1e-11 * scale);
      for (let p = 0; p < theta.length; p++) {
        a[p] -= 1e-7 * ga[p];
        b[p] -= 1e-7 * gb[p];
      }
    }
  }, 600_000);
});
