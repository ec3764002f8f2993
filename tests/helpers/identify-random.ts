/**
 * An independent randomized search for identifiability counterexamples (shares no code with
 * src/analyses/identifiability): random univariate nets of width <= M, whose breakpoints fall in
 * random places (inside a gap between samples and knots of f, on one of them, or beyond), fitted
 * to the samples by exact least squares, then moved along the solution set at random; any exact
 * interpolant computing another function with at most M neurons is a counterexample.
 */
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { Mat } from '../../src/linalg/mat.js';
import { nullspace, solve } from '../../src/linalg/operations.js';
import { SeededRng } from '../../src/core/rng.js';
import { createReluNet, type ReluNet } from '../../src/network/relu-net.js';
import { evaluateWithMathjs } from './nets.js';

export function randomCounterexample(f: ReluNet<Rational>, xs: readonly Rational[], knots: readonly Rational[], width: number, tries: number, seed: number): ReluNet<Rational> | null {
  const rng = new SeededRng(seed);
  const ys = xs.map((x) => evaluateWithMathjs(f, [x])[0]);
  const anchors = [...new Set([...xs, ...knots].map(String))].map((s) => xs.concat(knots).find((x) => String(x) === s)!).sort((a, b) => a.cmp(b));
  if (anchors.length === 0) anchors.push(Rational.ZERO);
  const probe = [anchors[0].sub(Rational.of(3)), ...anchors.flatMap((a, i) => (i + 1 < anchors.length ? [a, a.add(anchors[i + 1]).div(Rational.of(2))] : [a])), anchors[anchors.length - 1].add(Rational.of(3))];
  const randomBreakpoint = (): Rational => {
    const kind = rng.nextInt(0, 3);
    if (kind === 0) return anchors[rng.nextInt(0, anchors.length - 1)];
    if (kind === 1) return (rng.nextInt(0, 1) === 0 ? anchors[0].sub(Rational.of(rng.nextInt(1, 40), 8)) : anchors[anchors.length - 1].add(Rational.of(rng.nextInt(1, 40), 8)));
    const i = rng.nextInt(0, Math.max(0, anchors.length - 2));
    const lo = anchors[i];
    const hi = anchors[Math.min(i + 1, anchors.length - 1)];
    return lo.add(hi.sub(lo).mul(Rational.of(rng.nextInt(1, 99), 100)));
  };
  for (let t = 0; t < tries; t++) {
    const k = rng.nextInt(0, width);
    const ws = Array.from({ length: k }, () => Rational.of(rng.nextInt(0, 1) === 0 ? 1 : -1));
    const bs = ws.map((w) => randomBreakpoint().mul(w).neg());
    // Columns relu(w x + b) and 1: g(x_j) = sum_i v_i relu(w_i x_j + b_i) + c.
    const col = (x: Rational): Rational[] => [...ws.map((w, i) => { const z = w.mul(x).add(bs[i]); return z.sign() > 0 ? z : Rational.ZERO; }), Rational.ONE];
    const D = Mat.fromRows(QQ, xs.map(col), k + 1);
    const s = solve(D, ys);
    if (!s.ok) continue;
    const kernel = xs.length === 0 ? identity(k + 1) : nullspace(D);
    const coeffs = s.x.map((x, i) => kernel.reduce((acc, v) => acc.add(v[i].mul(Rational.of(rng.nextInt(-5, 5), rng.nextInt(1, 4)))), x));
    const g = createReluNet(QQ, [
      { W: (k > 0 ? ws : [Rational.ZERO]).map((w) => [w]), b: k > 0 ? bs : [Rational.ZERO] },
      { W: [k > 0 ? coeffs.slice(0, k) : [Rational.ZERO]], b: [coeffs[k]] },
    ]);
    const differs = probe.some((x) => !evaluateWithMathjs(g, [x])[0].eq(evaluateWithMathjs(f, [x])[0])) || [...ws.keys()].some((i) => { const x = bs[i].neg().div(ws[i]); return !evaluateWithMathjs(g, [x.add(Rational.of(1, 1000))])[0].eq(evaluateWithMathjs(f, [x.add(Rational.of(1, 1000))])[0]); });
    if (differs) return g;
  }
  return null;
}

function identity(n: number): Rational[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO)));
}
