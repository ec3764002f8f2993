/**
 * The scaling quotient (Sahs et al. 2022; LITERATURE-A 2.2): the spline coordinates are the
 * quotient of a neuron's parameters by positive rescaling.
 *
 * Hypotheses: neurons (w, b, v) with w != 0.
 * Claim: (w', b', v') has the lens (beta, s, mu) of (w, b, v) iff (w', b', v') = (a w, a b, v / a)
 * for some a > 0: the fibre of the lens is exactly the scaling orbit.
 *
 * Check: for every neuron of the grid of `spline-identity`, its fibre within the whole grid
 * (the grid neurons with the same lens, by the toolkit's splineLens) is compared with its orbit
 * (the toolkit's scalingRepresentative); the certificate lists the fibre with each scale a, and
 * the verifier re-derives both sides for every grid neuron.
 */
import { scalingRepresentative, splineLens, type Rational } from 'relu-exact';
import { defineTheorem, makeCertificate } from 'relu-exact/arbitraries';
import fc from 'fast-check';
import { neuronArbitrary, neuronGrid, shallowNet, type Neuron } from './lib/univariate.js';

interface Instance {
  readonly neuron: Neuron;
  readonly grid: readonly Neuron[];
}

// Each grid neuron's lens and orbit representative, computed once per neuron object.
const cache = new WeakMap<Neuron, { lens: ReturnType<typeof splineLens>['neurons'][number]; rep: ReturnType<typeof scalingRepresentative> }>();
function toolkitView(n: Neuron) {
  let v = cache.get(n);
  if (v === undefined) {
    v = { lens: splineLens(shallowNet([n])).neurons[0], rep: scalingRepresentative(n.w, n.b, n.v) };
    cache.set(n, v);
  }
  return v;
}

export const scalingQuotientTheorem = defineTheorem<Instance>({
  name: 'scaling-quotient',
  title: 'The lens (beta, s, mu) of a neuron is a complete invariant of its scaling orbit',
  statement: {
    hypotheses: ['neurons (w, b, v) with w != 0'],
    claim: "(w', b', v') has the same breakpoint, orientation and delta-slope as (w, b, v) iff (w', b', v') = (a w, a b, v / a) for some a > 0",
  },
  source: 'Sahs et al., Shallow univariate ReLU networks as splines, Frontiers in AI 2022 (quotient by the scaling symmetry); LITERATURE-A 2.2 (the fibre statement, checked there)',
  size: { default: 2, min: 1, max: 4, meaning: 'grid height S, as for spline-identity' },
  kinds: ['scaling-fibre'],
  instancesAre: 'every neuron of the spline-identity grid of height S, against the whole grid',
  instances: (S) => {
    const grid = neuronGrid(S);
    return grid.map((neuron) => ({ neuron, grid }));
  },
  arbitrary: (S) => fc.record({ neuron: neuronArbitrary(S), grid: fc.array(neuronArbitrary(S), { minLength: 1, maxLength: 12 }) }),
  hypothesis: (x) => !x.neuron.w.isZero() && x.grid.every((g) => !g.w.isZero()),
  check({ neuron, grid }) {
    const { lens: own, rep } = toolkitView(neuron);
    const fibre: number[] = [];
    const scalings: Rational[] = [];
    const problems: string[] = [];
    let holds = true;
    grid.forEach((g, j) => {
      const { lens: l, rep: r } = toolkitView(g);
      const sameLens = l.breakpoint!.eq(own.breakpoint!) && l.orientation === own.orientation && l.deltaSlope.eq(own.deltaSlope);
      // The orbit by its definition: a = w'/w > 0 with (b', v') = (a b, v / a).
      const a = g.w.div(neuron.w);
      const sameOrbit = a.sign() > 0 && g.b.eq(a.mul(neuron.b)) && g.v.mul(a).eq(neuron.v);
      if (sameLens !== sameOrbit) holds = false;
      if ((r.w.eq(rep.w) && r.b.eq(rep.b) && r.v.eq(rep.v)) !== sameOrbit) problems.push(`scalingRepresentative ${sameOrbit ? 'separates' : 'identifies'} the neuron and grid neuron ${j}`);
      if (!sameLens) return;
      fibre.push(j);
      scalings.push(a);
    });
    return {
      certificate: makeCertificate(
        'scaling-quotient',
        { neuron, grid },
        { kind: 'scaling-fibre', lens: { breakpoint: own.breakpoint, orientation: own.orientation, deltaSlope: own.deltaSlope }, fibre, holds },
        { scalings },
      ),
      problems,
    };
  },
});
