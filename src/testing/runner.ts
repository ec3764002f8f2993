/**
 * Running a theorem check: every instance of the chosen size is checked and its certificate
 * re-checked by the independent verifier. An instance fails when its certificate is rejected,
 * when the certified facts contradict the statement, when the toolkit's own answer disagrees
 * with them, or when the check throws. The first failing instance is then shrunk with
 * fast-check (the theorem's arbitrary, with that instance as the first example) to a minimal
 * counterexample, which gets its own certificate.
 */
import fc from 'fast-check';
import { UsageError } from '../core/errors.js';
import { verifyWithOwnKinds, type Certificate } from './certificate.js';
import type { AnyTheorem, Theorem } from './theorem.js';

export interface RunOptions {
  /** Instance size (default the theorem's `size.default`; must lie in [size.min, size.max]). */
  size?: number;
  /** Seed for random instances and for shrinking (default 1). */
  seed?: number;
  /** Called after each instance (for progress bars). */
  onProgress?: (done: number, total: number) => void;
  /** Called with each instance's certificate, failing ones included (to write them out). */
  onCertificate?: (index: number, certificate: Certificate) => void;
  /** Runs fast-check may spend looking for and shrinking a counterexample (default 300). */
  shrinkRuns?: number;
}

export interface Counterexample {
  /** The shrunk instance itself. */
  readonly value: unknown;
  /** The shrunk instance, printed by fast-check (rationals as p/q). */
  readonly instance: string;
  /** The instance as first found (before shrinking). */
  readonly original: string;
  readonly shrinks: number;
  readonly reason: string;
  readonly certificate: Certificate | null;
}

export interface TheoremReport {
  readonly name: string;
  readonly title: string;
  readonly source: string;
  readonly size: number | null;
  /** Instances checked (those meeting the hypotheses). */
  readonly instances: number;
  /** Instances outside the hypotheses, skipped. */
  readonly skipped: number;
  readonly passed: boolean;
  readonly failed: number;
  /** What a pending theorem needs; null when it ran. */
  readonly pending: string | null;
  readonly seconds: number;
  /** Up to five failures: the instance index and why. */
  readonly failures: readonly { index: number; reason: string }[];
  readonly counterexample: Counterexample | null;
}

export interface InstanceOutcome {
  /** Why the instance fails; null when it passes. */
  readonly failure: string | null;
  /** Its certificate (null when the check threw). */
  readonly certificate: Certificate | null;
}

/** Checks one instance and re-checks its certificate with the independent verifier (or the theorem's own `verify`, for a kind of its own). */
export function checkInstance<I>(theorem: Theorem<I>, instance: I): InstanceOutcome {
  let result;
  try {
    result = theorem.check(instance);
  } catch (e) {
    return { failure: `the check threw: ${(e as Error).message}`, certificate: null };
  }
  const { certificate } = result;
  const verdict = verifyWithOwnKinds(certificate, theorem.verify, theorem.kinds);
  if (!verdict.valid) return { failure: `the certificate is rejected: ${verdict.reason}`, certificate };
  if (!verdict.holds) return { failure: `the statement fails: ${verdict.summary}`, certificate };
  if (result.problems !== undefined && result.problems.length > 0) return { failure: `the toolkit disagrees with the certified facts: ${result.problems.join('; ')}`, certificate };
  return { failure: null, certificate };
}

export function runTheorem(theorem: AnyTheorem, options: RunOptions = {}): TheoremReport {
  const started = performance.now();
  const common = { name: theorem.name, title: theorem.title, source: theorem.source };
  if (theorem.status === 'pending') {
    return { ...common, size: null, instances: 0, skipped: 0, passed: false, failed: 0, pending: `needs ${theorem.needs}`, seconds: 0, failures: [], counterexample: null };
  }
  const size = options.size ?? theorem.size.default;
  if (!Number.isInteger(size) || size < theorem.size.min || size > theorem.size.max) {
    throw new UsageError(`${theorem.name}: size must be an integer in [${theorem.size.min}, ${theorem.size.max}] (${theorem.size.meaning}), got ${size}`);
  }
  const seed = options.seed ?? 1;
  const all = theorem.instances(size, seed);
  let checked = 0;
  let skipped = 0;
  const failures: { index: number; reason: string }[] = [];
  let firstFailing: unknown = undefined;
  let failed = 0;
  all.forEach((instance, index) => {
    if (theorem.hypothesis !== undefined && !theorem.hypothesis(instance)) skipped++;
    else {
      checked++;
      const outcome = checkInstance(theorem, instance);
      if (outcome.failure !== null) {
        failed++;
        if (failures.length < 5) failures.push({ index, reason: outcome.failure });
        if (firstFailing === undefined) firstFailing = instance;
      }
      if (outcome.certificate !== null) options.onCertificate?.(index, outcome.certificate);
    }
    options.onProgress?.(index + 1, all.length);
  });
  const counterexample = firstFailing === undefined ? null : shrinkCounterexample(theorem, firstFailing, size, seed, options.shrinkRuns ?? 300);
  return { ...common, size, instances: checked, skipped, passed: failed === 0, failed, pending: null, seconds: (performance.now() - started) / 1000, failures, counterexample };
}

/**
 * Shrinks a failing instance over the theorem's arbitrary; the failure itself goes first.
 * fast-check shrinks a given value only when the arbitrary can rebuild how it drew it (`map` with
 * an unmapper, as `rational` and `reluNet` have); otherwise (a plain `map`, `chain`, `dataset`,
 * `matrixOfRank`) it would come back unshrunk, so a failure is looked for among seeded random
 * draws instead, which shrink. When none fails, the found instance is returned as it is.
 */
export function shrinkCounterexample<I>(theorem: Theorem<I>, found: I, size: number, seed: number, numRuns: number): Counterexample {
  const arbitrary = theorem.arbitrary(size);
  const property = fc.property(arbitrary, (instance) => {
    if (theorem.hypothesis !== undefined) fc.pre(theorem.hypothesis(instance));
    return checkInstance(theorem, instance).failure === null;
  });
  const examples = arbitrary.canShrinkWithoutContext(found) ? [[found] as [I]] : [];
  const details = fc.check(property, { seed, numRuns, examples });
  const shrunk = details.failed && details.counterexample !== null ? details.counterexample[0] : found;
  const outcome = checkInstance(theorem, shrunk);
  return {
    value: shrunk,
    instance: fc.stringify(shrunk),
    original: fc.stringify(found),
    shrinks: details.numShrinks,
    reason: outcome.failure ?? 'the failure did not reproduce',
    certificate: outcome.certificate,
  };
}
