/**
 * A user's own theorem and conjecture through the published framework, with a certificate kind
 * the built-in verifier does not know: the theorem's `verify` re-checks it, a false statement
 * shrinks to a small counterexample, and without `verify` the rejection says what to add.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRational, Rational } from 'relu-exact';
import { checkConjecture, defineConjecture, defineTheorem, makeCertificate, rational, runTheorem, type Certificate } from 'relu-exact/arbitraries';

type Instance = { A: Rational[][] };
// A plain `map` (no unmapper): fast-check cannot shrink a value it did not draw itself.
const entry = rational({ sign: 'nonzero', maxNumerator: 3, maxDenominator: 1 });
const matrix2 = fc.tuple(entry, entry, entry, entry).map(([a, b, c, d]) => ({ A: [[a, b], [c, d]] }));
// Every such matrix, largest entries first (as a grid search would meet them).
const ENTRIES = [3, -3, 2, -2, 1, -1].map((k) => Rational.of(k));
const grid: Instance[] = ENTRIES.flatMap((a) => ENTRIES.flatMap((b) => ENTRIES.flatMap((c) => ENTRIES.map((d) => ({ A: [[a, b], [c, d]] })))));
const det2 = (A: Rational[][]) => A[0][0].mul(A[1][1]).sub(A[0][1].mul(A[1][0]));
const BOUND = Rational.of(4);
const certify = ({ A }: Instance) => makeCertificate('small-determinant', { A }, { kind: 'determinant-2x2', det: det2(A), holds: det2(A).cmp(BOUND) <= 0 }, {});
const height = (A: Rational[][]) => A.flat().reduce((s, x) => s + Math.abs(x.toNumber()), 0);
// The user's own checker: reads the certificate's JSON, recomputes the determinant.
const verify = (c: Certificate) => {
  const A = (c.instance['A'] as string[][]).map((row) => row.map((x) => parseRational(x)));
  const det = det2(A);
  if (!det.eq(parseRational(String(c.claim['det'])))) throw new Error(`the determinant is ${det}, not ${String(c.claim['det'])}`);
  return { holds: det.cmp(BOUND) <= 0, summary: `det A = ${det}` };
};
const definition = {
  name: 'small-determinant',
  title: 'a 2 x 2 matrix with entries in +-{1, 2, 3} has det A <= 4 (false)',
  statement: { hypotheses: ['entries in +-{1, 2, 3}'], claim: 'det A <= 4' },
  source: 'a deliberately wrong statement, for the test',
  size: { default: 2, min: 2, max: 2, meaning: 'rows' },
  instancesAre: 'all 6^4 matrices, largest entries first',
  instances: () => grid,
  arbitrary: () => matrix2,
  check: (instance: Instance) => ({ certificate: certify(instance) }),
};

describe('a theorem with a certificate kind of its own', () => {
  it('is re-checked by its verify, fails, and shrinks although its arbitrary cannot shrink the found instance', () => {
    const r = runTheorem(defineTheorem({ ...definition, verify }), { seed: 3 });
    expect(r).toMatchObject({ passed: false, instances: 6 ** 4 });
    expect(r.failed).toBeGreaterThan(0);
    expect(r.failures[0]).toEqual({ index: 6, reason: 'the statement fails: det A = 18' }); // [[3, 3], [-3, 3]]
    const cx = r.counterexample!;
    const { A } = cx.value as Instance;
    expect(det2(A).cmp(BOUND)).toBeGreaterThan(0);
    expect(cx.shrinks).toBeGreaterThan(0);
    expect(height(A)).toBeLessThan(12);
    expect(cx.certificate!.claim.holds).toBe(false);
  });

  it('a tampered certificate is rejected by its verify', () => {
    const ok = runTheorem(defineTheorem({ ...definition, check: (i: Instance) => ({ certificate: { ...certify(i), claim: { ...certify(i).claim, det: '12345' } } }), verify }), { seed: 3 });
    expect(ok.failures[0].reason).toMatch(/^the certificate is rejected: verify rejects it: the determinant is 0, not 12345$/);
  });

  it('a certificate of a kind the theorem does not declare is rejected', () => {
    const r = runTheorem(defineTheorem({ ...definition, verify, kinds: ['determinant-3x3'] }), { seed: 3 });
    expect(r.failures[0].reason).toBe('the certificate is rejected: claim.kind: "determinant-2x2" is not among the kinds small-determinant declares (determinant-3x3)');
    expect(() => defineTheorem({ ...definition, kinds: [] })).toThrow(/kinds must be a nonempty list/);
  });

  it('without verify the rejection says what to add', () => {
    const r = runTheorem(defineTheorem(definition), { seed: 3 });
    expect(r.failures[0].reason).toMatch(/unknown kind "determinant-2x2".*re-checks it with its `verify`/);
  });

  it('a conjecture with its own kind is verified by its verify', () => {
    const report = checkConjecture(defineConjecture({ name: 'small-determinant', statement: 'det A <= 4', arbitrary: matrix2, holds: ({ A }) => det2(A).cmp(BOUND) <= 0, certify, verify }), { seed: 3 });
    expect(report.refuted).toBe(true);
    const det = det2((report.counterexample!.value as Instance).A);
    expect(report.counterexample!.verification).toEqual({ valid: true, theorem: 'small-determinant', kind: 'determinant-2x2', holds: false, summary: `det A = ${det}` });
  });
});
