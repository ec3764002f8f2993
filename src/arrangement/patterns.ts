/**
 * Activation patterns of one ReLU unit on a data set (MATH.md "Activation patterns";
 * LITERATURE-B 0, 1.2-1.3, 7): `iterPatterns` streams them, `listPatterns` sorts them,
 * `countPatterns` counts them.
 *
 * - open (default): the sign vectors of the chambers of {theta : x~_i . theta = 0}, bit i set
 *   when x~_i . theta > 0: the vertices of the zonotope sum_i [0, x~_i]. Count = Whitney's sum.
 * - closed: {1[X~ theta >= 0] : theta in R^D} (Pilanci and Ergen's D_i), see `closed.ts`.
 * Points with x~_i = 0 are never active (open) and always active (closed); duplicate points
 * always share their bit and antiparallel ones have opposite bits (one hyperplane), except in the
 * closed convention where theta on that hyperplane activates both.
 *
 * A pattern is a string of '0'/'1', char i for point i. Enumeration is output-sensitive and
 * streams (memory O(n D), not O(count)); witnesses theta are exact integer vectors, checked.
 */
import { UsageError } from '../core/errors.js';
import { Rational } from '../field/rational.js';
import type { LpOptions } from '../lp/interior.js';
import { Budget, type BudgetOptions } from './budget.js';
import { dotSign, IntegerRows, Probe } from './exact-sign.js';
import { chambers, type ChamberMethod } from './chambers.js';
import { closedFaces, hasPositiveDependency } from './closed.js';
import { coverCount } from './counting.js';
import { generalPosition } from './general-position.js';
import { liftData, patternBits, type Convention, type DataInput, type LiftedData } from './lifted.js';

export type { Convention, DataInput } from './lifted.js';

export interface PatternOptions extends BudgetOptions {
  /** Lift x~ = (x, 1) (default true); false: x~ = x. */
  bias?: boolean;
  /** 'open' (default) or 'closed'. */
  convention?: Convention;
  /** Attach to each pattern an exact theta realising it (default false). */
  witness?: boolean;
  /** `'lp'` enumerates with LPs in every dimension (the second algorithm the tests compare with). */
  method?: ChamberMethod;
  lp?: LpOptions;
}

export interface Pattern {
  /** char i is '1' where point i is active. */
  readonly bits: string;
  /** A parameter vector theta (length D) with exactly this pattern, when asked for. */
  readonly theta?: readonly Rational[];
}

/** Streams every pattern once, in no particular order (see `listPatterns` for sorted output). */
export function* iterPatterns(X: DataInput, options: PatternOptions = {}): Generator<Pattern> {
  const data = liftData(X, options.bias ?? true, 'iterPatterns');
  const convention = options.convention ?? 'open';
  if (convention !== 'open' && convention !== 'closed') throw new UsageError(`iterPatterns: convention must be 'open' or 'closed', got ${JSON.stringify(convention)}`);
  const budget = new Budget(options, 'iterPatterns', 'patterns');
  const rows = new IntegerRows(data.vectors, data.D);
  for (const face of faces(data, convention, options, budget)) {
    budget.found();
    const bits = patternBits(data, face.signs, convention);
    if (options.witness !== true) {
      yield { bits };
      continue;
    }
    const theta = face.witness();
    checkWitness(rows, theta, bits, convention);
    yield { bits, theta: theta.map((x) => Rational.fromBigint(x)) };
  }
}

/** Every pattern, sorted ascending (as strings of '0'/'1'). */
export function listPatterns(X: DataInput, options: PatternOptions = {}): Pattern[] {
  return [...iterPatterns(X, options)].sort((a, b) => (a.bits < b.bits ? -1 : a.bits > b.bits ? 1 : 0));
}

export interface PatternCount {
  count: bigint;
  generalPosition: boolean;
  /** How the count was obtained: Cover's formula (only after the general-position check) or enumeration. */
  method: 'cover' | 'enumeration';
}

/**
 * The number of patterns. With `method: 'auto'` (default), data in general position are counted
 * by Cover's formula (closed convention: plus one when the points have a strictly positive
 * linear dependency, the all-ones pattern of theta = 0 then being new); otherwise by enumeration.
 */
export function countPatterns(X: DataInput, options: Omit<PatternOptions, 'method'> & { method?: 'auto' | 'enumerate' | ChamberMethod } = {}): PatternCount {
  const data = liftData(X, options.bias ?? true, 'countPatterns');
  const budget = new Budget(options, 'countPatterns', 'patterns');
  const generic = generalPosition(X, { bias: data.bias, checkTime: () => budget.check() });
  const convention = options.convention ?? 'open';
  if (generic && (options.method ?? 'auto') === 'auto') {
    let count = coverCount(data.n, data.D);
    if (convention === 'closed' && data.n > data.D && !data.bias && hasPositiveDependency(data.vectors, data.D)) count += 1n;
    return { count, generalPosition: true, method: 'cover' };
  }
  const method = options.method === 'lp' ? 'lp' : 'auto';
  let count = 0n;
  for (const _ of faces(data, convention, { ...options, method: method as ChamberMethod }, budget)) {
    budget.found();
    count++;
  }
  return { count, generalPosition: generic, method: 'enumeration' };
}

function faces(data: LiftedData, convention: Convention, options: PatternOptions, budget: Budget) {
  const chamberOptions = { method: options.method ?? 'auto', lp: options.lp, checkTime: () => budget.check() };
  return convention === 'open' ? chambers(data.reps, data.D, chamberOptions) : closedFaces(data, chamberOptions);
}

/** Every witness is checked against its pattern before it leaves the module (float-filtered exact signs). */
function checkWitness(rows: IntegerRows, theta: readonly bigint[], bits: string, convention: Convention): void {
  const probe = new Probe(theta, rows);
  for (let i = 0; i < rows.length; i++) {
    const s = dotSign(rows, i, probe);
    const active = convention === 'open' ? s > 0 : s >= 0;
    if (active !== (bits[i] === '1')) throw new Error(`witness check failed at point ${i}; this is a bug`);
  }
}
