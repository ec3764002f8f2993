/**
 * The sorted prefix-sum kernel for univariate shallow nets f(x) = c + sum_j v_j relu(w_j x + b_j)
 * (theta in relu-net/1 order: w at 0, b at m, v at 2m, c at 3m).
 *
 * With the data sorted by x, the set where neuron j is active is a suffix of the data (w_j > 0)
 * or a prefix (w_j < 0): the spline lens (LITERATURE-A 2.2) says each neuron is the line
 * v_j (w_j x + b_j) on one side of its breakpoint. So
 * - forward: f(x_i) = c + A_i x_i + G_i, where (A_i, G_i) sums (v_j w_j, v_j b_j) over the neurons
 *   active at x_i: a prefix sum over right-facing neurons and a suffix sum over left-facing ones;
 * - gradient (LITERATURE-A 2.3, 2.6): with R0_j = sum_{i active} r_i and R1_j = sum_{i active} r_i x_i,
 *   d sse/d w_j = 2 v_j R1_j, d sse/d b_j = 2 v_j R0_j, d sse/d v_j = 2 (w_j R1_j + b_j R0_j),
 *   d sse/d c = 2 sum_i r_i, and R0_j, R1_j are prefix or suffix sums of r and r x read at the
 *   neuron's boundary index.
 * A step costs O(n + m) plus one search per neuron for its boundary: O(n + m log n), and O(n + m)
 * when the boundaries move little (they are searched from the previous step's, galloping).
 * The data are sorted once, outside the step (`sortData`).
 *
 * Ties and the convention relu'(0) = 0: activity is decided by the same float predicate as the
 * dense kernel, fl(fl(w_j x_i) + b_j) > 0, not by comparing x_i with a rounded breakpoint. That
 * predicate is monotone in x_i (rounding is monotone), so the active set is still a prefix or a
 * suffix, and both kernels agree on every activation, including a data point exactly at a
 * breakpoint (inactive). A neuron with w_j = 0 is the constant v_j relu(b_j): active everywhere
 * when b_j > 0, nowhere otherwise; its w-gradient is then 2 v_j sum_i r_i x_i.
 *
 * Accuracy: the sums are of the terms of active neurons only (prefix sums from the left for
 * right-facing neurons, from the right for left-facing ones), so the rounding error of f(x_i) is
 * a small multiple of m eps (|c| + sum_j |v_j| (|w_j x_i| + |b_j|)), the same scale as the dense
 * kernel's bound; near a breakpoint that scale exceeds |v_j (w_j x_i + b_j)|, a cancellation the
 * dense kernel does not have (tests/property/float-kernels: both within 1e-12 of the scale).
 */
import { checkArray, checkRows } from './checks.js';
import { shallowSize } from './layout.js';

/** x (n points), theta (3 m + 1 from ot), k (m), the output (n) and the workspace (checks.ts). */
function checkSortedCall(fn: string, n: number, m: number, x: Float64Array, theta: Float64Array, ot: number, k: Int32Array, out: Float64Array | null, outName: string, work: Float64Array | null): void {
  checkRows(fn, 0, n);
  checkArray(fn, 'x', x, 0, n);
  checkArray(fn, 'theta', theta, ot, shallowSize(1, m));
  checkArray(fn, 'k', k, 0, m);
  checkArray(fn, outName, out, 0, n);
  checkArray(fn, 'work', work, 0, sortedWorkspaceSize(n));
}

/** Workspace length the sorted kernel needs for n data points: 4 (n + 1). */
export function sortedWorkspaceSize(n: number): number {
  return 4 * (n + 1);
}

/**
 * A permutation sorting x ascending (stable), and the sorted copies of x and y.
 * Allocates; call once per data set.
 */
export function sortData(x: ArrayLike<number>, y: ArrayLike<number>): { order: Int32Array; x: Float64Array; y: Float64Array } {
  const n = x.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => x[a] - x[b] || a - b);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = x[order[i]];
    ys[i] = y[order[i]];
  }
  return { order, x: xs, y: ys };
}

/**
 * The boundary index of each neuron on sorted data x[0..n-1]: for w_j > 0 the first i with
 * fl(w_j x_i + b_j) > 0 (active on [k_j, n)); for w_j < 0 the first i where it is not > 0
 * (active on [0, k_j)); for w_j = 0, n when b_j > 0 (active everywhere) and 0 otherwise.
 * `k` holds the previous boundaries on entry (any values in [0, n] are valid hints) and the new
 * ones on return.
 */
export function sortedBoundaries(n: number, m: number, x: Float64Array, theta: Float64Array, ot: number, k: Int32Array): void {
  checkSortedCall('sortedBoundaries', n, m, x, theta, ot, k, null, 'out', null);
  for (let j = 0; j < m; j++) {
    const w = theta[ot + j];
    const b = theta[ot + m + j];
    if (w > 0 || w < 0) k[j] = firstTrue(n, x, w, b, w > 0, k[j]);
    else k[j] = b > 0 ? n : 0;
  }
}

/**
 * The first i in [0, n] where pred(i) = (fl(w x_i + b) > 0) === up holds (n if none); pred is
 * monotone false..true along sorted x. Gallops out from the hint h, then bisects.
 */
