/**
 * Where the dense kernel (dense.ts) keeps everything in its workspace, and how theta, the
 * gradient and the deltas move in and out of it: the plan of offsets for one architecture, the
 * panels of PANEL columns that the products read as B, the padded widths.
 */
import { denseLayout } from './layout.js';
import { PANEL } from './spmm.js';

/** Points per block: long inner loops for the gradient product, small enough for the cache. */
export const DENSE_BLOCK = 64;

/** A width padded to a multiple of 4 (the products' columns). */
export const pad = (x: number): number => (x + 3) & ~3;
/** Entries of a K-row matrix with n columns stored as panels of PANEL columns. */
const panelled = (K: number, n: number): number => PANEL * Math.ceil(n / PANEL) * K;
/** Row stride of H_l in the block: X's rows as they are for l = 0, the padded width after. */
export const stride = (widths: ArrayLike<number>, l: number): number => (l === 0 ? widths[0] : pad(widths[l]));

/**
 * Where everything lives in the workspace (entry offsets) for one architecture: per layer l
 * (index l, 1..L) W_l^T and W_l as panels, b_l, then the gradient's dW_l, db_l; then the block's
 * buffers. Computed once per workspace and widths (calls allocate nothing).
 */
export interface Plan {
  widths: number[];
  /** Parameters in theta (relu-net/1 order). */
  size: number;
  wt: number[];
  w: number[];
  bias: number[];
  gw: number[];
  gb: number[];
  /** H_0 (the block of X), then H_1 .. H_L, DENSE_BLOCK rows each. */
  h: number[];
  /** H_{l-1} (or D_1) as panels, for dW_l (DENSE_BLOCK rows). */
  packed: number;
  /** Two delta buffers (points x padded units). */
  dA: number;
  dB: number;
  /** A row of zeros as wide as the widest layer (the start of a delta product). */
  zeros: number;
  /** Compressed rows: their records (value and offset, two float64 slots each), then the row starts (int32, in float64 slots). */
  rec: number;
  ptr: number;
  end: number;
}

export function planFor(widths: ArrayLike<number>): Plan {
  const { size } = denseLayout(Array.from(widths)); // and widths: at least two positive integers
  const L = widths.length - 1;
  const plan: Plan = { widths: Array.from(widths), size, wt: [0], w: [0], bias: [0], gw: [0], gb: [0], h: [], packed: 0, dA: 0, dB: 0, zeros: 0, rec: 0, ptr: 0, end: 0 };
  let at = 0;
  for (let l = 1; l <= L; l++) {
    const pi = pad(widths[l - 1]);
    const po = pad(widths[l]);
    plan.wt.push(at);
    plan.w.push((at += panelled(widths[l - 1], po)));
    plan.bias.push((at += panelled(widths[l], pi)));
    plan.gw.push((at += po));
    plan.gb.push((at += po * pi));
    at += po;
  }
  let maxOut = 0;
  let maxWidth = 0; // inputs included
  for (let l = 0; l <= L; l++) {
    plan.h.push(at);
    at += DENSE_BLOCK * stride(widths, l);
    maxWidth = Math.max(maxWidth, pad(widths[l]));
    if (l > 0) maxOut = Math.max(maxOut, pad(widths[l]));
  }
  plan.packed = at;
  plan.dA = plan.packed + panelled(DENSE_BLOCK, maxWidth);
  plan.dB = plan.dA + DENSE_BLOCK * maxOut;
  plan.zeros = plan.dB + DENSE_BLOCK * maxOut;
  plan.rec = plan.zeros + maxWidth;
  plan.ptr = plan.rec + 2 * DENSE_BLOCK * maxWidth;
  // row starts: a row per point, per unit (D^T) or per input (X^T)
  plan.end = plan.ptr + Math.ceil((Math.max(DENSE_BLOCK, maxWidth) + 1) / 2);
  return plan;
}

/** Workspace length (float64 entries) for widths [n_0, ..., n_L]. */
export function denseWorkspaceSize(widths: ArrayLike<number>): number {
  return planFor(widths).end;
}

