/**
 * Theorem checks, certificates and counterexamples from the library:
 * 1. run one theorem of proofs/ at a chosen size (every instance certified and re-verified);
 * 2. state a conjecture of your own as a predicate and let fast-check find and shrink a
 *    counterexample (here a false one: "two neurons are always irreducible");
 * 3. re-check the counterexample's certificate with the independent verifier, also after
 *    tampering with it.
 * Run it with `npx tsx examples/theorem-checks.ts`; the test suite runs it too.
 */
import { fileURLToPath } from 'node:url';
import { minimalFormOfNet, netOfMinimalForm, verifyCertificate, writeReluNet, type Rational, type ReluNet } from 'relu-exact';
import { checkConjecture, defineConjecture, makeCertificate, reluNet, runTheorem } from 'relu-exact/arbitraries';
import { THEOREMS } from 'relu-exact/proofs';

export function main() {
  // 1. Zaslavsky's count on every 4-point multiset of the small grids.
  const zaslavsky = THEOREMS.find((t) => t.name === 'zaslavsky-count')!;
  const report = runTheorem(zaslavsky, { size: 4 });

  // 2. A conjecture as a predicate, with a certificate for its counterexamples.
  const conjecture = defineConjecture({
    name: 'two-neurons-irreducible',
    statement: 'every univariate net of width 2 is irreducible',
    arbitrary: reluNet({ architecture: [1, 2, 1] }),
    holds: (net) => minimalFormOfNet(net).width === 2,
    certify: (net: ReluNet<Rational>) => {
      const form = minimalFormOfNet(net);
      return makeCertificate(
        'two-neurons-irreducible',
        { net: writeReluNet(net) },
        { kind: 'minimal-width', width: form.width, netWidth: 2, expected: 2, holds: form.width === 2 },
        { minimal: writeReluNet(netOfMinimalForm(form)) },
      );
    },
  });
  const found = checkConjecture(conjecture, { seed: 1 });

  // 3. The certificate checks; a tampered one does not.
  const certificate = found.counterexample!.certificate!;
  const tampered = { ...certificate, claim: { ...certificate.claim, width: 1 } };

  return {
    theorem: { name: report.name, instances: report.instances, passed: report.passed },
    counterexample: found.counterexample!.printed,
    shrinks: found.counterexample!.shrinks,
    verified: verifyCertificate(certificate),
    tampered: verifyCertificate(tampered),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(main(), null, 2));
