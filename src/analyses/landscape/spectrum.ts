/**
 * Certified eigenvalues of a rational symmetric matrix (a Hessian), with the float spectrum
 * beside them.
 *
 * Exact path: H = M / d with M an integer matrix; the characteristic polynomial of M by
 * Berkowitz's division-free algorithm; Yun's square-free decomposition over Z[x] (primitive
 * pseudo-remainder gcds) gives the multiplicities;
 * each square-free factor's real roots (all roots are real: H is symmetric) are isolated by
 * Sturm sequences and refined by bisection with exact signs until the interval is 10^-digits
 * relative to the eigenvalue; a rational eigenvalue is then found exactly as the simplest rational
 * of its interval, checked by an exact sign evaluation. Intervals are
 * divided by d and printed with decimal.js rounded outward, so [lowerDecimal, upperDecimal]
 * contains the eigenvalue. Float path: the cyclic Jacobi method on Float64Arrays.
 */
import { Decimal } from 'decimal.js';
import { DimensionError } from '../../core/errors.js';
import { lcmBig } from '../../field/bigint.js';
import { Rational } from '../../field/rational.js';
import type { Mat } from '../../linalg/mat.js';
import { charpolyBerkowitz, signAt, signChanges, squareFreeInteger, sturmSequence } from './polynomial.js';

export interface CertifiedEigenvalue {
  /** The eigenvalue lies in [lower, upper] (equal when it was found exactly). */
  readonly lower: Rational;
  readonly upper: Rational;
  readonly exact: boolean;
  readonly multiplicity: number;
  /** The interval's ends as decimals rounded outward (floor, ceiling) at `digits` significant digits. */
  readonly lowerDecimal: string;
  readonly upperDecimal: string;
  /** The midpoint to `digits` significant digits. */
  readonly decimal: string;
}

export interface Spectrum {
  /** det(x I - H), coefficients from the constant term up (exact). */
  readonly charpoly: Rational[];
  /** Ascending, one entry per distinct eigenvalue. */
  readonly eigenvalues: CertifiedEigenvalue[];
  /** Jacobi's float eigenvalues, ascending, with multiplicity. */
  readonly float: number[];
  /** The largest distance from a float eigenvalue to its certified interval (sorted pairing). */
  readonly floatError: number;
  readonly digits: number;
}

export function certifiedSpectrum(H: Mat<Rational>, options: { digits?: number } = {}): Spectrum {
  const digits = options.digits ?? 20;
  if (!Number.isInteger(digits) || digits < 1 || digits > 10_000) throw new RangeError(`certifiedSpectrum: digits must be an integer in [1, 10000], got ${digits}`);
  const n = H.nrows;
  if (H.ncols !== n) throw new DimensionError('certifiedSpectrum', `needs a square matrix, got ${n}x${H.ncols}`);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (!H.get(i, j).eq(H.get(j, i))) throw new DimensionError('certifiedSpectrum', `needs a symmetric matrix; entries (${i},${j}) and (${j},${i}) differ`);
  const d = H.rows.reduce((acc, row) => row.reduce((a, x) => lcmBig(a, x.den), acc), 1n);
  const M = H.rows.map((row) => row.map((x) => x.num * (d / x.den)));
  const pM = charpolyBerkowitz(M);
  // det(x I - H) = d^-n det(d x I - M): coefficient i is pM_i d^(i - n).
  const charpoly = pM.map((c, i) => Rational.of(c, d ** BigInt(n - i)));
  const dq = Rational.fromBigint(d);
  const eigenvalues: CertifiedEigenvalue[] = [];
  for (const { factor: f, multiplicity } of squareFreeInteger(pM)) {
    for (const [lo, hi] of isolateRoots(f, digits)) {
      // A rational eigenvalue (integers, simple fractions) is the simplest rational of its
      // interval once that is narrow: try it, exactly.
      const guess = simplestBetween(lo, hi);
      const [a, b] = signAt(f, guess) === 0 ? [guess, guess] : [lo, hi];
      eigenvalues.push(describe(a.div(dq), b.div(dq), multiplicity, digits));
    }
  }
  eigenvalues.sort((a, b) => a.lower.cmp(b.lower));
  const float = jacobiEigenvalues(H.rows.map((row) => row.map((x) => x.toNumber())));
  const expanded = eigenvalues.flatMap((e) => new Array<CertifiedEigenvalue>(e.multiplicity).fill(e));
  const floatError = float.reduce((worst, f, i) => {
    const e = expanded[i];
    const lo = e.lower.toNumber();
    const hi = e.upper.toNumber();
    return Math.max(worst, f < lo ? lo - f : f > hi ? f - hi : 0);
  }, 0);
  return { charpoly, eigenvalues, float, floatError, digits };
}

/**
 * Isolating intervals [lo, hi] of the real roots of a square-free integer polynomial, refined
 * to relative width 10^-digits ([r, r] for a root met exactly).
 */
