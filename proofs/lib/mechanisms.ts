/**
 * The hidden-symmetry mechanisms M1-M6 of LITERATURE-A 3.5 (the toolkit's own list and exact
 * examples; the paper's list was not available) as theorem checks: the exact example, generic
 * controls, and seeded univariate nets with the mechanism planted, each with the functional
 * dimension the mechanism predicts. Certificates are `functional-dimension-1d` (exact both ways,
 * checked on every interval between the knots by src/verify).
 */
import fc from 'fast-check';
import type { Rational, ReluNet } from 'relu-exact';
import { defineTheorem, type Theorem } from 'relu-exact/arbitraries';
import { functionalDimension1dCertificate, netOf, seeded, upperBound, type Compare } from './fdim.js';

export interface MechanismInstance {
  readonly label: string;
  readonly net: ReluNet<Rational>;
  /** The predicted functional dimension (or its upper bound when compare is 'at-most'). */
  readonly expected: number;
  readonly compare: Compare;
}

export interface MechanismDefinition {
  readonly id: string;
  readonly title: string;
  /** The mechanism in words, then its consequence. */
  readonly why: string;
  readonly example: string;
  readonly exampleExpected: string;
  /** The exact example and controls: fixed instances. */
  readonly fixed: readonly MechanismInstance[];
  /** Seeded planted nets; `drop` below D - N_h is predicted for them. */
  readonly planted: fc.Arbitrary<ReluNet<Rational>>;
  readonly plantedText: string;
  readonly drop: number;
  readonly compare?: Compare;
}

const SOURCE = "Grigsby, Lindsey, Rolnick, Hidden symmetries of ReLU networks, ICML 2023 (mechanisms of hidden symmetries); the mechanism and its exact example are the toolkit's own, LITERATURE-A 3.5";

export function defineMechanism(m: MechanismDefinition): Theorem<MechanismInstance> {
  const name = `hidden-symmetry-${m.id.toLowerCase()}`;
  const compare = m.compare ?? 'equal';
  const plantedInstance = (net: ReluNet<Rational>): MechanismInstance => ({ label: 'planted', net, expected: upperBound(net) - m.drop, compare });
  return defineTheorem<MechanismInstance>({
    name,
    title: `${m.id}, ${m.title}: functional dimension below D - N_h`,
    statement: {
      hypotheses: [m.example, `planted: ${m.plantedText}`],
      claim: `${m.why}; the example's exact functional dimension is ${m.exampleExpected}, planted nets have ${compare === 'equal' ? '' : 'at most '}D - N_h - ${m.drop}, so they have hidden symmetries`,
    },
    source: SOURCE,
    size: { default: 3, min: 0, max: 200, meaning: 'seeded planted nets (besides the example and controls)' },
    kinds: ['functional-dimension-1d'],
    instancesAre: `the exact example and ${m.fixed.length - 1} control${m.fixed.length === 2 ? '' : 's'}, then S seeded nets: ${m.plantedText}`,
    instances: (size, seed) => [...m.fixed, ...seeded(m.planted, seed + 17, size).map(plantedInstance)],
    arbitrary: () => m.planted.map(plantedInstance),
    check: ({ net, expected }) => functionalDimension1dCertificate(name, net, expected, compare),
  });
}


/** Layers of a net as plain arrays (to plant a mechanism into a drawn net). */
export function layersOf(net: ReluNet<Rational>): { W: Rational[][]; b: Rational[] }[] {
  return net.layers.map((l) => ({ W: l.W.rows.map((r) => r.slice()), b: l.b.slice() }));
}

type Num = number | Rational;

/** The (1,1,1,1) net v relu(w2 relu(w1 x + b1) + b2) + c of M1 and M2. */
export function chainNet(w1: Num, b1: Num, w2: Num, b2: Num, v: Num, c: Num): ReluNet<Rational> {
  return netOf([{ W: [[w1]], b: [b1] }, { W: [[w2]], b: [b2] }, { W: [[v]], b: [c] }]);
}

/** The (1,m,1) net c + sum_i v_i relu(w_i x + b_i). */
export function shallow1d(w: readonly Num[], b: readonly Num[], v: readonly Num[], c: Num = 0): ReluNet<Rational> {
  return netOf([{ W: w.map((x) => [x]), b }, { W: [v], b: [c] }]);
}
