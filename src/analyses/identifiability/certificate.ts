/**
 * Identifiability answers as `certificate/1` objects (FORMATS.md), and their re-check from the
 * certificate alone:
 * - "not identifiable": the counterexample net, re-checked exactly (agreement on every sample, a
 *   difference at the stated point, the width budget by neuron count and minimal width);
 * - "identifiable" (univariate): the closed nodes of the knot search. The checker walks the same
 *   placement tree (`knot-tree.ts`), recomputing the corner lower bound, and closes a node only
 *   with a certificate it verifies: a Motzkin certificate of the node's system
 *   (`isInteriorCertificate`); at a leaf of kind (b) the combinations showing that g = f on
 *   the whole affine hull; at a leaf with K = M knots the combinations fixing every jump, whose
 *   values it re-checks for a subset summing to -a. It solves no LP; a leaf left open makes the
 *   certificate invalid.
 */
import type { JsonValue } from '../../core/json.js';
import { parseRational } from '../../field/parse.js';
import { Rational } from '../../field/rational.js';
import { isInteriorCertificate } from '../../lp/interior.js';
import { readReluNet, writeReluNet } from '../../network/json-io.js';
import { inputDim, type ReluNet } from '../../network/relu-net.js';
import { minimalForm } from '../../spline/minimal.js';
import { toSpline } from '../../spline/to-spline.js';
import { checkCounterexample } from './check.js';
import type { IdentifyResult } from './identify.js';
import { sameRows, type ClosedNode } from './knot-search.js';
import { subsetRules, walkKnotTree, withRule, type TreeNode } from './knot-tree.js';
import { findSubsetSum } from '../../spline/subset-sum.js';
import { buildLayout } from './layout.js';

export const IDENTIFIABILITY_THEOREM = 'finite-sample-identifiability';

type Str = string;
type ClosedJson = { key: Str; kind: 'infeasible'; strict: Str[]; equal: Str[] } | { key: Str; kind: 'same-function' | 'no-subset'; combinations: Str[][] };

export interface IdentifiabilityCertificate {
  readonly format: 'certificate/1';
  readonly theorem: typeof IDENTIFIABILITY_THEOREM;
  readonly instance: { net: Record<string, unknown>; samples: Str[][]; width: number; model: 'V1' };
  readonly claim: { identifiable: boolean };
  readonly witness:
    | { counterexample: Record<string, unknown>; differsAt: Str[] }
    | { knotLowerBound: number; closed: ClosedJson[] };
}

/** The certificate of an answer (proven answers only: a d > 1 search that found nothing has none). */
export function identifiabilityCertificate(net: ReluNet<Rational>, samples: readonly (readonly Rational[])[], result: IdentifyResult): IdentifiabilityCertificate | null {
  if (!result.proof) return null;
  const instance = { net: writeReluNet(net), samples: samples.map((p) => p.map(String)), width: result.width, model: 'V1' as const };
  if (result.counterexample !== null) {
    return { format: 'certificate/1', theorem: IDENTIFIABILITY_THEOREM, instance, claim: { identifiable: false }, witness: { counterexample: writeReluNet(result.counterexample), differsAt: result.differsAt!.x.map(String) } };
  }
  const closed = result.closed.map((c): ClosedJson => (c.kind === 'infeasible' ? { key: c.key, kind: c.kind, strict: c.strict.map(String), equal: c.equal.map(String) } : { key: c.key, kind: c.kind, combinations: c.combinations.map((v) => v.map(String)) }));
  return { format: 'certificate/1', theorem: IDENTIFIABILITY_THEOREM, instance, claim: { identifiable: true }, witness: { knotLowerBound: result.knotLowerBound ?? 0, closed } };
}

export type CertificateCheck = { valid: true; theorem: string } | { valid: false; theorem: string; reason: string };

class Invalid extends Error {}

