/**
 * The integer matrix the modular algorithms work on: a ZZ matrix as it is, a QQ matrix with
 * each row multiplied by the lcm of its denominators (row scaling changes neither the rank
 * profile nor the RREF; determinants are divided back). Besides the bigint rows (for exact
 * checks) it keeps the entries in a form that reduces fast modulo any word-size prime: exact
 * float64 values when every |entry| < 2^52, else signed base-2^26 limbs.
 */
import { bitLength } from '../../field/bigint.js';
import type { Rational } from '../../field/rational.js';
import { clearDenominatorsByRow } from '../fraction-free.js';
import type { Mat } from '../mat.js';

const LIMB = 2 ** 26;
const LIMB_BITS = 26n;
const LIMB_MASK = (1n << LIMB_BITS) - 1n;

export interface IntegerMatrix {
  readonly nrows: number;
  readonly ncols: number;
  /** The entries as bigints (built on first use when the matrix came from `small` floats). */
  readonly rows: bigint[][];
  /** The entries as float64, row-major, when all are below 2^52 in magnitude. */
  readonly small: Float64Array | undefined;
  /** Otherwise limb planes, least significant first: entry = sum_k planes[k][i] 2^(26k) (limbs carry the sign). */
  readonly planes: Float64Array[] | undefined;
  /** Largest |entry| in bits. */
  readonly maxBits: number;
}

/**
 * Entries below this in magnitude are exact in float64 and convert in one Number() each:
 * rounding is monotone and 2^52 is a float, so |Number(x)| < 2^52 exactly when |x| < 2^52.
 */
const SMALL = 2 ** 52;

/** An integer matrix held as exact floats; its bigint rows are made only if asked for (full-rank rank never does). */
class SmallIntegerMatrix implements IntegerMatrix {
  readonly planes = undefined;
  readonly maxBits: number;

  constructor(
    readonly nrows: number,
    readonly ncols: number,
    readonly small: Float64Array,
    maxAbs: number,
    private bigRows?: bigint[][],
  ) {
    let bits = 0;
    for (let v = maxAbs; v >= 1; v = Math.floor(v / 2)) bits++;
    this.maxBits = bits;
  }

  get rows(): bigint[][] {
    if (this.bigRows === undefined) {
      const { nrows: m, ncols: n, small } = this;
      this.bigRows = Array.from({ length: m }, (_, i) => Array.from(small.subarray(i * n, i * n + n), (x) => BigInt(x)));
    }
    return this.bigRows;
  }
}

/**
 * The entries of bigint rows as floats when every |entry| < 2^52 (undefined otherwise), and the
 * largest magnitude: one Number() per entry, not a bitLength (a string each).
 */
function smallEntries(rows: readonly (readonly bigint[])[], n: number): { small: Float64Array; maxAbs: number } | undefined {
  const m = rows.length;
  const small = new Float64Array(m * n);
  let maxAbs = 0;
  for (let i = 0; i < m; i++) {
    const r = rows[i];
    for (let j = 0; j < n; j++) {
      const v = Number(r[j]);
      const av = Math.abs(v);
      if (av >= SMALL) return undefined;
      small[i * n + j] = v;
      if (av > maxAbs) maxAbs = av;
    }
  }
  return { small, maxAbs };
}

/** From bigint rows (m x n). */
export function integerMatrix(rows: bigint[][], ncols: number): IntegerMatrix {
  const m = rows.length;
  const n = ncols;
  const fast = smallEntries(rows, n);
  if (fast !== undefined) return new SmallIntegerMatrix(m, n, fast.small, fast.maxAbs, rows);
  let maxBits = 0;
  for (const r of rows) for (const x of r) if (x !== 0n) maxBits = Math.max(maxBits, bitLength(x));
  const count = Math.ceil(maxBits / 26);
  const planes = Array.from({ length: count }, () => new Float64Array(m * n));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const x = rows[i][j];
      let v = x < 0n ? -x : x;
      const sign = x < 0n ? -1 : 1;
      for (let k = 0; v !== 0n; k++) {
        planes[k][i * n + j] = sign * Number(v & LIMB_MASK);
        v >>= LIMB_BITS;
      }
    }
  }
  return { nrows: m, ncols: n, rows, small: undefined, planes, maxBits };
}

