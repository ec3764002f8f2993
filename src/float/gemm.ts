/**
 * C += A B in JavaScript, the fallback of the WebAssembly product (wasm-gemm.ts) with the same
 * contract, on one Float64Array with element offsets and row strides:
 *   M[c + i ldc + j] += sum_{k < K} M[a + i lda + k] M[b + k ldb + j],  i < m, j < n,
 * m and n multiples of 4, K >= 1. A register tile of two rows by four columns: eight independent
 * sums (enough to hide the adder's latency), six loads for eight multiply-adds, the four of B
 * contiguous. Each entry is its old value plus the products in ascending k, one at a time (the
 * order of a plain loop, so both products give the same bits).
 */
export function gemmJs(m: number, n: number, K: number, M: Float64Array, a: number, lda: number, b: number, ldb: number, c: number, ldc: number): void {
  for (let i = 0; i < m; i += 2) {
    const a0 = a + i * lda;
    const a1 = a0 + lda;
    const c0 = c + i * ldc;
    const c1 = c0 + ldc;
    for (let j = 0; j < n; j += 4) {
      let s00 = M[c0 + j];
      let s01 = M[c0 + j + 1];
      let s02 = M[c0 + j + 2];
      let s03 = M[c0 + j + 3];
      let s10 = M[c1 + j];
      let s11 = M[c1 + j + 1];
      let s12 = M[c1 + j + 2];
      let s13 = M[c1 + j + 3];
      for (let k = 0; k < K; k++) {
        const x0 = M[a0 + k];
        const x1 = M[a1 + k];
        const q = b + k * ldb + j;
        const w0 = M[q];
        const w1 = M[q + 1];
        const w2 = M[q + 2];
        const w3 = M[q + 3];
        s00 += x0 * w0;
        s01 += x0 * w1;
        s02 += x0 * w2;
        s03 += x0 * w3;
        s10 += x1 * w0;
        s11 += x1 * w1;
        s12 += x1 * w2;
        s13 += x1 * w3;
      }
      M[c0 + j] = s00;
      M[c0 + j + 1] = s01;
      M[c0 + j + 2] = s02;
      M[c0 + j + 3] = s03;
      M[c1 + j] = s10;
      M[c1 + j + 1] = s11;
      M[c1 + j + 2] = s12;
      M[c1 + j + 3] = s13;
    }
  }
}