function firstTrue(n: number, x: Float64Array, w: number, b: number, up: boolean, h: number): number {
  if (!(h >= 0 && h <= n)) h = n >> 1;
  let lo: number; // pred(lo) false, or lo = -1
  let hi: number; // pred(hi) true, or hi = n
  if (h < n && (w * x[h] + b > 0) !== up) {
    lo = h;
    let step = 1;
    hi = h + 1;
    while (hi < n && (w * x[hi] + b > 0) !== up) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    if (hi > n) hi = n;
  } else if (h > 0 && (w * x[h - 1] + b > 0) === up) {
    hi = h - 1;
    let step = 1;
    lo = hi - 1;
    while (lo >= 0 && (w * x[lo] + b > 0) === up) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    if (lo < -1) lo = -1;
  } else return h;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((w * x[mid] + b > 0) === up) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * f at the sorted points x[0..n-1], written to out[0..n-1]; `k` must hold the boundaries
 * (`sortedBoundaries`) and `work` have length >= sortedWorkspaceSize(n).
 */
export function sortedForward(n: number, m: number, x: Float64Array, theta: Float64Array, ot: number, k: Int32Array, out: Float64Array, work: Float64Array): void {
  checkSortedCall('sortedForward', n, m, x, theta, ot, k, out, 'out', work);
  const ow = ot;
  const ob = ot + m;
  const ov = ob + m;
  // work[0..n]: slopes of right-facing neurons entering at i; [n+1..2n+1]: their intercepts;
  // [2n+2..]: left-facing neurons entering (from the right) at i; then intercepts.
  const dA = 0;
  const dG = n + 1;
  const eA = 2 * (n + 1);
  const eG = 3 * (n + 1);
  work.fill(0, 0, 4 * (n + 1));
  let constant = theta[ov + m];
  for (let j = 0; j < m; j++) {
    const w = theta[ow + j];
    const b = theta[ob + j];
    const v = theta[ov + j];
    const kj = k[j];
    if (w > 0) {
      work[dA + kj] += v * w;
      work[dG + kj] += v * b;
    } else if (w < 0) {
      if (kj > 0) {
        work[eA + kj - 1] += v * w;
        work[eG + kj - 1] += v * b;
      }
    } else if (w !== w) constant = NaN;
    else if (b > 0) constant += v * b;
  }
  let A = 0;
  let G = 0;
  for (let i = 0; i < n; i++) {
    A += work[dA + i];
    G += work[dG + i];
    out[i] = A * x[i] + G;
  }
  A = 0;
  G = 0;
  for (let i = n - 1; i >= 0; i--) {
    A += work[eA + i];
    G += work[eG + i];
    out[i] += A * x[i] + G + constant;
  }
}

/**
 * sse on sorted data (x, y) and, when `grad` is given, its gradient written to grad[og..og+3m]
 * (relu-net/1 order). Updates the boundaries `k` (hints in, boundaries out).
 * @param r length >= n: receives the residuals f(x_i) - y_i
 * @param work length >= sortedWorkspaceSize(n)
 */
export function sortedSseGradient(
  n: number,
  m: number,
  x: Float64Array,
  y: Float64Array,
  theta: Float64Array,
  ot: number,
  grad: Float64Array | null,
  og: number,
  k: Int32Array,
  r: Float64Array,
  work: Float64Array,
): number {
  checkSortedCall('sortedSseGradient', n, m, x, theta, ot, k, r, 'r', work);
  checkArray('sortedSseGradient', 'y', y, 0, n);
  checkArray('sortedSseGradient', 'grad', grad, og, shallowSize(1, m));
  sortedBoundaries(n, m, x, theta, ot, k);
  sortedForward(n, m, x, theta, ot, k, r, work);
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const ri = r[i] - y[i];
    r[i] = ri;
    sse += ri * ri;
  }
  if (grad === null) return sse;
  // Prefix sums P0[i] = sum_{l<i} r_l, P1 of r x (from the left); suffix sums S0[i] = sum_{l>=i} r_l,
  // S1 (from the right): each neuron reads the sums over its own active points only.
  const P0 = 0;
  const P1 = n + 1;
  const S0 = 2 * (n + 1);
  const S1 = 3 * (n + 1);
  let s0 = 0;
  let s1 = 0;
  work[P0] = 0;
  work[P1] = 0;
  for (let i = 0; i < n; i++) {
    s0 += r[i];
    s1 += r[i] * x[i];
    work[P0 + i + 1] = s0;
    work[P1 + i + 1] = s1;
  }
  s0 = 0;
  s1 = 0;
  work[S0 + n] = 0;
  work[S1 + n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    s0 += r[i];
    s1 += r[i] * x[i];
    work[S0 + i] = s0;
    work[S1 + i] = s1;
  }
  const ob = ot + m;
  const ov = ob + m;
  for (let j = 0; j < m; j++) {
    const w = theta[ot + j];
    const b = theta[ob + j];
    const v = theta[ov + j];
    const kj = k[j];
    let R0: number;
    let R1: number;
    if (w > 0) {
      R0 = work[S0 + kj];
      R1 = work[S1 + kj];
    } else if (w < 0) {
      R0 = work[P0 + kj];
      R1 = work[P1 + kj];
    } else if (b > 0) {
      R0 = work[S0];
      R1 = work[S1];
    } else {
      R0 = 0;
      R1 = 0;
    }
    grad[og + j] = 2 * v * R1;
    grad[og + m + j] = 2 * v * R0;
    grad[og + 2 * m + j] = 2 * (w * R1 + b * R0);
  }
  grad[og + 3 * m] = 2 * work[S0];
  return sse;
}
