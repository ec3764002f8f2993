/**
 * Linear regions of a ReLU network in input space: the top-dimensional cells of its polyhedral
 * complex, inside an open box or in all of R^d, each with its activation pattern, an exact
 * interior point, the affine map of the output on it and its inequalities.
 *
 * Layer by layer splitting (MATH.md, "Functional dimension", step 1): a region is a list of strict
 * affine inequalities with a point strictly inside, and on it every pre-activation of the next
 * neuron is an affine function z(x) of the input. If z is constant it does not split the region
 * (sign of the constant; 0 when z vanishes on the whole region, where the neuron is dead either
 * way). Otherwise the side of z that holds the point is a child with no LP, and the other side is
 * a child iff an exact LP finds a point strictly inside it (a point on {z = 0} gives both sides by
 * a small exact step). Depth first, so memory is O(neurons x inputs), not O(regions).
 * Two points with one activation pattern lie in one convex region, so patterns name regions.
 */
import { DimensionError } from '../core/errors.js';
import type { Sign } from '../core/sign.js';
import { Rational } from '../field/rational.js';
import { primitiveRow } from '../lp/integer-rows.js';
import { interiorPoint, type LpOptions } from '../lp/interior.js';
import { inputDim, type ReluNet } from '../network/relu-net.js';
import { Budget, type BudgetOptions } from './budget.js';

/** The open box lower < x < upper (per coordinate). */
export interface Box {
  readonly lower: readonly Rational[];
  readonly upper: readonly Rational[];
}

export interface RegionOptions extends BudgetOptions {
  /** Restrict to an open box; default all of R^d. */
  box?: Box;
  lp?: LpOptions;
}

/** a . x + b, as [a_1, ..., a_d, b]. */
export type AffineForm = readonly Rational[];

export interface LinearRegion {
  /** Per hidden layer, the sign of each neuron's pre-activation on the region (0: identically zero there). */
  readonly pattern: Sign[][];
  /** A point where every inequality holds strictly. */
  readonly interiorPoint: Rational[];
  /** The output on the region: f(x) = A x + c (A is outputs x inputs). */
  readonly affine: { readonly A: Rational[][]; readonly c: Rational[] };
  /** The region is {x : form(x) > 0 for every form}: one per hidden neuron of nonzero sign, then the box's faces. */
  readonly inequalities: AffineForm[];
}

export function* iterRegions(net: ReluNet<Rational>, options: RegionOptions = {}): Generator<LinearRegion> {
  const d = inputDim(net);
  const budget = new Budget(options, 'iterRegions', 'regions');
  const box = options.box !== undefined ? boxForms(options.box, d) : [];
  const start = options.box !== undefined ? options.box.lower.map((lo, i) => lo.add(options.box!.upper[i]).div(Rational.of(2))) : new Array<Rational>(d).fill(Rational.ZERO);
  const hidden = net.layers.slice(0, -1);
  const last = net.layers[net.layers.length - 1];
  const identity: AffineForm[] = Array.from({ length: d }, (_, i) => unit(d, i));
  const inequalities: AffineForm[] = [];
  const pattern: Sign[][] = [];

  function* layer(k: number, H: AffineForm[], p: Rational[]): Generator<LinearRegion> {
    if (k === hidden.length) {
      budget.found();
      const out = last.W.rows.map((w, i) => combine(w, H, last.b[i], d));
      yield {
        pattern: pattern.map((s) => s.slice()),
        interiorPoint: p,
        affine: { A: out.map((f) => f.slice(0, d)), c: out.map((f) => f[d]) },
        inequalities: [...inequalities, ...box],
      };
      return;
    }
    const { W, b } = hidden[k];
    const Z = W.rows.map((w, j) => combine(w, H, b[j], d));
    const signs: Sign[] = new Array<Sign>(Z.length).fill(0);
    pattern.push(signs);
    yield* neuron(k, Z, signs, 0, p);
    pattern.pop();
  }

  function* neuron(k: number, Z: AffineForm[], signs: Sign[], j: number, p: Rational[]): Generator<LinearRegion> {
    budget.check();
    if (j === Z.length) {
      yield* layer(
        k + 1,
        Z.map((z, i) => (signs[i] > 0 ? z : zeroForm(d))),
        p,
      );
      return;
    }
    const z = Z[j];
    if (z.slice(0, d).every((a) => a.isZero())) {
      signs[j] = z[d].sign();
      yield* neuron(k, Z, signs, j + 1, p);
      return;
    }
    const s = evaluate(z, p).sign();
    const sides: Sign[] = s === 0 ? [1, -1] : [s, s === 1 ? -1 : 1];
    for (const side of sides) {
      const form = side > 0 ? z : z.map((x) => x.neg());
      const q = s === 0 ? stepOff(form, p, [...inequalities, ...box], d) : side === s ? p : pointInside([...inequalities, ...box, form], d, options.lp);
      if (q === null) continue;
      signs[j] = side;
      inequalities.push(form);
      yield* neuron(k, Z, signs, j + 1, q);
      inequalities.pop();
    }
  }

  if (options.box !== undefined && pointInside(box, d, options.lp) === null) return;
  yield* layer(0, identity, start);
}