/** The K x n matrix M (entry (k, j) = src[at + k rs + j cs] for k < kMax and j < jMax, else 0) as panels at dst. */
export function panel(f: Float64Array, dst: number, K: number, n: number, src: Float64Array, at: number, rs: number, cs: number, kMax: number, jMax: number): void {
  f.fill(0, dst, dst + panelled(K, n));
  for (let j0 = 0; j0 < jMax; j0 += PANEL) {
    const base = dst + j0 * K;
    const width = Math.min(PANEL, jMax - j0);
    for (let k = 0; k < kMax; k++) {
      const from = at + k * rs + j0 * cs;
      const to = base + k * PANEL;
      for (let q = 0; q < width; q++) f[to + q] = src[from + q * cs];
    }
  }
}

/**
 * The count x po deltas D at d (row stride po), masked by the activations at mask (same shape;
 * none for mask < 0), as panels at dst (count rows); each column's sum, in ascending rows, added
 * to sums[j]. Branch-free (D times 0 or 1): a masked delta becomes +-0 (NaN if it was infinite).
 * Returns the sum of s - s over the column sums s: NaN iff a delta written is infinite or NaN (or
 * a column's sum overflowed). D is B of its product, where compress does not see it, and its zeros
 * are kept but X's are skipped: an infinite delta would meet no 0 of X.
 */
export function panelMasked(f: Float64Array, dst: number, count: number, po: number, d: number, mask: number, sums: number): number {
  let check = 0;
  for (let j0 = 0; j0 < po; j0 += PANEL) {
    const base = dst + j0 * count;
    const width = Math.min(PANEL, po - j0);
    for (let p = 0; p < count; p++) {
      const from = d + p * po + j0;
      const to = base + p * PANEL;
      for (let q = 0; q < width; q++) f[to + q] = mask < 0 ? f[from + q] : f[from + q] * +(f[mask + p * po + j0 + q] > 0);
    }
    for (let q = 0; q < width; q++) {
      let s = 0;
      for (let p = 0; p < count; p++) s += f[base + p * PANEL + q];
      f[sums + j0 + q] += s;
      check += s - s;
    }
  }
  return check;
}

/** theta into the panelled W_l^T, W_l (l >= 2) and b_l; the gradient's part zeroed. */
export function packParameters(plan: Plan, theta: Float64Array, ot: number, f: Float64Array): void {
  const { widths } = plan;
  let at = ot;
  for (let l = 1; l < widths.length; l++) {
    const nIn = widths[l - 1];
    const nOut = widths[l];
    const po = pad(nOut);
    // W^T: nIn rows (inputs k), po columns (units j), W[j][k] = theta[at + j nIn + k]; W: nOut rows, pi columns
    panel(f, plan.wt[l], nIn, po, theta, at, 1, nIn, nIn, nOut);
    if (l > 1) panel(f, plan.w[l], nOut, pad(nIn), theta, at, nIn, 1, nOut, nIn);
    for (let j = 0; j < po; j++) f[plan.bias[l] + j] = j < nOut ? theta[at + nOut * nIn + j] : 0;
    f.fill(0, plan.gw[l], plan.gb[l] + po);
    at += nOut * (nIn + 1);
  }
}

/** The padded dW_l, db_l of the workspace into grad[og..] in relu-net/1 order. */
export function unpackGradient(plan: Plan, f: Float64Array, grad: Float64Array, og: number, inputsFirst: boolean): void {
  const { widths } = plan;
  let at = og;
  for (let l = 1; l < widths.length; l++) {
    const nIn = widths[l - 1];
    const nOut = widths[l];
    // dW_l (nOut x pi), or dW_1^T (nIn x po) when dW_1 went inputs first
    const transposed = l === 1 && inputsFirst;
    const rs = transposed ? 1 : pad(nIn);
    const cs = transposed ? pad(nOut) : 1;
    for (let j = 0; j < nOut; j++) for (let k = 0; k < nIn; k++) grad[at + j * nIn + k] = f[plan.gw[l] + j * rs + k * cs];
    for (let j = 0; j < nOut; j++) grad[at + nOut * nIn + j] = f[plan.gb[l] + j];
    at += nOut * (nIn + 1);
  }
}
