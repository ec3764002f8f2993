/**
 * Dense float kernels for shallow scalar nets of any input dimension,
 * f(x) = c + sum_j v_j relu(w_j . x + b_j), theta in relu-net/1 order (see layout.ts).
 *
 * The loss is sse = sum_i (f(x_i) - y_i)^2 (FORMATS.md: no 1/2, no 1/n) and its gradient is the
 * backpropagation formula with the convention relu'(0) = 0: a neuron counts as active at x_i iff
 * its float pre-activation is > 0. With r_i = f(x_i) - y_i,
 *   d sse / d w_j = 2 sum_i r_i v_j 1[z_ij > 0] x_i,   d sse / d b_j = 2 sum_i r_i v_j 1[z_ij > 0],
 *   d sse / d v_j = 2 sum_i r_i relu(z_ij),            d sse / d c = 2 sum_i r_i.
 * One pass per point, fused: the m pre-activations of x_i go to the workspace, then its residual
 * scatters into the gradient. W is read row by row (contiguous), so for d m up to ~10^4 the
 * weights stay in cache while the data stream through. No allocation inside.
 *
 * Sums are taken in a fixed order, the same in every kernel of `float/`: z = b_j + w_j1 x_1 + ...
 * (d = 1: b_j + w_j x), f = c + (terms over j ascending). So all kernels decide every activation
 * identically, ties included.
 */
import { checkArray, checkRowArray, checkRows } from './checks.js';
import { shallowSize } from './layout.js';

/** The rows of X (n x d) and y, and theta (checks.ts). Shared with generic.ts. */
export function checkShallowCall(fn: string, d: number, m: number, X: Float64Array, y: Float64Array | null, i0: number, i1: number, theta: Float64Array, ot: number): void {
  checkRows(fn, i0, i1);
  checkRowArray(fn, 'X', X, i1, d, 'input');
  checkRowArray(fn, 'y', y, i1, 1, 'output');
  checkArray(fn, 'theta', theta, ot, shallowSize(d, m));
}

/**
 * f at the rows i0..i1-1 of X (n x d row-major), written to out[oo + i - i0].
 * @param theta parameters at theta[ot], relu-net/1 order
 */
export function shallowForward(d: number, m: number, X: Float64Array, i0: number, i1: number, theta: Float64Array, ot: number, out: Float64Array, oo: number): void {
  checkShallowCall('shallowForward', d, m, X, null, i0, i1, theta, ot);
  checkArray('shallowForward', 'out', out, oo, i1 - i0);
  const ob = ot + m * d;
  const ov = ob + m;
  const c = theta[ov + m];
  for (let i = i0; i < i1; i++) {
    const ox = i * d;
    let f = c;
    for (let j = 0; j < m; j++) {
      let z = theta[ob + j];
      const ow = ot + j * d;
      for (let k = 0; k < d; k++) z += theta[ow + k] * X[ox + k];
      f += theta[ov + j] * ((z + Math.abs(z)) * 0.5);
    }
    out[oo + i - i0] = f;
  }
}

/** Workspace length of `shallowSseGradient`: 4 m + d. */
export function shallowWorkspaceSize(d: number, m: number): number {
  return 4 * m + d;
}

/**
 * sse over the rows i0..i1-1 of (X, y) and, when `grad` is given, its gradient, written (not
 * added) to grad[og..og + m (d + 2)] in relu-net/1 order.
 *
 * Register tiles of two neurons by four points: each loaded weight serves four products and each
 * loaded coordinate two, and the eight sums are independent (one chain of d dependent additions
 * per point would leave the floating-point units waiting). The gradient rows of the two neurons
 * are updated once per four points. A last partial block borrows a zero row for its missing
 * points and gives them residual 0; with m odd the last tile holds one neuron twice and keeps it
 * once. Every sum is taken in the same order as in `shallowForward` (b_j first, then k ascending;
 * f over j ascending), so the two agree exactly.
 * @param work length >= shallowWorkspaceSize(d, m)
 * @returns the sse of those rows
 */
