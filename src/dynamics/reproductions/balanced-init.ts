/**
 * The balanced small initialisation of the orthogonal-input and single-neuron-teacher papers
 * (Boursier, Pillaud-Vivien & Flammarion 2022; Chistikov, Englert & Lazic 2023, LITERATURE-B
 * 5.1): w_j = lambda z_j with z_j ~ N(0, I / (D m)) in R^D, a_j = s_j ||w_j|| with s_j = +-1 uniform,
 * for the net h(x) = sum_j a_j relu(w_j . x). Without biases (their setting) the hidden and
 * output biases are 0 and frozen by the returned mask; with `bias: true` the bias joins w_j in
 * z_j (D = d + 1) and the output bias starts at 0, both trainable.
 */
import { UsageError } from '../../core/errors.js';
import type { SeededRng } from '../../core/rng.js';

export interface BalancedInit {
  readonly widths: number[];
  /** relu-net/1 order: W (m x d), b, v (= a), c. */
  readonly theta: Float64Array;
  /** 1 for trainable parameters, 0 for the frozen biases. */
  readonly mask: Float64Array;
}

export function balancedInit(d: number, m: number, lambda: number, rng: SeededRng, options: { bias?: boolean } = {}): BalancedInit {
  if (!(Number.isSafeInteger(d) && d >= 1 && Number.isSafeInteger(m) && m >= 1)) throw new UsageError(`balancedInit: d and m must be positive integers, got ${d}, ${m}`);
  if (!(Number.isFinite(lambda) && lambda > 0)) throw new UsageError(`balancedInit: lambda must be a finite number > 0, got ${lambda}`);
  const bias = options.bias === true;
  const D = bias ? d + 1 : d;
  const sd = 1 / Math.sqrt(D * m);
  const theta = new Float64Array(m * (d + 2) + 1);
  const mask = new Float64Array(theta.length).fill(1);
  const ob = m * d;
  const ov = ob + m;
  for (let j = 0; j < m; j++) {
    let norm2 = 0;
    for (let k = 0; k < D; k++) {
      const z = lambda * sd * rng.nextNormal();
      norm2 += z * z;
      if (k < d) theta[j * d + k] = z;
      else theta[ob + j] = z;
    }
    const s = rng.nextFloat() < 0.5 ? -1 : 1;
    theta[ov + j] = s * Math.sqrt(norm2);
    if (!bias) mask[ob + j] = 0;
  }
  if (!bias) mask[ov + m] = 0;
  return { widths: [d, m, 1], theta, mask };
}
