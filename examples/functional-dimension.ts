/**
 * Irreducibility and functional dimension, exactly: a wasteful 2-D shallow net reduced to a
 * minimal one, and the functional dimension of a deep net with a hidden symmetry (a stably
 * active neuron, LITERATURE-A 3.5 M1) against a generic one. Run it with
 * `npx tsx examples/functional-dimension.ts`; the test suite runs it too.
 */
import { fileURLToPath } from 'node:url';
import { batchFunctionalDimension, functionalDimension, irreducibility, parameterName, readReluNet, sameFunctionShallow } from 'relu-exact';

const net = (layers: [string[][], string[]][]) => readReluNet(JSON.stringify({ format: 'relu-net/1', layers: layers.map(([W, b]) => ({ W, b })) }));

export function main() {
  // 1. relu(x1) + 2 relu(-x1) + relu(x2) + 3 relu(-x2) + relu(x1 - x2) + relu(2 x1 - 2 x2): two antiparallel
  //    pairs and two positively parallel neurons.
  const shallow = net([
    [[['1', '0'], ['-1', '0'], ['0', '1'], ['0', '-1'], ['1', '-1'], ['2', '-2']], ['0', '0', '0', '0', '0', '0']],
    [[['1', '2', '1', '3', '1', '1']], ['0']],
  ]);
  const r = irreducibility(shallow); // V1: output bias in the model
  const same = sameFunctionShallow(r.minimal, shallow); // exact: kinks c_H and the affine part agree

  // 2. (1,1,1,1): F = relu(relu(x) + 1). The second neuron is active everywhere, so its bias and
  //    the output bias trade off: one direction beyond rescaling keeps F (a hidden symmetry).
  const m1 = net([
    [[['1']], ['0']],
    [[['1']], ['1']],
    [[['1']], ['0']],
  ]);
  const fd = functionalDimension(m1);
  const direction = fd.hiddenDirections.map((v) => v.flatMap((x, i) => (x.isZero() ? [] : [`${parameterName(m1, i)} ${x}`])));
  // The witness is a batch whose exact Jacobian rank is the functional dimension.
  const witnessRank = batchFunctionalDimension(m1, fd.witness).batchFunctionalDimension;

  // 3. A generic (2,3,1) net reaches the bound D - N_h = 13 - 3.
  const generic = functionalDimension(net([[[['1', '2'], ['-1', '1'], ['3', '-1']], ['1', '-1', '2']], [[['1', '-2', '1']], ['0']]]));

  return {
    irreducible: r.irreducible,
    width: r.width,
    minimalWidth: r.minimalWidth,
    same,
    m1: { functionalDimension: fd.functionalDimension, upperBound: fd.upperBound, hiddenSymmetries: fd.hiddenSymmetries, direction, witnessRank },
    generic: { functionalDimension: generic.functionalDimension, upperBound: generic.upperBound },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(main(), null, 2));
