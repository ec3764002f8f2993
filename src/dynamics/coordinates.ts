/**
 * A float net's parameters seen through the quotient by positive scaling (the coordinates a
 * trajectory is recorded in), and the quantities gradient flow conserves.
 *
 * - Univariate shallow nets (Sahs et al. 2022; LITERATURE-A 2.2): per neuron the breakpoint
 *   beta = -b / w, the orientation s = sign(w) and the delta-slope mu = v |w|; w = 0 neurons are
 *   the constants v relu(b), gathered with c into `offset`.
 * - Shallow nets of input dimension d > 1, the RS coordinates of LITERATURE-A 5.2: unit normal
 *   omega = w / |w|, offset beta = -b / |w|, amplitude mu = v |w|, so the neuron is
 *   mu relu(omega . x - beta); they reduce to the spline coordinates when d = 1.
 * - Deeper nets: theta itself.
 * With an activation positively homogeneous of degree k (relu, leaky-relu, relu-power:k) the
 * amplitude is mu = v |w|^k, so the neuron is mu sigma(s (x - beta)) (d = 1) or
 * mu sigma(omega . x - beta): the quotient by (w, b, v) -> (a w, a b, a^-k v), a > 0. Other
 * activations have no such symmetry: their shallow nets are recorded in `zero-plane`
 * coordinates, the zero-plane {omega . x = beta} of each neuron (beta = -b / w in 1-D, where the
 * breakpoints of the pinning metrics are), its sharpness |w| and its output weight v, which
 * together still determine the neuron (v sigma(|w| (omega . x - beta))) but are not a quotient.
 */
import type { Sign } from '../core/sign.js';
import { RELU, type Activation } from '../float/activation.js';

export interface UnivariateCoordinates {
  readonly kind: 'spline';
  /** Breakpoints (null where w = 0). */
  readonly beta: (number | null)[];
  readonly mu: number[];
  readonly s: Sign[];
  /** The output bias c. */
  readonly c: number;
  /** c plus the constants v relu(b) of the w = 0 neurons. */
  readonly offset: number;
}

export interface RadonCoordinates {
  readonly kind: 'rs';
  /** Unit normals (null where w = 0). */
  readonly omega: (number[] | null)[];
  readonly beta: (number | null)[];
  readonly mu: number[];
  readonly c: number;
  readonly offset: number;
}

export interface ZeroPlaneCoordinates {
  readonly kind: 'zero-plane';
  /** Zero-plane offsets beta = -b / |w| (d = 1: -b / w; null where w = 0). */
  readonly beta: (number | null)[];
  /** d = 1: orientations sign(w); d > 1: unit normals w / |w| (null where w = 0). */
  readonly s?: Sign[];
  readonly omega?: (number[] | null)[];
  /** |w|: how sharply the unit switches across its zero-plane. */
  readonly sharpness: number[];
  /** The output weights v. */
  readonly amplitude: number[];
  readonly c: number;
  /** c plus the constants v sigma(b) of the w = 0 neurons. */
  readonly offset: number;
}

export interface RawCoordinates {
  readonly kind: 'theta';
  readonly theta: number[];
}

export type Coordinates = UnivariateCoordinates | RadonCoordinates | ZeroPlaneCoordinates | RawCoordinates;

export function isShallowScalarWidths(widths: readonly number[]): boolean {
  return widths.length === 3 && widths[2] === 1;
}

/** The recorded coordinates of theta for nets with this activation (see the module comment for which). */
export function coordinatesOf(widths: readonly number[], theta: Float64Array, activation: Activation = RELU): Coordinates {
  if (!isShallowScalarWidths(widths)) return { kind: 'theta', theta: Array.from(theta) };
  const [d, m] = widths;
  const k = activation.homogeneity;
  const ob = m * d;
  const ov = ob + m;
  const c = theta[ov + m];
  let offset = c;
  const beta: (number | null)[] = [];
  const mu: number[] = [];
  const sharpness: number[] = [];
  const amplitude: number[] = [];
  const s: Sign[] = [];
  const omega: (number[] | null)[] = [];
  for (let j = 0; j < m; j++) {
    let norm2 = 0;
    for (let q = 0; q < d; q++) norm2 += theta[j * d + q] ** 2;
    const norm = Math.sqrt(norm2);
    const b = theta[ob + j];
    const v = theta[ov + j];
    sharpness.push(norm);
    amplitude.push(v);
    if (norm === 0) {
      offset += v * activation.value(b);
      beta.push(null);
      mu.push(0);
      s.push(0);
      omega.push(null);
      continue;
    }
    mu.push(k === null ? v * norm : v * norm ** k);
    if (d === 1) {
      const w = theta[j];
      beta.push(-b / w);
      s.push(w > 0 ? 1 : -1);
    } else {
      beta.push(-b / norm);
      omega.push(Array.from({ length: d }, (_, q) => theta[j * d + q] / norm));
    }
  }
  if (k === null) return { kind: 'zero-plane', beta, ...(d === 1 ? { s } : { omega }), sharpness, amplitude, c, offset };
  return d === 1 ? { kind: 'spline', beta, mu, s, c, offset } : { kind: 'rs', omega, beta, mu, c, offset };
}

/**
 * The balance of each hidden unit, k ||outgoing weights||^2 - ||incoming weights and bias||^2
 * for an activation positively homogeneous of degree k (for shallow ReLU nets
 * v_j^2 - |w_j|^2 - b_j^2, LITERATURE-A 2.6): constant along gradient flow of any loss, since
 * the flow is orthogonal to the unit's scaling orbit (a, a, a^-k): (w d_w + b d_b) L = k v d_v L,
 * so d/dt (|w|^2 + b^2) = k d/dt v^2. Written to out, unit by unit, layer by layer; returns the
 * number of hidden units. (Activations without homogeneity have no such invariant.)
 */
export function balances(widths: readonly number[], theta: Float64Array, out: Float64Array, degree = 1): number {
  let at = 0;
  let u = 0;
  for (let l = 1; l < widths.length - 1; l++) {
    const nIn = widths[l - 1];
    const nOut = widths[l];
    const next = at + nOut * (nIn + 1); // W_{l+1}
    for (let j = 0; j < nOut; j++) {
      let incoming = theta[at + nOut * nIn + j] ** 2;
      for (let k = 0; k < nIn; k++) incoming += theta[at + j * nIn + k] ** 2;
      let outgoing = 0;
      for (let r = 0; r < widths[l + 1]; r++) outgoing += theta[next + r * nOut + j] ** 2;
      out[u++] = degree * outgoing - incoming;
    }
    at = next;
  }
  return u;
}

export function hiddenUnitCount(widths: readonly number[]): number {
  let h = 0;
  for (let l = 1; l < widths.length - 1; l++) h += widths[l];
  return h;
}