/** Re-checks a certificate (an object or its JSON text) exactly; never solves an LP. */
export function checkIdentifiabilityCertificate(input: IdentifiabilityCertificate | string | JsonValue): CertificateCheck {
  const theorem = IDENTIFIABILITY_THEOREM;
  try {
    const cert = (typeof input === 'string' ? JSON.parse(input) : input) as IdentifiabilityCertificate;
    if (cert?.format !== 'certificate/1' || cert.theorem !== theorem) throw new Invalid(`not a ${theorem} certificate/1`);
    const net = readReluNet(JSON.stringify(cert.instance.net));
    const samples = cert.instance.samples.map((p) => p.map((x) => parseRational(x)));
    const width = cert.instance.width;
    if (!Number.isSafeInteger(width) || width < 0) throw new Invalid('instance.width is no non-negative integer');
    if (cert.claim.identifiable === false) {
      if (!('counterexample' in cert.witness)) throw new Invalid('a "not identifiable" claim needs a counterexample');
      const g = readReluNet(JSON.stringify(cert.witness.counterexample));
      const c = checkCounterexample(net, g, samples, width, cert.witness.differsAt.map((x) => parseRational(x)));
      if (!c.ok) throw new Invalid(c.failures.join('; '));
      return { valid: true, theorem };
    }
    if (!('closed' in cert.witness)) throw new Invalid('an "identifiable" claim needs the closed nodes of the search');
    if (inputDim(net) !== 1) throw new Invalid('"identifiable" is certified for univariate nets only');
    checkClosedTree(net, samples.map((p) => p[0]), width, cert.witness.closed);
    return { valid: true, theorem };
  } catch (e) {
    if (e instanceof Invalid) return { valid: false, theorem, reason: e.message };
    return { valid: false, theorem, reason: `unreadable certificate: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function checkClosedTree(net: ReluNet<Rational>, xs: Rational[], width: number, closed: readonly ClosedJson[]): void {
  const f = toSpline(net);
  const minimal = minimalForm(f);
  if (width > minimal.width || (width === minimal.width && minimal.extra > 0)) {
    throw new Invalid(`with width ${width} and mu(f) = ${minimal.width} (e = ${minimal.extra}) a counterexample beyond the samples always exists`);
  }
  const different = width === minimal.width;
  const sorted = [...xs].sort((a, b) => a.cmp(b));
  if (sorted.some((x, i) => i > 0 && x.eq(sorted[i - 1]))) throw new Invalid('samples repeat a point');
  const layout = buildLayout(f, sorted);
  const byKey = new Map(closed.map((c) => [c.key, c]));
  const motzkin = (node: TreeNode, c: ClosedJson): boolean =>
    c.kind === 'infeasible' && isInteriorCertificate(node.system, node.n, { strict: c.strict.map((x) => parseRational(x)), weak: [], equal: c.equal.map((x) => parseRational(x)) });
  const closeLeaf = (node: TreeNode, c: ClosedJson): void => {
    const numbers = (v: readonly Str[][]): Rational[][] => v.map((r) => r.map((x) => parseRational(x)));
    if (c.kind === 'infeasible') {
      if (!motzkin(node, c)) throw new Invalid(`leaf "${node.key}": its certificate does not prove infeasibility`);
    } else if (c.kind === 'same-function') {
      const onPoints = node.knots.every((k) => layout.places[k.place].kind === 'at');
      if (!different || !onPoints) throw new Invalid(`leaf "${node.key}": "same-function" closes only leaves with every knot on a point of Z when the width is mu(f)`);
      if (!combinationsMatch(node, sameRows(layout, node), numbers(c.combinations))) throw new Invalid(`leaf "${node.key}": the combinations do not give g = f`);
    } else {
      const K = node.knots.length;
      const forms = Array.from({ length: K + 1 }, (_, i) => ({ row: unit(node.n, 2 * i), target: null }));
      const lambdas = numbers(c.combinations);
      if (K !== width || !combinationsMatch(node, forms, lambdas)) throw new Invalid(`leaf "${node.key}": the combinations do not fix the jumps`);
      const values = lambdas.map((l) => l.reduce((s, x, i) => s.add(x.mul(node.system.equal!.b[i])), Rational.ZERO));
      if (findSubsetSum(values.slice(0, K).map((v) => [v]), [values[K].neg()]) !== null) throw new Invalid(`leaf "${node.key}": some knots' jumps do sum to -a`);
    }
  };
  walkKnotTree<never>(
    layout,
    {
      prefix(node) {
        const c = byKey.get(node.key);
        if (c === undefined) return 'open';
        if (!motzkin(node, c)) throw new Invalid(`node "${node.key}": its certificate does not prove infeasibility`);
        return 'closed';
      },
      leaf(node, rule) {
        const c = byKey.get(node.key);
        if (c !== undefined) {
          closeLeaf(node, c);
          return 'closed';
        }
        if (rule.kind !== 'width') throw new Invalid(`leaf "${node.key}" is not closed by the certificate`);
        for (const sub of subsetRules(node.knots).map((r) => withRule(node, r))) {
          const cs = byKey.get(sub.key);
          if (cs === undefined) throw new Invalid(`leaf "${sub.key}" is not closed by the certificate`);
          closeLeaf(sub, cs);
        }
        return 'closed';
      },
    },
    { width },
  );
}

/** Each form equals its combination of the equations (and, when a target is given, so does the right-hand side). */
function combinationsMatch(node: TreeNode, forms: readonly { row: readonly Rational[]; target: Rational | null }[], combinations: readonly (readonly Rational[])[]): boolean {
  const A = node.system.equal?.A ?? [];
  const b = node.system.equal?.b ?? [];
  if (combinations.length !== forms.length) return false;
  return forms.every(({ row, target }, r) => {
    const lambda = combinations[r];
    if (lambda.length !== A.length) return false;
    const combined = row.map((_, j) => A.reduce((s, a, i) => s.add(lambda[i].mul(a[j])), Rational.ZERO));
    const rhs = b.reduce((s, bi, i) => s.add(lambda[i].mul(bi)), Rational.ZERO);
    return combined.every((x, j) => x.eq(row[j])) && (target === null || rhs.eq(target));
  });
}

function unit(n: number, k: number): Rational[] {
  return Array.from({ length: n }, (_, j) => (j === k ? Rational.ONE : Rational.ZERO));
}
