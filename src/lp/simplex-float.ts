/**
 * A float64 simplex for max c.x s.t. A x <= b with b >= 0 and x free (so the slack basis is
 * feasible and no phase 1 is needed): the same dictionary as the exact simplex, on one flat
 * Float64Array, with Dantzig's largest-coefficient rule and Bland's rule after a run of
 * degenerate pivots. It only *proposes*: callers certify its answer exactly or fall back to the
 * exact simplex, so a tolerance here can cost time but never correctness.
 */

export interface FloatLpAnswer {
  status: 'optimal' | 'unbounded' | 'failed';
  /** Values of the x variables. */
  x: Float64Array;
  /** Multipliers y_i >= 0 of the constraints (optimal only). */
  y: Float64Array;
}

const EPS = 1e-9;

export function simplexFloat(A: Float64Array, b: Float64Array, c: Float64Array, m: number, n: number, maxPivots = 50 * (m + n)): FloatLpAnswer {
  const W = n + 1; // column 0 constants, columns 1..n nonbasic variables
  const T = new Float64Array((m + 1) * W);
  for (let i = 0; i < m; i++) {
    T[i * W] = b[i];
    for (let j = 0; j < n; j++) T[i * W + 1 + j] = -A[i * n + j];
  }
  const Z = m * W;
  for (let j = 0; j < n; j++) T[Z + 1 + j] = c[j];
  // Variables: 0..n-1 free x, n..n+m-1 slacks.
  const basis = Int32Array.from({ length: m }, (_, i) => n + i);
  const cols = Int32Array.from({ length: W }, (_, k) => k - 1);
  let degenerate = 0;
  const x = new Float64Array(n);
  const y = new Float64Array(m);
  for (let iter = 0; iter < maxPivots; iter++) {
    const bland = degenerate > 2 * (m + n);
    let k = -1;
    let best = EPS;
    let bestVar = Infinity;
    for (let j = 1; j < W; j++) {
      const v = cols[j];
      const g = T[Z + j];
      const eligible = v < n ? Math.abs(g) > EPS : g > EPS;
      if (!eligible) continue;
      if (bland ? v < bestVar : Math.abs(g) > best) {
        k = j;
        best = Math.abs(g);
        bestVar = v;
      }
    }
    if (k < 0) {
      for (let i = 0; i < m; i++) if (basis[i] < n) x[basis[i]] = T[i * W];
      for (let j = 1; j < W; j++) if (cols[j] >= n) y[cols[j] - n] = Math.max(0, -T[Z + j]);
      return { status: 'optimal', x, y };
    }
    const dir = cols[k] < n && T[Z + k] < 0 ? -1 : 1;
    let r = -1;
    let ratio = Infinity;
    for (let i = 0; i < m; i++) {
      if (basis[i] < n) continue;
      const a = dir * T[i * W + k];
      if (a >= -EPS) continue;
      const q = Math.max(0, T[i * W]) / -a;
      if (q < ratio - 1e-12 || (q <= ratio + 1e-12 && r >= 0 && (bland ? basis[i] < basis[r] : -a > -dir * T[r * W + k]))) {
        ratio = Math.min(ratio, q);
        r = i;
      }
    }
    if (r < 0) return { status: 'unbounded', x, y };
    degenerate = ratio <= 1e-12 ? degenerate + 1 : 0;
    pivot(T, W, m + 1, r, k);
    const leaving = basis[r];
    basis[r] = cols[k];
    cols[k] = leaving;
  }
  return { status: 'failed', x, y };
}

function pivot(T: Float64Array, W: number, rows: number, r: number, k: number): void {
  const base = r * W;
  const p = T[base + k];
  for (let j = 0; j < W; j++) T[base + j] = j === k ? 1 / p : -T[base + j] / p;
  for (let i = 0; i < rows; i++) {
    if (i === r) continue;
    const off = i * W;
    const f = T[off + k];
    if (f === 0) continue;
    for (let j = 0; j < W; j++) T[off + j] = j === k ? f * T[base + k] : T[off + j] + f * T[base + j];
  }
}
