/**
 * Univariate ReLU nets of any depth are CPWL. Their canonical spline is found exactly, layer by
 * layer: every neuron's output is kept as a CPWL function of the input x (sample points plus the
 * two tail slopes). An affine layer combines them on the union of their points; ReLU adds the
 * exact zero crossings (one per sign change between consecutive points, and at most one in each
 * tail) and clips. Nothing is sampled: the points are exactly where some pre-activation changes
 * slope or sign.
 */
import { BudgetExceededError, DimensionError } from '../core/errors.js';
import { Rational } from '../field/rational.js';
import { inputDim, outputDim, type ReluNet } from '../network/relu-net.js';
import { sortedUnique, splineFromPoints, type Spline } from './spline.js';

/** A CPWL function given by points (xs strictly ascending, at least one) and tail slopes. */
export interface PiecewiseLinear {
  readonly xs: readonly Rational[];
  readonly ys: readonly Rational[];
  readonly left: Rational;
  readonly right: Rational;
}

export interface LayeredSplineOptions {
  /** Stop with BudgetExceededError when a neuron's function needs more points than this. Default 1 000 000. */
  maxPoints?: number;
}

/** The canonical spline of a univariate scalar net of any depth, computed layer by layer. */
export function splineByLayers(net: ReluNet<Rational>, options: LayeredSplineOptions = {}): Spline {
  if (inputDim(net) !== 1) throw new DimensionError('splineByLayers', `needs a univariate net (1 input); this one takes ${inputDim(net)}`);
  if (outputDim(net) !== 1) throw new DimensionError('splineByLayers', `needs a net with one output; this one has ${outputDim(net)}`);
  const maxPoints = options.maxPoints ?? 1_000_000;
  let h: PiecewiseLinear[] = [{ xs: [Rational.ZERO], ys: [Rational.ZERO], left: Rational.ONE, right: Rational.ONE }];
  net.layers.forEach((layer, k) => {
    const z = affineLayer(h, layer.W.rows, layer.b);
    const last = k === net.layers.length - 1;
    h = z.map((p, j) => {
      const q = simplify(last ? p : relu(p));
      if (q.xs.length > maxPoints) throw new BudgetExceededError(`splineByLayers: neuron ${j + 1} of layer ${k + 1} has more than ${maxPoints} breakpoints (raise maxPoints)`);
      return q;
    });
  });
  const f = h[0];
  return splineFromPoints(f.xs, f.ys, f.left, f.right);
}

/** Values of p at the ascending points `grid` (a superset of p.xs), walking both lists once. */
export function valuesOnGrid(p: PiecewiseLinear, grid: readonly Rational[]): Rational[] {
  const n = p.xs.length;
  let i = 0; // p.xs[i] is the first point of p at or after the current grid point
  return grid.map((g) => {
    while (i < n && p.xs[i].cmp(g) < 0) i++;
    if (i < n && p.xs[i].eq(g)) return p.ys[i];
    if (i === 0) return p.ys[0].add(p.left.mul(g.sub(p.xs[0])));
    if (i === n) return p.ys[n - 1].add(p.right.mul(g.sub(p.xs[n - 1])));
    const t = g.sub(p.xs[i - 1]).div(p.xs[i].sub(p.xs[i - 1]));
    return p.ys[i - 1].add(t.mul(p.ys[i].sub(p.ys[i - 1])));
  });
}

/** z_j = sum_i W[j][i] h_i + b_j, each on the union of the inputs' points. */
function affineLayer(h: readonly PiecewiseLinear[], W: readonly (readonly Rational[])[], b: readonly Rational[]): PiecewiseLinear[] {
  const grid = sortedUnique(h.flatMap((p) => p.xs));
  const values = h.map((p) => valuesOnGrid(p, grid));
  return W.map((row, j) => {
    let left = Rational.ZERO;
    let right = Rational.ZERO;
    const ys = grid.map(() => b[j]);
    row.forEach((wji, i) => {
      if (wji.isZero()) return;
      left = left.add(wji.mul(h[i].left));
      right = right.add(wji.mul(h[i].right));
      for (let k = 0; k < ys.length; k++) ys[k] = ys[k].add(wji.mul(values[i][k]));
    });
    return { xs: grid, ys, left, right };
  });
}

/** relu(p): the exact zero crossings added, values clipped at 0, tail slopes kept only where p -> +inf. */
export function relu(p: PiecewiseLinear): PiecewiseLinear {
  const xs: Rational[] = [];
  const ys: Rational[] = [];
  const push = (x: Rational, y: Rational): void => {
    xs.push(x);
    ys.push(y.sign() > 0 ? y : Rational.ZERO);
  };
  const n = p.xs.length;
  // Far left p(x) = ys[0] + left (x - xs[0]) crosses 0 before xs[0] iff ys[0] and left have one strict sign.
  if (p.ys[0].sign() * p.left.sign() > 0) push(p.xs[0].sub(p.ys[0].div(p.left)), Rational.ZERO);
  for (let i = 0; i < n; i++) {
    push(p.xs[i], p.ys[i]);
    if (i + 1 < n && p.ys[i].sign() * p.ys[i + 1].sign() < 0) {
      const t = p.ys[i].div(p.ys[i].sub(p.ys[i + 1]));
      push(p.xs[i].add(t.mul(p.xs[i + 1].sub(p.xs[i]))), Rational.ZERO);
    }
  }
  if (p.ys[n - 1].sign() * p.right.sign() < 0) push(p.xs[n - 1].sub(p.ys[n - 1].div(p.right)), Rational.ZERO);
  return { xs, ys, left: p.left.sign() < 0 ? p.left : Rational.ZERO, right: p.right.sign() > 0 ? p.right : Rational.ZERO };
}

/** Drops points where the slope does not change (keeps one point when p is affine). */
function simplify(p: PiecewiseLinear): PiecewiseLinear {
  const n = p.xs.length;
  if (n <= 1) return p;
  const slope = (i: number): Rational => (i === 0 ? p.left : i === n ? p.right : p.ys[i].sub(p.ys[i - 1]).div(p.xs[i].sub(p.xs[i - 1])));
  const keep: number[] = [];
  let before = slope(0);
  for (let i = 0; i < n; i++) {
    const after = slope(i + 1);
    if (!after.eq(before)) keep.push(i);
    before = after;
  }
  if (keep.length === 0) keep.push(0);
  return { xs: keep.map((i) => p.xs[i]), ys: keep.map((i) => p.ys[i]), left: p.left, right: p.right };
}
