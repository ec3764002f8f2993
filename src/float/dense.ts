/**
 * Dense float kernels for ReLU nets of any depth, f = A_L o relu o ... o relu o A_1,
 * A_l(h) = W_l h + b_l, theta in relu-net/1 order (layout.ts), n_L outputs.
 *
 * sse = sum_i ||f(x_i) - y_i||^2 and its gradient by backpropagation (relu'(0) = 0: a unit is
 * active iff its float pre-activation is > 0):
 *   delta_L = 2 (f(x_i) - y_i),  dW_l += delta_l h_{l-1}^T,  db_l += delta_l,
 *   delta_{l-1} = (W_l^T delta_l) * 1[h_{l-1} > 0].
 *
 * Points go DENSE_BLOCK at a time, layer by layer, as matrix products C += A B. With H_l the
 * block's activations (points x units, row-major; H_0 its rows of X) and D_l its deltas:
 *   forward   H_l = relu(b_l + H_{l-1} W_l^T),
 *   gradient  dW_l += D_l^T H_{l-1},  db_l += D_l^T 1,
 *   backward  D_{l-1} = (D_l W_l) * 1[H_{l-1} > 0].
 * In each product the left factor is mostly zeros: about half of a ReLU layer's activations are
 * 0, and so are the deltas of inactive units (numpy's products multiply them all). So each product
 * takes A as its non-zero entries (compressed rows) and B as panels of 12 columns (spmm.ts; in
 * WebAssembly with two-lane SIMD when the workspace comes from `createDenseWorkspace`), and skips
 * the terms 0 * b. For finite numbers that changes no bit but the sign of a zero sum (s + 0 = s
 * for s != 0; relu(-0) = relu(0) = 0). It differs where 0 meets inf (0 * inf = NaN): so with a
 * non-finite theta every term is kept, and where an input, activation or delta turns out infinite
 * or NaN, the sse and gradient are computed again keeping every term. Where the inputs are mostly
 * zeros (the first block decides), dW_1 goes the other way round, dW_1^T += H_0^T D_1, so that
 * their zeros are skipped too.
 * Widths are padded with zeros to multiples of 4 for the products' columns (n'_l = 4 ceil(n_l /
 * 4)); only real units enter a product as A, so a padded unit never meets a weight. Per call theta
 * is copied in (W_l^T for the forward pass, W_l for the backward one, as panels) and the gradient
 * out: O(parameters).
 * Pre-activations are sums `b + w_1 x_1 + ...` in ascending order, as in shallow.ts and
 * generic.ts, so all kernels agree on every activation bit for bit; the gradient adds the same
 * terms as per-point loops, dW in the same order, db in another (block sums first).
 */
import { DimensionError } from '../core/errors.js';
import { checkArray, checkRowArray, checkRows } from './checks.js';
import { DENSE_BLOCK, denseWorkspaceSize, pad, packParameters, panel, panelMasked, planFor, stride, unpackGradient, type Plan } from './dense-layout.js';
import { compressJs, PANEL, spmmJs, type Compress, type Spmm } from './spmm.js';
import { createSpmmMemory } from './wasm-spmm.js';

export { DENSE_BLOCK, denseWorkspaceSize };

/** The WebAssembly products of the workspaces made by createDenseWorkspace, by their memory. */
const WASM = new WeakMap<ArrayBufferLike, { spmm: Spmm; compress: Compress }>();

/**
 * A workspace for the dense kernels: in a WebAssembly memory, so the products run there with
 * SIMD, where the runtime has WebAssembly SIMD (Node 16.4 and later); a plain Float64Array
 * otherwise. Any Float64Array of denseWorkspaceSize(widths) entries works too (JavaScript products).
 */
export function createDenseWorkspace(widths: ArrayLike<number>): Float64Array {
  const size = denseWorkspaceSize(widths);
  const wasm = createSpmmMemory(size);
  if (wasm === null) return new Float64Array(size);
  WASM.set(wasm.memory.buffer, wasm);
  return wasm.memory;
}

