/**
 * Independent oracles for the loss landscape, sharing no code with src/analyses/landscape:
 * sse by plain evaluation, and its gradient and Hessian by EXACT finite differences.
 *
 * On a fixed activation pattern f(x_i) is affine in each single parameter and in each pair of
 * parameters of one layer, and bilinear in a pair from two layers; so sse is a polynomial of
 * degree <= 2 in each coordinate separately. Then, exactly,
 *   dL/dt = (L(h) - L(-h)) / 2h,  d2L/dt2 = (L(h) - 2 L(0) + L(-h)) / h^2,
 *   d2L/dt du = (L(h,k) - L(h,-k) - L(-h,k) + L(-h,-k)) / 4hk   (only the t u term is odd in both),
 * provided the step keeps every pre-activation's sign (checked at every perturbed point).
 */
import { Rational } from '../../src/field/rational.js';
import { activationPattern, evaluateScalar } from '../../src/network/evaluate.js';
import { flattenParameters, withParameters } from '../../src/network/parameters.js';
import type { ReluNet } from '../../src/network/relu-net.js';

export function sseOf(net: ReluNet<Rational>, X: readonly (readonly Rational[])[], y: readonly Rational[]): Rational {
  return X.reduce((acc, x, i) => {
    const r = evaluateScalar(net, x).sub(y[i]);
    return acc.add(r.mul(r));
  }, Rational.ZERO);
}

const patternKey = (net: ReluNet<Rational>, X: readonly (readonly Rational[])[]): string => X.map((x) => activationPattern(net, x).flat().join(',')).join(';');

/** Gradient and Hessian of sse by exact finite differences, or null when no step up to 2^-40 keeps the pattern. */
export function exactDifferences(net: ReluNet<Rational>, X: readonly (readonly Rational[])[], y: readonly Rational[]): { gradient: Rational[]; hessian: Rational[][] } | null {
  const theta = flattenParameters(net);
  const P = theta.length;
  const base = patternKey(net, X);
  if (base.includes('0')) return null;
  const at = (moves: [number, Rational][]): { L: Rational; same: boolean } => {
    const t = theta.slice();
    for (const [a, dv] of moves) t[a] = t[a].add(dv);
    const moved = withParameters(net, t);
    return { L: sseOf(moved, X, y), same: patternKey(moved, X) === base };
  };
  for (let e = 6; e <= 40; e += 6) {
    const h = Rational.of(1n, 1n << BigInt(e));
    const mh = h.neg();
    let ok = true;
    const L0 = sseOf(net, X, y);
    const gradient: Rational[] = [];
    const hessian: Rational[][] = Array.from({ length: P }, () => new Array<Rational>(P).fill(Rational.ZERO));
    for (let a = 0; a < P && ok; a++) {
      const p = at([[a, h]]);
      const m = at([[a, mh]]);
      ok = p.same && m.same;
      gradient.push(p.L.sub(m.L).div(h.add(h)));
      hessian[a][a] = p.L.sub(L0.add(L0)).add(m.L).div(h.mul(h));
      for (let b = 0; b < a && ok; b++) {
        const pp = at([[a, h], [b, h]]);
        const pm = at([[a, h], [b, mh]]);
        const mp = at([[a, mh], [b, h]]);
        const mm = at([[a, mh], [b, mh]]);
        ok = pp.same && pm.same && mp.same && mm.same;
        const v = pp.L.sub(pm.L).sub(mp.L).add(mm.L).div(h.mul(h).mul(Rational.of(4)));
        hessian[a][b] = v;
        hessian[b][a] = v;
      }
    }
    if (ok) return { gradient, hessian };
  }
  return null;
}

/**
 * One-sided partial derivative of sse along sign * e_p by Richardson extrapolation of two exact
 * difference quotients: on a ray where the pattern is fixed L is quadratic in t, so
 * 2 Q(h/2) - Q(h) = L'(0+) exactly.
 */
export function oneSidedDifference(net: ReluNet<Rational>, X: readonly (readonly Rational[])[], y: readonly Rational[], p: number, sign: 1 | -1): Rational {
  const theta = flattenParameters(net);
  const L0 = sseOf(net, X, y);
  const h = Rational.of(sign, 1n << 40n);
  const half = h.div(Rational.of(2));
  const Q = (t: Rational): Rational => {
    const th = theta.slice();
    th[p] = th[p].add(t);
    return sseOf(withParameters(net, th), X, y).sub(L0).div(t.abs());
  };
  return Q(half).mul(Rational.of(2)).sub(Q(h));
}
