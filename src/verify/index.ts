/**
 * `verifyCertificate`: re-checks a `certificate/1` (FORMATS.md) from its instance and witness
 * alone, with its own small arithmetic (dot products, a forward pass, elimination on small
 * minors, sign checks). It shares no code with the algorithms that produce certificates
 * (src/linalg, src/lp, src/arrangement, src/spline): only parsing and rational arithmetic
 * (src/core, src/field, the relu-net/1 reader of src/network). A certificate kind is one file in
 * `kinds/` and one line in KINDS. A registered theorem's name is honoured only with the kinds
 * listed for it in THEOREM_KINDS; other names (users' own theorems) may use any kind.
 */
import { jsonToPlain, parseJson } from '../core/json.js';
import type { CertificateParts, KindChecker } from './kind.js';
import { chamberCount } from './kinds/chamber-count.js';
import { criticalPointsKind } from './kinds/critical-points.js';
import { distinguishingSet1d } from './kinds/distinguishing-set.js';
import { functionalDimension1d } from './kinds/functional-dimension-1d.js';
import { jacobianRank } from './kinds/jacobian-rank.js';
import { matrixRank } from './kinds/matrix-rank.js';
import { minCostInterpolant } from './kinds/min-cost.js';
import { minimalWidth } from './kinds/minimal-width.js';
import { scalingFibre, splineIdentity } from './kinds/neuron-lens.js';
import { sampleCounterexample } from './kinds/sample-counterexample.js';
import { shallowMinimalWidth } from './kinds/shallow-minimal-width.js';
import { zonotopeVertices } from './kinds/zonotope-vertices.js';
import { bool, CertificateError, need, obj, str } from './read.js';
import { THEOREM_KINDS } from './theorems.js';

export const CERTIFICATE_FORMAT = 'certificate/1';

export const CERTIFICATE_KINDS: readonly KindChecker[] = [chamberCount, zonotopeVertices, splineIdentity, scalingFibre, minCostInterpolant, minimalWidth, matrixRank, jacobianRank, functionalDimension1d, shallowMinimalWidth, sampleCounterexample, distinguishingSet1d, criticalPointsKind];

export type VerifyResult =
  | { valid: true; theorem: string; kind: string; holds: boolean; summary: string }
  | { valid: false; theorem: string | null; reason: string };

/** A certificate: JSON text or an already parsed object. Never throws on a bad certificate: it says why. */
export function verifyCertificate(input: string | unknown): VerifyResult {
  let theorem: string | null = null;
  try {
    const value = typeof input === 'string' ? jsonToPlain(parseJson(input)) : input;
    const cert = obj(value, '');
    need(cert['format'] === CERTIFICATE_FORMAT, 'format', `expected "${CERTIFICATE_FORMAT}", got ${JSON.stringify(cert['format'])}`);
    theorem = str(cert['theorem'], 'theorem');
    const parts: CertificateParts = { theorem, instance: obj(cert['instance'], 'instance'), claim: obj(cert['claim'], 'claim'), witness: obj(cert['witness'], 'witness') };
    // Identifiability certificates (src/analyses/identifiability) have their own checker, which this layer may not import.
    need(theorem !== 'finite-sample-identifiability', 'theorem', 'finite-sample-identifiability certificates are checked by checkIdentifiabilityCertificate (the CLI `relu-exact verify` dispatches to it)');
    const kind = str(parts.claim['kind'], 'claim.kind');
    const checker = CERTIFICATE_KINDS.find((k) => k.kind === kind);
    need(checker !== undefined, 'claim.kind', `unknown kind ${JSON.stringify(kind)}; known: ${CERTIFICATE_KINDS.map((k) => k.kind).join(', ')}`);
    const allowed = THEOREM_KINDS.get(theorem);
    need(allowed === undefined || allowed.includes(kind), 'claim.kind', `${JSON.stringify(kind)} is not a kind of theorem ${theorem}, whose certificates are ${allowed?.join(', ')}: a certificate cannot borrow a theorem's name`);
    const outcome = checker.check(parts);
    const claimed = bool(parts.claim['holds'], 'claim.holds');
    need(claimed === outcome.holds, 'claim.holds', `says ${claimed} but the checked facts say ${outcome.holds} (${outcome.summary})`);
    return { valid: true, theorem, kind, holds: outcome.holds, summary: outcome.summary };
  } catch (e) {
    if (e instanceof CertificateError) return { valid: false, theorem, reason: e.message };
    if (e instanceof Error && e.name === 'InputError') return { valid: false, theorem, reason: `not JSON: ${e.message}` };
    throw e;
  }
}

export { THEOREM_KINDS } from './theorems.js';
export type { CertificateParts, KindChecker, KindOutcome } from './kind.js';