export function shallowSseGradient(
  d: number,
  m: number,
  X: Float64Array,
  y: Float64Array,
  i0: number,
  i1: number,
  theta: Float64Array,
  ot: number,
  grad: Float64Array | null,
  og: number,
  work: Float64Array,
): number {
  checkShallowCall('shallowSseGradient', d, m, X, y, i0, i1, theta, ot);
  checkArray('shallowSseGradient', 'grad', grad, og, shallowSize(d, m));
  checkArray('shallowSseGradient', 'work', work, 0, shallowWorkspaceSize(d, m));
  if (d === 1) return univariateDense(m, X, y, i0, i1, theta, ot, grad, og, work);
  const ob = ot + m * d;
  const ov = ob + m;
  const c = theta[ov + m];
  const gb = og + m * d;
  const gv = gb + m;
  const zero = 4 * m; // a row of zeros standing in for missing points
  work.fill(0, zero, zero + d);
  if (grad !== null) grad.fill(0, og, gv + m + 1);
  let sse = 0;
  let sumT = 0;
  for (let i = i0; i < i1; i += 4) {
    const count = Math.min(4, i1 - i);
    const o0 = i * d;
    // the source of each point's coordinates: X, or the zero row in work
    const A1 = count > 1 ? X : work;
    const A2 = count > 2 ? X : work;
    const A3 = count > 3 ? X : work;
    const p1 = count > 1 ? o0 + d : zero;
    const p2 = count > 2 ? o0 + 2 * d : zero;
    const p3 = count > 3 ? o0 + 3 * d : zero;
    let f0 = c;
    let f1 = c;
    let f2 = c;
    let f3 = c;
    for (let j = 0; j < m; j += 2) {
      const two = j + 1 < m;
      const jj = two ? j + 1 : j;
      const ow = ot + j * d;
      const ox = ot + jj * d;
      let s0 = theta[ob + j];
      let s1 = s0;
      let s2 = s0;
      let s3 = s0;
      let t0 = theta[ob + jj];
      let t1 = t0;
      let t2 = t0;
      let t3 = t0;
      for (let k = 0; k < d; k++) {
        const w = theta[ow + k];
        const u = theta[ox + k];
        const x0 = X[o0 + k];
        const x1 = A1[p1 + k];
        const x2 = A2[p2 + k];
        const x3 = A3[p3 + k];
        s0 += w * x0;
        s1 += w * x1;
        s2 += w * x2;
        s3 += w * x3;
        t0 += u * x0;
        t1 += u * x1;
        t2 += u * x2;
        t3 += u * x3;
      }
      const q = 4 * j;
      work[q] = s0;
      work[q + 1] = s1;
      work[q + 2] = s2;
      work[q + 3] = s3;
      // relu(s) = (s + |s|) / 2 exactly, without a branch the predictor would miss half the time
      // (Math.max took 8-20% longer); s = -inf, only after an overflow, gives NaN (dense.ts: 0)
      const v = theta[ov + j];
      f0 += v * ((s0 + Math.abs(s0)) * 0.5);
      f1 += v * ((s1 + Math.abs(s1)) * 0.5);
      f2 += v * ((s2 + Math.abs(s2)) * 0.5);
      f3 += v * ((s3 + Math.abs(s3)) * 0.5);
      if (two) {
        work[q + 4] = t0;
        work[q + 5] = t1;
        work[q + 6] = t2;
        work[q + 7] = t3;
        const vv = theta[ov + jj];
        f0 += vv * ((t0 + Math.abs(t0)) * 0.5);
        f1 += vv * ((t1 + Math.abs(t1)) * 0.5);
        f2 += vv * ((t2 + Math.abs(t2)) * 0.5);
        f3 += vv * ((t3 + Math.abs(t3)) * 0.5);
      }
    }
    const r0 = f0 - y[i];
    const r1 = count > 1 ? f1 - y[i + 1] : 0;
    const r2 = count > 2 ? f2 - y[i + 2] : 0;
    const r3 = count > 3 ? f3 - y[i + 3] : 0;
    sse += r0 * r0 + r1 * r1 + r2 * r2 + r3 * r3;
    if (grad === null) continue;
    const t0 = 2 * r0;
    const t1 = 2 * r1;
    const t2 = 2 * r2;
    const t3 = 2 * r3;
    sumT += t0 + t1 + t2 + t3;
    for (let j = 0; j < m; j += 2) {
      const two = j + 1 < m;
      const jj = two ? j + 1 : j;
      // e = t v 1[z > 0] for the four points, for neuron j (e) and neuron jj (g); 0 if jj repeats j
      const q = 4 * j;
      const a0 = work[q];
      const a1 = work[q + 1];
      const a2 = work[q + 2];
      const a3 = work[q + 3];
      const u0 = a0 > 0 ? t0 : 0;
      const u1 = a1 > 0 ? t1 : 0;
      const u2 = a2 > 0 ? t2 : 0;
      const u3 = a3 > 0 ? t3 : 0;
      const b0 = two ? work[q + 4] : 0;
      const b1 = two ? work[q + 5] : 0;
      const b2 = two ? work[q + 6] : 0;
      const b3 = two ? work[q + 7] : 0;
      const w0 = b0 > 0 ? t0 : 0;
      const w1 = b1 > 0 ? t1 : 0;
      const w2 = b2 > 0 ? t2 : 0;
      const w3 = b3 > 0 ? t3 : 0;
      const any = u0 !== 0 || u1 !== 0 || u2 !== 0 || u3 !== 0;
      const anyB = w0 !== 0 || w1 !== 0 || w2 !== 0 || w3 !== 0;
      if (!any && !anyB) continue;
      const v = theta[ov + j];
      const vv = theta[ov + jj];
      const e0 = u0 * v;
      const e1 = u1 * v;
      const e2 = u2 * v;
      const e3 = u3 * v;
      const g0 = w0 * vv;
      const g1 = w1 * vv;
      const g2 = w2 * vv;
      const g3 = w3 * vv;
      const gw = og + j * d;
      const gx = og + jj * d;
      if (any) {
        grad[gv + j] += u0 * a0 + u1 * a1 + u2 * a2 + u3 * a3;
        grad[gb + j] += e0 + e1 + e2 + e3;
      }
      if (anyB) {
        grad[gv + jj] += w0 * b0 + w1 * b1 + w2 * b2 + w3 * b3;
        grad[gb + jj] += g0 + g1 + g2 + g3;
      }
      if (any && anyB) {
        for (let k = 0; k < d; k++) {
          const x0 = X[o0 + k];
          const x1 = A1[p1 + k];
          const x2 = A2[p2 + k];
          const x3 = A3[p3 + k];
          grad[gw + k] += e0 * x0 + e1 * x1 + e2 * x2 + e3 * x3;
          grad[gx + k] += g0 * x0 + g1 * x1 + g2 * x2 + g3 * x3;
        }
      } else if (any) {
        for (let k = 0; k < d; k++) grad[gw + k] += e0 * X[o0 + k] + e1 * A1[p1 + k] + e2 * A2[p2 + k] + e3 * A3[p3 + k];
      } else {
        for (let k = 0; k < d; k++) grad[gx + k] += g0 * X[o0 + k] + g1 * A1[p1 + k] + g2 * A2[p2 + k] + g3 * A3[p3 + k];
      }
    }
  }
  if (grad !== null) grad[gv + m] = sumT;
  return sse;
}