/** Whether the kernels run their products in WebAssembly on this workspace. */
export function isWasmWorkspace(work: Float64Array): boolean {
  return work.byteOffset === 0 && WASM.has(work.buffer);
}

/** One call's view of the workspace: its float64 and int32 entries and its routines. */
interface Work {
  f: Float64Array;
  i32: Int32Array;
  spmm: Spmm;
  compress: Compress;
  /** Keep zero entries of A (exactly the terms of a dense product). */
  keepZeros: boolean;
  /** Set when a compressed input, activation or delta was infinite or NaN. */
  sawNonFinite: boolean;
  /** The plan of the widths last used on this workspace. */
  plan: Plan;
}

/** The views of each workspace, made on its first call (so that calls allocate nothing): [dropping zeros, keeping them]. */
const VIEWS = new WeakMap<Float64Array, [Work, Work]>();

/** The workspace's two views, their plan made for these widths (a DimensionError if it is too short). */
function viewsOf(work: Float64Array, widths: ArrayLike<number>): [Work, Work] {
  let views = VIEWS.get(work);
  if (views === undefined) {
    const wasm = work.byteOffset === 0 ? WASM.get(work.buffer) : undefined;
    const f = work;
    const i32 = new Int32Array(work.buffer, work.byteOffset, 2 * work.length);
    const spmm: Spmm = wasm?.spmm ?? ((...args) => spmmJs(f, i32, ...args));
    const compress: Compress = wasm?.compress ?? ((...args) => compressJs(f, i32, ...args));
    const plan = planFor(widths);
    views = [false, true].map((keep) => ({ f, i32, spmm, compress, keepZeros: keep, sawNonFinite: false, plan })) as [Work, Work];
    VIEWS.set(work, views);
  }
  if (!sameWidths(views[0].plan.widths, widths)) views[0].plan = views[1].plan = planFor(widths);
  // a short workspace would be written past its end (in JavaScript: silently dropped writes)
  const { end } = views[0].plan;
  if (work.length < end) throw new DimensionError('dense kernel', `the workspace has ${work.length} entries; widths [${Array.from(widths).join(', ')}] need denseWorkspaceSize = ${end}`);
  return views;
}

function sameWidths(a: readonly number[], b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let l = 0; l < a.length; l++) if (a[l] !== b[l]) return false;
  return true;
}

/**
 * The rows x cols matrix A (entry (r, c) at f[at + r rs + c cs]) as compressed rows (spmm.ts).
 * Kept: the entries that are not 0 and, given a mask (a matrix of the same shape and strides at
 * `mask`), whose mask entry is > 0; with keepZeros every entry (A is then masked already).
 */
function compress(w: Work, rows: number, cols: number, at: number, rs: number, cs: number, mask = -1): void {
  const b = w.plan;
  const mode = w.keepZeros ? 2 : mask < 0 ? 0 : 1;
  const check = w.compress(rows, cols, 8 * at, 8 * rs, 8 * cs, 8 * Math.max(mask, 0), mode, 8 * b.ptr, 8 * b.rec);
  if (check !== 0) w.sawNonFinite = true;
}

/** to[r] += the sum of compressed row r's values, in order (the sum over all of the row's entries: the others are 0). */
function sumRows(w: Work, rows: number, to: number): void {
  const { f, i32, plan: b } = w;
  const p0 = 2 * b.ptr;
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let t = i32[p0 + r]; t < i32[p0 + r + 1]; t++) s += f[b.rec + 2 * t];
    f[to + r] += s;
  }
}

/**
 * C (rows x n, row stride ldc entries, at c) = g(I + A B): A compressed by `compress`, B panelled
 * with K rows at bp, I at init with row stride ldinit (C itself, or one row for all), g relu or not.
 */
