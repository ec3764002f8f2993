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
 * The products run in WebAssembly with two-lane SIMD (wasm-gemm.ts) when the workspace comes from
 * `createDenseWorkspace`, else in JavaScript (gemm.ts); both need every dimension but the summed
 * one to be a multiple of 4, so the workspace holds theta, the gradient and the block padded with
 * zeros to widths n'_l = 4 ceil(n_l / 4) and blocks of 4 ceil(count / 4) points (a padded unit
 * has zero weights in and out; a padded point has delta 0). Per call theta is copied in (W_l^T
 * for the forward pass, W_l for the backward one) and the gradient out: O(parameters).
 * Pre-activations are sums `b + w_1 x_1 + ...` in ascending order (the padding adds exact zeros
 * at the end), as in shallow.ts and generic.ts, so all kernels agree on every activation bit for
 * bit; the gradient adds the same terms as per-point loops in another order (block sums first).
 */
import { gemmJs } from './gemm.js';
import { createGemmMemory, type WasmGemm } from './wasm-gemm.js';

/** Points per block: long inner loops for the gradient product, small enough for the cache. */
export const DENSE_BLOCK = 64;

const pad = (x: number): number => (x + 3) & ~3;

/** Workspace entries of layer l's parameters: W^T, W, b, then the gradient's dW, db (padded). */
function regionSize(nIn: number, nOut: number): number {
  return 3 * pad(nIn) * pad(nOut) + 2 * pad(nOut);
}

/**
 * Workspace length for widths [n_0, ..., n_L] (n' = n padded to a multiple of 4, B = DENSE_BLOCK):
 * sum_l (3 n'_{l-1} n'_l + 2 n'_l) + B (n'_0 + sum_{l >= 1} n'_l + 3 max_{l >= 1} n'_l).
 */
export function denseWorkspaceSize(widths: ArrayLike<number>): number {
  let params = 0;
  let units = 0;
  let maxOut = 0;
  for (let l = 1; l < widths.length; l++) {
    params += regionSize(widths[l - 1], widths[l]);
    units += pad(widths[l]);
    maxOut = Math.max(maxOut, pad(widths[l]));
  }
  return params + DENSE_BLOCK * (pad(widths[0]) + units + 3 * maxOut);
}

/** The WebAssembly products of the workspaces made by createDenseWorkspace, by their memory. */
const WASM = new WeakMap<ArrayBufferLike, WasmGemm>();

/**
 * A workspace for the dense kernels: in a WebAssembly memory, so the matrix products run there
 * with SIMD, where the runtime has WebAssembly SIMD (Node 16.4 and later); a plain Float64Array
 * otherwise. Any Float64Array of denseWorkspaceSize(widths) entries works too (JavaScript products).
 */
export function createDenseWorkspace(widths: ArrayLike<number>): Float64Array {
  const size = denseWorkspaceSize(widths);
  const wasm = createGemmMemory(size);
  if (wasm === null) return new Float64Array(size);
  WASM.set(wasm.memory.buffer, wasm.gemm);
  return wasm.memory;
}

/** Whether the kernels run their matrix products in WebAssembly on this workspace. */
export function isWasmWorkspace(work: Float64Array): boolean {
  return work.byteOffset === 0 && WASM.has(work.buffer);
}

/** C += A B on the workspace (element offsets and strides). */
function product(wasm: WasmGemm | undefined, M: Float64Array, m: number, n: number, K: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number): void {
  if (wasm === undefined) gemmJs(m, n, K, M, a, lda, b, ldb, c, ldc);
  else wasm(m, n, K, 8 * a, 8 * lda, 8 * b, 8 * ldb, 8 * c, 8 * ldc);
}

/** theta into the padded W_l^T, W_l (l >= 2) and b_l; the gradient's part zeroed. Returns the parameters' extent. */
function packParameters(widths: ArrayLike<number>, theta: Float64Array, ot: number, work: Float64Array): number {
  let at = ot;
  let r = 0;
  for (let l = 1; l < widths.length; l++) {
    const nIn = widths[l - 1];
    const nOut = widths[l];
    const pi = pad(nIn);
    const po = pad(nOut);
    const size = regionSize(nIn, nOut);
    work.fill(0, r, r + size);
    const wAt = r + pi * po;
    for (let j = 0; j < nOut; j++) {
      for (let k = 0; k < nIn; k++) {
        const w = theta[at + j * nIn + k];
        work[r + k * po + j] = w;
        if (l > 1) work[wAt + j * pi + k] = w;
      }
      work[wAt + po * pi + j] = theta[at + nOut * nIn + j];
    }
    at += nOut * (nIn + 1);
    r += size;
  }
  return r;
}

/**
 * Forward pass of the `count` points from row i of X: the padded block of X at x0 (x0 = end of
 * the parameters), then H_l (4 ceil(count / 4) rows of n'_l) after it, each DENSE_BLOCK n'_l long.
 */
