/**
 * Conjectures as predicates, searched for counterexamples with fast-check: random instances from
 * an arbitrary, and the first one where the predicate fails is shrunk to a minimal one. With
 * `certify`, the counterexample comes with a `certificate/1` whose claim says the statement fails
 * on it (`holds: false`), re-checked by the independent verifier.
 */
import fc from 'fast-check';
import { UsageError } from '../core/errors.js';
import type { VerifyResult } from '../verify/index.js';
import { verifyWithOwnKinds, type Certificate, type CertificateChecker } from './certificate.js';
import { checkKinds } from './theorem.js';

export interface ConjectureDefinition<I> {
  /** Kebab-case name (`relu-exact check --conjecture NAME`). */
  readonly name: string;
  /** The conjecture in words. */
  readonly statement: string;
  readonly arbitrary: fc.Arbitrary<I>;
  /** True when the conjecture holds on the instance. */
  holds(instance: I): boolean;
  /** A certificate that the statement fails on a counterexample (optional). */
  certify?(instance: I): Certificate;
  /** Re-checks certificates of a kind of your own (see TheoremDefinition.verify). */
  verify?: CertificateChecker;
  /** The certificate kinds `certify` uses (see TheoremDefinition.kinds). */
  readonly kinds?: readonly string[];
  /** Why it is expected to hold (or, for a demonstration, why it is false). */
  readonly note?: string;
}

export interface Conjecture<I = unknown> extends ConjectureDefinition<I> {
  readonly status: 'conjecture';
}

export function defineConjecture<I>(def: ConjectureDefinition<I>): Conjecture<I> {
  if (typeof def.name !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(def.name)) throw new UsageError(`defineConjecture: name must be kebab-case, got ${JSON.stringify(def.name)}`);
  if (typeof def.statement !== 'string' || def.statement === '') throw new UsageError(`defineConjecture: ${def.name} needs a statement`);
  if (!(def.arbitrary instanceof fc.Arbitrary) && typeof (def.arbitrary as { generate?: unknown })?.generate !== 'function') throw new UsageError(`defineConjecture: ${def.name} needs a fast-check arbitrary`);
  if (typeof def.holds !== 'function') throw new UsageError(`defineConjecture: ${def.name} needs a predicate holds(instance)`);
  checkKinds('defineConjecture', def.name, def.kinds);
  return Object.freeze({ ...def, status: 'conjecture' as const });
}

export interface ConjectureOptions {
  /** Default 1. */
  seed?: number;
  /** Random instances tried before giving up (default 1000). */
  numRuns?: number;
}

export interface ConjectureReport<I = unknown> {
  readonly name: string;
  readonly statement: string;
  readonly refuted: boolean;
  /** Instances tried (up to and including the first counterexample). */
  readonly runs: number;
  readonly seconds: number;
  readonly counterexample: {
    readonly value: I;
    /** As fast-check prints it (rationals as p/q). */
    readonly printed: string;
    readonly shrinks: number;
    readonly certificate: Certificate | null;
    readonly verification: VerifyResult | null;
  } | null;
}

export function checkConjecture<I>(conjecture: ConjectureDefinition<I>, options: ConjectureOptions = {}): ConjectureReport<I> {
  const started = performance.now();
  const details = fc.check(
    fc.property(conjecture.arbitrary, (x) => conjecture.holds(x)),
    { seed: options.seed ?? 1, numRuns: options.numRuns ?? 1000 },
  );
  const base = { name: conjecture.name, statement: conjecture.statement, runs: details.numRuns };
  if (!details.failed || details.counterexample === null) return { ...base, refuted: false, seconds: (performance.now() - started) / 1000, counterexample: null };
  const value = details.counterexample[0];
  try {
    conjecture.holds(value);
  } catch (e) {
    // A predicate that throws is a bug to report, not a counterexample.
    throw new Error(`checkConjecture: ${conjecture.name}: the predicate threw on ${fc.stringify(value)}: ${(e as Error).message}`);
  }
  const certificate = conjecture.certify?.(value) ?? null;
  return {
    ...base,
    refuted: true,
    seconds: (performance.now() - started) / 1000,
    counterexample: { value, printed: fc.stringify(value), shrinks: details.numShrinks, certificate, verification: certificate === null ? null : verifyWithOwnKinds(certificate, conjecture.verify, conjecture.kinds) },
  };
}