function product(w: Work, rows: number, n: number, K: number, bp: number, c: number, ldc: number, init: number, ldinit: number, relu: boolean): void {
  const b = w.plan;
  w.spmm(rows, n, 8 * b.ptr, 8 * b.rec, 8 * bp, 8 * PANEL * K, 8 * c, 8 * ldc, 8 * init, 8 * ldinit, relu ? 1 : 0);
}

/**
 * Forward pass of the `count` points from row i of X into H_0 .. H_L (count rows each). Only the
 * real units of H_{l-1} enter the next product: a padded unit never meets a weight, so it cannot
 * turn an infinite activation into NaN (inf * 0).
 */
function forwardBlock(X: Float64Array, i: number, count: number, w: Work): number {
  const { f, plan } = w;
  const { widths, h } = plan;
  const L = widths.length - 1;
  const n0 = widths[0];
  for (let q = 0; q < count * n0; q++) f[h[0] + q] = X[i * n0 + q];
  let inputEntries = 0;
  for (let l = 1; l <= L; l++) {
    const nIn = widths[l - 1];
    const po = pad(widths[l]);
    compress(w, count, nIn, h[l - 1], stride(widths, l - 1), 1);
    if (l === 1) inputEntries = w.i32[2 * plan.ptr + count];
    product(w, count, po, nIn, plan.wt[l], h[l], po, plan.bias[l], 0, l < L);
  }
  return inputEntries;
}

/** The call's rows and arrays (checks.ts): X, Y, theta and the output or gradient. */
function checkCall(fn: string, widths: ArrayLike<number>, size: number, X: Float64Array, Y: Float64Array | null, i0: number, i1: number, theta: Float64Array, ot: number, out: Float64Array | null, oo: number, outName: string, outSize: number): void {
  checkRows(fn, i0, i1);
  checkRowArray(fn, 'X', X, i1, widths[0], 'input');
  checkRowArray(fn, 'Y', Y, i1, widths[widths.length - 1], 'output');
  checkArray(fn, 'theta', theta, ot, size);
  checkArray(fn, outName, out, oo, outSize);
}

function allFinite(theta: Float64Array, from: number, to: number): boolean {
  for (let q = from; q < to; q++) if (!Number.isFinite(theta[q])) return false;
  return true;
}

/**
 * f at rows i0..i1-1 of X (n x n_0 row-major) into out (row-major, n_L per point, from oo).
 * @param work length >= denseWorkspaceSize(widths); createDenseWorkspace's runs the products in WebAssembly
 */
export function denseForward(widths: ArrayLike<number>, X: Float64Array, i0: number, i1: number, theta: Float64Array, ot: number, out: Float64Array, oo: number, work: Float64Array): void {
  const views = viewsOf(work, widths);
  const { size } = views[0].plan;
  checkCall('denseForward', widths, size, X, null, i0, i1, theta, ot, out, oo, 'out', (i1 - i0) * widths[widths.length - 1]);
  const w = views[allFinite(theta, ot, ot + size) ? 0 : 1];
  const L = widths.length - 1;
  const nL = widths[L];
  const pL = pad(nL);
  packParameters(w.plan, theta, ot, work);
  const hL = w.plan.h[L];
  for (let i = i0; i < i1; i += DENSE_BLOCK) {
    const count = Math.min(DENSE_BLOCK, i1 - i);
    forwardBlock(X, i, count, w);
    for (let p = 0; p < count; p++) for (let j = 0; j < nL; j++) out[oo + (i - i0 + p) * nL + j] = work[hL + p * pL + j];
  }
}

/**
 * sse over rows i0..i1-1 of (X, Y) (Y row-major, n_L per point) and, when `grad` is given, its
 * gradient written (not added) to grad[og..og + size) in relu-net/1 order.
 * @param work length >= denseWorkspaceSize(widths); createDenseWorkspace's runs the products in WebAssembly
 */
