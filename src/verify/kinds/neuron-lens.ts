/**
 * The spline lens of one neuron (Sahs et al. 2022; LITERATURE-A 2.2), checked from scratch:
 * - `spline-identity`: v relu(w x + b) = mu relu(s (x - beta)) with beta = -b/w, s = sign(w),
 *   mu = v |w| (w != 0). Both sides are affine on (-inf, beta] and on [beta, inf), so agreement at
 *   beta and at one point on each side is agreement everywhere.
 * - `scaling-fibre`: (beta, s, mu) is a complete invariant of the scaling orbit
 *   {(a w, a b, v / a) : a > 0}: within a finite grid of neurons, the ones with the lens of the
 *   instance's neuron are exactly those in its orbit.
 */
import { Rational } from '../../field/rational.js';
import { relu } from '../exact.js';
import type { KindChecker } from '../kind.js';
import { int, list, need, num, nums, obj, type Json } from '../read.js';
import type { Neuron } from '../univariate.js';

interface Lens {
  beta: Rational;
  s: 1 | -1;
  mu: Rational;
}

function neuron(v: Json, path: string): Neuron {
  const o = obj(v, path);
  const n = { w: num(o['w'], `${path}.w`), b: num(o['b'], `${path}.b`), v: num(o['v'], `${path}.v`) };
  need(!n.w.isZero(), `${path}.w`, 'the lens needs w != 0 (a neuron with w = 0 is a constant)');
  return n;
}

function lensOf(n: Neuron): Lens {
  return { beta: n.b.neg().div(n.w), s: n.w.sign() as 1 | -1, mu: n.v.mul(n.w.abs()) };
}

function checkLens(claimed: Json, lens: Lens, path: string): void {
  const o = obj(claimed, path);
  need(num(o['breakpoint'], `${path}.breakpoint`).eq(lens.beta), `${path}.breakpoint`, `should be -b/w = ${lens.beta}`);
  need(num(o['orientation'], `${path}.orientation`).eq(Rational.of(lens.s)), `${path}.orientation`, `should be sign(w) = ${lens.s}`);
  need(num(o['deltaSlope'], `${path}.deltaSlope`).eq(lens.mu), `${path}.deltaSlope`, `should be v |w| = ${lens.mu}`);
}

export const splineIdentity: KindChecker = {
  kind: 'spline-identity',
  check({ instance, claim, witness }) {
    const n = neuron(instance['neuron'], 'instance.neuron');
    const lens = lensOf(n);
    checkLens(claim['lens'], lens, 'claim.lens');
    const points = nums(witness['points'], 'witness.points');
    need(points.some((x) => x.cmp(lens.beta) < 0) && points.some((x) => x.eq(lens.beta)) && points.some((x) => x.cmp(lens.beta) > 0), 'witness.points', 'must hold the breakpoint and a point on each side of it');
    const bad = points.find((x) => !n.v.mul(relu(n.w.mul(x).add(n.b))).eq(lens.mu.mul(relu(Rational.of(lens.s).mul(x.sub(lens.beta))))));
    return { holds: bad === undefined, summary: bad === undefined ? `v relu(w x + b) = ${lens.mu} relu(${lens.s} (x - ${lens.beta})) at the breakpoint and on both sides, so everywhere` : `the two sides differ at x = ${bad}` };
  },
};

export const scalingFibre: KindChecker = {
  kind: 'scaling-fibre',
  check({ instance, claim, witness }) {
    const n = neuron(instance['neuron'], 'instance.neuron');
    const lens = lensOf(n);
    checkLens(claim['lens'], lens, 'claim.lens');
    const grid = list(instance['grid'], 'instance.grid').map((g, j) => neuron(g, `instance.grid[${j}]`));
    const sameLens = grid.map((g) => {
      const l = lensOf(g);
      return l.beta.eq(lens.beta) && l.s === lens.s && l.mu.eq(lens.mu);
    });
    // In the orbit iff a = w'/w > 0 and (b', v') = (a b, v / a).
    const sameOrbit = grid.map((g) => {
      const a = g.w.div(n.w);
      return a.sign() > 0 && g.b.eq(a.mul(n.b)) && g.v.eq(n.v.div(a));
    });
    const fibre = list(claim['fibre'], 'claim.fibre').map((x, k) => int(x, `claim.fibre[${k}]`));
    const expected = sameLens.flatMap((s, j) => (s ? [j] : []));
    need(fibre.length === expected.length && fibre.every((j, k) => j === expected[k]), 'claim.fibre', `should list the grid neurons with the same lens, [${expected.join(', ')}]`);
    const scalings = nums(witness['scalings'], 'witness.scalings', fibre.length);
    fibre.forEach((j, k) => {
      const a = scalings[k];
      need(a.sign() > 0 && grid[j].w.eq(a.mul(n.w)) && grid[j].b.eq(a.mul(n.b)) && grid[j].v.mul(a).eq(n.v), `witness.scalings[${k}]`, `${a} does not map the neuron to grid neuron ${j}`);
    });
    const mismatch = grid.findIndex((_, j) => sameLens[j] !== sameOrbit[j]);
    return {
      holds: mismatch < 0,
      summary: mismatch < 0 ? `of ${grid.length} grid neurons, the ${fibre.length} with lens (${lens.beta}, ${lens.s}, ${lens.mu}) are exactly its scaling orbit` : `grid neuron ${mismatch} has ${sameLens[mismatch] ? 'the same lens but lies outside' : 'another lens but lies inside'} the orbit`,
    };
  },
};
