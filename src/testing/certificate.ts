/**
 * Building `certificate/1` objects (FORMATS.md). Exact numbers become `"p/q"` strings (Rational's
 * toJSON), bigints decimal strings, so the result is plain JSON, ready to write or to verify.
 */
import { CERTIFICATE_FORMAT } from '../verify/index.js';

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
