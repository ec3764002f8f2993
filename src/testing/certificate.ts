/**
 * Building `certificate/1` objects (FORMATS.md). Exact numbers become `"p/q"` strings (Rational's
 * toJSON), bigints decimal strings, so the result is plain JSON, ready to write or to verify.
 */
import { CERTIFICATE_FORMAT, CERTIFICATE_KINDS, verifyCertificate, type VerifyResult } from '../verify/index.js';

export { CERTIFICATE_FORMAT };

export interface Certificate {
  readonly format: typeof CERTIFICATE_FORMAT;
  readonly theorem: string;
  readonly instance: Record<string, unknown>;
  readonly claim: { readonly kind: string; readonly holds: boolean; readonly [key: string]: unknown };
  readonly witness: Record<string, unknown>;
}

export function makeCertificate(theorem: string, instance: Record<string, unknown>, claim: Certificate['claim'], witness: Record<string, unknown>): Certificate {
  const plain = JSON.parse(JSON.stringify({ format: CERTIFICATE_FORMAT, theorem, instance, claim, witness }, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Certificate;
  return plain;
}

/**
 * A checker for a certificate kind of your own (a `claim.kind` not in CERTIFICATE_KINDS): it
 * re-derives from the instance and the witness whether the statement holds, says in a line what
 * it checked, and throws to reject the certificate.
 */
export type CertificateChecker = (certificate: Certificate) => { holds: boolean; summary: string };

/**
 * `verifyCertificate` for the built-in kinds; a kind the built-in verifier does not know goes to
 * `own` when given (its `holds` must match `claim.holds`), and is rejected otherwise with a hint.
 * With `kinds` (what the theorem declares), a certificate of any other kind is rejected first.
 */
export function verifyWithOwnKinds(certificate: Certificate, own: CertificateChecker | undefined, kinds?: readonly string[]): VerifyResult {
  const kind = certificate.claim?.kind;
  if (kinds !== undefined && !kinds.includes(kind)) return { valid: false, theorem: certificate.theorem, reason: `claim.kind: ${JSON.stringify(kind)} is not among the kinds ${certificate.theorem} declares (${kinds.join(', ')})` };
  if (CERTIFICATE_KINDS.some((k) => k.kind === kind)) return verifyCertificate(certificate);
  if (own === undefined) {
    const r = verifyCertificate(certificate);
    return r.valid ? r : { ...r, reason: `${r.reason} (a theorem or conjecture with a kind of its own re-checks it with its \`verify\`)` };
  }
  const theorem = certificate.theorem;
  try {
    const { holds, summary } = own(certificate);
    if (holds !== certificate.claim.holds) return { valid: false, theorem, reason: `claim.holds: says ${certificate.claim.holds} but verify says ${holds} (${summary})` };
    return { valid: true, theorem, kind: String(kind), holds, summary };
  } catch (e) {
    return { valid: false, theorem, reason: `verify rejects it: ${(e as Error).message}` };
  }
}
