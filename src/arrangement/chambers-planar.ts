/**
 * Chambers of a central arrangement in R^3 (2-D data with bias, 3-D data without), output-
 * sensitively in O(L^3) exact sign tests for L hyperplanes, with no LP (LITERATURE-B 7.2(a)).
 *
 * Slice by the first hyperplane's normal u = a_0: every chamber lies in {u.theta > 0} or in
 * {u.theta < 0} (H_0 is a hyperplane of the arrangement), and theta -> -theta swaps the two, so
 * the chambers are P and -P, with P the regions of the line arrangement {a_k.theta = 0} on the
 * affine plane S = {u.theta = 1}. Regions of a line arrangement are counted by a sweep in a
 * generic direction w: a region either has a lowest point, which is a vertex p of the
 * arrangement, and then its corner at p is one of the k - 1 sectors between consecutive upward
 * rays of the k lines through p; or it is unbounded below, and then it crosses a far-down level
 * line, on which the lines appear in the order of their slopes (ties between parallel lines
 * broken by their offsets). So |P| = (L - 1) + 1 + sum_p (k_p - 1): Zaslavsky's count, read
 * off cell by cell, degenerate vertices and parallel lines included.
 *
 * Everything is in homogeneous coordinates of R^3, with integers: the vertex of lines g, h is
 * the ray c = a_g x a_h (oriented to u.c > 0), the direction of line m in S is d_m = a_m x u,
 * and every sign is an exact integer determinant. `regionsOfSlice3` takes any slicing vector u
 * (the higher-dimensional sweep uses it on far-down sections); normals parallel to u are
 * constant on the slice.
 */
import { lcmBig } from '../field/bigint.js';
import { Rational } from '../field/rational.js';
import type { Chamber } from './chambers-low.js';
import { cross3, det3, dotBig, dotSign, IntegerRows, Probe, signBig, stepScale } from './exact-sign.js';

/** `tick` is called now and then during long stretches without output (time budgets). */
export type Tick = () => void;

export function* chambersSpace3(reps: readonly (readonly bigint[])[], tick?: Tick): Generator<Chamber> {
  for (const ch of regionsOfSlice3(reps[0], reps, tick)) {
    yield ch;
    const neg = Int8Array.from(ch.signs, (s) => -s);
    yield { signs: neg, witness: () => ch.witness().map((x) => -x) };
  }
}

/** A sweep direction w = (1, t, t^2) not parallel to any line of the slice: det(w, a_k, u) != 0. */
function sweepDirection(u: readonly bigint[], reps: readonly (readonly bigint[])[], isLine: Uint8Array): bigint[] {
  for (let t = 1n; ; t++) {
    const w = [1n, t, t * t];
    if (cross3(w, u).every((x) => x === 0n)) continue;
    if (reps.every((a, k) => !isLine[k] || det3(w, a, u) !== 0n)) return w;
  }
}

