/**
 * The interior-point LP of `interior-exact.ts`, solved in float64 and certified exactly:
 * - a float point with positive slack is rounded to a dyadic grid finer than its slack and
 *   checked in exact integer arithmetic;
 * - a float "no" names the rows with positive multipliers (at most n + 2 of them, by
 *   Caratheodory); the exact LP on those rows alone is tiny, and if it says "no" too, its
 *   certificate, padded with zeros, is a certificate for the whole system.
 * Anything that does not certify goes to the exact simplex on the whole system.
 */
import { checkInteriorAnswer, interiorPointExact, isHomogeneous, isValidInteriorAnswer, type AffineSystem, type InteriorAnswer } from './interior-exact.js';
import { simplexFloat } from './simplex-float.js';

/** Below this many rows the exact simplex is as fast as proposing and certifying. */
const SMALL = 6;

export function interiorPointCertified(sys: AffineSystem): InteriorAnswer {
  const weak = sys.weak ?? [];
  const equal = sys.equal ?? [];
  const rows = [...sys.strict, ...weak, ...equal];
  if (rows.length <= SMALL) return interiorPointExact(sys);
  const proposal = proposeInFloat(sys);
  if (proposal !== null) {
    if (proposal.kind === 'point') {
      const answer = roundToCertifiedPoint(sys, proposal.x, proposal.slack);
      if (answer !== null) return answer;
    } else {
      const answer = certifyOnSupport(sys, proposal.support);
      if (answer !== null) return answer;
    }
  }
  return interiorPointExact(sys);
}

type Proposal = { kind: 'point'; x: Float64Array; slack: number } | { kind: 'none'; support: { strict: number[]; weak: number[]; equal: number[] } };

function proposeInFloat(sys: AffineSystem): Proposal | null {
  const { n, strict } = sys;
  const weak = sys.weak ?? [];
  const equal = sys.equal ?? [];
  const tau = !isHomogeneous(sys);
  const N = n + (tau ? 1 : 0) + 1;
  const T = N - 1;
  const m = strict.length + weak.length + 2 * equal.length + (tau ? 1 : 0) + 1;
  const A = new Float64Array(m * N);
  const b = new Float64Array(m);
  let i = 0;
  // Rows are scaled to unit max-norm so the float tolerances mean the same thing everywhere.
  const put = (r: readonly bigint[], sgn: number, tCoeff: number): void => {
    let scale = 0;
    for (let j = 0; j <= n; j++) scale = Math.max(scale, Math.abs(Number(r[j])));
    if (scale === 0 || !Number.isFinite(scale)) scale = 1;
    for (let j = 0; j < n; j++) A[i * N + j] = (sgn * Number(r[j])) / scale;
    if (tau) A[i * N + n] = (sgn * Number(r[n])) / scale;
    A[i * N + T] = tCoeff;
    i++;
  };
  for (const r of strict) put(r, -1, 1);
  for (const r of weak) put(r, -1, 0);
  for (const r of equal) {
    put(r, 1, 0);
    put(r, -1, 0);
  }
  if (tau) {
    A[i * N + n] = -1;
    A[i * N + T] = 1;
    i++;
  }
  A[i * N + T] = 1;
  b[i] = 1;
  const c = new Float64Array(N);
  c[T] = 1;
  const ans = simplexFloat(A, b, c, m, N);
  if (ans.status !== 'optimal') return null;
  const t = ans.x[T];
  if (t > 1e-7) {
    const x = new Float64Array(n);
    const tv = tau ? ans.x[n] : 1;
    if (!(tv > 0)) return null;
    for (let j = 0; j < n; j++) x[j] = ans.x[j] / tv;
    return { kind: 'point', x, slack: t / tv };
  }
  if (t < -1e-7) return null;
  const ms = strict.length;
  const mw = weak.length;
  const pick = (from: number, count: number, stride = 1): number[] => {
    const out: number[] = [];
    for (let k = 0; k < count; k++) {
      const at = from + stride * k;
      if (ans.y[at] > 1e-9 || (stride === 2 && ans.y[at + 1] > 1e-9)) out.push(k);
    }
    return out;
  };
  return { kind: 'none', support: { strict: pick(0, ms), weak: pick(ms, mw), equal: pick(ms + mw, equal.length, 2) } };
}

/**
 * The float point rounded to multiples of 2^-k (homogeneous: the direction scaled by 2^k and
 * rounded to integers), coarsest adequate grid first (small denominators keep later exact work
 * cheap), each candidate checked exactly. Rows have max-norm 1 in the float problem, so moving
 * each coordinate by at most h/2 moves a row by at most n h / 2: h <= slack / n is enough.
 */
function roundToCertifiedPoint(sys: AffineSystem, x: Float64Array, slack: number): InteriorAnswer | null {
  const homogeneous = isHomogeneous(sys);
  const first = Math.max(0, Math.ceil(Math.log2(Math.max(sys.n, 1) / slack)) + 1);
  for (const k of [first, first + 8, first + 24]) {
    if (k > 1000) break;
    const scale = 2 ** k;
    const num: bigint[] = [];
    for (const v of x) {
      const s = Math.round(v * scale);
      if (!Number.isFinite(s)) return null;
      num.push(BigInt(s));
    }
    const answer: InteriorAnswer = { ok: true, num, den: homogeneous ? 1n : 2n ** BigInt(k) };
    if (isValidInteriorAnswer(sys, answer)) return reduceDyadic(answer, homogeneous);
  }
  return null;
}

/** num / 2^k in lowest terms (the denominator stays a power of two). */
function reduceDyadic(a: InteriorAnswer & { ok: true }, homogeneous: boolean): InteriorAnswer {
  let { num, den } = a;
  while (den > 1n && num.every((v) => (v & 1n) === 0n)) {
    num = num.map((v) => v >> 1n);
    den >>= 1n;
  }
  if (homogeneous) {
    // A direction of a cone may be divided by any common factor of two as well (a point may not:
    // x = 2 is not x = 1).
    while (num.some((v) => v !== 0n) && num.every((v) => (v & 1n) === 0n)) num = num.map((v) => v >> 1n);
  }
  return { ok: true, num, den };
}

function certifyOnSupport(sys: AffineSystem, support: { strict: number[]; weak: number[]; equal: number[] }): InteriorAnswer | null {
  const weak = sys.weak ?? [];
  const equal = sys.equal ?? [];
  const sub: AffineSystem = {
    n: sys.n,
    strict: support.strict.map((i) => sys.strict[i]),
    weak: support.weak.map((i) => weak[i]),
    equal: support.equal.map((i) => equal[i]),
  };
  if (sub.strict.length + sub.weak!.length + sub.equal!.length === 0) return null;
  const small = interiorPointExact(sub);
  if (small.ok) return null;
  const spread = (idx: number[], vals: bigint[], size: number): bigint[] => {
    const out = new Array<bigint>(size).fill(0n);
    idx.forEach((i, k) => (out[i] = vals[k]));
    return out;
  };
  const answer: InteriorAnswer = {
    ok: false,
    strict: spread(support.strict, small.strict, sys.strict.length),
    weak: spread(support.weak, small.weak, weak.length),
    equal: spread(support.equal, small.equal, equal.length),
  };
  checkInteriorAnswer(sys, answer);
  return answer;
}
