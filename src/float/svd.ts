/**
 * Singular values of a small dense float matrix by one-sided Jacobi (Hestenes 1958): rotate
 * pairs of columns until all are mutually orthogonal; the column norms are then the singular
 * values. It works on the matrix itself, not on A^T A, so small singular values keep their
 * relative accuracy (about eps times the condition of the scaled columns) instead of being lost
 * below sqrt(eps) sigma_max, which matters when a numerical rank is read off a gap.
 */

/**
 * The singular values, descending, of the rows x cols matrix A (row-major, from offset oa).
 * Works on the side with fewer columns (A or its transpose). Allocates one copy.
 */
export function singularValues(rows: number, cols: number, A: Float64Array, oa = 0, maxSweeps = 60): Float64Array {
  const transpose = cols > rows;
  const m = transpose ? cols : rows; // length of each working column
  const k = transpose ? rows : cols; // number of working columns
  // columns stored contiguously: U[c * m + i]
  const U = new Float64Array(m * k);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const a = A[oa + i * cols + j];
      if (transpose) U[i * m + j] = a;
      else U[j * m + i] = a;
    }
  }
  const eps = 2.220446049250313e-16;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let rotated = false;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        const op = p * m;
        const oq = q * m;
        for (let i = 0; i < m; i++) {
          const up = U[op + i];
          const uq = U[oq + i];
          alpha += up * up;
          beta += uq * uq;
          gamma += up * uq;
        }
        if (gamma === 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const up = U[op + i];
          const uq = U[oq + i];
          U[op + i] = c * up - s * uq;
          U[oq + i] = s * up + c * uq;
        }
      }
    }
    if (!rotated) break;
  }
  const sv = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += U[c * m + i] * U[c * m + i];
    sv[c] = Math.sqrt(s);
  }
  return sv.sort().reverse();
}
