/**
 * Dense elimination modulo a word-size prime p < 2^26 on flat row-major Float64Array rows, with
 * no bigint in the inner loop. A product of two residues is below 2^52, so it is exact in a
 * float64, and `x - p * floor(x / p)` (with 1/p precomputed) reduces it: the quotient can be off
 * by one only when x / p is within 2^-26 of an integer, so inner loops keep entries *lazily*
 * reduced in [-1, p + 1] and `reduce` normalises them where a zero test needs it. (Measured on
 * 200x300: about 10x faster than `%`, which V8 runs as a call to fmod on doubles.)
 *
 * The forward elimination chooses, column by column, the first row with a nonzero entry, so its
 * pivot columns are the lexicographically first independent columns modulo p: the rank profile
 * of the matrix mod p. It can instead be *forced* to follow a given profile (pivot rows and
 * columns), which is how the certified algorithms check a profile modulo further primes.
 */

/** A matrix over Z/pZ: entries in [0, p), row-major. */
export interface ModpMat {
  readonly p: number;
  readonly nrows: number;
  readonly ncols: number;
  readonly data: Float64Array;
}

/** A rank profile: the pivot columns (ascending) and the input row each pivot was taken from. */
export interface RankProfile {
  rank: number;
  pivotCols: number[];
  pivotRows: number[];
}

/** x mod p in [0, p) for |x| < 2^53 (exact: the float quotient is corrected by one step). */
export function reduce(x: number, p: number, pinv: number): number {
  const y = x - p * Math.floor(x * pinv);
  return y < 0 ? y + p : y >= p ? y - p : y;
}

/** a * b mod p for residues a, b in [0, p). */
export function mulMod(a: number, b: number, p: number): number {
  return reduce(a * b, p, 1 / p);
}

/** The inverse of a mod p (a not divisible by p), by the extended Euclidean algorithm in floats. */
export function invMod(a: number, p: number): number {
  let t = 0;
  let newT = 1;
  let r = p;
  let newR = reduce(a, p, 1 / p);
  if (newR === 0) throw new RangeError(`invMod: ${a} is not invertible modulo ${p}`);
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return t < 0 ? t + p : t;
}

/** The outcome of a forward elimination: its profile, or why a forced profile failed. */
export type ForwardResult =
  /** pivotProduct: the product of the pivots mod p, that is det A[pivotRows, pivotCols] (rows and columns in profile order). */
  | { status: 'ok'; profile: RankProfile; pivotProduct: number }
  /** A forced pivot is zero mod p: this prime divides a leading minor of the profile. */
  | { status: 'unlucky' }
  /** Modulo p the matrix has a pivot the forced profile does not: the profile is wrong. */
  | { status: 'refuted' };

/**
 * Forward Gaussian elimination, in place on `a` (m x n, entries in [0, p)), rows addressed
 * through `rows` (offsets into `a`, permuted so rows[k] is the k-th pivot row). Afterwards the
 * pivot rows are normalised (leading 1) and reduced; rows below the rank are zero.
 *
 * With `forced`, column c must be the k-th pivot column exactly when forced.pivotCols[k] = c,
 * with input row forced.pivotRows[k] as its pivot row, and a column that is not a pivot must be
 * zero in every row not yet used (the strict profile: its entries are, up to units, the
 * bordered minors of the leading pivot block).
 */
export function forwardEliminate(a: Float64Array, m: number, n: number, p: number, rows: Int32Array, forced?: RankProfile): ForwardResult {
  const pinv = 1 / p;
  const position = new Int32Array(m);
  for (let i = 0; i < m; i++) position[rows[i] / n] = i;
  const pivotCols: number[] = [];
  const pivotRows: number[] = [];
  let product = 1;
  let r = 0;
  for (let c = 0; c < n && r < m; c++) {
    let at = -1;
    if (forced) {
      if (forced.pivotCols[r] === c) {
        at = position[forced.pivotRows[r]];
        const off = rows[at];
        a[off + c] = reduce(a[off + c], p, pinv);
        if (a[off + c] === 0) return { status: 'unlucky' };
      } else {
        for (let i = r; i < m; i++) {
          const off = rows[i];
          if (reduce(a[off + c], p, pinv) !== 0) return { status: 'refuted' };
          a[off + c] = 0;
        }
        continue;
      }
    } else {
      for (let i = r; i < m; i++) {
        const off = rows[i];
        const v = reduce(a[off + c], p, pinv);
        a[off + c] = v;
        if (v !== 0) {
          at = i;
          break;
        }
      }
      if (at < 0) continue;
    }
    if (at !== r) {
      const t = rows[at];
      rows[at] = rows[r];
      rows[r] = t;
      position[rows[at] / n] = at;
      position[rows[r] / n] = r;
    }
    const po = rows[r];
    const pivot = a[po + c];
    product = reduce(product * pivot, p, pinv);
    const inv = invMod(pivot, p);
    for (let j = c; j < n; j++) a[po + j] = reduce(a[po + j] * inv, p, pinv);
    eliminateBelow(a, rows, r, m, c, n, p, pinv);
    pivotCols.push(c);
    pivotRows.push(po / n);
    r++;
  }
  if (forced) {
    if (r < forced.rank) return { status: 'refuted' }; // cannot happen when forced pivots exist; kept as a guard
    for (let i = r; i < m; i++) {
      const off = rows[i];
      for (let j = 0; j < n; j++) if (reduce(a[off + j], p, pinv) !== 0) return { status: 'refuted' };
    }
  }
  return { status: 'ok', profile: { rank: r, pivotCols, pivotRows }, pivotProduct: product };
}

