/**
 * relu-exact/vitest: exact matchers for vitest (and any expect with `extend`):
 *
 *   import { expect } from 'vitest';
 *   import { reluExactMatchers } from 'relu-exact/vitest';
 *   expect.extend(reluExactMatchers);
 *   expect(net).toComputeSameFunctionAs(other);
 *
 * Nets are `ReluNet<Rational>` objects or `relu-net/1` JSON (text or parsed). Every verdict is
 * exact; a failure names a point where two functions differ, the reason a net is reducible, or
 * the rank found. `assertPreservesFunction` is the same check as a reusable fast-check law.
 */
import { UsageError } from '../core/errors.js';
import type { Rational } from '../field/rational.js';
import { readReluNet } from '../network/json-io.js';
import { writeReluNet } from '../network/json-io.js';
import type { ReluNet } from '../network/relu-net.js';
import { compareNetFunctions } from '../analyses/equivalence/index.js';
import { decideIrreducibility, functionalDimensionOf } from './analyses.js';
// Types only (erased): the matchers need nothing of vitest at run time; this loads the module the augmentation below extends.
import type {} from 'vitest';

export { assertPreservesFunction } from './laws.js';
export { AnalysisNotAvailableError, decideIrreducibility, functionalDimensionOf, type IrreducibilityVerdict, type FunctionalDimensionVerdict } from './analyses.js';

export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

type NetLike = ReluNet<Rational> | string | { format: 'relu-net/1' };

function asNet(value: unknown, what: string, matcher: string): ReluNet<Rational> {
  if (typeof value === 'string') return readReluNet(value);
  if (typeof value === 'object' && value !== null) {
    if ((value as { format?: unknown }).format === 'relu-net/1') return readReluNet(value as never);
    const net = value as ReluNet<Rational>;
    if (Array.isArray(net.layers) && net.domain?.exact === true) return net;
  }
  throw new UsageError(`${matcher}: ${what} must be an exact ReluNet or relu-net/1 JSON, got ${typeof value === 'object' ? JSON.stringify(value)?.slice(0, 80) : String(value)}`);
}

const show = (xs: readonly Rational[]): string => (xs.length === 1 ? xs[0].toString() : `(${xs.join(', ')})`);
const netText = (net: ReluNet<Rational>): string => JSON.stringify(writeReluNet(net).layers);

export function toComputeSameFunctionAs(received: unknown, other: NetLike): MatcherResult {
  const a = asNet(received, 'the received value', 'toComputeSameFunctionAs');
  const b = asNet(other, 'the expected net', 'toComputeSameFunctionAs');
  const r = compareNetFunctions(a, b);
  if (r.same) return { pass: true, message: () => `expected the nets to compute different functions, but they compute the same one (exact, ${r.method === 'spline' ? 'canonical splines' : `${r.regions} linear regions of a - b`})` };
  return { pass: false, message: () => `expected the nets to compute the same function, but at x = ${show(r.point)} the received net gives ${show(r.valueA)} and the expected net ${show(r.valueB)}` };
}

export function toBeIrreducible(received: unknown): MatcherResult {
  const net = asNet(received, 'the received value', 'toBeIrreducible');
  const v = decideIrreducibility(net);
  if (v.irreducible) return { pass: true, message: () => `expected the net to be reducible, but no net narrower than ${v.width} computes its function (${v.reasons.join('; ')})` };
  return { pass: false, message: () => `expected the net of width ${v.width} to be irreducible, but width ${v.minimalWidth} suffices: ${v.reasons.join('; ')}. A minimal net: ${netText(v.minimal)}` };
}

export function toHaveFunctionalDimension(received: unknown, expected: number): MatcherResult {
  const net = asNet(received, 'the received value', 'toHaveFunctionalDimension');
  if (!Number.isSafeInteger(expected) || expected < 0) throw new UsageError(`toHaveFunctionalDimension: expected must be an integer >= 0, got ${expected}`);
  const v = functionalDimensionOf(net);
  const pass = v.functionalDimension === expected;
  const symmetries = v.functionalDimension < v.upperBound ? 'below the bound: hidden symmetries' : 'at the bound';
  return { pass, message: () => `expected functional dimension ${pass ? 'not ' : ''}${expected}; the exact functional dimension (Jacobian rank over a decisive batch) is ${v.functionalDimension}, with D - N_h = ${v.upperBound} (${symmetries})` };
}

export const reluExactMatchers = { toComputeSameFunctionAs, toBeIrreducible, toHaveFunctionalDimension };

interface ReluExactMatchers<R = unknown> {
  /** Exact equality of the functions (any input dimension; same input and output dimensions). */
  toComputeSameFunctionAs(other: NetLike): R;
  /** No narrower net computes the same function (shallow nets with output bias, any input dimension). */
  toBeIrreducible(): R;
  /** The exact functional dimension (any architecture). */
  toHaveFunctionalDimension(k: number): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends ReluExactMatchers<T> {}
}