/** Regions of the arrangement on the plane {u.theta = 1}: one sign per normal, and a witness. */
export function* regionsOfSlice3(u: readonly bigint[], reps: readonly (readonly bigint[])[], tick?: Tick): Generator<Chamber> {
  const L = reps.length;
  // Normals parallel to u are constant on the slice; the others cut it in lines.
  const isLine = Uint8Array.from(reps, (a) => (cross3(a, u).some((x) => x !== 0n) ? 1 : 0));
  const constant = Int8Array.from(reps, (a, k) => (isLine[k] ? 0 : signBig(dotBig(a, u))));
  const w = sweepDirection(u, reps, isLine);
  const rows = new IntegerRows(reps, 3);
  // Orientation of each line's upward ray: sign(w . d_m), d_m = a_m x u.
  const up = Int8Array.from(reps, (a, k) => (isLine[k] ? signBig(det3(w, a, u)) : 0));
  const signs = new Int8Array(L);

  // 1. Regions with a lowest vertex.
  for (let g = 0; g < L; g++) {
    if (!isLine[g]) continue;
    tick?.();
    for (let h = g + 1; h < L; h++) {
      if (!isLine[h]) continue;
      let c = cross3(reps[g], reps[h]);
      const uc = dotBig(u, c);
      if (uc === 0n) continue; // parallel in the slice: they meet at infinity
      if (uc < 0n) c = c.map((x) => -x);
      const probe = new Probe(c, rows);
      let canonical = true;
      const through: number[] = [g, h];
      signs[g] = 0;
      signs[h] = 0;
      for (let k = 0; k < L; k++) {
        if (k === g || k === h) continue;
        const s = dotSign(rows, k, probe);
        signs[k] = s;
        if (s === 0) {
          // The vertex is handled once, from the two smallest lines through it.
          if (k < h) {
            canonical = false;
            break;
          }
          through.push(k);
        }
      }
      if (!canonical) continue;
      // Upward rays around the vertex, sorted counter-clockwise (seen from u):
      // det(r_a, r_b, u) = up_a up_b det(a_a, a_b, u) |u|^2.
      through.sort((a, b) => -up[a] * up[b] * signBig(det3(reps[a], reps[b], u)));
      const atVertex = Int8Array.from(signs);
      for (let q = 0; q + 1 < through.length; q++) {
        const p1 = through[q];
        const p2 = through[q + 1];
        const out = Int8Array.from(signs);
        // Inside the sector: direction r_p1 + r_p2; a_m . r_p = up_p det(a_m, a_p, u).
        for (const m of through) out[m] = signBig(BigInt(up[p1]) * det3(reps[m], reps[p1], u) + BigInt(up[p2]) * det3(reps[m], reps[p2], u));
        yield { signs: out, witness: () => sectorWitness(rows, reps, c, atVertex, u, p1, p2, up) };
      }
    }
  }

  // 2. Regions unbounded below: the order of the lines on a level line far down.
  const e = cross3(w, u); // along level lines of w within S
  const f = cross3(u, e); // w increases along f
  const lines = Array.from({ length: L }, (_, i) => i).filter((k) => isLine[k]);
  const ek = reps.map((a) => dotBig(a, e));
  const fk = reps.map((a) => dotBig(a, f));
  const uk = reps.map((a) => dotBig(a, u));
  // alpha_k = f_k / e_k (the slope), beta_k = -u_k / e_k (the offset); compare as fractions.
  const frac = (num: bigint, den: bigint, num2: bigint, den2: bigint): number => signBig(num * den2 - num2 * den) * signBig(den * den2);
  const compareLines = (j: number, k: number): number => frac(fk[j], ek[j], fk[k], ek[k]) || frac(-uk[j], ek[j], -uk[k], ek[k]);
  lines.sort(compareLines);
  for (let q = 0; q <= lines.length; q++) {
    const out = Int8Array.from(constant);
    lines.forEach((k, pos) => (out[k] = (pos < q ? 1 : -1) * signBig(ek[k])));
    yield { signs: out, witness: () => farWitness(lines, q, { u, e, f, ek, fk, uk }) };
  }
}

/** theta = N c + (r_p1 + r_p2), N large enough that no line off the vertex changes sign. */
function sectorWitness(rows: IntegerRows, reps: readonly (readonly bigint[])[], c: bigint[], vertexSigns: Int8Array, u: readonly bigint[], p1: number, p2: number, up: Int8Array): bigint[] {
  const r1 = cross3(reps[p1], u).map((x) => BigInt(up[p1]) * x);
  const r2 = cross3(reps[p2], u).map((x) => BigInt(up[p2]) * x);
  const dir = r1.map((x, j) => x + r2[j]);
  const N = stepScale(rows, c, dir, vertexSigns);
  return c.map((x, j) => N * x + dir[j]);
}

/** theta = u - M f + (tau M + gamma) e, inside the q-th interval of the far-down level line. */
function farWitness(
  lines: number[],
  q: number,
  g: { u: readonly bigint[]; e: bigint[]; f: bigint[]; ek: bigint[]; fk: bigint[]; uk: bigint[] },
): bigint[] {
  const alpha = (k: number): Rational => Rational.of(g.fk[k], g.ek[k]);
  const beta = (k: number): Rational => Rational.of(-g.uk[k], g.ek[k]);
  let tau = Rational.ZERO;
  let gamma = Rational.ZERO;
  const two = Rational.of(2);
  if (lines.length > 0) {
    if (q === 0) tau = alpha(lines[0]).sub(Rational.ONE);
    else if (q === lines.length) tau = alpha(lines[lines.length - 1]).add(Rational.ONE);
    else {
      const [a, b] = [lines[q - 1], lines[q]];
      if (alpha(a).eq(alpha(b))) {
        tau = alpha(a);
        gamma = beta(a).add(beta(b)).div(two);
      } else tau = alpha(a).add(alpha(b)).div(two);
    }
  }
  // a_k . theta = e_k ((tau - alpha_k) M + gamma - beta_k): M beyond every root keeps each sign.
  let M = Rational.ONE;
  for (const k of lines) {
    const slope = tau.sub(alpha(k));
    if (slope.isZero()) continue;
    const root = gamma.sub(beta(k)).div(slope).abs().add(Rational.ONE);
    if (root.cmp(M) > 0) M = root;
  }
  const t = tau.mul(M).add(gamma);
  const theta = g.u.map((uj, j) => Rational.fromBigint(uj).sub(M.mul(Rational.fromBigint(g.f[j]))).add(t.mul(Rational.fromBigint(g.e[j]))));
  const den = theta.reduce((l, x) => lcmBig(l, x.den), 1n);
  return theta.map((x) => x.num * (den / x.den));
}
