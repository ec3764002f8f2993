/**
 * A point of a system of strict, non-strict and equality constraints on affine forms, or a
 * certificate that there is none (Motzkin's transposition theorem), by one exact LP.
 *
 * Rows are integer affine forms (a_1..a_n, a_0) read as a.x + a_0 (> 0 | >= 0 | = 0).
 * Homogenise x = z / tau and maximise the common slack t:
 *   a.z + a_0 tau >= t (strict rows), a.z + a_0 tau >= 0 (weak), = 0 (equal), tau >= t, t <= 1.
 * (z, tau, t) = 0 is feasible and t <= 1, so the LP has an optimum: t* > 0 gives the point
 * z / tau; t* = 0 gives, from the dual, multipliers p >= 0 (strict), q >= 0 (weak), u (equal)
 * with sum p a + q a + u a = 0 on x and kappa = sum (p + q + u) a_0 <= 0, and p != 0 or
 * kappa < 0: any solution would make the same combination > 0 (or >= 0), a contradiction.
 * Homogeneous systems (every a_0 = 0) drop tau: the answer is then a direction of the cone.
 */
import { combineRows, dotBig } from './integer-rows.js';
import { simplexExact } from './simplex-exact.js';

export interface AffineSystem {
  /** Number of variables; every row has n + 1 entries (coefficients, then the constant). */
  readonly n: number;
  readonly strict: readonly (readonly bigint[])[];
  readonly weak?: readonly (readonly bigint[])[];
  readonly equal?: readonly (readonly bigint[])[];
}

/** x_j = num_j / den (den > 0); for a homogeneous system any positive multiple works too. */
export type InteriorAnswer =
  | { ok: true; num: bigint[]; den: bigint }
  | { ok: false; strict: bigint[]; weak: bigint[]; equal: bigint[] };

export function isHomogeneous(sys: AffineSystem): boolean {
  const zeroConst = (r: readonly bigint[]): boolean => r[sys.n] === 0n;
  return sys.strict.every(zeroConst) && (sys.weak ?? []).every(zeroConst) && (sys.equal ?? []).every(zeroConst);
}

export function interiorPointExact(sys: AffineSystem): InteriorAnswer {
  const { n, strict } = sys;
  const weak = sys.weak ?? [];
  const equal = sys.equal ?? [];
  const tau = !isHomogeneous(sys);
  const N = n + (tau ? 1 : 0) + 1; // variables z, (tau), t
  const T = N - 1;
  const A: bigint[][] = [];
  const b: bigint[] = [];
  const row = (coeffs: readonly bigint[], sgn: bigint, tCoeff: bigint): void => {
    const r = new Array<bigint>(N).fill(0n);
    for (let j = 0; j < n; j++) r[j] = sgn * coeffs[j];
    if (tau) r[n] = sgn * coeffs[n];
    r[T] = tCoeff;
    A.push(r);
    b.push(0n);
  };
  for (const r of strict) row(r, -1n, 1n);
  for (const r of weak) row(r, -1n, 0n);
  for (const r of equal) {
    row(r, 1n, 0n);
    row(r, -1n, 0n);
  }
  if (tau) {
    const r = new Array<bigint>(N).fill(0n);
    r[n] = -1n;
    r[T] = 1n;
    A.push(r);
    b.push(0n);
  }
  const tRow = new Array<bigint>(N).fill(0n);
  tRow[T] = 1n;
  A.push(tRow);
  b.push(1n);
  const c = new Array<bigint>(N).fill(0n);
  c[T] = 1n;
  const raw = simplexExact({ A, b, c, n: N });
  if (raw.status !== 'optimal') throw new Error(`interiorPointExact: the slack LP ended ${raw.status}; this is a bug`);
  const x = raw.x.num;
  if (x[T] > 0n) {
    const num = x.slice(0, n);
    const den = tau ? x[n] : raw.x.den;
    const answer: InteriorAnswer = { ok: true, num, den };
    checkInteriorAnswer(sys, answer);
    return answer;
  }
  const y = raw.dual.num;
  const ms = strict.length;
  const mw = weak.length;
  const answer: InteriorAnswer = {
    ok: false,
    strict: y.slice(0, ms),
    weak: y.slice(ms, ms + mw),
    equal: equal.map((_, i) => y[ms + mw + 2 * i + 1] - y[ms + mw + 2 * i]),
  };
  checkInteriorAnswer(sys, answer);
  return answer;
}

/** Whether an answer is right, checked exactly; throws on a wrong one (an internal error). */
export function checkInteriorAnswer(sys: AffineSystem, answer: InteriorAnswer): void {
  if (!isValidInteriorAnswer(sys, answer)) throw new Error(`interior point ${answer.ok ? 'witness' : 'certificate'} failed its exact check; this is a bug`);
}

export function isValidInteriorAnswer(sys: AffineSystem, answer: InteriorAnswer): boolean {
  const { n, strict } = sys;
  const weak = sys.weak ?? [];
  const equal = sys.equal ?? [];
  if (answer.ok) {
    const { num, den } = answer;
    if (den <= 0n) return false;
    const value = (r: readonly bigint[]): bigint => dotBig(r.slice(0, n), num) + r[n] * den;
    return strict.every((r) => value(r) > 0n) && weak.every((r) => value(r) >= 0n) && equal.every((r) => value(r) === 0n);
  }
  const { strict: p, weak: q, equal: u } = answer;
  if (p.length !== strict.length || q.length !== weak.length || u.length !== equal.length) return false;
  if (p.some((v) => v < 0n) || q.some((v) => v < 0n)) return false;
  const total = combineRows([...strict, ...weak, ...equal], [...p, ...q, ...u], n + 1);
  if (total.slice(0, n).some((v) => v !== 0n)) return false;
  const kappa = total[n];
  return kappa < 0n || (kappa === 0n && p.some((v) => v > 0n));
}
