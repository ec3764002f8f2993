/**
 * Exact signs of integer dot products, fast: a float64 evaluation decides whenever it provably
 * can, and bigint arithmetic decides the rest (a static filter in the manner of Shewchuk's
 * adaptive predicates). When every entry is small enough that the float sum is exact
 * (|a| |c| D < 2^53), the float answer is the exact answer, zeros included.
 */
import type { Sign } from '../core/sign.js';

const EXACT_LIMIT = 2 ** 53;

export class IntegerRows {
  readonly f: Float64Array;
  readonly maxAbs: number;
  /**
   * A float dot product of rounded inputs is off by at most (D + 2) 2^-53 times the sum of the
   * absolute products (two roundings of the inputs, one per product, D - 1 additions): twice that
   * is a safe threshold.
   */
  readonly filter: number;
  constructor(
    readonly rows: readonly (readonly bigint[])[],
    readonly D: number,
  ) {
    this.f = new Float64Array(rows.length * D);
    let maxAbs = 0;
    rows.forEach((r, i) => {
      for (let j = 0; j < D; j++) {
        const v = Number(r[j]);
        this.f[i * D + j] = v;
        maxAbs = Math.max(maxAbs, Math.abs(v));
      }
    });
    this.maxAbs = maxAbs;
    this.filter = (D + 2) * 2 ** -52;
  }

  get length(): number {
    return this.rows.length;
  }
}

/** A vector prepared for many sign tests against the rows of an IntegerRows. */
export class Probe {
  readonly f: Float64Array;
  readonly exactInFloat: boolean;
  constructor(
    readonly big: readonly bigint[],
    rows: IntegerRows,
  ) {
    this.f = Float64Array.from(big, Number);
    let m = 0;
    for (const v of this.f) m = Math.max(m, Math.abs(v));
    this.exactInFloat = m < EXACT_LIMIT && rows.maxAbs * m * rows.D < EXACT_LIMIT;
  }
}

/** sign(rows[k] . probe), exactly. */
export function dotSign(rows: IntegerRows, k: number, p: Probe): Sign {
  const D = rows.D;
  const f = rows.f;
  const off = k * D;
  let s = 0;
  let mag = 0;
  for (let j = 0; j < D; j++) {
    const t = f[off + j] * p.f[j];
    s += t;
    mag += Math.abs(t);
  }
  if (p.exactInFloat || Math.abs(s) > rows.filter * mag) return s > 0 ? 1 : s < 0 ? -1 : 0;
  const r = rows.rows[k];
  let e = 0n;
  for (let j = 0; j < D; j++) e += r[j] * p.big[j];
  return e > 0n ? 1 : e < 0n ? -1 : 0;
}

export function dotBig(a: readonly bigint[], b: readonly bigint[]): bigint {
  let s = 0n;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

export function cross3(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function det3(a: readonly bigint[], b: readonly bigint[], c: readonly bigint[]): bigint {
  return dotBig(a, cross3(b, c));
}

export function signBig(x: bigint): Sign {
  return x > 0n ? 1 : x < 0n ? -1 : 0;
}
