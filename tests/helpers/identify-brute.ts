/**
 * Brute force for tiny identifiability instances, by a second formulation: candidate NETS of
 * width <= M enumerated neuron by neuron (every cell of src/spline/cells.ts: place among the
 * samples, the knots of f and test points, orientation, sign of mu; the width rule is then just
 * the neuron count), agreement on the samples as equations, and a difference at one of the test
 * points as a strict row. Sound (every hit is a counterexample) but not complete: a difference
 * hidden strictly between test points is missed.
 */
import { Rational } from '../../src/field/rational.js';
import { findInteriorPoint } from '../../src/lp/interior.js';
import type { ReluNet } from '../../src/network/relu-net.js';
import { cellNet, cellSystem, cellTuples, neuronCells } from '../../src/spline/cells.js';
import { evaluateSpline, sortedUnique } from '../../src/spline/spline.js';
import { toSpline } from '../../src/spline/to-spline.js';

export function bruteCounterexample(f: ReluNet<Rational>, xs: readonly Rational[], width: number): { net: ReluNet<Rational> | null; tuples: number } {
  const s = toSpline(f);
  const anchors = sortedUnique([...xs, ...s.knots]);
  if (anchors.length === 0) anchors.push(Rational.ZERO);
  const half = Rational.of(1, 2);
  const tests = [anchors[0].sub(Rational.ONE), ...anchors.slice(1).map((a, i) => a.add(anchors[i]).mul(half)), anchors[anchors.length - 1].add(Rational.ONE)];
  const P = sortedUnique([...anchors, ...tests]);
  const index = (x: Rational): number => P.findIndex((p) => p.eq(x));
  const sampleIdx = xs.map(index);
  const testIdx = tests.filter((t) => !xs.some((x) => x.eq(t))).map(index);
  const choices = neuronCells(P.length, { onSamples: true });
  let tuples = 0;
  for (let m = 0; m <= width; m++) {
    for (const cells of cellTuples(choices, m)) {
      tuples++;
      const { design, system, variables } = cellSystem(P, cells);
      const n = variables.length;
      const equal = { A: [...(system.equal?.A ?? []), ...sampleIdx.map((j) => design[j])], b: [...(system.equal?.b ?? []), ...sampleIdx.map((j) => evaluateSpline(s, P[j]))] };
      const base = { ...system, equal };
      if (!findInteriorPoint(base, n).ok) continue;
      for (const t of testIdx) {
        for (const side of [1, -1]) {
          const sign = Rational.of(side);
          const strict = { A: [...(system.strict?.A ?? []), design[t].map((x) => x.mul(sign))], b: [...(system.strict?.b ?? []), evaluateSpline(s, P[t]).mul(sign)] };
          const r = findInteriorPoint({ ...base, strict }, n);
          if (r.ok) return { net: cellNet(cells, r.x), tuples };
        }
      }
    }
  }
  return { net: null, tuples };
}
