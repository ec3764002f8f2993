/**
 * Exact equality of the functions of two ReLU nets with the same input and output dimensions.
 * Univariate nets with one output compare canonical splines (src/spline). Otherwise the
 * difference a - b is itself a ReLU net (`differenceNet`), and a and b compute one function iff
 * its affine map vanishes on every linear region of R^d (src/arrangement/regions lists them all,
 * with exact interior points): the regions' closures cover R^d and the functions are continuous.
 * When they differ, a point where they differ is returned, with both values.
 */
import { DimensionError } from '../../core/errors.js';
import { QQ } from '../../field/qq.js';
import { Rational } from '../../field/rational.js';
import { iterRegions, type AffineForm, type RegionOptions } from '../../arrangement/regions.js';
import { evaluate } from '../../network/evaluate.js';
import { createReluNet, inputDim, outputDim, type LayerInput, type ReluNet } from '../../network/relu-net.js';
import { splineDifference, toSpline } from '../../spline/to-spline.js';

export type FunctionComparison =
  | { readonly same: true; readonly method: 'spline' | 'regions'; readonly regions: number | null }
  | { readonly same: false; readonly method: 'spline' | 'regions'; readonly point: Rational[]; readonly valueA: Rational[]; readonly valueB: Rational[] };

export type CompareOptions = Pick<RegionOptions, 'maxCount' | 'maxSeconds' | 'lp'>;

/** Whether a and b compute exactly the same function, and if not, a point where they differ. */
export function compareNetFunctions(a: ReluNet<Rational>, b: ReluNet<Rational>, options: CompareOptions = {}): FunctionComparison {
  checkShapes(a, b, 'compareNetFunctions');
  if (inputDim(a) === 1 && outputDim(a) === 1) {
    const diff = splineDifference(toSpline(a), toSpline(b));
    if (diff === null) return { same: true, method: 'spline', regions: null };
    return { same: false, method: 'spline', point: [diff.x], valueA: [diff.a], valueB: [diff.b] };
  }
  let regions = 0;
  for (const region of iterRegions(differenceNet(a, b), options)) {
    regions++;
    const { A, c } = region.affine;
    const row = A.findIndex((r, i) => !c[i].isZero() || r.some((x) => !x.isZero()));
    if (row < 0) continue;
    const point = pointWhereNonzero(A[row], c[row], region.interiorPoint, region.inequalities);
    return { same: false, method: 'regions', point, valueA: evaluate(a, point), valueB: evaluate(b, point) };
  }
  return { same: true, method: 'regions', regions };
}

function checkShapes(a: ReluNet<Rational>, b: ReluNet<Rational>, fn: string): void {
  if (!a.domain.exact || !b.domain.exact) throw new DimensionError(fn, 'needs exact (rational) nets');
  if (inputDim(a) !== inputDim(b)) throw new DimensionError(fn, `the nets take ${inputDim(a)} and ${inputDim(b)} inputs`);
  if (outputDim(a) !== outputDim(b)) throw new DimensionError(fn, `the nets have ${outputDim(a)} and ${outputDim(b)} outputs`);
}

/**
 * A net computing a(x) - b(x): the hidden layers side by side (block-diagonal weights), the
 * output weights of b negated. The shallower net is first deepened by identity layers after its
 * last hidden layer (relu(h) = h for h >= 0), and a net without hidden layer (affine) by the
 * layer [I; -I] (x = relu(x) - relu(-x)).
 */
export function differenceNet(a: ReluNet<Rational>, b: ReluNet<Rational>): ReluNet<Rational> {
  checkShapes(a, b, 'differenceNet');
  const depth = Math.max(a.layers.length, b.layers.length, 2);
  const A = deepened(a, depth);
  const B = deepened(b, depth);
  const layers: LayerInput<Rational>[] = A.map((la, k) => {
    const lb = B[k];
    if (k === depth - 1) return { W: la.W.map((r, i) => [...r, ...lb.W[i].map((x) => x.neg())]), b: la.b.map((x, i) => x.sub(lb.b[i])) };
    if (k === 0) return { W: [...la.W, ...lb.W], b: [...la.b, ...lb.b] };
    const za = la.W[0].length;
    const zb = lb.W[0].length;
    return { W: [...la.W.map((r) => [...r, ...zeros(zb)]), ...lb.W.map((r) => [...zeros(za), ...r])], b: [...la.b, ...lb.b] };
  });
  return createReluNet(QQ, layers);
}

type PlainLayer = { W: Rational[][]; b: Rational[] };

function deepened(net: ReluNet<Rational>, depth: number): PlainLayer[] {
  let layers: PlainLayer[] = net.layers.map((l) => ({ W: l.W.rows.map((r) => r.slice()), b: l.b.slice() }));
  if (layers.length === 1) {
    const d = inputDim(net);
    const I = identity(d);
    layers = [
      { W: [...I, ...I.map((r) => r.map((x) => x.neg()))], b: zeros(2 * d) },
      { W: layers[0].W.map((r) => [...r, ...r.map((x) => x.neg())]), b: layers[0].b },
    ];
  }
  while (layers.length < depth) {
    const width = layers[layers.length - 2].W.length;
    layers.splice(layers.length - 1, 0, { W: identity(width), b: zeros(width) });
  }
  return layers;
}

function identity(n: number): Rational[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO)));
}

function zeros(n: number): Rational[] {
  return new Array<Rational>(n).fill(Rational.ZERO);
}

/** A point of the region where g . x + c != 0: the interior point, or a step from it along g. */
function pointWhereNonzero(g: readonly Rational[], c: Rational, p: Rational[], inequalities: readonly AffineForm[]): Rational[] {
  const value = (x: readonly Rational[]): Rational => g.reduce((s, gi, i) => s.add(gi.mul(x[i])), c);
  if (!value(p).isZero()) return p;
  // g != 0 here; moving along g raises the value by t |g|^2 > 0. Stay inside every inequality.
  const d = p.length;
  let t = Rational.ONE;
  for (const f of inequalities) {
    const slope = g.reduce((s, gi, i) => s.add(gi.mul(f[i])), Rational.ZERO);
    if (slope.sign() >= 0) continue;
    const at = f.slice(0, d).reduce((s, fi, i) => s.add(fi.mul(p[i])), f[d]);
    const limit = at.div(slope.neg()).div(Rational.of(2));
    if (limit.cmp(t) < 0) t = limit;
  }
  return p.map((x, i) => x.add(t.mul(g[i])));
}
