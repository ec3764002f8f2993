/**
 * Points of systems with strict inequalities, over the rationals, with certificates:
 * `findInteriorPoint` (strict, non-strict and equality rows), `findStrictPoint` (the open cone
 * {A x > 0}, Gordan's alternative), `findFeasiblePoint` (A x <= b, Farkas' alternative).
 * The integer forms (`interiorPoint`) are what the enumerators call in their inner loops.
 */
import { lcmBig } from '../field/bigint.js';
import { Rational } from '../field/rational.js';
import { checkShape, toRationals } from './integer-rows.js';
import { interiorPointCertified } from './interior-float.js';
import { interiorPointExact, type AffineSystem, type InteriorAnswer } from './interior-exact.js';
import { maximize } from './optimize.js';

type Matrix = readonly (readonly Rational[])[];

export type LpMethod = 'auto' | 'exact' | 'float-certified';

export interface LpOptions {
  /**
   * `'exact'`: the fraction-free simplex only. `'float-certified'` (and `'auto'`): a float64
   * simplex proposes the answer, which is accepted only after an exact check (the witness
   * point in rationals, or the dual multipliers on their support solved and checked exactly);
   * whenever it does not certify, the exact simplex decides. Either way the answer is exact.
   */
  method?: LpMethod;
}

/** Integer affine rows: the answer is exact and checked, whatever the method. */
export function interiorPoint(sys: AffineSystem, options: LpOptions = {}): InteriorAnswer {
  return (options.method ?? 'auto') === 'exact' ? interiorPointExact(sys) : interiorPointCertified(sys);
}

/** Rows `a.x (rel) b` of a system; each part is optional. */
export interface LinearSystem {
  /** A x > b */
  strict?: { A: Matrix; b: readonly Rational[] };
  /** A x >= b */
  weak?: { A: Matrix; b: readonly Rational[] };
  /** A x = b */
  equal?: { A: Matrix; b: readonly Rational[] };
}

export type InteriorPointResult =
  | { ok: true; x: Rational[] }
  | {
      ok: false;
      /** p >= 0, q >= 0, u with p.A_s + q.A_w + u.A_e = 0 and p.b_s + q.b_w + u.b_e >= 0, > 0 when p = 0. */
      certificate: { strict: Rational[]; weak: Rational[]; equal: Rational[] };
    };

/**
 * A point x with A_s x > b_s, A_w x >= b_w, A_e x = b_e in R^n, or a Motzkin certificate that
 * none exists (multipliers in the units of the rows as given).
 */
export function findInteriorPoint(system: LinearSystem, n: number, options: LpOptions = {}): InteriorPointResult {
  const parts = (['strict', 'weak', 'equal'] as const).map((key) => {
    const part = system[key];
    if (part === undefined) return { rows: [] as bigint[][], scales: [] as bigint[] };
    checkShape('findInteriorPoint', part.A, part.b, n);
    const scales: bigint[] = [];
    const rows = part.A.map((a, i) => {
      // a.x > b  <=>  a.x - b > 0, cleared of denominators by a positive integer.
      const bi = part.b[i];
      const l = a.reduce((acc, x) => lcmBig(acc, x.den), bi.den);
      scales.push(l);
      return [...a.map((x) => x.num * (l / x.den)), -bi.num * (l / bi.den)];
    });
    return { rows, scales };
  });
  const [s, w, e] = parts;
  const answer = interiorPoint({ n, strict: s.rows, weak: w.rows, equal: e.rows }, options);
  if (answer.ok) return { ok: true, x: toRationals(answer.num, answer.den) };
  const unscale = (y: readonly bigint[], scales: readonly bigint[]): Rational[] => y.map((v, i) => Rational.of(v * scales[i]));
  return { ok: false, certificate: { strict: unscale(answer.strict, s.scales), weak: unscale(answer.weak, w.scales), equal: unscale(answer.equal, e.scales) } };
}

/**
 * Whether `certificate` proves that `system` has no point (Motzkin's transposition theorem), checked
 * exactly in rationals: p >= 0 (strict rows), q >= 0 (weak rows), u free (equal rows) with
 * p.A_s + q.A_w + u.A_e = 0 and kappa = p.b_s + q.b_w + u.b_e >= 0, with kappa > 0 or p != 0.
 * (Any point x would give 0 = (p A_s + q A_w + u A_e) x > or >= kappa.) For re-checking stored
 * certificates without solving again.
 */
export function isInteriorCertificate(system: LinearSystem, n: number, certificate: { strict: readonly Rational[]; weak: readonly Rational[]; equal: readonly Rational[] }): boolean {
  const parts = [
    { part: system.strict, y: certificate.strict, signed: true },
    { part: system.weak, y: certificate.weak, signed: true },
    { part: system.equal, y: certificate.equal, signed: false },
  ];
  const total = new Array<Rational>(n).fill(Rational.ZERO);
  let kappa = Rational.ZERO;
  for (const { part, y, signed } of parts) {
    const rows = part?.A ?? [];
    if (y.length !== rows.length) return false;
    for (let i = 0; i < rows.length; i++) {
      if (signed && y[i].sign() < 0) return false;
      if (y[i].isZero()) continue;
      if (rows[i].length !== n) return false;
      rows[i].forEach((a, j) => (total[j] = total[j].add(a.mul(y[i]))));
      kappa = kappa.add(part!.b[i].mul(y[i]));
    }
  }
  if (total.some((t) => !t.isZero())) return false;
  return kappa.sign() > 0 || (kappa.isZero() && certificate.strict.some((p) => p.sign() > 0));
}

/** A point of the open cone {x : A x > 0}, or y >= 0, y != 0 with A^T y = 0 (Gordan 1873). */
export function findStrictPoint(A: Matrix, n: number, options: LpOptions = {}): { ok: true; x: Rational[] } | { ok: false; y: Rational[] } {
  const r = findInteriorPoint({ strict: { A, b: A.map(() => Rational.ZERO) } }, n, options);
  return r.ok ? r : { ok: false, y: r.certificate.strict };
}

/** A point with A x <= b, or a Farkas vector y >= 0 with A^T y = 0, b.y < 0. */
export function findFeasiblePoint(A: Matrix, b: readonly Rational[], n: number): { ok: true; x: Rational[] } | { ok: false; farkas: Rational[] } {
  const r = maximize(new Array<Rational>(n).fill(Rational.ZERO), A, b);
  if (r.status === 'infeasible') return { ok: false, farkas: r.farkas };
  return { ok: true, x: r.x };
}