export function denseSseGradient(
  widths: ArrayLike<number>,
  X: Float64Array,
  Y: Float64Array,
  i0: number,
  i1: number,
  theta: Float64Array,
  ot: number,
  grad: Float64Array | null,
  og: number,
  work: Float64Array,
): number {
  const views = viewsOf(work, widths);
  const { size } = views[0].plan;
  checkCall('denseSseGradient', widths, size, X, Y, i0, i1, theta, ot, grad, og, 'grad', size);
  const w = views[allFinite(theta, ot, ot + size) ? 0 : 1];
  w.sawNonFinite = false;
  const sse = sseGradient(X, Y, i0, i1, theta, ot, grad, og, w);
  // an input, activation or delta was infinite or NaN, and a skipped zero might have met it: again
  // with every term, for the NaNs of 0 * inf that a dense product has
  return !w.keepZeros && w.sawNonFinite ? sseGradient(X, Y, i0, i1, theta, ot, grad, og, views[1]) : sse;
}

function sseGradient(X: Float64Array, Y: Float64Array, i0: number, i1: number, theta: Float64Array, ot: number, grad: Float64Array | null, og: number, w: Work): number {
  const { f, plan } = w;
  const { widths, h } = plan;
  const L = widths.length - 1;
  const nL = widths[L];
  const pL = pad(nL);
  packParameters(plan, theta, ot, f);
  f.fill(0, plan.zeros, plan.rec);
  let sse = 0;
  // dW_1 as (X^T D_1)^T, X compressed, when X is mostly zeros (decided on the first block)
  let inputsFirst = false;
  for (let i = i0; i < i1; i += DENSE_BLOCK) {
    const count = Math.min(DENSE_BLOCK, i1 - i);
    const inputEntries = forwardBlock(X, i, count, w);
    if (i === i0) inputsFirst = inputEntries < 0.5 * count * widths[0];
    for (let p = 0; p < count; p++) {
      for (let j = 0; j < nL; j++) {
        const r = f[h[L] + p * pL + j] - Y[(i + p) * nL + j];
        sse += r * r;
        f[plan.dA + p * pL + j] = 2 * r;
      }
    }
    if (grad === null) continue;
    let dCur = plan.dA;
    for (let l = L; l >= 1; l--) {
      const nIn = widths[l - 1];
      const nOut = widths[l];
      const pi = pad(nIn);
      const po = pad(nOut);
      // D_l (count x po) is masked by H_l as it is compressed (l < L), except with keepZeros (masked in place)
      const mask = l < L && !w.keepZeros ? h[l] : -1;
      if (l === 1 && inputsFirst) {
        // dW_1^T += X^T D_1: rows of X^T over the points, D_1 (masked) as panels; db_1 += D_1^T 1
        if (panelMasked(f, plan.packed, count, po, dCur, mask, plan.gb[l]) !== 0) w.sawNonFinite = true;
        compress(w, nIn, count, h[0], 1, nIn);
        product(w, nIn, po, count, plan.packed, plan.gw[l], po, plan.gw[l], po, false);
      } else {
        // dW_l += D_l^T H_{l-1}: rows of D_l^T over the points, H_{l-1} as panels; db_l += D_l^T 1
        compress(w, nOut, count, dCur, 1, po, mask);
        sumRows(w, nOut, plan.gb[l]);
        panel(f, plan.packed, count, pi, f, h[l - 1], stride(widths, l - 1), 1, count, nIn);
        product(w, nOut, pi, count, plan.packed, plan.gw[l], pi, plan.gw[l], pi, false);
      }
      if (l > 1) {
        // D_{l-1} = D_l W_l (masked by H_{l-1} when it is compressed in turn)
        const dNext = dCur === plan.dA ? plan.dB : plan.dA;
        compress(w, count, nOut, dCur, po, 1, mask);
        product(w, count, pi, nOut, plan.w[l], dNext, pi, plan.zeros, 0, false);
        if (w.keepZeros) for (let q = 0; q < count * pi; q++) if (!(f[h[l - 1] + q] > 0)) f[dNext + q] = 0;
        dCur = dNext;
      }
    }
  }
  if (grad !== null) unpackGradient(plan, f, grad, og, inputsFirst);
  return sse;
}
