/**
 * A plain float64 gradient descent on sse for shallow nets, with backtracking (Armijo) steps:
 * an independent, approximate search used to test that certified optima are never above what
 * a search can reach. Shares no code with src/.
 */
import { SeededRng } from '../../src/core/rng.js';

export interface GdRun {
  sse: number;
  theta: Float64Array;
}

/** theta = [W (m x d) row-major, b (m), v (m), c]. */
function lossAndGrad(theta: Float64Array, X: number[][], y: number[], m: number, outputBias: boolean, grad: Float64Array | null): number {
  const d = X[0].length;
  const W = 0;
  const B = m * d;
  const V = B + m;
  const C = V + m;
  if (grad) grad.fill(0);
  let loss = 0;
  for (let i = 0; i < X.length; i++) {
    let f = outputBias ? theta[C] : 0;
    const z = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      let s = theta[B + j];
      for (let k = 0; k < d; k++) s += theta[W + j * d + k] * X[i][k];
      z[j] = s;
      if (s > 0) f += theta[V + j] * s;
    }
    const r = f - y[i];
    loss += r * r;
    if (!grad) continue;
    if (outputBias) grad[C] += 2 * r;
    for (let j = 0; j < m; j++) {
      if (z[j] <= 0) continue;
      grad[V + j] += 2 * r * z[j];
      const g = 2 * r * theta[V + j];
      grad[B + j] += g;
      for (let k = 0; k < d; k++) grad[W + j * d + k] += g * X[i][k];
    }
  }
  return loss;
}

export function gradientDescent(X: number[][], y: number[], m: number, options: { outputBias?: boolean; seed: number; steps?: number; scale?: number }): GdRun {
  const outputBias = options.outputBias ?? true;
  const d = X[0].length;
  const P = m * (d + 2) + 1;
  const rng = new SeededRng(options.seed);
  const theta = new Float64Array(P);
  for (let p = 0; p < P; p++) theta[p] = (rng.nextFloat() * 2 - 1) * (options.scale ?? 1);
  if (!outputBias) theta[P - 1] = 0;
  const grad = new Float64Array(P);
  const trial = new Float64Array(P);
  let loss = lossAndGrad(theta, X, y, m, outputBias, grad);
  let step = 0.1;
  for (let t = 0; t < (options.steps ?? 3000); t++) {
    const g2 = grad.reduce((s, v) => s + v * v, 0);
    if (g2 < 1e-24) break;
    for (;;) {
      for (let p = 0; p < P; p++) trial[p] = theta[p] - step * grad[p];
      const l = lossAndGrad(trial, X, y, m, outputBias, null);
      if (l <= loss - 0.5 * step * g2 || step < 1e-14) break;
      step /= 2;
    }
    theta.set(trial);
    loss = lossAndGrad(theta, X, y, m, outputBias, grad);
    step *= 1.5;
  }
  return { sse: loss, theta };
}