function forwardBlock(widths: ArrayLike<number>, X: Float64Array, i: number, count: number, work: Float64Array, wasm: WasmGemm | undefined, x0: number): void {
  const L = widths.length - 1;
  const rows = pad(count);
  const n0 = widths[0];
  const p0 = pad(n0);
  for (let p = 0; p < rows; p++) {
    for (let k = 0; k < p0; k++) work[x0 + p * p0 + k] = p < count && k < n0 ? X[(i + p) * n0 + k] : 0;
  }
  let r = 0;
  let a = x0;
  let h = x0 + DENSE_BLOCK * p0;
  for (let l = 1; l <= L; l++) {
    const pi = pad(widths[l - 1]);
    const po = pad(widths[l]);
    const bias = r + 2 * pi * po;
    for (let p = 0; p < rows; p++) for (let j = 0; j < po; j++) work[h + p * po + j] = work[bias + j];
    product(wasm, work, rows, po, pi, a, pi, r, po, h, po);
    if (l < L) {
      // relu(s) = (s + |s|) / 2 exactly, branch-free
      for (let q = h; q < h + rows * po; q++) {
        const s = work[q];
        work[q] = (s + Math.abs(s)) * 0.5;
      }
    }
    r += regionSize(widths[l - 1], widths[l]);
    a = h;
    h += DENSE_BLOCK * po;
  }
}

/** Offset of H_L in the workspace, given x0. */
function outputAt(widths: ArrayLike<number>, x0: number): number {
  let h = x0 + DENSE_BLOCK * pad(widths[0]);
  for (let l = 1; l < widths.length - 1; l++) h += DENSE_BLOCK * pad(widths[l]);
  return h;
}

/**
 * f at rows i0..i1-1 of X (n x n_0 row-major) into out (row-major, n_L per point, from oo).
 * @param work length >= denseWorkspaceSize(widths); createDenseWorkspace's runs the products in WebAssembly
 */
export function denseForward(widths: ArrayLike<number>, X: Float64Array, i0: number, i1: number, theta: Float64Array, ot: number, out: Float64Array, oo: number, work: Float64Array): void {
  const wasm = work.byteOffset === 0 ? WASM.get(work.buffer) : undefined;
  const nL = widths[widths.length - 1];
  const pL = pad(nL);
  const x0 = packParameters(widths, theta, ot, work);
  const hL = outputAt(widths, x0);
  for (let i = i0; i < i1; i += DENSE_BLOCK) {
    const count = Math.min(DENSE_BLOCK, i1 - i);
    forwardBlock(widths, X, i, count, work, wasm, x0);
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
  const wasm = work.byteOffset === 0 ? WASM.get(work.buffer) : undefined;
  const L = widths.length - 1;
  const nL = widths[L];
  const pL = pad(nL);
  const x0 = packParameters(widths, theta, ot, work);
  const hL = outputAt(widths, x0);
  let maxOut = 0;
  for (let l = 1; l <= L; l++) maxOut = Math.max(maxOut, pad(widths[l]));
  const dA = hL + DENSE_BLOCK * pL; // two delta buffers (points x units), then D^T (units x points)
  const dB = dA + DENSE_BLOCK * maxOut;
  const dT = dB + DENSE_BLOCK * maxOut;
  let sse = 0;
  for (let i = i0; i < i1; i += DENSE_BLOCK) {
    const count = Math.min(DENSE_BLOCK, i1 - i);
    const rows = pad(count);
    forwardBlock(widths, X, i, count, work, wasm, x0);
    for (let p = 0; p < rows; p++) {
      for (let j = 0; j < pL; j++) {
        const r = p < count && j < nL ? work[hL + p * pL + j] - Y[(i + p) * nL + j] : 0;
        sse += r * r;
        work[dA + p * pL + j] = 2 * r;
      }
    }
    if (grad === null) continue;
    let dCur = dA;
    let r = x0; // walk the layers backwards
    let h = hL;
    for (let l = L; l >= 1; l--) {
      const pi = pad(widths[l - 1]);
      const po = pad(widths[l]);
      r -= regionSize(widths[l - 1], widths[l]);
      const gw = r + 2 * pi * po + po;
      const gb = gw + po * pi;
      const hPrev = h - DENSE_BLOCK * pi; // H_{l-1}; the block of X for l = 1
      for (let p = 0; p < rows; p++) for (let j = 0; j < po; j++) work[dT + j * rows + p] = work[dCur + p * po + j];
      for (let j = 0; j < po; j++) {
        let s = 0;
        for (let q = dT + j * rows; q < dT + (j + 1) * rows; q++) s += work[q];
        work[gb + j] += s;
      }
      product(wasm, work, po, pi, rows, dT, rows, hPrev, pi, gw, pi);
      if (l > 1) {
        const dNext = dCur === dA ? dB : dA;
        work.fill(0, dNext, dNext + rows * pi);
        product(wasm, work, rows, pi, po, dCur, po, r + pi * po, pi, dNext, pi);
        for (let q = 0; q < rows * pi; q++) if (!(work[hPrev + q] > 0)) work[dNext + q] = 0;
        dCur = dNext;
      }
      h = hPrev;
    }
  }
  if (grad !== null) unpackGradient(widths, work, grad, og);
  return sse;
}

/** The padded dW_l, db_l of the workspace into grad[og..] in relu-net/1 order. */
function unpackGradient(widths: ArrayLike<number>, work: Float64Array, grad: Float64Array, og: number): void {
  let at = og;
  let r = 0;
  for (let l = 1; l < widths.length; l++) {
    const nIn = widths[l - 1];
    const nOut = widths[l];
    const pi = pad(nIn);
    const po = pad(nOut);
    const gw = r + 2 * pi * po + po;
    for (let j = 0; j < nOut; j++) for (let k = 0; k < nIn; k++) grad[at + j * nIn + k] = work[gw + j * pi + k];
    for (let j = 0; j < nOut; j++) grad[at + nOut * nIn + j] = work[gw + po * pi + j];
    at += nOut * (nIn + 1);
    r += regionSize(nIn, nOut);
  }
}
