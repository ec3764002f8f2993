/**
 * Exact univariate polynomials for spectra: the characteristic polynomial (Berkowitz), square-free
 * decomposition (Yun), Sturm sequences and exact signs at rationals. Integer polynomials are
 * bigint arrays of coefficients from the constant term up; rational ones are Rational arrays.
 */
import { gcdBig } from '../../field/bigint.js';
import { Rational } from '../../field/rational.js';

/**
 * det(x I - A) of an integer matrix, coefficients from the constant term up, by Berkowitz's
 * division-free algorithm (Berkowitz 1984; Samuelson's recurrence): with
 * A = [[a, R], [C, B]], p_A = T p_B where T is the lower-triangular Toeplitz matrix whose first
 * column is (1, -a, -R C, -R B C, ..., -R B^{k-1} C), k = size of B.
 */
export function charpolyBerkowitz(A: readonly (readonly bigint[])[]): bigint[] {
  const n = A.length;
  if (n === 0) return [1n];
  // p holds det(x I - B) highest coefficient first while we grow B from the bottom-right corner.
  let p: bigint[] = [1n, -A[n - 1][n - 1]];
  for (let s = n - 2; s >= 0; s--) {
    const k = n - 1 - s; // size of B = A[s+1.., s+1..]
    const a = A[s][s];
    const R = A[s].slice(s + 1);
    let v = A.slice(s + 1).map((row) => row[s]); // C, then B C, B^2 C, ...
    const col: bigint[] = [1n, -a];
    for (let i = 0; i < k; i++) {
      col.push(-R.reduce((acc, r, j) => acc + r * v[j], 0n));
      if (i < k - 1) v = A.slice(s + 1).map((row) => row.slice(s + 1).reduce((acc, b, j) => acc + b * v[j], 0n));
    }
    const next = new Array<bigint>(k + 2).fill(0n);
    for (let i = 0; i < k + 2; i++) for (let j = 0; j <= Math.min(i, k); j++) next[i] += col[i - j] * p[j];
    p = next;
  }
  return p.reverse();
}

export type RatPoly = Rational[];

function trim(p: RatPoly): RatPoly {
  let d = p.length;
  while (d > 0 && p[d - 1].isZero()) d--;
  return p.slice(0, d);
}

export function degree(p: RatPoly): number {
  return trim(p).length - 1;
}

export function derivative(p: RatPoly): RatPoly {
  return trim(p.slice(1).map((c, i) => c.mul(Rational.of(i + 1))));
}

function monic(p: RatPoly): RatPoly {
  const t = trim(p);
  if (t.length === 0) return t;
  const lead = t[t.length - 1];
  return t.map((c) => c.div(lead));
}

/** Quotient and remainder of a by b (b != 0). */
export function divmod(a: RatPoly, b: RatPoly): { q: RatPoly; r: RatPoly } {
  const bt = trim(b);
  let r = trim(a);
  const q = new Array<Rational>(Math.max(r.length - bt.length + 1, 0)).fill(Rational.ZERO);
  const lead = bt[bt.length - 1];
  while (r.length >= bt.length && r.length > 0) {
    const shift = r.length - bt.length;
    const f = r[r.length - 1].div(lead);
    q[shift] = f;
    r = trim(r.map((c, i) => (i >= shift && i - shift < bt.length ? c.sub(f.mul(bt[i - shift])) : c)));
  }
  return { q: trim(q), r };
}

/** The monic gcd. */
export function gcd(a: RatPoly, b: RatPoly): RatPoly {
  let x = trim(a);
  let y = trim(b);
  while (y.length > 0) [x, y] = [y, divmod(x, y).r];
  return monic(x);
}

/** Yun's square-free decomposition of a nonzero p: factors f_i (monic, square-free, coprime) with p = lead * prod f_i^i. */
export function squareFree(p: RatPoly): { factor: RatPoly; multiplicity: number }[] {
  const f = monic(p);
  const out: { factor: RatPoly; multiplicity: number }[] = [];
  if (degree(f) <= 0) return out;
  const a0 = gcd(f, derivative(f));
  let b = divmod(f, a0).q;
  let c = divmod(derivative(f), a0).q;
  let d = trim(c.map((x, i) => x.sub(derivative(b)[i] ?? Rational.ZERO)));
  for (let i = 1; degree(b) > 0; i++) {
    const a = gcd(b, d);
    if (degree(a) > 0) out.push({ factor: a, multiplicity: i });
    b = divmod(b, a).q;
    c = divmod(d, a).q;
    const db = derivative(b);
    d = trim(Array.from({ length: Math.max(c.length, db.length) }, (_, j) => (c[j] ?? Rational.ZERO).sub(db[j] ?? Rational.ZERO)));
  }
  return out;
}

/**
 * Yun's square-free decomposition over Z[x]: primitive factors f_i (positive leading
 * coefficients, square-free, pairwise coprime) with p = const * prod f_i^i. Same algorithm as
 * `squareFree`, but every gcd is a primitive pseudo-remainder sequence on bigints and every
 * division exact in Z[x] (Gauss's lemma: a primitive divisor of an integer polynomial leaves an
 * integer quotient), so no rational coefficient ever grows (Geddes, Czapor and Labahn,
 * Algorithms for Computer Algebra, 7.3 and 8.2).
 */
