/**
 * Executable theorem statements (the files of `proofs/`). A theorem has its statement in words
 * (hypotheses and claim), its source, and a check: the instances of a stated size (all of them,
 * or N seeded random ones), a hypothesis filter, and per instance a `certificate/1` that the
 * independent verifier (src/verify) re-checks. `arbitrary` gives the same instances as a
 * fast-check arbitrary, so a failing instance can be shrunk to a minimal counterexample.
 * A pending theorem has its statement and says what it needs; it reports, never passes.
 */
import type fc from 'fast-check';
import { UsageError } from '../core/errors.js';
import type { Certificate, CertificateChecker } from './certificate.js';

export interface Statement {
  /** What must hold of an instance, in words. */
  readonly hypotheses: readonly string[];
  /** What then follows, in words. */
  readonly claim: string;
}

export interface SizeSpec {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** What the size counts ("points", "neurons", ...). */
  readonly meaning: string;
}

export interface InstanceCheck {
  readonly certificate: Certificate;
  /** Where the toolkit's own answer disagrees with the certified facts (none when it agrees). */
  readonly problems?: readonly string[];
}

interface Common {
  /** Short, kebab-case: the NAME of `relu-exact check NAME`. */
  readonly name: string;
  /** One line. */
  readonly title: string;
  readonly statement: Statement;
  /** Paper and theorem, or "the toolkit's own derivation" with where it is written down. */
  readonly source: string;
}

export interface TheoremDefinition<I> extends Common {
  readonly size: SizeSpec;
  /** How the instances are chosen, in words ("all ... of size S", "N seeded random ..."). */
  readonly instancesAre: string;
  instances(size: number, seed: number): readonly I[];
  arbitrary(size: number): fc.Arbitrary<I>;
  /** Instances outside the hypotheses are skipped (default: none are). */
  hypothesis?(instance: I): boolean;
  check(instance: I): InstanceCheck;
  /**
   * The certificate kinds (`claim.kind`) its certificates use; when given, a certificate of
   * another kind is rejected. The theorems of proofs/ declare theirs, and `relu-exact verify`
   * holds certificates named after them to these kinds.
   */
  readonly kinds?: readonly string[];
  /**
   * Re-checks certificates of a kind of your own (a `claim.kind` the built-in verifier does not
   * know, see CERTIFICATE_KINDS); certificates of the built-in kinds always go to the built-in one.
   */
  verify?: CertificateChecker;
}

export interface PendingDefinition extends Common {
  /** What is missing, e.g. "src/analyses/functional-dimension (issue 5)". */
  readonly needs: string;
  /** How the check will go once it is there. */
  readonly plan: string;
}

export interface Theorem<I = unknown> extends TheoremDefinition<I> {
  readonly status: 'ready';
}

export interface PendingTheorem extends PendingDefinition {
  readonly status: 'pending';
}

export type AnyTheorem = Theorem<any> | PendingTheorem;

const NAME_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function checkCommon(fn: string, def: Common): void {
  if (typeof def.name !== 'string' || !NAME_RE.test(def.name)) throw new UsageError(`${fn}: name must be kebab-case (a-z, 0-9, -), got ${JSON.stringify(def.name)}`);
  for (const key of ['title', 'source'] as const) if (typeof def[key] !== 'string' || def[key] === '') throw new UsageError(`${fn}: ${def.name} needs a ${key}`);
  if (typeof def.statement?.claim !== 'string' || !Array.isArray(def.statement.hypotheses)) throw new UsageError(`${fn}: ${def.name} needs a statement { hypotheses: string[], claim: string }`);
}

/** `kinds`, when given: a nonempty list of strings. */
export function checkKinds(fn: string, name: string, kinds: readonly string[] | undefined): void {
  if (kinds !== undefined && !(Array.isArray(kinds) && kinds.length > 0 && kinds.every((k) => typeof k === 'string' && k !== ''))) throw new UsageError(`${fn}: ${name}: kinds must be a nonempty list of certificate kinds (claim.kind)`);
}

export function defineTheorem<I>(def: TheoremDefinition<I>): Theorem<I> {
  checkCommon('defineTheorem', def);
  const { size } = def;
  if (!(Number.isInteger(size?.min) && Number.isInteger(size.max) && size.min <= size.default && size.default <= size.max)) throw new UsageError(`defineTheorem: ${def.name}: size needs integers min <= default <= max`);
  for (const key of ['instances', 'arbitrary', 'check'] as const) if (typeof def[key] !== 'function') throw new UsageError(`defineTheorem: ${def.name} needs a function ${key}`);
  if (def.verify !== undefined && typeof def.verify !== 'function') throw new UsageError(`defineTheorem: ${def.name}: verify must be a function`);
  checkKinds('defineTheorem', def.name, def.kinds);
  return Object.freeze({ ...def, status: 'ready' as const });
}

export function definePendingTheorem(def: PendingDefinition): PendingTheorem {
  checkCommon('definePendingTheorem', def);
  if (typeof def.needs !== 'string' || def.needs === '') throw new UsageError(`definePendingTheorem: ${def.name} must say what it needs`);
  return Object.freeze({ ...def, status: 'pending' as const });
}
