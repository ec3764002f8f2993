/** What a certificate kind's checker sees and returns. */
import type { Json } from './read.js';

export interface CertificateParts {
  readonly theorem: string;
  readonly instance: Record<string, Json>;
  readonly claim: Record<string, Json>;
  readonly witness: Record<string, Json>;
}

export interface KindOutcome {
  /** Whether the statement the certificate is about holds on the instance (re-derived, then compared with `claim.holds`). */
  readonly holds: boolean;
  /** One line on what was checked. */
  readonly summary: string;
}

export interface KindChecker {
  /** The value of `claim.kind` this checker reads. */
  readonly kind: string;
  /** Throws CertificateError with the reason when a fact does not check. */
  check(cert: CertificateParts): KindOutcome;
}
