/**
 * Reusable law assertions: run a law with fast-check over an arbitrary of nets and, when it fails,
 * report the shrunk net and an exact point where the functions part.
 */
import fc from 'fast-check';
import type { Rational } from '../field/rational.js';
import type { ReluNet } from '../network/relu-net.js';
import { compareNetFunctions } from '../analyses/equivalence/index.js';

/**
 * Asserts (fc.assert) that `transform(net)` computes exactly the function of `net` for every net
 * the arbitrary gives: a pruning, a reduction to a minimal net, an export round trip, a symmetry.
 * `parameters` are fast-check's (numRuns, seed, ...; the global configuration applies otherwise);
 * the report includes the reason (`includeErrorInReport`), so the point shows in the message.
 */
export function assertPreservesFunction(nets: fc.Arbitrary<ReluNet<Rational>>, transform: (net: ReluNet<Rational>) => ReluNet<Rational>, parameters: fc.Parameters<[ReluNet<Rational>]> = {}): void {
  fc.assert(
    fc.property(nets, (net) => {
      const r = compareNetFunctions(net, transform(net));
      if (!r.same) throw new Error(`the transform changes the function: at x = (${r.point.join(', ')}) the net gives (${r.valueA.join(', ')}), the transformed net (${r.valueB.join(', ')})`);
    }),
    { includeErrorInReport: true, ...parameters },
  );
}