function isolateRoots(p: readonly bigint[], digits: number): [Rational, Rational][] {
  const deg = p.length - 1;
  if (deg < 1) return [];
  const seq = sturmSequence(p);
  // Cauchy's bound: every root has |x| < 1 + max |c_i / c_deg|.
  const lead = p[deg] < 0n ? -p[deg] : p[deg];
  const maxRatio = p.slice(0, deg).reduce((m, c) => {
    const r = Rational.of(c < 0n ? -c : c, lead);
    return r.cmp(m) > 0 ? r : m;
  }, Rational.ZERO);
  const bound = maxRatio.add(Rational.ONE);
  const out: [Rational, Rational][] = [];
  const count = (a: Rational, b: Rational): number => signChanges(seq, a) - signChanges(seq, b); // roots in (a, b], p(a) != 0
  const two = Rational.of(2);
  const visit = (a: Rational, b: Rational, k: number): void => {
    if (k === 0) return;
    if (k === 1) {
      if (signAt(p, b) === 0) out.push([b, b]);
      else out.push(refine(p, a, b, digits));
      return;
    }
    const mid = a.add(b).div(two);
    if (signAt(p, mid) === 0) {
      // An exact root: step off it by a delta that leaves it alone in [mid - delta, mid + delta].
      let delta = b.sub(a).div(Rational.of(4));
      while (signAt(p, mid.sub(delta)) === 0 || signAt(p, mid.add(delta)) === 0 || count(mid.sub(delta), mid.add(delta)) !== 1) delta = delta.div(two);
      out.push([mid, mid]);
      visit(a, mid.sub(delta), count(a, mid.sub(delta)));
      visit(mid.add(delta), b, count(mid.add(delta), b));
      return;
    }
    visit(a, mid, count(a, mid));
    visit(mid, b, count(mid, b));
  };
  const lo = bound.neg();
  visit(lo, bound, count(lo, bound));
  return out.sort((x, y) => x[0].cmp(y[0]));
}

/** Bisection on (a, b) holding one simple root, p(a) != 0 != p(b), to relative width 10^-digits. */
function refine(p: readonly bigint[], a: Rational, b: Rational, digits: number): [Rational, Rational] {
  const sa = signAt(p, a);
  const two = Rational.of(2);
  const tol = Rational.of(1n, 10n ** BigInt(digits));
  for (;;) {
    const width = b.sub(a);
    const straddles = a.sign() < 0 && b.sign() > 0;
    if (!straddles && width.cmp(tol.mul(a.abs().cmp(b.abs()) < 0 ? a.abs() : b.abs())) <= 0) return [a, b];
    const mid = a.add(b).div(two);
    const s = signAt(p, mid);
    if (s === 0) return [mid, mid];
    if (s === sa) a = mid;
    else b = mid;
  }
}

/** The rational with the smallest denominator (then numerator) in [a, b], by continued fractions. */
export function simplestBetween(a: Rational, b: Rational): Rational {
  if (a.sign() <= 0 && b.sign() >= 0) return Rational.ZERO;
  if (b.sign() < 0) return simplestBetween(b.neg(), a.neg()).neg();
  const floor = a.num / a.den;
  const ceil = a.isInteger() ? floor : floor + 1n;
  if (Rational.fromBigint(ceil).cmp(b) <= 0) return Rational.fromBigint(ceil);
  const fl = Rational.fromBigint(floor);
  return fl.add(simplestBetween(b.sub(fl).inv(), a.sub(fl).inv()).inv());
}

function describe(lower: Rational, upper: Rational, multiplicity: number, digits: number): CertifiedEigenvalue {
  const D = (rounding: Decimal.Rounding): Decimal.Constructor => Decimal.clone({ precision: digits, rounding, toExpNeg: -30, toExpPos: 30 });
  const dec = (q: Rational, rounding: Decimal.Rounding): string => {
    const C = D(rounding);
    return new C(q.num.toString()).div(new C(q.den.toString())).toString();
  };
  const mid = lower.add(upper).div(Rational.of(2));
  return {
    lower,
    upper,
    exact: lower.eq(upper),
    multiplicity,
    lowerDecimal: dec(lower, Decimal.ROUND_FLOOR),
    upperDecimal: dec(upper, Decimal.ROUND_CEIL),
    decimal: dec(mid, Decimal.ROUND_HALF_EVEN),
  };
}

/** Eigenvalues of a symmetric float matrix by the cyclic Jacobi method (ascending). */
export function jacobiEigenvalues(S: readonly (readonly number[])[]): number[] {
  const n = S.length;
  const a = new Float64Array(n * n);
  S.forEach((row, i) => row.forEach((v, j) => (a[i * n + j] = v)));
  const frob = Math.sqrt(a.reduce((s, v) => s + v * v, 0));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i * n + j] ** 2;
    if (Math.sqrt(off) <= 1e-15 * frob || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        // Rotation zeroing a[p][q] (Golub and Van Loan, Algorithm 8.5.1).
        const tau = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => a[i * n + i]).sort((x, y) => x - y);
}
