/**
 * Finite-sample identifiability: is a net determined by its values at a few points, among nets of
 * its width? Run it with `npx tsx examples/identifiability.ts`; the test suite runs it too.
 */
import { fileURLToPath } from 'node:url';
import {
  checkIdentifiabilityCertificate,
  createSmoothNet,
  distinguishingSamples,
  evaluateSmooth,
  identifiabilityCertificate,
  identify,
  parameterDistance,
  parseRational,
  readReluNet,
  recoverSmoothNet,
  uniquenessSet,
} from 'relu-exact';

export function main() {
  const q = (xs: string[]) => xs.map((x) => parseRational(x));
  // O7 (b) of LITERATURE-A: f = 2 relu(x - 6/5) + relu(x - 17/10), irreducible (two kinks, far-left slope 0).
  const f = readReluNet(JSON.stringify({ format: 'relu-net/1', layers: [{ W: [['1'], ['1']], b: ['-6/5', '-17/10'] }, { W: [['2', '1']], b: ['0'] }] }));

  // 1. Four samples: both kinks hide between 1 and 2, where another width-2 net can move them.
  const few = identify(f, q(['0', '1', '2', '3']));

  // 2. Two samples inside each linear piece: no other width-2 function fits; the answer is a certificate.
  const xs = q(['0', '1', '5/4', '3/2', '2', '3']);
  const enough = identify(f, xs);
  const certificate = identifiabilityCertificate(f, xs.map((x) => [x]), enough)!;

  // 3. A distinguishing set built and certified by the library (three per piece, then thinned).
  const built = distinguishingSamples(f);

  // 4. |x| = relu(x) + relu(-x) needs its second neuron for the affine part: no finite set identifies it.
  const abs = readReluNet(JSON.stringify({ format: 'relu-net/1', layers: [{ W: [['1'], ['-1']], b: ['0', '0'] }, { W: [['1', '1']], b: ['0'] }] }));
  const never = identify(abs, q(['-3', '-2', '-1', '0', '1', '2', '3']));

  // 5. tanh nets: any 2^(2m) points determine a width-m net; recover one from its 16 values.
  const target = createSmoothNet('tanh', [{ a: '1.5', w: 2, b: -1 }, { a: '-0.7', w: '-1.2', b: '0.4' }], '0.25');
  const points = uniquenessSet(2);
  const recovered = recoverSmoothNet('tanh', 2, points, points.map((x) => evaluateSmooth(target, x, 90)), { digits: 60 });

  return {
    fewSamples: { identifiable: few.identifiable, differsAt: few.differsAt!.x.map(String) },
    enoughSamples: { identifiable: enough.identifiable, certificateValid: checkIdentifiabilityCertificate(certificate).valid },
    built: built.ok ? { size: built.samples.length, pieces: built.pieces } : null,
    absoluteValue: { identifiable: never.identifiable, method: never.method },
    tanh: { samples: points.length, recoveredTo1e50: parameterDistance(recovered.net, target).lt('1e-50') },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(main());
