import { InputError } from '../../core/errors.js';
import { jsonToPlain, parseJson } from '../../core/json.js';
import { checkIdentifiabilityCertificate, IDENTIFIABILITY_THEOREM } from '../../analyses/identifiability/index.js';
import { verifyCertificate, type VerifyResult } from '../../verify/index.js';
import type { Command } from '../command.js';
import { printJson } from '../inputs.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 're-check a certificate/1 file with the small independent verifier',
  description:
    'Re-derives the claim of a certificate (written by `relu-exact check --certificates DIR`) from its instance and witness alone: ' +
    'sign checks of interior points, Gordan vectors, determinants of pivot minors, forward passes of witness nets. The verifier ' +
    'shares no code with the algorithms that made the certificate (only parsing and rational arithmetic). Certificates of ' +
    '`relu-exact identify --certificate` (theorem finite-sample-identifiability) are re-checked by the identifiability checker instead: ' +
    'it solves no LP, but walks the same placement tree as the search. Exit 0 when it verifies; 2 when it does not (a bad ' +
    'certificate is bad input: the reason goes to stderr, and the verdict to stdout as usual) or when the file is not JSON.',
  options: {},
  positionals: [{ name: 'CERT.json', description: 'the certificate file', required: true }],
  run(ctx) {
    const file = ctx.positionals[0];
    let value: unknown;
    try {
      value = jsonToPlain(parseJson(ctx.io.readText(file), file));
    } catch (e) {
      if (e instanceof InputError) throw e.within(file);
      throw e;
    }
    const r = isIdentifiability(value) ? identifiabilityVerdict(value) : verifyCertificate(value);
    if (ctx.json) printJson(ctx, r);
    else if (r.valid) ctx.io.stdout(`valid: ${r.theorem} (${r.kind}): ${r.summary}; the statement ${r.holds ? 'holds' : 'FAILS'} on this instance\n`);
    else ctx.io.stdout(`not valid${r.theorem !== null ? ` (${r.theorem})` : ''}: ${r.reason}\n`);
    if (r.valid) return 0;
    // FORMATS.md keeps exit 1 for internal errors; a certificate that does not verify is bad input.
    ctx.io.stderr(`relu-exact verify: ${file}: not a valid certificate: ${r.reason}\n`);
    return 2;
  },
};

function isIdentifiability(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { theorem?: unknown }).theorem === IDENTIFIABILITY_THEOREM;
}

/** The identifiability checker's answer in the shape of `verifyCertificate`'s. */
function identifiabilityVerdict(value: unknown): VerifyResult {
  const r = checkIdentifiabilityCertificate(value as never);
  if (!r.valid) return r;
  const identifiable = (value as { claim?: { identifiable?: unknown } }).claim?.identifiable === true;
  return { valid: true, theorem: r.theorem, kind: identifiable ? 'identifiable' : 'counterexample', holds: true, summary: identifiable ? 'every branch of the knot-placement tree is closed by a checked certificate: no other function of the width agrees on the samples' : 'the counterexample agrees at every sample, differs at the stated point and fits the width' };
}
