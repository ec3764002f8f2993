/**
 * An independent functional dimension for univariate deep nets (any depth), sharing no code with
 * src/analyses/functional-dimension or src/arrangement: the breakpoints are found layer by layer
 * on the line (every pre-activation is affine on an interval between the breakpoints found so
 * far), two points are taken inside every piece, the Jacobian is taken by exact difference
 * quotients (on a fixed activation pattern f is affine in each single parameter), evaluated with
 * mathjs Fractions, and its rank by plain Gaussian elimination over mathjs Fractions.
 */
import type { Rational } from '../../src/field/rational.js';
import { flattenParameters, withParameters } from '../../src/network/parameters.js';
import type { ReluNet } from '../../src/network/relu-net.js';
import { evaluateWithMathjs } from './nets.js';
import { fromMathFraction, math, toMathFraction } from './oracle.js';

type F = ReturnType<typeof math.fraction>;
const fr = (n: number | string): F => math.fraction(n as never) as F;
const add = (a: F, b: F): F => math.add(a, b) as F;
const sub = (a: F, b: F): F => math.subtract(a, b) as F;
const mul = (a: F, b: F): F => math.multiply(a, b) as F;
const div = (a: F, b: F): F => math.divide(a, b) as F;
const sgn = (a: F): number => Number(math.sign(a));

/** Pre-activations of every hidden neuron at x, as mathjs Fractions, layer by layer. */
function preActs(net: ReluNet<Rational>, x: F): F[][] {
  let h = [x];
  const out: F[][] = [];
  net.layers.slice(0, -1).forEach((layer) => {
    const z = layer.W.rows.map((row, i) => row.reduce((acc, w, j) => add(acc, mul(toMathFraction(w) as F, h[j])), toMathFraction(layer.b[i]) as F));
    out.push(z);
    h = z.map((v) => (sgn(v) > 0 ? v : fr(0)));
  });
  return out;
}

/** Sorted breakpoints of a univariate net: zeros of pre-activations, each affine between earlier breakpoints. */
export function univariateBreakpoints(net: ReluNet<Rational>): F[] {
  let cuts: F[] = [];
  for (let layer = 0; layer < net.layers.length - 1; layer++) {
    const found: F[] = [];
    // On each piece between current cuts, layer `layer`'s pre-activations are affine: two points fix them.
    const probes = piecesProbes(cuts);
    for (const [p, q] of probes) {
      const zp = preActs(net, p)[layer];
      const zq = preActs(net, q)[layer];
      zp.forEach((a, i) => {
        const slope = div(sub(zq[i], a), sub(q, p));
        if (sgn(slope) === 0) return;
        const root = sub(p, div(a, slope));
        if (inside(root, cuts, p)) found.push(root);
      });
    }
    cuts = dedupeSorted([...cuts, ...found]);
  }
  return cuts;
}

/** Two distinct points inside each open piece of the line cut at `cuts`. */
function piecesProbes(cuts: readonly F[]): [F, F][] {
  if (cuts.length === 0) return [[fr(0), fr(1)]];
  const out: [F, F][] = [[sub(cuts[0], fr(2)), sub(cuts[0], fr(1))]];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const w = sub(cuts[k + 1], cuts[k]);
    out.push([add(cuts[k], div(w, fr(3))), add(cuts[k], div(mul(w, fr(2)), fr(3)))]);
  }
  const last = cuts[cuts.length - 1];
  out.push([add(last, fr(1)), add(last, fr(2))]);
  return out;
}

/** Whether `root` lies in the open piece of the line (cut at `cuts`) that contains p. */
function inside(root: F, cuts: readonly F[], p: F): boolean {
  const lo = [...cuts].reverse().find((c) => sgn(sub(c, p)) < 0);
  const hi = cuts.find((c) => sgn(sub(c, p)) > 0);
  return (lo === undefined || sgn(sub(root, lo)) > 0) && (hi === undefined || sgn(sub(hi, root)) > 0);
}

function dedupeSorted(xs: F[]): F[] {
  const sorted = [...xs].sort((a, b) => sgn(sub(a, b)));
  return sorted.filter((x, i) => i === 0 || sgn(sub(x, sorted[i - 1])) !== 0);
}

/** Rank of a matrix of mathjs Fractions by Gaussian elimination. */
export function rankOfFractions(rows: F[][]): number {
  const a = rows.map((r) => r.slice());
  let rank = 0;
  const cols = a[0]?.length ?? 0;
  for (let c = 0; c < cols && rank < a.length; c++) {
    const piv = a.findIndex((r, i) => i >= rank && sgn(r[c]) !== 0);
    if (piv < 0) continue;
    [a[rank], a[piv]] = [a[piv], a[rank]];
    for (let i = 0; i < a.length; i++) {
      if (i === rank || sgn(a[i][c]) === 0) continue;
      const f = div(a[i][c], a[rank][c]);
      a[i] = a[i].map((x, j) => sub(x, mul(f, a[rank][j])));
    }
    rank++;
  }
  return rank;
}

/**
 * The functional dimension of a univariate net by brute force: two points in every piece where no
 * pre-activation is 0 (pieces where one vanishes identically are skipped), exact difference
 * quotients with a step small enough to keep every pattern, rank over mathjs Fractions.
 */
export function bruteFunctionalDimension1d(net: ReluNet<Rational>): number {
  const cuts = univariateBreakpoints(net);
  const pts = piecesProbes(cuts).flat().filter((x) => preActs(net, x).every((layer) => layer.every((z) => sgn(z) !== 0)));
  const theta = flattenParameters(net);
  // The smallest |pre-activation| over the points bounds how far a parameter can move (scaled by the point size).
  const rows: F[][] = pts.map(() => []);
  theta.forEach((_, t) => {
    let h = fr('1/1000000');
    // Shrink h until no pattern changes at any point (f is affine in theta_t on a fixed pattern).
    for (;;) {
      const moved = withParameters(net, theta.map((v, s) => (s === t ? v.add(fromMathFraction(h)) : v)));
      const same = pts.every((x) => preActs(net, x).every((layer, l) => layer.every((z, i) => sgn(z) === sgn(preActs(moved, x)[l][i]))));
      if (same) {
        pts.forEach((x, k) => rows[k].push(div(sub(toMathFraction(evaluateWithMathjs(moved, [fromMathFraction(x)])[0]) as F, toMathFraction(evaluateWithMathjs(net, [fromMathFraction(x)])[0]) as F), h)));
        return;
      }
      h = div(h, fr(1000));
    }
  });
  return rows.length === 0 ? 0 : rankOfFractions(rows);
}
