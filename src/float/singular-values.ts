/**
 * Singular values of a dense float64 matrix (row-major Float64Array, explicit sizes), for float
 * ranks with a reported gap. A tall matrix is first reduced to its n x n triangular factor R by
 * Householder QR (A = QR has the singular values of R, and QR costs 2 m n^2 instead of Jacobi's
 * sweeps over m-long columns); R's singular values come from one-sided Jacobi (Hestenes 1958;
 * Demmel and Veselic 1992: one-sided Jacobi is accurate in the relative sense on
 * column-equilibrated input, which is why callers scale columns first). Written here because
 * mathjs has no SVD and the float path needs only the values, no vectors.
 */

/** Singular values, descending, of the m x n row-major matrix `a` (not modified). */
export function singularValues(a: Float64Array, m: number, n: number): Float64Array {
  if (a.length !== m * n) throw new RangeError(`singularValues: ${a.length} entries for a ${m}x${n} matrix`);
  if (m === 0 || n === 0) return new Float64Array(0);
  // Work column-major on the wider-than-tall side's transpose, so the Jacobi matrix is square and small.
  const tall = m >= n;
  const rows = tall ? m : n;
  const cols = tall ? n : m;
  const colMajor = new Float64Array(rows * cols);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) colMajor[tall ? j * rows + i : i * rows + j] = a[i * n + j];
  const r = triangularFactor(colMajor, rows, cols);
  return jacobiSingularValues(r, cols);
}

/** Householder QR of the rows x cols column-major matrix (in place); returns R (cols x cols, column-major). */
function triangularFactor(A: Float64Array, rows: number, cols: number): Float64Array {
  const v = new Float64Array(rows);
  for (let k = 0; k < cols; k++) {
    const ck = k * rows;
    let norm = 0;
    for (let i = k; i < rows; i++) norm = Math.hypot(norm, A[ck + i]);
    if (norm === 0) continue;
    const alpha = A[ck + k] > 0 ? -norm : norm;
    for (let i = k; i < rows; i++) v[i] = A[ck + i];
    v[k] -= alpha;
    let vv = 0;
    for (let i = k; i < rows; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    for (let j = k; j < cols; j++) {
      const cj = j * rows;
      let dot = 0;
      for (let i = k; i < rows; i++) dot += v[i] * A[cj + i];
      const f = (2 * dot) / vv;
      for (let i = k; i < rows; i++) A[cj + i] -= f * v[i];
    }
  }
  const R = new Float64Array(cols * cols);
  for (let j = 0; j < cols; j++) for (let i = 0; i <= j && i < rows; i++) R[j * cols + i] = A[j * rows + i];
  return R;
}

/** One-sided Jacobi on the n x n column-major matrix (in place): the column norms once orthogonal. */
function jacobiSingularValues(R: Float64Array, n: number): Float64Array {
  const eps = 2 ** -52;
  const norms = new Float64Array(n);
  const refresh = (j: number): void => {
    let s = 0;
    for (let i = 0; i < n; i++) s += R[j * n + i] * R[j * n + i];
    norms[j] = s;
  };
  for (let j = 0; j < n; j++) refresh(j);
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const alpha = norms[p];
        const beta = norms[q];
        if (alpha === 0 || beta === 0) continue;
        let gamma = 0;
        const cp = p * n;
        const cq = q * n;
        for (let i = 0; i < n; i++) gamma += R[cp + i] * R[cq + i];
        if (Math.abs(gamma) <= n * eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < n; i++) {
          const x = R[cp + i];
          const y = R[cq + i];
          R[cp + i] = c * x - s * y;
          R[cq + i] = s * x + c * y;
        }
        // Recomputing beats the update formulas' drift when columns differ by many decades.
        refresh(p);
        refresh(q);
      }
    }
    if (!rotated) break;
  }
  return Float64Array.from(norms, Math.sqrt).sort().reverse();
}
