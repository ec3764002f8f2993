/**
 * Certificates of Jacobian ranks for the functional-dimension theorems, built with the toolkit
 * (functionalDimension, batchJacobian, rref, nullspace) and re-checked by src/verify with its own
 * Jacobian: `jacobian-rank` for a batch, `functional-dimension-1d` for univariate nets.
 */
import fc from 'fast-check';
import { batchJacobian, createReluNet, det, functionalDimension, hiddenNeuronCount, inputDim, Mat, nullspace, parameterCount, preActivations, QQ, Rational, rref, writeReluNet, type ReluNet } from 'relu-exact';
import { makeCertificate, rational, type Certificate } from 'relu-exact/arbitraries';

export type Compare = 'equal' | 'at-most';

/** Pivot rows and columns of J, the minor's determinant, and a kernel basis. */
export function rankParts(J: readonly Rational[][], D: number) {
  const A = Mat.fromRows(QQ, J.map((r) => r.slice()), D);
  const columns = J.length === 0 ? [] : rref(A).pivots;
  const rows = J.length === 0 ? [] : rref(A.transpose()).pivots;
  const minor = Mat.fromRows(QQ, rows.map((i) => columns.map((j) => J[i][j])), columns.length);
  const kernel = J.length === 0 ? Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO))) : nullspace(A);
  return { rows, columns, determinant: rows.length === 0 ? Rational.ONE : det(minor), kernel };
}

/** `jacobian-rank` at the toolkit's witness batch (a sub-batch of rank = the functional dimension). */
export function jacobianRankCertificate(theorem: string, net: ReluNet<Rational>, expected: number, compare: Compare): { certificate: Certificate; problems: string[]; rank: number } {
  const fd = functionalDimension(net);
  const J = batchJacobian(net, fd.witness).rows;
  const parts = rankParts(J, parameterCount(net));
  const rank = parts.rows.length;
  const holds = compare === 'equal' ? rank === expected : rank <= expected;
  const problems = rank === fd.functionalDimension ? [] : [`functionalDimension says ${fd.functionalDimension}, its witness batch has rank ${rank}`];
  const certificate = makeCertificate(theorem, { net: writeReluNet(net), points: fd.witness }, { kind: 'jacobian-rank', rank, expected, compare, holds }, parts);
  return { certificate, problems, rank };
}

/** `functional-dimension-1d` of a univariate net: the toolkit's witness batch and the kernel there. */
export function functionalDimension1dCertificate(theorem: string, net: ReluNet<Rational>, expected: number, compare: Compare): { certificate: Certificate; problems: string[] } {
  const fd = functionalDimension(net);
  const parts = rankParts(batchJacobian(net, fd.witness).rows, parameterCount(net));
  const r = parts.rows.length;
  const holds = compare === 'equal' ? r === expected : r <= expected;
  const problems = r === fd.functionalDimension ? [] : [`functionalDimension says ${fd.functionalDimension}, its witness batch has rank ${r}`];
  if (fd.hiddenSymmetries !== r < fd.upperBound) problems.push(`hiddenSymmetries is ${fd.hiddenSymmetries} at functional dimension ${r} (D - N_h = ${fd.upperBound})`);
  const certificate = makeCertificate(theorem, { net: writeReluNet(net) }, { kind: 'functional-dimension-1d', functionalDimension: r, expected, compare, holds }, { points: fd.witness, ...parts });
  return { certificate, problems };
}

/** D - N_h. */
export function upperBound(net: ReluNet<Rational>): number {
  return parameterCount(net) - hiddenNeuronCount(net);
}

/** Some point of a small grid has no zero pre-activation (else the net may be smooth nowhere). */
export function hasSmoothPoint(net: ReluNet<Rational>): boolean {
  const d = inputDim(net);
  for (let k = 0; k < 12; k++) {
    const x = Array.from({ length: d }, (_, i) => Rational.of(7 * k - 37 + 3 * i * i, 5 + ((k + i) % 3)));
    if (preActivations(net, x).slice(0, -1).every((z) => z.every((v) => !v.isZero()))) return true;
  }
  return false;
}

const q = (n: number, d = 1): Rational => Rational.of(n, d);

/** A net from plain layers of numbers (entries as rationals). */
export function netOf(layers: readonly { W: readonly (readonly (number | Rational)[])[]; b: readonly (number | Rational)[] }[]): ReluNet<Rational> {
  const r = (x: number | Rational): Rational => (typeof x === 'number' ? q(x) : x);
  return createReluNet(QQ, layers.map((l) => ({ W: l.W.map((row) => row.map(r)), b: l.b.map(r) })));
}

/** `count` seeded draws of an arbitrary (fast-check's sampler, so the instances are reproducible). */
export function seeded<T>(arb: fc.Arbitrary<T>, seed: number, count: number): T[] {
  return count === 0 ? [] : fc.sample(arb, { seed, numRuns: count });
}

/** Nonzero and positive rationals of small height, for planting mechanisms. */
export const nonzero = rational({ maxNumerator: 3, maxDenominator: 2, sign: 'nonzero' });
export const positive = rational({ maxNumerator: 3, maxDenominator: 2, sign: 'positive' });
export const anyRational = rational({ maxNumerator: 3, maxDenominator: 2 });