/** d = 1: one point at a time (no dot product to interleave), relu without a branch. */
function univariateDense(m: number, x: Float64Array, y: Float64Array, i0: number, i1: number, theta: Float64Array, ot: number, grad: Float64Array | null, og: number, z: Float64Array): number {
  const ob = ot + m;
  const ov = ob + m;
  const c = theta[ov + m];
  const gb = og + m;
  const gv = gb + m;
  if (grad !== null) grad.fill(0, og, gv + m + 1);
  let sse = 0;
  let sumT = 0;
  for (let i = i0; i < i1; i++) {
    const xi = x[i];
    let f = c;
    for (let j = 0; j < m; j++) {
      const s = theta[ob + j] + theta[ot + j] * xi;
      z[j] = s;
      f += theta[ov + j] * ((s + Math.abs(s)) * 0.5);
    }
    const r = f - y[i];
    sse += r * r;
    if (grad === null) continue;
    const t = 2 * r;
    sumT += t;
    for (let j = 0; j < m; j++) {
      const s = z[j];
      if (s > 0) {
        grad[gv + j] += t * s;
        const u = t * theta[ov + j];
        grad[gb + j] += u;
        grad[og + j] += u * xi;
      }
    }
  }
  if (grad !== null) grad[gv + m] = sumT;
  return sse;
}
