/**
 * The functional-dimension Jacobian of a (4, 16, 16, 1) ReLU net, built exactly: rows are k
 * random rational points z, columns the parameters theta in the order of relu-net/1 (layer by
 * layer, W row by row, then b), and entry (z, theta_t) is d f(z) / d theta_t by the chain rule
 * through the activation pattern at z (a neuron with pre-activation exactly 0 counts as
 * inactive). Its rank is the batch functional dimension at those points, at most
 * 369 - 32 (each hidden neuron's rescaling symmetry), so the matrix is rank-deficient.
 */
import { SeededRng } from '../src/core/rng.js';
import { Rational } from '../src/field/rational.js';
import type { ExactCase } from './exact-speed.js';

const WIDTHS = [4, 16, 16, 1];

export function jacobianRows(points: number, seed: number): Rational[][] {
  const rng = new SeededRng(seed);
  const small = (): Rational => Rational.of(rng.nextInt(-3, 3), rng.nextInt(1, 2));
  const layers = WIDTHS.slice(1).map((out, k) => ({
    W: Array.from({ length: out }, () => Array.from({ length: WIDTHS[k] }, small)),
    b: Array.from({ length: out }, small),
  }));
  const rows: Rational[][] = [];
  for (let t = 0; t < points; t++) {
    const x = Array.from({ length: WIDTHS[0] }, () => Rational.of(rng.nextInt(-6, 6), rng.nextInt(1, 3)));
    // Forward: post-activations a[0] = x, a[1], a[2]; active[k][i] for hidden layers.
    const a: Rational[][] = [x];
    const active: boolean[][] = [];
    for (let k = 0; k < 2; k++) {
      const z = layers[k].W.map((row, i) => row.reduce((acc, w, j) => acc.add(w.mul(a[k][j])), layers[k].b[i]));
      active.push(z.map((v) => v.sign() > 0));
      a.push(z.map((v) => (v.sign() > 0 ? v : Rational.ZERO)));
    }
    // Backward: g[k][i] = d f / d (pre-activation i of layer k).
    const g: Rational[][] = [[], [], [Rational.ONE]];
    for (let k = 1; k >= 0; k--) {
      g[k] = a[k + 1].map((_, i) =>
        active[k][i] ? layers[k + 1].W.reduce((acc, row, o) => acc.add(g[k + 1][o].mul(row[i])), Rational.ZERO) : Rational.ZERO,
      );
    }
    const row: Rational[] = [];
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < WIDTHS[k + 1]; i++) for (let j = 0; j < WIDTHS[k]; j++) row.push(g[k][i].mul(a[k][j]));
      for (let i = 0; i < WIDTHS[k + 1]; i++) row.push(g[k][i]);
    }
    rows.push(row);
  }
  return rows;
}

/** The bench case: 400 points (more than the 369 parameters). */
export function jacobianCase(points = 400): ExactCase {
  return {
    label: `Jacobian of a (4,16,16,1) net at ${points} points (${points}x369)`,
    entries: jacobianRows(points, 21).map((r) => r.map(String)),
    ops: ['rank', 'nullspace'],
  };
}
