/**
 * The two routines of the dense kernels' products, on one memory (byte addresses), in JavaScript
 * here and in WebAssembly with SIMD in wasm-spmm.ts; both give the same bits.
 *
 * compress(rows, cols, at, rs, cs, mask, mode, ptr, rec): the rows x cols matrix A whose entry
 * (r, c) is the float64 at at + r rs + c cs, as compressed rows: P (int32, rows + 1 of them) at
 * ptr, where row r's entries are t = P[r] .. P[r + 1] - 1, each a 16-byte record at rec + 16 t: its
 * value V[t] (float64) and, 8 bytes on, O[t] = c PANEL 8 (int32), the byte offset of its
 * column's row in a panel of B. Mode 0 keeps the entries != 0, mode 1 those != 0 whose entry in
 * the mask (same strides, at `mask`) is > 0, mode 2 all of them. It returns the sum of v - v over
 * the entries v of A: NaN iff one of them is infinite or NaN (so the caller learns it without
 * another pass).
 *
 * spmm(rows, n, ptr, rec, b, bpanel, c, ldc, init, ldinit, relu):
 *   C[c + i ldc + 8 j] = g(I[init + i ldinit + 8 j] + sum_t V[t] B[b + floor(j / PANEL) bpanel + O[t] + 8 (j mod PANEL)])
 * for i < rows, j < n (n a multiple of 4), t over row i's entries in ascending order, one
 * rounded multiply and one rounded add at a time; g is relu (max(s, 0) as Math.max: relu(-0) = 0,
 * relu(-inf) = 0, relu(NaN) = NaN) when relu is 1, else the identity. B holds PANEL columns a
 * panel, its rows PANEL 8 bytes apart, the panels bpanel bytes apart. `init` may be C itself
 * (ldinit = ldc: C += A B) or one row read by every row (ldinit = 0: a bias, or zeros).
 */
export const PANEL = 12;

export type Compress = (rows: number, cols: number, at: number, rs: number, cs: number, mask: number, mode: number, ptr: number, rec: number) => number;
export type Spmm = (rows: number, n: number, ptr: number, rec: number, b: number, bpanel: number, c: number, ldc: number, init: number, ldinit: number, relu: number) => void;

/** compress in JavaScript on a Float64Array and an Int32Array over the same bytes. */
export function compressJs(f: Float64Array, i32: Int32Array, rows: number, cols: number, at: number, rs: number, cs: number, mask: number, mode: number, ptr: number, rec: number): number {
  const p0 = ptr >> 2;
  const v0 = rec >> 3;
  let t = 0;
  let check = 0;
  for (let r = 0; r < rows; r++) {
    i32[p0 + r] = t;
    for (let c = 0; c < cols; c++) {
      const v = f[(at + r * rs + c * cs) >> 3];
      check += v - v;
      const keep = mode === 2 || (v !== 0 && (mode === 0 || f[(mask + r * rs + c * cs) >> 3] > 0));
      if (keep) {
        f[v0 + 2 * t] = v;
        i32[2 * (v0 + 2 * t) + 2] = c * PANEL * 8;
        t++;
      }
    }
  }
  i32[p0 + rows] = t;
  return check;
}

/** spmm in JavaScript on a Float64Array and an Int32Array over the same bytes. */
export function spmmJs(f: Float64Array, i32: Int32Array, rows: number, n: number, ptr: number, rec: number, b: number, bpanel: number, c: number, ldc: number, init: number, ldinit: number, relu: number): void {
  const p0 = ptr >> 2;
  const v0 = rec >> 3;
  for (let i = 0; i < rows; i++) {
    const t0 = i32[p0 + i];
    const t1 = i32[p0 + i + 1];
    const crow = (c + i * ldc) >> 3;
    const irow = (init + i * ldinit) >> 3;
    for (let j = 0; j < n; j++) {
      const bp = (b + Math.floor(j / PANEL) * bpanel) >> 3;
      let s = f[irow + j];
      for (let t = t0; t < t1; t++) s += f[v0 + 2 * t] * f[bp + (i32[2 * (v0 + 2 * t) + 2] >> 3) + (j % PANEL)];
      f[crow + j] = relu ? Math.max(s, 0) : s;
    }
  }
}