export function squareFreeInteger(p: readonly bigint[]): { factor: bigint[]; multiplicity: number }[] {
  const f = primitiveInteger(trimInteger(p));
  const out: { factor: bigint[]; multiplicity: number }[] = [];
  if (f.length <= 1) return out;
  const df = derivativeInteger(f);
  const a0 = gcdInteger(f, df);
  let b = divideExact(f, a0);
  let d = subtractInteger(divideExact(df, a0), derivativeInteger(b));
  for (let i = 1; b.length > 1; i++) {
    const a = gcdInteger(b, d);
    if (a.length > 1) out.push({ factor: a, multiplicity: i });
    const c = divideExact(d, a);
    b = divideExact(b, a);
    d = subtractInteger(c, derivativeInteger(b));
  }
  return out;
}

function trimInteger(p: readonly bigint[]): bigint[] {
  let d = p.length;
  while (d > 0 && p[d - 1] === 0n) d--;
  return p.slice(0, d);
}

/** p divided by the gcd of its coefficients, leading coefficient made positive (0 stays []). */
function primitiveInteger(p: readonly bigint[]): bigint[] {
  const t = trimInteger(p);
  if (t.length === 0) return t;
  let g = t.reduce((acc, c) => gcdBig(acc, c), 0n);
  if (t[t.length - 1] < 0n) g = -g;
  return t.map((c) => c / g);
}

function derivativeInteger(p: readonly bigint[]): bigint[] {
  return trimInteger(p.slice(1).map((c, i) => c * BigInt(i + 1)));
}

function subtractInteger(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  return trimInteger(Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0n) - (b[i] ?? 0n)));
}

/** lc(b)^(deg a - deg b + 1) a mod b, in Z[x] (b != 0). */
function pseudoRemainder(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  let r = trimInteger(a);
  const lead = b[b.length - 1];
  while (r.length >= b.length) {
    const shift = r.length - b.length;
    const top = r[r.length - 1];
    r = trimInteger(r.map((c, i) => c * lead - (i >= shift ? top * b[i - shift] : 0n)));
  }
  return r;
}

/** The primitive gcd (positive leading coefficient) by the primitive PRS; gcd(a, 0) = primitive(a). */
function gcdInteger(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  let x = primitiveInteger(a);
  let y = primitiveInteger(b);
  if (x.length < y.length) [x, y] = [y, x];
  while (y.length > 0) [x, y] = [y, primitiveInteger(pseudoRemainder(x, y))];
  return x;
}

/** a / b in Z[x] when b divides a exactly (a remainder would be a bug in the caller: it throws). */
function divideExact(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  let r = trimInteger(a);
  const lead = b[b.length - 1];
  const q = new Array<bigint>(Math.max(r.length - b.length + 1, 0)).fill(0n);
  while (r.length >= b.length && r.length > 0) {
    const shift = r.length - b.length;
    const top = r[r.length - 1];
    if (top % lead !== 0n) throw new Error('divideExact: the divisor does not divide exactly');
    const f = top / lead;
    q[shift] = f;
    r = trimInteger(r.map((c, i) => (i >= shift && i - shift < b.length ? c - f * b[i - shift] : c)));
  }
  if (r.length > 0) throw new Error('divideExact: the divisor does not divide exactly');
  return trimInteger(q);
}

/** A positive multiple of p with coprime integer coefficients (the same signs everywhere). */
export function primitive(p: RatPoly): bigint[] {
  const t = trim(p);
  const l = t.reduce((acc, c) => (c.den === 1n ? acc : (acc * c.den) / gcdBig(acc, c.den)), 1n);
  const ints = t.map((c) => c.num * (l / c.den));
  const g = ints.reduce((acc, c) => gcdBig(acc, c), 0n);
  return g > 1n ? ints.map((c) => c / g) : ints;
}

/** Sign of the integer polynomial p at the rational num/den (den > 0), exactly: Horner on integers, p(num/den) den^deg. */
export function signAt(p: readonly bigint[], x: Rational): -1 | 0 | 1 {
  let acc = 0n;
  let denPow = 1n;
  for (let i = p.length - 1; i >= 0; i--) {
    acc = acc * x.num + p[i] * denPow;
    denPow *= x.den;
  }
  return acc > 0n ? 1 : acc < 0n ? -1 : 0;
}

/** The Sturm sequence of a square-free integer polynomial: p, p', -rem(...), ..., each made primitive. */
export function sturmSequence(p: readonly bigint[]): bigint[][] {
  const toRat = (q: readonly bigint[]): RatPoly => q.map((c) => Rational.fromBigint(c));
  const seq: bigint[][] = [p.slice(), primitive(derivative(toRat(p)))];
  while (seq[seq.length - 1].length > 1) {
    const r = divmod(toRat(seq[seq.length - 2]), toRat(seq[seq.length - 1])).r;
    if (r.length === 0) break;
    seq.push(primitive(r.map((c) => c.neg())));
  }
  return seq;
}

/** Sign changes of the Sturm sequence at x (zeros skipped). */
export function signChanges(seq: readonly (readonly bigint[])[], x: Rational): number {
  let changes = 0;
  let last = 0;
  for (const q of seq) {
    const s = signAt(q, x);
    if (s === 0) continue;
    if (last !== 0 && s !== last) changes++;
    last = s;
  }
  return changes;
}
