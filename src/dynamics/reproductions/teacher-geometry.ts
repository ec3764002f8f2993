/**
 * The geometry behind Chistikov et al.'s Theorem 8 (LITERATURE-B 5.4) for n = d points:
 * the dual vectors chi_k (chi_k . x_i = [k = i]), the quantity
 *   M = max over nonempty proper K, p in cone{chi_k : k in K}, q in cone{chi_k : k not in K}
 *       of cos angle(p, q) - sin angle(p, v*),
 * and, when M > 0 (and angle(p, v*) <= pi/2), their rank-2 interpolator with ||theta||^2 < 2:
 *   p~ = p / |p| = sum_k b_k chi_k, xi = min(min_{k in K} y_k / b_k, cos angle(p, v*) - sin angle(p, q)),
 *   r = p~ - q~ q~^T p~, (a_1, w_1) = (1, v* - xi p~), (a_2, w_2) = (sqrt(xi |r|), sqrt(xi / |r|) r).
 * Float arithmetic; M is maximised over a grid of each cone (exact for one-dimensional cones,
 * to the grid's resolution otherwise: fine for d <= 4).
 */
import { UsageError } from '../../core/errors.js';
import type { TeacherData } from './teacher.js';

export interface MinRankVersusMinNorm {
  /** The maximised M and where: the index set K and the unit directions p, q. */
  readonly M: number;
  readonly K: number[];
  readonly p: number[];
  readonly q: number[];
  /** The dual vectors chi_k. */
  readonly chi: number[][];
  /** When M > 0: the rank-2 interpolator. */
  readonly rankTwo: {
    readonly xi: number;
    readonly a: [number, number];
    readonly w: [number[], number[]];
    readonly squaredNorm: number;
    /** 2 sum_j |a_j| ||w_j||: the same net with each neuron rebalanced. */
    readonly rebalancedSquaredNorm: number;
    /** max_i |h(x_i) - y_i| of the construction (float). */
    readonly maxResidual: number;
  } | null;
}

const dot = (u: readonly number[], v: readonly number[]): number => u.reduce((acc, x, k) => acc + x * v[k], 0);
const norm = (u: readonly number[]): number => Math.sqrt(dot(u, u));
const unit = (u: readonly number[]): number[] => u.map((x) => x / norm(u));
const angleCos = (u: readonly number[], v: readonly number[]): number => Math.max(-1, Math.min(1, dot(u, v) / (norm(u) * norm(v))));

/** Columns of the inverse of the matrix whose rows are the points: chi_k . x_i = [k = i]. */
function duals(X: readonly (readonly number[])[]): number[][] {
  const d = X.length;
  const A = X.map((row, i) => [...row, ...Array.from({ length: d }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    if (A[piv][c] === 0) throw new UsageError('minRankVersusMinNorm: the points are linearly dependent');
    [A[c], A[piv]] = [A[piv], A[c]];
    const p = A[c][c];
    for (let j = 0; j < 2 * d; j++) A[c][j] /= p;
    for (let r = 0; r < d; r++) {
      if (r === c || A[r][c] === 0) continue;
      const f = A[r][c];
      for (let j = 0; j < 2 * d; j++) A[r][j] -= f * A[c][j];
    }
  }
  // inverse = A[:, d:]; chi_k is its column k
  return Array.from({ length: d }, (_, k) => Array.from({ length: d }, (_, i) => A[i][d + k]));
}

/** Unit directions of a cone spanned by unit generators: a simplex grid of the given resolution. */
function coneDirections(generators: number[][], resolution: number): number[][] {
  const out: number[][] = [];
  const g = generators.length;
  const rec = (k: number, left: number, weights: number[]): void => {
    if (k === g - 1) {
      const w = [...weights, left];
      const v = generators[0].map((_, c) => w.reduce((acc, wi, i) => acc + wi * generators[i][c], 0));
      if (norm(v) > 0) out.push(unit(v));
      return;
    }
    for (let s = 0; s <= left; s++) rec(k + 1, left - s, [...weights, s]);
  };
  rec(0, resolution, []);
  return out;
}

export function minRankVersusMinNorm(data: TeacherData, resolution = 400): MinRankVersusMinNorm {
  const d = data.vStar.length;
  if (data.X.length !== d) throw new UsageError(`minRankVersusMinNorm: needs n = d points, got ${data.X.length} points in dimension ${d}`);
  const chi = duals(data.X);
  const units = chi.map(unit);
  let best = { M: -Infinity, K: [] as number[], p: [] as number[], q: [] as number[] };
  for (let mask = 1; mask < (1 << d) - 1; mask++) {
    const K = units.map((_, k) => k).filter((k) => (mask >> k) & 1);
    const notK = units.map((_, k) => k).filter((k) => !((mask >> k) & 1));
    const ps = coneDirections(K.map((k) => units[k]), K.length === 1 ? 1 : resolution);
    const qs = coneDirections(notK.map((k) => units[k]), notK.length === 1 ? 1 : resolution);
    for (const p of ps) {
      const sinPV = Math.sqrt(1 - angleCos(p, data.vStar) ** 2);
      for (const q of qs) {
        const value = angleCos(p, q) - sinPV;
        if (value > best.M) best = { M: value, K, p, q };
      }
    }
  }
  return { ...best, chi, rankTwo: best.M > 0 ? rankTwoInterpolator(data, best.K, best.p, best.q) : null };
}

function rankTwoInterpolator(data: TeacherData, K: number[], p: number[], q: number[]): NonNullable<MinRankVersusMinNorm['rankTwo']> {
  const v = data.vStar;
  // p~ = p (unit) = sum_k b_k chi_k with b_k = p . x_k
  const b = data.X.map((x) => dot(p, x));
  const cosPV = angleCos(p, v);
  const cosPQ = angleCos(p, q);
  const sinPQ = Math.sqrt(1 - cosPQ * cosPQ);
  const xi = Math.min(...K.map((k) => data.y[k] / b[k]), cosPV - sinPQ);
  const r = p.map((x, c) => x - q[c] * dot(q, p));
  const rn = norm(r);
  const w1 = v.map((x, c) => x - xi * p[c]);
  const a2 = Math.sqrt(xi * rn);
  const w2 = r.map((x) => Math.sqrt(xi / rn) * x);
  const h = (x: readonly number[]): number => Math.max(0, dot(w1, x)) + a2 * Math.max(0, dot(w2, x));
  const maxResidual = Math.max(...data.X.map((x, i) => Math.abs(h(x) - data.y[i])));
  return {
    xi,
    a: [1, a2],
    w: [w1, w2],
    squaredNorm: 1 + dot(w1, w1) + a2 * a2 + dot(w2, w2),
    rebalancedSquaredNorm: 2 * (norm(w1) + a2 * norm(w2)),
    maxResidual,
  };
}
