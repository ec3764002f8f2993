/**
 * Solving A x = b over Q by p-adic lifting (Dixon 1982): with C = B^{-1} mod p for the
 * nonsingular pivot block B, the digits x_s = C r_s mod p and residuals r_{s+1} = (r_s - B x_s) / p
 * give x = sum x_s p^s mod p^S; rational reconstruction turns it into fractions, and an exact
 * check of A x = b over every row (in bigint) is the certificate. The residuals stay below
 * max|b| + 2 r max|B| in magnitude, so when the entries are small the whole lifting runs in
 * float64 (a bigint residual otherwise); only the final digits-to-integer step is bigint.
 *
 * Which rows and columns form B, and whether b is in the column space, comes from the rank
 * profile of [A | b] mod p: b outside the pivot columns mod p and A of full column rank need no
 * more than the exact check; otherwise the strict profile of [A | b] is certified (certified.ts),
 * which proves inconsistency (b is a pivot column) or makes the particular solution (free
 * variables 0) the same as the RREF's.
 */
import { bitLength, lcmBig } from '../../field/bigint.js';
import { Rational } from '../../field/rational.js';
import { DimensionError } from '../../core/errors.js';
import { Mat } from '../mat.js';
import { certifyProfile, type ModularOptions } from './certified.js';
import { fractionsOverDenominator, reconstructShared } from './crt.js';
import { integerMatrix, log2MinorBound, log2Norms } from './integer-matrix.js';
import { backSubstitute, identityRows, type RankProfile } from './modp.js';
import { forwardEliminate } from './forward.js';

export type ModularSolveResult = { ok: true; x: Rational[]; unique: boolean } | { ok: false; reason: 'inconsistent' };

/** C = B^{-1} mod p (r x r, row-major), or undefined when B is singular mod p. */
function inverseModP(B: bigint[][], p: number): Float64Array | undefined {
  const r = B.length;
  const w = 2 * r;
  const a = new Float64Array(r * w);
  const P = BigInt(p);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) a[i * w + j] = Number(((B[i][j] % P) + P) % P);
    a[i * w + r + i] = 1;
  }
  const rows = identityRows(r, w);
  const res = forwardEliminate(a, r, w, p, rows);
  if (res.status !== 'ok' || res.profile.rank < r || res.profile.pivotCols[r - 1] !== r - 1) return undefined;
  backSubstitute(a, w, p, rows, res.profile);
  const c = new Float64Array(r * r);
  for (let k = 0; k < r; k++) for (let j = 0; j < r; j++) c[k * r + j] = a[rows[k] + r + j];
  return c;
}

/** The digits of the p-adic expansion, least significant first, as one integer per entry (pairs of digits per bigint step). */
function digitsToIntegers(digits: Float64Array[], r: number, p: number): bigint[] {
  const S = digits.length;
  const pp = BigInt(p) * BigInt(p);
  const out = new Array<bigint>(r);
  for (let i = 0; i < r; i++) {
    let x = 0n;
    let s = S - 1;
    if (S % 2 === 1) {
      x = BigInt(digits[s][i]);
      s--;
    }
    for (; s >= 1; s -= 2) x = x * pp + BigInt(digits[s - 1][i] + p * digits[s][i]);
    out[i] = x;
  }
  return out;
}

/** Whether A x = b exactly for x = nums / den (A, b integer rows of [A | b]). */
function checks(aug: bigint[][], n: number, cols: readonly number[], nums: readonly bigint[], den: bigint): boolean {
  for (const row of aug) {
    let s = 0n;
    for (let k = 0; k < cols.length; k++) if (nums[k] !== 0n && row[cols[k]] !== 0n) s += row[cols[k]] * nums[k];
    if (s !== den * row[n]) return false;
  }
  return true;
}

/** A lifted solution x = nums / den (den > 0, not necessarily in lowest terms), exactly checked. */
export interface Lifted {
  nums: bigint[];
  den: bigint;
}

const LIMB13 = 2 ** 13;

/**
 * x = C r mod p with C r x r (entries < p): r split in 13-bit halves (once per digit, in `lo`
 * and `hi`) so the sums are exact without reductions (r < 2^13: each partial sum is below
 * 2^13 2^26 2^13 = 2^52). Two entries per pass give four independent sums: a single running
 * sum is bound by the latency of the float add (measured ~3x slower).
 */
function applyInverse(C: Float64Array, rm: Float64Array, r: number, p: number, pinv: number, x: Float64Array, lo: Float64Array, hi: Float64Array): void {
  for (let j = 0; j < r; j++) {
    const h = Math.floor(rm[j] / LIMB13);
    hi[j] = h;
    lo[j] = rm[j] - h * LIMB13;
  }
  for (let i = 0; i < r; i++) {
    let lo0 = 0;
    let lo1 = 0;
    let hi0 = 0;
    let hi1 = 0;
    const off = i * r;
    let j = 0;
    for (; j + 1 < r; j += 2) {
      const c0 = C[off + j];
      const c1 = C[off + j + 1];
      lo0 += c0 * lo[j];
      hi0 += c0 * hi[j];
      lo1 += c1 * lo[j + 1];
      hi1 += c1 * hi[j + 1];
    }
    if (j < r) {
      lo0 += C[off + j] * lo[j];
      hi0 += C[off + j] * hi[j];
    }
    x[i] = reduceHere(reduceHere(hi0 + hi1, p, pinv) * LIMB13 + reduceHere(lo0 + lo1, p, pinv), p, pinv);
  }
}

