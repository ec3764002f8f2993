/**
 * Lazy-regime training of a wide univariate net: the first layer frozen at a draw from a law
 * (law-kernel.ts), the output weights v trained from zero on the sse with no output bias. Gradient
 * descent or flow from v = 0 stays in the row space of the feature matrix Phi (Phi_ni =
 * sigma(w_i x_n + b_i)) and converges, when Phi has full row rank, to its minimum-norm solution
 * v = Phi^T (Phi Phi^T)^-1 y; this computes that limit directly, by Householder QR of Phi^T
 * (H x n; Golub & Van Loan 5.2), which is backward stable where the normal equations would square
 * the condition number.
 */
import { UsageError } from '../../core/errors.js';
import type { SeededRng } from '../../core/rng.js';
import type { Activation } from '../../float/activation.js';
import { sampleFirstLayer, type FirstLayerLaw } from './law-kernel.js';

export interface LazyFit {
  readonly w: Float64Array;
  readonly b: Float64Array;
  /** The minimum-norm output weights. */
  readonly v: Float64Array;
  /** The trained function f(t) = sum_i v_i sigma(w_i t + b_i). */
  evaluate(t: number): number;
  /** max |R_jj| / min |R_jj| of Phi^T = QR: the condition number of Phi up to a factor of about n. */
  readonly condition: number;
}

/** The minimum-norm v with Phi v = y for the features of (w, b) at the points x. */
export function minimumNormOutput(activation: Activation, w: Float64Array, b: Float64Array, x: readonly number[], y: readonly number[]): { v: Float64Array; condition: number } {
  const H = w.length;
  const n = x.length;
  if (H < n) throw new UsageError(`minimumNormOutput: ${H} neurons cannot interpolate ${n} points in general`);
  // columns of Phi^T: cols[j][i] = sigma(w_i x_j + b_i)
  const cols = x.map((xj) => Float64Array.from(w, (wi, i) => activation.value(wi * xj + b[i])));
  const R = new Float64Array(n * n);
  const betas = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const c = cols[j];
    let norm2 = 0;
    for (let i = j; i < H; i++) norm2 += c[i] * c[i];
    const alpha = c[j] > 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
    c[j] -= alpha; // c[j..] is now the Householder vector u (alpha has the opposite sign of c_j: no cancellation)
    let uNorm2 = 0;
    for (let i = j; i < H; i++) uNorm2 += c[i] * c[i];
    betas[j] = uNorm2 === 0 ? 0 : 2 / uNorm2;
    R[j * n + j] = alpha;
    for (let l = j + 1; l < n; l++) {
      const d = cols[l];
      let dot = 0;
      for (let i = j; i < H; i++) dot += c[i] * d[i];
      const f = betas[j] * dot;
      for (let i = j; i < H; i++) d[i] -= f * c[i];
      R[j * n + l] = d[j];
    }
  }
  // R^T z = y (forward), then v = Q [z; 0] = H_0 ... H_{n-1} [z; 0]
  const z = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = y[j];
    for (let l = 0; l < j; l++) s -= R[l * n + j] * z[l];
    z[j] = s / R[j * n + j];
  }
  const v = new Float64Array(H);
  v.set(z);
  for (let j = n - 1; j >= 0; j--) {
    const u = cols[j];
    let dot = 0;
    for (let i = j; i < H; i++) dot += u[i] * v[i];
    const f = betas[j] * dot;
    for (let i = j; i < H; i++) v[i] -= f * u[i];
  }
  let big = 0;
  let small = Infinity;
  for (let j = 0; j < n; j++) {
    big = Math.max(big, Math.abs(R[j * n + j]));
    small = Math.min(small, Math.abs(R[j * n + j]));
  }
  return { v, condition: big / small };
}

/** Draws H neurons from the law and fits the output weights (their gradient-flow limit from zero). */
export function lazyFit(activation: Activation, law: FirstLayerLaw, width: number, x: readonly number[], y: readonly number[], rng: SeededRng): LazyFit {
  const { w, b } = sampleFirstLayer(law, width, rng);
  const { v, condition } = minimumNormOutput(activation, w, b, x, y);
  const evaluate = (t: number): number => {
    let f = 0;
    for (let i = 0; i < width; i++) f += v[i] * activation.value(w[i] * t + b[i]);
    return f;
  };
  return { w, b, v, evaluate, condition };
}
