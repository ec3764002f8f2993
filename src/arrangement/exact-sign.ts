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

/**
 * An integer N >= 1 such that theta = N c + v has, at every row k with want[k] != 0, the sign
 * want[k] = sign(rows[k] . c) (a point c strictly inside a cell, pushed by v into a neighbouring
 * sub-cell without leaving it). Estimated in float64, then checked exactly; the exact bigint
 * bound is computed only when the estimate does not check out.
 */
export function stepScale(rows: IntegerRows, c: readonly bigint[], v: readonly bigint[], want: ArrayLike<number>): bigint {
  const D = rows.D;
  const cf = Float64Array.from(c, Number);
  const vf = Float64Array.from(v, Number);
  let estimate = 1;
  for (let k = 0; k < rows.length; k++) {
    if (want[k] === 0) continue;
    let at = 0;
    let move = 0;
    for (let j = 0; j < D; j++) {
      at += rows.f[k * D + j] * cf[j];
      move += rows.f[k * D + j] * vf[j];
    }
    if (move * want[k] < 0) estimate = Math.max(estimate, Math.abs(move / at) * (1 + 1e-9) + 2);
  }
  if (Number.isFinite(estimate) && estimate < 2 ** 52) {
    const N = BigInt(Math.ceil(estimate));
    const probe = new Probe(
      c.map((x, j) => N * x + v[j]),
      rows,
    );
    let ok = true;
    for (let k = 0; k < rows.length && ok; k++) if (want[k] !== 0 && dotSign(rows, k, probe) !== want[k]) ok = false;
    if (ok) return N;
  }
  let N = 1n;
  rows.rows.forEach((a, k) => {
    if (want[k] === 0) return;
    const at = dotBig(a, c);
    const move = dotBig(a, v);
    if (signBig(move) === -want[k]) {
      const need = (move < 0n ? -move : move) / (at < 0n ? -at : at) + 1n;
      if (need > N) N = need;
    }
  });
  return N;
}
