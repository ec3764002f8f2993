/**
 * `sample-counterexample`: a net g that agrees with the instance's net f on every sample and
 * computes another function (it differs at the stated point), with at most `claim.width` hidden
 * neurons. Plain forward passes only, any input dimension and depth. `holds` is true: the
 * statement it supports is "the samples do not identify f among nets of that width".
 */
import type { Rational } from '../../field/rational.js';
import type { KindChecker, KindOutcome } from '../kind.js';
import { forward, sameVector } from '../exact.js';
import { int, need, net, nums, rows, type Json, type PlainNet } from '../read.js';

const hiddenWidth = (g: PlainNet): number => g.layers.slice(0, -1).reduce((s, l) => s + l.W.length, 0);

/** Checks the counterexample in `witness` against f and the samples; returns its width. */
export function checkSampleCounterexample(f: PlainNet, samples: readonly Rational[][], witness: Record<string, Json>, maxWidth: number): { width: number; point: Rational[] } {
  const g = net(witness['counterexample'], 'witness.counterexample');
  const d = f.layers[0].W[0].length;
  need(g.layers[0].W[0].length === d, 'witness.counterexample', `takes ${g.layers[0].W[0].length} inputs, f takes ${d}`);
  samples.forEach((x, i) => need(sameVector(forward(f, x), forward(g, x)), `instance.samples[${i}]`, 'f and the counterexample differ at this sample'));
  const point = nums(witness['differsAt'], 'witness.differsAt', d);
  need(!sameVector(forward(f, point), forward(g, point)), 'witness.differsAt', 'f and the counterexample agree there');
  const width = hiddenWidth(g);
  need(width <= maxWidth, 'witness.counterexample', `has ${width} hidden neurons, more than ${maxWidth}`);
  return { width, point };
}

export const sampleCounterexample: KindChecker = {
  kind: 'sample-counterexample',
  check({ instance, claim, witness }): KindOutcome {
    const f = net(instance['net'], 'instance.net');
    const samples = rows(instance['samples'], 'instance.samples', f.layers[0].W[0].length);
    const maxWidth = int(claim['width'], 'claim.width');
    const { width, point } = checkSampleCounterexample(f, samples, witness, maxWidth);
    return { holds: true, summary: `a net with ${width} hidden neurons (at most ${maxWidth}) agrees with f on all ${samples.length} samples and differs at (${point.join(', ')})` };
  },
};