/**
 * A rational matrix with each row times the lcm of its denominators, computed in float64 when
 * every denominator, row lcm and cleared entry is below 2^52 (all exact integers then: l / den
 * divides exactly, and a product of exact factors whose rounded value is below 2^52 was exact;
 * a numerator above 2^52 makes the product so too, since the cleared factor l / den >= 1);
 * undefined otherwise. Avoids a bigint multiplication and division per entry. With `transpose`
 * the result is the transpose of the cleared matrix, written directly.
 */
function clearedInFloats(a: Mat<Rational>, transpose: boolean): { int: IntegerMatrix; scales: bigint[] } | undefined {
  const m = a.nrows;
  const n = a.ncols;
  const small = new Float64Array(m * n);
  const scales = new Array<bigint>(m);
  const dens = new Float64Array(n);
  // Entry (i, j) goes to i * n + j, or to j * m + i for the transpose.
  const rowStep = transpose ? 1 : n;
  const colStep = transpose ? m : 1;
  let maxAbs = 0;
  for (let i = 0; i < m; i++) {
    const r = a.rows[i];
    let l = 1;
    for (let j = 0; j < n; j++) {
      const x = r[j];
      if (x.den === 1n) {
        dens[j] = 1;
        continue;
      }
      const d = Number(x.den);
      if (d >= SMALL) return undefined;
      dens[j] = d;
      const divides = l < 2 ** 31 && d < 2 ** 31 ? (l | 0) % (d | 0) === 0 : l % d === 0;
      if (!divides) l = (l / gcdFloat(l, d)) * d;
      if (l >= SMALL) return undefined;
    }
    scales[i] = BigInt(l);
    for (let j = 0; j < n; j++) {
      const v = Number(r[j].num) * (l / dens[j]);
      const av = Math.abs(v);
      if (av >= SMALL) return undefined;
      small[i * rowStep + j * colStep] = v;
      if (av > maxAbs) maxAbs = av;
    }
  }
  return { int: transpose ? new SmallIntegerMatrix(n, m, small, maxAbs) : new SmallIntegerMatrix(m, n, small, maxAbs), scales };
}

/**
 * gcd of positive integers below 2^53 held in floats (Euclid; % is exact on such values). On
 * 31-bit values it runs on int32, since % on doubles is a call to fmod (measured 10x slower).
 */
