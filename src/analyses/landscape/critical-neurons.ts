/**
 * The neurons of a critical point that contribute nothing on the data, given the residual
 * r = f(X) - y of the live part (LITERATURE-A 2.4):
 * - zero delta-slope (mu = 0, active set A nonempty): critical iff sum_A r (x - beta) = 0.
 *   If sum_A r != 0, beta is pinned at sum_A r x / sum_A r (it must lie in the neuron's open
 *   gap), and the (mu, beta) Hessian block [[., rho], [rho, 0]], rho = -s sum_A r != 0, makes
 *   the point a strict saddle. If sum_A r = 0 = sum_A r x, beta is free in its gap: a
 *   one-parameter family (and r stays orthogonal to everything the neuron can add).
 *   On a sample x_k (a Clarke point): sum_{A strict} r (x - x_k) = 0, beta fixed.
 * - dead (A empty: a breakpoint beyond the samples facing away): mu and beta both free.
 * Outside the spline chart (w = 0; the neuron is v relu(b) for every x):
 * - off (b < 0): contributes nothing, v free;
 * - constant (b > 0): v relu(b) is a constant; dsse/dw = 2 v sum r x, dsse/db = 2 v sum r,
 *   dsse/dv = 2 b sum r. It needs sum r = 0 (given by c when there is an output bias); then v is
 *   free when sum r x = 0 (c absorbs v b), else v = 0 and the (w, v) block [[0, 2 sum r x], ...]
 *   makes a strict saddle;
 * - zero (w = b = v = 0): tied at every sample, Clarke-critical whenever the rest is; a local
 *   minimum only if r is orthogonal to every relu(w x + b), i.e. every zero slope is free.
 * Every representative has v = 0 (mu = 0) for these neurons, so f is the live part's.
 */
import { Rational } from '../../field/rational.js';
import type { BreakpointPlace } from '../../spline/cells.js';
import { splineNeuron, type Neuron, type UnivariateData } from './cell-fits.js';

export type Role =
  | { readonly role: 'live'; readonly place: BreakpointPlace; readonly orientation: 1 | -1; readonly muSign: 1 | -1 }
  | { readonly role: 'zero-slope'; readonly place: BreakpointPlace; readonly orientation: 1 | -1; readonly beta: 'pinned' | 'free' }
  | { readonly role: 'dead'; readonly place: BreakpointPlace; readonly orientation: 1 | -1 }
  /** w = 0, b > 0: the constant v relu(b) (a live one, v != 0, only without an output bias). */
  | { readonly role: 'constant'; readonly v: 'zero' | 'free' | 'live' }
  | { readonly role: 'off' }
  | { readonly role: 'zero' };

/** A role for a non-live neuron, the representative's neuron (v = 0), and what it adds to the family. */
export interface Completion {
  readonly role: Role;
  readonly neuron: Neuron;
  /** Free parameters it adds modulo its scaling: 0 pinned or on a sample, 1 free beta (or v), 2 dead. */
  readonly dimension: number;
  /** It makes the point not a local minimum (a zero slope with sum_A r != 0, and the like). */
  readonly breaksMinimum: boolean;
  /** Its pre-activation is 0 at some sample (a Clarke point). */
  readonly tied: boolean;
}

/** Whether a role puts a breakpoint on a sample (or ties everywhere). */
export function isTied(role: Role): boolean {
  return role.role === 'zero' || ('place' in role && role.place.kind === 'at');
}

/** Whether a neuron with this place and orientation is active at the distinct sample j (a breakpoint on x_j is not). */
function activeAtSample(place: BreakpointPlace, s: 1 | -1, j: number): boolean {
  if (place.kind === 'gap') return s > 0 ? j >= place.gap : j < place.gap;
  return s > 0 ? j > place.sample : j < place.sample;
}

/** sum over the points whose sample is active of r and of r x. */
function sums(u: UnivariateData, r: readonly Rational[], place: BreakpointPlace, s: 1 | -1): { sumR: Rational; sumRX: Rational; any: boolean } {
  let sumR = Rational.ZERO;
  let sumRX = Rational.ZERO;
  let any = false;
  u.index.forEach((j, i) => {
    if (!activeAtSample(place, s, j)) return;
    any = true;
    sumR = sumR.add(r[i]);
    sumRX = sumRX.add(r[i].mul(u.xs[j]));
  });
  return { sumR, sumRX, any };
}