/**
 * The residual update res <- (res - B x) / p in float64, exactly: B = sum_k 2^(13k) B_k with
 * |B_k| < 2^13, each v_k = B_k x is exact (r 2^39 < 2^53) and is split as p q_k + s_k, so
 * (res - B x) / p = (res - sum 2^(13k) s_k) / p - sum 2^(13k) q_k with every term below 2^53.
 * Four partial sums per dot product, for the reason given at `applyInverse`.
 */
function updateResidual(limbs: readonly Float64Array[], x: Float64Array, res: Float64Array, r: number, p: number, pinv: number): void {
  for (let i = 0; i < r; i++) {
    let sumS = 0;
    let sumQ = 0;
    let scale = 1;
    const off = i * r;
    for (const Bk of limbs) {
      let v0 = 0;
      let v1 = 0;
      let v2 = 0;
      let v3 = 0;
      let j = 0;
      for (; j + 3 < r; j += 4) {
        v0 += Bk[off + j] * x[j];
        v1 += Bk[off + j + 1] * x[j + 1];
        v2 += Bk[off + j + 2] * x[j + 2];
        v3 += Bk[off + j + 3] * x[j + 3];
      }
      for (; j < r; j++) v0 += Bk[off + j] * x[j];
      const v = v0 + v1 + (v2 + v3);
      const sk = reduceHere(v, p, pinv);
      sumS += scale * sk;
      sumQ += scale * ((v - sk) / p);
      scale *= LIMB13;
    }
    res[i] = (res[i] - sumS) / p - sumQ;
  }
}

/**
 * Dixon lifting for the pivot block B = aug[P, Q] and c = aug[P, n]; accepted once the exact check
 * of every row passes. Tries reconstruction at 8, 16, 32, ... digits (when `early`) and at the
 * bound. `log2H` bounds log2 of the r x r minors of [B | c]; undefined when B is singular mod p
 * (or, only if that bound were wrong, when no reconstruction checks).
 */
export function lift(aug: bigint[][], n: number, profile: RankProfile, p: number, log2H: number, early = true): Lifted | undefined {
  const { rank: r, pivotRows, pivotCols } = profile;
  const B = pivotRows.map((i) => pivotCols.map((j) => aug[i][j]));
  const c = pivotRows.map((i) => aug[i][n]);
  const C = inverseModP(B, p);
  if (C === undefined) return undefined;
  const pinv = 1 / p;
  // Enough digits that p^S > 2 N D, with N, D <= H (Cramer's minors of [B | c]).
  const S = Math.ceil((2 * log2H + 2) / Math.log2(p)) + 1;
  const bBits = maxBitLength(B);
  const cBits = maxBitLength([c]);
  // Float path: at most 3 limbs of 13 bits, and residuals |res| <= |c| + 2 r max|B| below 2^51.
  const L = Math.max(1, Math.ceil(bBits / 13));
  const floatPath = L <= 3 && r < 2 ** 13 && 2 ** cBits + 2 * r * 2 ** bBits < 2 ** 51;
  const limbs: Float64Array[] = [];
  if (floatPath) {
    for (let k = 0; k < L; k++) limbs.push(new Float64Array(r * r));
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) {
        let v = Number(B[i][j]);
        for (let k = 0; k < L; k++) {
          const rest = Math.trunc(v / LIMB13);
          limbs[k][i * r + j] = v - rest * LIMB13;
          v = rest;
        }
      }
    }
  }
  const resF = floatPath ? Float64Array.from(c.map(Number)) : undefined;
  let resB = floatPath ? undefined : c.slice();
  const P = BigInt(p);
  const digits: Float64Array[] = [];
  const rm = new Float64Array(r);
  const lo = new Float64Array(r);
  const hi = new Float64Array(r);
  let checkpoint = early ? 8 : Infinity;
  for (let s = 0; s < S; s++) {
    for (let i = 0; i < r; i++) rm[i] = resF ? reduceHere(resF[i], p, pinv) : Number(((resB![i] % P) + P) % P);
    const x = new Float64Array(r);
    applyInverse(C, rm, r, p, pinv, x, lo, hi);
    digits.push(x);
    if (resF) updateResidual(limbs, x, resF, r, p, pinv);
    else resB = residualBig(B, x, resB!, P);
    if (s + 1 === checkpoint || s + 1 === S) {
      checkpoint *= 2;
      const M = P ** BigInt(s + 1);
      // Entry 0 first (the first step of reconstructShared): when it has no small fraction yet,
      // neither has the vector, and the other r - 1 conversions are saved.
      const first = reconstructShared(digitsToIntegers(digits, 1, p), M);
      if (first === undefined) continue;
      const found = reconstructShared(digitsToIntegers(digits, r, p), M, first);
      if (found && checks(aug, n, pivotCols, found.num, found.den)) return { nums: found.num, den: found.den };
    }
  }
  return undefined;
}

