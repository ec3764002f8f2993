/** An exact oracle for the ReLU kernel-regime interpolant: the classical algorithm, written here (only the Rational arithmetic comes from src/). */
import { Rational } from '../../src/field/rational.js';

/** The natural cubic spline through sorted (x, y), exactly: second derivatives M by the tridiagonal system (M_0 = M_n = 0). */
export function naturalCubicSpline(x: Rational[], y: Rational[]): { at(t: Rational): Rational; curvature: Rational } {
  const n = x.length - 1;
  const h = Array.from({ length: n }, (_, i) => x[i + 1].sub(x[i]));
  const slope = (i: number): Rational => y[i + 1].sub(y[i]).div(h[i]);
  const M: Rational[] = Array.from({ length: n + 1 }, () => Rational.ZERO);
  // Thomas algorithm on rows i = 1..n-1: h_{i-1} M_{i-1} + 2 (h_{i-1} + h_i) M_i + h_i M_{i+1} = 6 (slope_i - slope_{i-1})
  const c: Rational[] = [];
  const d: Rational[] = [];
  for (let i = 1; i < n; i++) {
    const a = h[i - 1];
    const b = Rational.of(2).mul(h[i - 1].add(h[i]));
    const rhs = Rational.of(6).mul(slope(i).sub(slope(i - 1)));
    const denom = i === 1 ? b : b.sub(a.mul(c[i - 2]));
    c.push(h[i].div(denom));
    d.push(i === 1 ? rhs.div(denom) : rhs.sub(a.mul(d[i - 2])).div(denom));
  }
  for (let i = n - 1; i >= 1; i--) M[i] = i === n - 1 ? d[i - 1] : d[i - 1].sub(c[i - 1].mul(M[i + 1]));
  const six = Rational.of(6);
  const at = (t: Rational): Rational => {
    if (t.cmp(x[0]) < 0) return y[0].add(slope(0).sub(h[0].mul(M[1]).div(six)).mul(t.sub(x[0])));
    if (t.cmp(x[n]) > 0) return y[n].add(slope(n - 1).add(h[n - 1].mul(M[n - 1]).div(six)).mul(t.sub(x[n])));
    let i = 0;
    while (i < n - 1 && t.cmp(x[i + 1]) > 0) i++;
    const A = x[i + 1].sub(t);
    const B = t.sub(x[i]);
    return M[i].mul(A.mul(A).mul(A)).add(M[i + 1].mul(B.mul(B).mul(B))).div(six.mul(h[i])).add(y[i].div(h[i]).sub(M[i].mul(h[i]).div(six)).mul(A)).add(y[i + 1].div(h[i]).sub(M[i + 1].mul(h[i]).div(six)).mul(B));
  };
  const curvature = h.reduce((s, hi, i) => s.add(hi.mul(M[i].mul(M[i]).add(M[i].mul(M[i + 1])).add(M[i + 1].mul(M[i + 1]))).div(Rational.of(3))), Rational.ZERO);
  return { at, curvature };
}