/** A point inside gap g (between xs[g-1] and xs[g]; one unit beyond the ends). */
export function pointInGap(xs: readonly Rational[], gap: number): Rational {
  if (gap === 0) return xs[0].sub(Rational.ONE);
  if (gap === xs.length) return xs[xs.length - 1].add(Rational.ONE);
  return xs[gap - 1].add(xs[gap]).div(Rational.of(2));
}

/** Every way a non-live neuron can sit at a critical point with this residual. */
export function completions(u: UnivariateData, r: readonly Rational[], options: { onSamples: boolean }): Completion[] {
  const n = u.xs.length;
  const zero = Rational.ZERO;
  const at = (role: Role, s: 1 | -1, beta: Rational, dimension: number, breaksMinimum: boolean): Completion => ({ role, neuron: splineNeuron(s, beta, zero), dimension, breaksMinimum, tied: isTied(role) });
  const out: Completion[] = [
    at({ role: 'dead', place: { kind: 'gap', gap: 0 }, orientation: -1 }, -1, pointInGap(u.xs, 0), 2, false),
    at({ role: 'dead', place: { kind: 'gap', gap: n }, orientation: 1 }, 1, pointInGap(u.xs, n), 2, false),
    { role: { role: 'off' }, neuron: { w: zero, b: Rational.ONE.neg(), v: zero }, dimension: 1, breaksMinimum: false, tied: false },
  ];
  let allFree = true;
  for (let gap = 0; gap <= n; gap++) {
    for (const s of [1, -1] as const) {
      if ((gap === 0 && s < 0) || (gap === n && s > 0)) continue; // dead, above
      const place: BreakpointPlace = { kind: 'gap', gap };
      const { sumR, sumRX } = sums(u, r, place, s);
      if (!sumR.isZero() || !sumRX.isZero()) allFree = false;
      if (!sumR.isZero()) {
        const beta = sumRX.div(sumR);
        const inside = (gap === 0 || beta.cmp(u.xs[gap - 1]) > 0) && (gap === n || beta.cmp(u.xs[gap]) < 0);
        if (inside) out.push(at({ role: 'zero-slope', place, orientation: s, beta: 'pinned' }, s, beta, 0, true));
      } else if (sumRX.isZero()) {
        out.push(at({ role: 'zero-slope', place, orientation: s, beta: 'free' }, s, pointInGap(u.xs, gap), 1, false));
      }
    }
  }
  const total = r.reduce((acc, v) => acc.add(v), zero);
  const totalX = r.reduce((acc, v, i) => acc.add(v.mul(u.xs[u.index[i]])), zero);
  if (total.isZero()) {
    const free = totalX.isZero();
    out.push({ role: { role: 'constant', v: free ? 'free' : 'zero' }, neuron: { w: zero, b: Rational.ONE, v: zero }, dimension: free ? 1 : 0, breaksMinimum: !free, tied: false });
  }
  if (options.onSamples) {
    for (let k = 0; k < n; k++) {
      for (const s of [1, -1] as const) {
        const place: BreakpointPlace = { kind: 'at', sample: k };
        const { sumR, sumRX } = sums(u, r, place, s);
        if (!sumRX.sub(sumR.mul(u.xs[k])).isZero()) continue;
        // A local minimum needs r orthogonal to what the neuron adds on either side of x_k.
        const atK = u.index.reduce((acc, j, i) => (j === k ? acc.add(r[i]) : acc), zero);
        out.push(at({ role: 'zero-slope', place, orientation: s, beta: 'pinned' }, s, u.xs[k], 0, !sumR.isZero() || !atK.isZero()));
      }
    }
    out.push({ role: { role: 'zero' }, neuron: { w: zero, b: zero, v: zero }, dimension: 0, breaksMinimum: !allFree, tied: true });
  }
  return out;
}