/**
 * Subtract multiples of the normalised pivot row rows[r] from rows r+1..m-1 so their column c
 * vanishes; two rows per pass share the loads of the pivot row (about 1.4x faster on 200x300).
 */
function eliminateBelow(a: Float64Array, rows: Int32Array, r: number, m: number, c: number, n: number, p: number, pinv: number): void {
  const po = rows[r];
  let i = r + 1;
  for (; i + 1 < m; i += 2) {
    const o1 = rows[i];
    const o2 = rows[i + 1];
    const v1 = reduce(a[o1 + c], p, pinv);
    const v2 = reduce(a[o2 + c], p, pinv);
    a[o1 + c] = 0;
    a[o2 + c] = 0;
    if (v1 === 0 && v2 === 0) continue;
    const f1 = v1 === 0 ? 0 : p - v1;
    const f2 = v2 === 0 ? 0 : p - v2;
    for (let j = c + 1; j < n; j++) {
      const b = a[po + j];
      const x1 = a[o1 + j] + f1 * b;
      const x2 = a[o2 + j] + f2 * b;
      a[o1 + j] = x1 - p * Math.floor(x1 * pinv);
      a[o2 + j] = x2 - p * Math.floor(x2 * pinv);
    }
  }
  if (i < m) {
    const o1 = rows[i];
    const v1 = reduce(a[o1 + c], p, pinv);
    a[o1 + c] = 0;
    if (v1 !== 0) {
      const f1 = p - v1;
      for (let j = c + 1; j < n; j++) {
        const x1 = a[o1 + j] + f1 * a[po + j];
        a[o1 + j] = x1 - p * Math.floor(x1 * pinv);
      }
    }
  }
}

/**
 * Back substitution after `forwardEliminate`: clears the entries above each pivot in the first
 * `rank` rows, leaving them as the RREF mod p (reduced to [0, p)).
 */
export function backSubstitute(a: Float64Array, n: number, p: number, rows: Int32Array, profile: RankProfile): void {
  const pinv = 1 / p;
  const { rank, pivotCols } = profile;
  // Only the non-pivot columns change: a pivot row k is already zero at the later pivot columns.
  const isPivot = new Uint8Array(n);
  for (const c of pivotCols) isPivot[c] = 1;
  const free: number[] = [];
  for (let j = 0; j < n; j++) if (!isPivot[j]) free.push(j);
  const freeCols = Int32Array.from(free);
  let first = freeCols.length; // index of the first free column after the current pivot
  for (let k = rank - 1; k >= 0; k--) {
    const c = pivotCols[k];
    while (first > 0 && freeCols[first - 1] > c) first--;
    const po = rows[k];
    for (let i = 0; i < k; i++) {
      const off = rows[i];
      const v = reduce(a[off + c], p, pinv);
      a[off + c] = 0;
      if (v === 0) continue;
      const f = p - v;
      for (let t = first; t < freeCols.length; t++) {
        const j = freeCols[t];
        const x = a[off + j] + f * a[po + j];
        a[off + j] = x - p * Math.floor(x * pinv);
      }
    }
  }
  for (let k = 0; k < rank; k++) {
    const off = rows[k];
    for (let j = 0; j < n; j++) a[off + j] = reduce(a[off + j], p, pinv);
  }
}

/** Row offsets 0, n, 2n, ... (the identity row order). */
export function identityRows(m: number, n: number): Int32Array {
  const rows = new Int32Array(m);
  for (let i = 0; i < m; i++) rows[i] = i * n;
  return rows;
}