/**
 * The largest bit length of the entries: from the largest |Number(x)| when that is below 2^52
 * (rounding is monotone and exact there, see integer-matrix.ts), without a bitLength (a string)
 * per entry; by bitLength otherwise.
 */
function maxBitLength(rows: readonly (readonly bigint[])[]): number {
  let maxAbs = 0;
  for (const row of rows) for (const x of row) maxAbs = Math.max(maxAbs, Math.abs(Number(x)));
  if (maxAbs >= 2 ** 52) return rows.reduce((acc, row) => row.reduce((a2, x) => Math.max(a2, bitLength(x)), acc), 0);
  let bits = 0;
  for (let v = maxAbs; v >= 1; v = Math.floor(v / 2)) bits++;
  return bits;
}

/** (res - B x) / p in bigint, for entries too large for the float path. */
function residualBig(B: bigint[][], x: Float64Array, res: bigint[], P: bigint): bigint[] {
  const xb = Array.from(x, (v) => BigInt(v));
  return res.map((ri, i) => {
    let t = ri;
    const row = B[i];
    for (let j = 0; j < xb.length; j++) if (xb[j] !== 0n) t -= row[j] * xb[j];
    return t / P;
  });
}

/**
 * Solve A x = b exactly (A a ZZ or QQ matrix, b rationals): a particular solution with the free
 * variables 0 (the RREF's), `unique` when A has full column rank; or inconsistency, certified.
 */
export function solveModular(a: Mat<bigint> | Mat<Rational>, b: readonly Rational[], options: ModularOptions = {}): ModularSolveResult {
  const m = a.nrows;
  const n = a.ncols;
  if (b.length !== m) throw new DimensionError('solveModular', `A is ${m}x${n} but b has length ${b.length}`);
  const q = a.domain.kind === 'ZZ' ? (a as Mat<bigint>).rows.map((r) => r.map((x) => Rational.fromBigint(x))) : (a as Mat<Rational>).rows.map((r) => r.slice());
  const augRows = q.map((r, i) => [...r, b[i]]);
  // Clear each row of [A | b] by the lcm of its denominators.
  const aug = augRows.map((r) => {
    const l = r.reduce((acc, x) => (x.den === 1n ? acc : lcmBig(acc, x.den)), 1n);
    return r.map((x) => x.num * (l / x.den));
  });
  if (m === 0) return { ok: true, x: new Array<Rational>(n).fill(Rational.ZERO), unique: n === 0 };
  const int = integerMatrix(aug, n + 1);
  const norms = log2Norms(int);
  let certify = false;
  let firstPrime = options.firstPrime ?? 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    const bits = (pr: RankProfile): number => {
      const rA = pr.pivotCols.filter((c) => c < n).length;
      const bPivot = pr.pivotCols.includes(n);
      // Certified unless A has full column rank and b looks dependent (then the exact check decides).
      return !certify && rA === n && !bPivot ? 0 : log2MinorBound(norms, pr.rank + 1);
    };
    const cert = certifyProfile(int, bits, false, { firstPrime });
    const { profile } = cert;
    // b a pivot column is always certified (bits > 0 branch): b is outside the column space.
    if (profile.pivotCols.includes(n)) return { ok: false, reason: 'inconsistent' };
    const rank = profile.rank;
    if (rank === 0) {
      if (aug.every((row) => row[n] === 0n)) return { ok: true, x: new Array<Rational>(n).fill(Rational.ZERO), unique: n === 0 };
      certify = true; // b vanished mod p only
      continue;
    }
    // Cramer: numerators and denominator are r x r minors of [B | c], within Hadamard's bound.
    const sub = integerMatrix(
      profile.pivotRows.map((i) => [...profile.pivotCols.map((j) => aug[i][j]), aug[i][n]]),
      rank + 1,
    );
    const log2H = log2MinorBound(log2Norms(sub), rank);
    const lifted = lift(aug, n, profile, cert.primes[0], log2H);
    if (lifted !== undefined) {
      const values = fractionsOverDenominator(lifted.nums, lifted.den);
      const x = new Array<Rational>(n).fill(Rational.ZERO);
      profile.pivotCols.forEach((c, k) => {
        x[c] = values[k];
      });
      return { ok: true, x, unique: rank === n };
    }
    // Only an unlucky reference prime (b looked dependent) gets here: certify from now on.
    certify = true;
    firstPrime += cert.primesTried;
  }
  throw new Error('solveModular: no certified answer after 20 attempts (internal error)');
}

/** modp.ts's `reduce`, local to this module so hot loops inline it (see crt.ts, `reduceLocal`). */
function reduceHere(x: number, p: number, pinv: number): number {
  const y = x - p * Math.floor(x * pinv);
  return y < 0 ? y + p : y >= p ? y - p : y;
}
