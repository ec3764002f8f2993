/**
 * The least width of a shallow net with output bias (V1) in any input dimension, by exhaustive
 * search, independent of src/analyses/irreducibility (no kink coefficients, no subset rules).
 *
 * Why the search space suffices: in a minimal net g computing f, a w = 0 neuron is a constant (the
 * output bias absorbs it); neurons on one hyperplane facing one way merge, so each hyperplane
 * carries at most relu(z_H) and relu(-z_H); a hyperplane that is no kink of f carries kinks
 * summing to 0, i.e. an affine function, on >= 2 neurons, and all of those together can be one
 * "affine pair" relu(l) - relu(-l) = l. f's kinks lie on the net's hyperplanes. So g uses the
 * columns relu(+-z_H) for the net's hyperplanes H, at most one affine pair (cost 2, the columns
 * x_1..x_d) and the constant. Each set is tried, cheapest first, by an exact linear solve on
 * seeded random points: no solution there means f is outside the span for certain. A solution
 * agrees with f on those points only (two functions can differ on a strip no point hits), so it
 * counts only once exact function equality confirms it (sameFunctionShallow: equal kink data,
 * the decomposition lemma; compareNetFunctions over linear regions is slower and says the same,
 * and src/verify re-checks the equality of the certificate's net on its own).
 */
import { createReluNet, evaluateScalar, Mat, QQ, Rational, sameFunctionShallow, SeededRng, solve, type ReluNet } from 'relu-exact';
import { subsetsOf } from './combinatorics.js';

interface Column {
  readonly cost: number;
  /** relu(s z_H): normal s w~, offset s b~; or the affine pair (null). */
  readonly neuron: { w: Rational[]; b: Rational } | null;
}

const relu = (x: Rational): Rational => (x.sign() > 0 ? x : Rational.ZERO);
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, x, i) => s.add(x.mul(b[i])), Rational.ZERO);

function columnsOf(net: ReluNet<Rational>): Column[] {
  const seen = new Set<string>();
  const out: Column[] = [];
  if (net.layers.length === 1) return [{ cost: 2, neuron: null }];
  net.layers[0].W.rows.forEach((w, j) => {
    const lead = w.find((x) => !x.isZero());
    if (lead === undefined) return;
    const normal = w.map((x) => x.div(lead));
    const offset = net.layers[0].b[j].div(lead);
    const key = [...normal, offset].join(',');
    if (seen.has(key)) return;
    seen.add(key);
    for (const s of [Rational.ONE, Rational.ONE.neg()]) out.push({ cost: 1, neuron: { w: normal.map((x) => x.mul(s)), b: offset.mul(s) } });
  });
  return [...out, { cost: 2, neuron: null }];
}

/** Sets of columns of total cost `cost`. */
function setsOfCost(columns: readonly Column[], cost: number): Column[][] {
  const single = columns.filter((c) => c.neuron !== null);
  const pair = columns.filter((c) => c.neuron === null);
  return [...subsetsOf(single, cost), ...(cost >= 2 ? subsetsOf(single, cost - 2).map((s) => [...s, ...pair]) : [])];
}

export function bruteForceMinimalWidthShallow(net: ReluNet<Rational>, seed = 1): { width: number; net: ReluNet<Rational> } {
  const d = net.layers[0].W.ncols;
  const width = net.layers.length === 1 ? 0 : net.layers[0].W.nrows;
  const columns = columnsOf(net);
  const rng = new SeededRng(seed);
  const points = Array.from({ length: columns.length + 2 * d + 4 }, () => Array.from({ length: d }, () => Rational.of(rng.nextInt(-12, 12), rng.nextInt(1, 3))));
  const target = points.map((p) => evaluateScalar(net, p));
  for (let cost = 0; cost < width; cost++) {
    for (const set of setsOfCost(columns, cost)) {
      const rows = points.map((p) => [...set.flatMap((c) => (c.neuron === null ? p : [relu(dot(c.neuron.w, p).add(c.neuron.b))])), Rational.ONE]);
      const n = rows[0].length;
      const r = solve(Mat.fromRows(QQ, rows, n), target);
      if (!r.ok) continue;
      const found = netOfColumns(set, r.x, d);
      if (sameFunctionShallow(found, net)) return { width: cost, net: found };
    }
  }
  return { width, net };
}

/** The net sum_k x_k relu(column k) + c (the affine pair with linear part l: relu(l . x) - relu(-l . x)). */
function netOfColumns(set: readonly Column[], x: readonly Rational[], d: number): ReluNet<Rational> {
  const c = x[x.length - 1];
  const W: Rational[][] = [];
  const b: Rational[] = [];
  const v: Rational[] = [];
  let at = 0;
  for (const col of set) {
    if (col.neuron !== null) {
      W.push(col.neuron.w);
      b.push(col.neuron.b);
      v.push(x[at++]);
    } else {
      const l = x.slice(at, at + d);
      at += d;
      W.push(l, l.map((y) => y.neg()));
      b.push(Rational.ZERO, Rational.ZERO);
      v.push(Rational.ONE, Rational.ONE.neg());
    }
  }
  if (W.length === 0) return createReluNet(QQ, [{ W: [new Array<Rational>(d).fill(Rational.ZERO)], b: [c] }]);
  return createReluNet(QQ, [{ W, b }, { W: [v], b: [c] }]);
}