export function listRegions(net: ReluNet<Rational>, options: RegionOptions = {}): LinearRegion[] {
  return [...iterRegions(net, options)];
}

export function countRegions(net: ReluNet<Rational>, options: RegionOptions = {}): number {
  let n = 0;
  for (const _ of iterRegions(net, options)) n++;
  return n;
}

/** sum_i w_i H_i + b, as an affine form. */
function combine(w: readonly Rational[], H: readonly AffineForm[], b: Rational, d: number): Rational[] {
  const out = new Array<Rational>(d + 1).fill(Rational.ZERO);
  out[d] = b;
  w.forEach((wi, i) => {
    if (wi.isZero()) return;
    const h = H[i];
    for (let t = 0; t <= d; t++) if (!h[t].isZero()) out[t] = out[t].add(wi.mul(h[t]));
  });
  return out;
}

function evaluate(f: AffineForm, x: readonly Rational[]): Rational {
  const d = x.length;
  let s = f[d];
  for (let i = 0; i < d; i++) if (!f[i].isZero()) s = s.add(f[i].mul(x[i]));
  return s;
}

/** A point strictly inside {form > 0 for all forms}, or null. */
function pointInside(forms: readonly AffineForm[], d: number, lp?: LpOptions): Rational[] | null {
  const answer = interiorPoint({ n: d, strict: forms.map((f) => primitiveRow(f)) }, lp);
  return answer.ok ? answer.num.map((x) => Rational.of(x, answer.den)) : null;
}

/** p + t grad(form) with t > 0 small enough to keep every other form positive (p lies on {form = 0}). */
function stepOff(form: AffineForm, p: readonly Rational[], others: readonly AffineForm[], d: number): Rational[] {
  const g = form.slice(0, d);
  let t = Rational.ONE;
  for (const f of others) {
    const slope = g.reduce((s, gi, i) => s.add(gi.mul(f[i])), Rational.ZERO);
    if (slope.sign() >= 0) continue;
    const limit = evaluate(f, p).div(slope.neg()).div(Rational.of(2));
    if (limit.cmp(t) < 0) t = limit;
  }
  return p.map((x, i) => x.add(t.mul(g[i])));
}

function boxForms(box: Box, d: number): AffineForm[] {
  if (box.lower.length !== d || box.upper.length !== d) throw new DimensionError('iterRegions', `the box has ${box.lower.length} lower and ${box.upper.length} upper bounds but the net takes ${d} inputs`);
  const forms: AffineForm[] = [];
  for (let i = 0; i < d; i++) {
    if (box.lower[i].cmp(box.upper[i]) >= 0) throw new DimensionError('iterRegions', `box coordinate ${i}: lower ${box.lower[i]} must be below upper ${box.upper[i]}`);
    forms.push([...unit(d, i).slice(0, d), box.lower[i].neg()]); // x_i - lo > 0
    forms.push([...unit(d, i).slice(0, d).map((x) => x.neg()), box.upper[i]]); // hi - x_i > 0
  }
  return forms;
}

function unit(d: number, i: number): Rational[] {
  return Array.from({ length: d + 1 }, (_, t) => (t === i ? Rational.ONE : Rational.ZERO));
}

function zeroForm(d: number): Rational[] {
  return new Array<Rational>(d + 1).fill(Rational.ZERO);
}