function gcdFloat(x: number, y: number): number {
  if (x < 2 ** 31 && y < 2 ** 31) {
    let u = x | 0;
    let v = y | 0;
    while (v !== 0) {
      const t = u % v | 0;
      u = v;
      v = t;
    }
    return u;
  }
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * The integer matrix of a ZZ or QQ matrix, and the row multipliers used for QQ (undefined for
 * ZZ). With `transpose`, the integer matrix of the transpose (its rows are the cleared columns
 * of A, the multipliers then scale its columns), without building the transposed input.
 */
export function integerMatrixOf(a: Mat<bigint> | Mat<Rational>, transpose = false): { int: IntegerMatrix; scales: bigint[] | undefined } {
  if (a.domain.kind === 'ZZ') {
    const b = (transpose ? a.transpose() : a) as Mat<bigint>;
    return { int: integerMatrix(b.toArrays(), b.ncols), scales: undefined };
  }
  const fast = clearedInFloats(a as Mat<Rational>, transpose);
  if (fast !== undefined) return fast;
  const { rows, scales } = clearDenominatorsByRow(a as Mat<Rational>);
  if (!transpose) return { int: integerMatrix(rows, a.ncols), scales };
  return { int: integerMatrix(Array.from({ length: a.ncols }, (_, j) => rows.map((r) => r[j])), a.nrows), scales };
}

/** The entries mod p in [0, p), row-major, in `out` (allocated when not given). */
export function residues(a: IntegerMatrix, p: number, out?: Float64Array): Float64Array {
  const size = a.nrows * a.ncols;
  const r = out ?? new Float64Array(size);
  const pinv = 1 / p;
  if (a.small) {
    const s = a.small;
    for (let t = 0; t < size; t++) r[t] = reduceHere(s[t], p, pinv);
    return r;
  }
  const planes = a.planes!;
  const top = planes.length - 1;
  for (let t = 0; t < size; t++) {
    let acc = reduceHere(planes[top][t], p, pinv);
    for (let k = top - 1; k >= 0; k--) acc = reduceHere(acc * LIMB + planes[k][t], p, pinv);
    r[t] = acc;
  }
  return r;
}

/** log2 of |x| for a bigint (upper bound within 1e-9 relative), -Infinity for 0. */
function log2Big(x: bigint): number {
  if (x === 0n) return -Infinity;
  const bits = bitLength(x);
  if (bits <= 1000) return Math.log2(Number(x < 0n ? -x : x));
  const shift = BigInt(bits - 50); // 50 bits convert to a float exactly
  return Math.log2(Number((x < 0n ? -x : x) >> shift) + 1) + Number(shift);
}

/**
 * Upper bounds on log2 of the Euclidean norms of the rows and of the columns (for Hadamard's
 * inequality |det M| <= prod of the row norms of M, and the same with columns).
 */
export function log2Norms(a: IntegerMatrix): { rows: number[]; cols: number[] } {
  const m = a.nrows;
  const n = a.ncols;
  if (a.small) return log2NormsSmall(a.small, m, n);
  const rowSq = new Array<bigint>(m).fill(0n);
  const colSq = new Array<bigint>(n).fill(0n);
  for (let i = 0; i < m; i++) {
    const r = a.rows[i];
    for (let j = 0; j < n; j++) {
      const x = r[j];
      if (x === 0n) continue;
      const sq = x * x;
      rowSq[i] += sq;
      colSq[j] += sq;
    }
  }
  // Number() rounds to nearest (relative error 2^-53): a margin of 1e-9 bits per norm covers it.
  const half = (s: bigint): number => (s === 0n ? -Infinity : log2Big(s) / 2 + 1e-9);
  return { rows: rowSq.map(half), cols: colSq.map(half) };
}

/**
 * `log2Norms` for float entries: sums of squares in float64. A sum of k nonnegative terms,
 * each rounded, is within a relative (k + 1) 2^-53 of the true sum, so adding (k + 1) 2^-52
 * bits (more than log2(1 + (k + 1) 2^-53)) keeps every bound an upper bound.
 */
function log2NormsSmall(s: Float64Array, m: number, n: number): { rows: number[]; cols: number[] } {
  const rowSq = new Float64Array(m);
  const colSq = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) {
      const sq = s[i * n + j] * s[i * n + j];
      acc += sq;
      colSq[j] += sq;
    }
    rowSq[i] = acc;
  }
  const margin = (k: number): number => 1e-9 + (k + 1) * 2 ** -52;
  const half = (x: number, k: number): number => (x === 0 ? -Infinity : Math.log2(x) / 2 + margin(k));
  return { rows: Array.from(rowSq, (x) => half(x, n)), cols: Array.from(colSq, (x) => half(x, m)) };
}

/**
 * log2 of a bound on every minor of size at most k (Hadamard: a j x j minor is at most the
 * product of its j row norms, and of its j column norms). Nonzero integer rows and columns have
 * norm >= 1, so the sum of the j largest log-norms grows with j: the bound is the smaller of
 * the sums of the (at most k) largest finite row and column log-norms, and 0 (the bound 1) for
 * the zero matrix or k = 0.
 */
export function log2MinorBound(norms: { rows: number[]; cols: number[] }, k: number): number {
  if (k <= 0) return 0;
  const top = (xs: number[]): number => {
    const s = xs.filter((x) => Number.isFinite(x)).sort((x, y) => y - x);
    let total = 0;
    for (let i = 0; i < Math.min(k, s.length); i++) total += Math.max(s[i], 0);
    return total;
  };
  return Math.min(top(norms.rows), top(norms.cols));
}

/** modp.ts's `reduce`, local to this module so hot loops inline it (see crt.ts, `reduceLocal`). */
function reduceHere(x: number, p: number, pinv: number): number {
  const y = x - p * Math.floor(x * pinv);
  return y < 0 ? y + p : y >= p ? y - p : y;
}
