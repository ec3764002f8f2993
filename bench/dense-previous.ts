/**
 * The dense ReLU kernel as it was before the blocked matrix-product rewrite of src/float/dense.ts:
 * four points at a time through all layers, register tiles of two units by four points, and the
 * backward pass updating each weight row's gradient and delta_{l-1} in one pass over the row.
 * Kept unchanged, under its own names, as the baseline bench/float.ts measures the current
 * kernel against in the same run. Not part of the library.
 */

/** Workspace length for widths [n_0, ..., n_L]: 4 (sum_{l >= 1} n_l + 2 max_l n_l) + n_0. */
export function denseWorkspaceSizePrevious(widths: ArrayLike<number>): number {
  let sum = 0;
  let max = 0;
  for (let l = 1; l < widths.length; l++) {
    sum += widths[l];
    if (widths[l] > max) max = widths[l];
  }
  return 4 * (sum + 2 * max) + widths[0];
}

function sizes(widths: ArrayLike<number>): { params: number; units: number; max: number } {
  let params = 0;
  let units = 0;
  let max = 0;
  for (let l = 1; l < widths.length; l++) {
    params += widths[l] * (widths[l - 1] + 1);
    units += widths[l];
    if (widths[l] > max) max = widths[l];
  }
  return { params, units, max };
}

/**
 * Forward pass of the block of points starting at row i (count of them real): activations of
 * every layer into work[0 .. 4 sum n_l), unit-major and point-minor (hidden layers after relu,
 * the output as is). `zero` is the offset in work of a zero row standing in for missing points.
 * Tiles of two units by four points: eight independent sums, each loaded weight used four times
 * and each loaded input twice.
 */
function forwardBlock(widths: ArrayLike<number>, X: Float64Array, i: number, count: number, theta: Float64Array, ot: number, work: Float64Array, zero: number): void {
  const L = widths.length - 1;
  const n0 = widths[0];
  const o0 = i * n0;
  const A1 = count > 1 ? X : work;
  const A2 = count > 2 ? X : work;
  const A3 = count > 3 ? X : work;
  const p1 = count > 1 ? o0 + n0 : zero;
  const p2 = count > 2 ? o0 + 2 * n0 : zero;
  const p3 = count > 3 ? o0 + 3 * n0 : zero;
  let at = ot;
  let hIn = 0;
  let hOut = 0;
  for (let l = 1; l <= L; l++) {
    const nIn = widths[l - 1];
    const nOut = widths[l];
    const ob = at + nOut * nIn;
    const last = l === L;
    for (let j = 0; j < nOut; j += 2) {
      const two = j + 1 < nOut;
      const jj = two ? j + 1 : j;
      const ow = at + j * nIn;
      const ox = at + jj * nIn;
      let s0 = theta[ob + j];
      let s1 = s0;
      let s2 = s0;
      let s3 = s0;
      let t0 = theta[ob + jj];
      let t1 = t0;
      let t2 = t0;
      let t3 = t0;
      if (l === 1) {
        for (let k = 0; k < nIn; k++) {
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
      } else {
        for (let k = 0; k < nIn; k++) {
          const w = theta[ow + k];
          const u = theta[ox + k];
          const h = hIn + 4 * k;
          const x0 = work[h];
          const x1 = work[h + 1];
          const x2 = work[h + 2];
          const x3 = work[h + 3];
          s0 += w * x0;
          s1 += w * x1;
          s2 += w * x2;
          s3 += w * x3;
          t0 += u * x0;
          t1 += u * x1;
          t2 += u * x2;
          t3 += u * x3;
        }
      }
      const q = hOut + 4 * j;
      if (last) {
        work[q] = s0;
        work[q + 1] = s1;
        work[q + 2] = s2;
        work[q + 3] = s3;
        if (two) {
          work[q + 4] = t0;
          work[q + 5] = t1;
          work[q + 6] = t2;
          work[q + 7] = t3;
        }
      } else {
        // relu(s) = (s + |s|) / 2 exactly, branch-free
        work[q] = (s0 + Math.abs(s0)) * 0.5;
        work[q + 1] = (s1 + Math.abs(s1)) * 0.5;
        work[q + 2] = (s2 + Math.abs(s2)) * 0.5;
        work[q + 3] = (s3 + Math.abs(s3)) * 0.5;
        if (two) {
          work[q + 4] = (t0 + Math.abs(t0)) * 0.5;
          work[q + 5] = (t1 + Math.abs(t1)) * 0.5;
          work[q + 6] = (t2 + Math.abs(t2)) * 0.5;
          work[q + 7] = (t3 + Math.abs(t3)) * 0.5;
        }
      }
    }
    at = ob + nOut;
    hIn = hOut;
    hOut += 4 * nOut;
  }
}

/** f at rows i0..i1-1 of X (n x n_0 row-major) into out (row-major, n_L per point, from oo). */
export function denseForwardPrevious(widths: ArrayLike<number>, X: Float64Array, i0: number, i1: number, theta: Float64Array, ot: number, out: Float64Array, oo: number, work: Float64Array): void {
  const L = widths.length - 1;
  const nL = widths[L];
  const { units, max } = sizes(widths);
  const zero = 4 * (units + 2 * max);
  work.fill(0, zero, zero + widths[0]);
  const outAt = 4 * (units - nL);
  for (let i = i0; i < i1; i += 4) {
    const count = Math.min(4, i1 - i);
    forwardBlock(widths, X, i, count, theta, ot, work, zero);
    for (let p = 0; p < count; p++) for (let j = 0; j < nL; j++) out[oo + (i + p - i0) * nL + j] = work[outAt + 4 * j + p];
  }
}

/**
 * sse over rows i0..i1-1 of (X, Y) (Y row-major, n_L per point) and, when `grad` is given, its
 * gradient written (not added) to grad[og..og + size) in relu-net/1 order.
 * @param work length >= denseWorkspaceSizePrevious(widths)
 */
export function denseSseGradientPrevious(
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
  const L = widths.length - 1;
  const n0 = widths[0];
  const nL = widths[L];
  const { params, units, max } = sizes(widths);
  const outAt = 4 * (units - nL);
  const dA = 4 * units; // two delta buffers of 4 max entries each
  const dB = dA + 4 * max;
  const zero = dB + 4 * max;
  work.fill(0, zero, zero + n0);
  if (grad !== null) grad.fill(0, og, og + params);
  let sse = 0;
  for (let i = i0; i < i1; i += 4) {
    const count = Math.min(4, i1 - i);
    forwardBlock(widths, X, i, count, theta, ot, work, zero);
    for (let j = 0; j < nL; j++) {
      for (let p = 0; p < 4; p++) {
        const r = p < count ? work[outAt + 4 * j + p] - Y[(i + p) * nL + j] : 0;
        sse += r * r;
        work[dA + 4 * j + p] = 2 * r;
      }
    }
    if (grad === null) continue;
    let dCur = dA;
    let at = ot + params; // walk the layers backwards
    let hOut = 4 * units;
    for (let l = L; l >= 1; l--) {
      const nIn = widths[l - 1];
      const nOut = widths[l];
      at -= nOut * (nIn + 1);
      hOut -= 4 * nOut;
      const hIn = hOut - 4 * nIn; // h_{l-1} in work (l > 1)
      const gw = og + (at - ot);
      const gb = gw + nOut * nIn;
      const dNext = dCur === dA ? dB : dA;
      if (l > 1) work.fill(0, dNext, dNext + 4 * nIn);
      for (let j = 0; j < nOut; j += 2) {
        // a tile of two units (j, jj; jj = j repeated, with zero deltas, when nOut is odd)
        const two = j + 1 < nOut;
        const jj = two ? j + 1 : j;
        const q = dCur + 4 * j;
        const e0 = work[q];
        const e1 = work[q + 1];
        const e2 = work[q + 2];
        const e3 = work[q + 3];
        const g0 = two ? work[q + 4] : 0;
        const g1 = two ? work[q + 5] : 0;
        const g2 = two ? work[q + 6] : 0;
        const g3 = two ? work[q + 7] : 0;
        const any = e0 !== 0 || e1 !== 0 || e2 !== 0 || e3 !== 0;
        const anyB = g0 !== 0 || g1 !== 0 || g2 !== 0 || g3 !== 0;
        if (!any && !anyB) continue;
        if (any) grad[gb + j] += e0 + e1 + e2 + e3;
        if (anyB) grad[gb + jj] += g0 + g1 + g2 + g3;
        const ow = at + j * nIn;
        const ox = at + jj * nIn;
        const gr = gw + j * nIn;
        const gs = gw + jj * nIn;
        if (l === 1) {
          // missing points have delta 0: read them from the zero row
          const o0 = i * n0;
          const A1 = count > 1 ? X : work;
          const A2 = count > 2 ? X : work;
          const A3 = count > 3 ? X : work;
          const p1 = count > 1 ? o0 + n0 : zero;
          const p2 = count > 2 ? o0 + 2 * n0 : zero;
          const p3 = count > 3 ? o0 + 3 * n0 : zero;
          for (let k = 0; k < nIn; k++) {
            const x0 = X[o0 + k];
            const x1 = A1[p1 + k];
            const x2 = A2[p2 + k];
            const x3 = A3[p3 + k];
            if (any) grad[gr + k] += e0 * x0 + e1 * x1 + e2 * x2 + e3 * x3;
            if (anyB) grad[gs + k] += g0 * x0 + g1 * x1 + g2 * x2 + g3 * x3;
          }
        } else {
          for (let k = 0; k < nIn; k++) {
            const h = hIn + 4 * k;
            const x0 = work[h];
            const x1 = work[h + 1];
            const x2 = work[h + 2];
            const x3 = work[h + 3];
            if (any) grad[gr + k] += e0 * x0 + e1 * x1 + e2 * x2 + e3 * x3;
            if (anyB) grad[gs + k] += g0 * x0 + g1 * x1 + g2 * x2 + g3 * x3;
            const w = theta[ow + k];
            const u = theta[ox + k];
            const t = dNext + 4 * k;
            work[t] += e0 * w + g0 * u;
            work[t + 1] += e1 * w + g1 * u;
            work[t + 2] += e2 * w + g2 * u;
            work[t + 3] += e3 * w + g3 * u;
          }
        }
      }
      if (l > 1) {
        for (let k = 0; k < 4 * nIn; k++) if (!(work[hIn + k] > 0)) work[dNext + k] = 0;
      }
      dCur = dNext;
    }
  }
  return sse;
}
