/**
 * The zonotope view of activation patterns (LITERATURE-B 1.2): Z = sum_i [0, x~_i]; the vertex
 * selected by theta is v_S = sum_{i in S} x~_i with S = {i : x~_i.theta > 0}, a bijection between
 * open patterns and vertices. Two vertices are joined by an edge when their chambers share a
 * facet: the patterns differ on exactly one hyperplane, i.e. on the points of one parallel class
 * (a single point for data without duplicate or antiparallel points). This is the move of local
 * search over vertices (Matena and Raffel's greedy search, LITERATURE-B 1.7).
 */
import { DimensionError, UsageError } from '../core/errors.js';
import { Rational } from '../field/rational.js';
import { interiorPoint, type LpOptions } from '../lp/interior.js';
import { liftData, rowsOf, type Convention, type DataInput, type LiftedData } from './lifted.js';
import { iterPatterns, type PatternOptions } from './patterns.js';

export interface ZonotopeOptions {
  /** Lift with a bias coordinate (default true). */
  bias?: boolean;
  lp?: LpOptions;
}

/** sum_{i : bits[i] = '1'} x~_i, exactly (in the units of the data, not rescaled). */
export function zonotopeVertex(X: DataInput, bits: string, options: ZonotopeOptions = {}): Rational[] {
  const rows = rowsOf(X);
  checkBits('zonotopeVertex', bits, rows.length);
  const bias = options.bias ?? true;
  const D = (rows[0]?.length ?? 0) + (bias ? 1 : 0);
  const v = new Array<Rational>(D).fill(Rational.ZERO);
  rows.forEach((x, i) => {
    if (bits[i] !== '1') return;
    x.forEach((xj, j) => (v[j] = v[j].add(xj)));
    if (bias) v[D - 1] = v[D - 1].add(Rational.ONE);
  });
  return v;
}

export type Realisation = { ok: true; theta: Rational[] } | { ok: false };

/**
 * Whether `bits` is a pattern (open: some theta with x~_i.theta > 0 exactly on the 1s and < 0
 * elsewhere, zero points never active; closed: >= 0 on the 1s, < 0 elsewhere), with a witness.
 */
export function realisePattern(X: DataInput, bits: string, options: ZonotopeOptions & { convention?: Convention } = {}): Realisation {
  const data = liftData(X, options.bias ?? true, 'realisePattern');
  checkBits('realisePattern', bits, data.n);
  const signs = new Int8Array(data.n).map((_, i) => (bits[i] === '1' ? 1 : -1));
  return realiseSigns(data, signs, options.convention ?? 'open', options.lp);
}

function realiseSigns(data: LiftedData, signs: Int8Array, convention: Convention, lp?: LpOptions): Realisation {
  const strict: bigint[][] = [];
  const weak: bigint[][] = [];
  for (let i = 0; i < data.n; i++) {
    const v = data.vectors[i];
    if (data.groupOf[i] < 0) {
      // A zero point: never active (open), always active (closed).
      if ((signs[i] > 0) !== (convention === 'closed')) return { ok: false };
      continue;
    }
    const row = [...v.map((x) => BigInt(signs[i]) * x), 0n];
    (signs[i] > 0 && convention === 'closed' ? weak : strict).push(row);
  }
  const answer = interiorPoint({ n: data.D, strict, weak }, lp);
  return answer.ok ? { ok: true, theta: answer.num.map((x) => Rational.fromBigint(x)) } : { ok: false };
}

export interface Neighbour {
  /** The adjacent pattern. */
  bits: string;
  /** The points whose bit flips (one parallel class of points). */
  flipped: number[];
}

/**
 * The vertices adjacent to the vertex of an open pattern: one exact LP per hyperplane (the
 * hyperplane is a facet of the chamber iff flipping its side keeps the system feasible).
 * Throws UsageError when `bits` is not an open pattern.
 */
export function patternNeighbours(X: DataInput, bits: string, options: ZonotopeOptions = {}): Neighbour[] {
  const data = liftData(X, options.bias ?? true, 'patternNeighbours');
  checkBits('patternNeighbours', bits, data.n);
  const signs = Int8Array.from({ length: data.n }, (_, i) => (bits[i] === '1' ? 1 : -1));
  if (!realiseSigns(data, signs, 'open', options.lp).ok) throw new UsageError(`patternNeighbours: ${bits} is not an (open) activation pattern of the data`);
  return neighboursOf(data, signs, options.lp);
}

function neighboursOf(data: LiftedData, signs: Int8Array, lp?: LpOptions): Neighbour[] {
  const out: Neighbour[] = [];
  data.members.forEach((flipped) => {
    const flippedSigns = Int8Array.from(signs);
    for (const i of flipped) flippedSigns[i] = -flippedSigns[i];
    if (realiseSigns(data, flippedSigns, 'open', lp).ok) out.push({ bits: Array.from(flippedSigns, (s) => (s > 0 ? '1' : '0')).join(''), flipped: [...flipped] });
  });
  return out;
}

/** Every edge of the zonotope once, as a pair of adjacent patterns (first < second). */
export function* iterZonotopeEdges(X: DataInput, options: ZonotopeOptions & Pick<PatternOptions, 'maxCount' | 'maxSeconds'> = {}): Generator<[string, string]> {
  const data = liftData(X, options.bias ?? true, 'iterZonotopeEdges');
  for (const p of iterPatterns(X, { bias: data.bias, maxCount: options.maxCount, maxSeconds: options.maxSeconds })) {
    const signs = Int8Array.from({ length: data.n }, (_, i) => (p.bits[i] === '1' ? 1 : -1));
    for (const nb of neighboursOf(data, signs, options.lp)) if (p.bits < nb.bits) yield [p.bits, nb.bits];
  }
}

/** f_1 of the zonotope: the number of edges (pairs of adjacent chambers). */
export function countZonotopeEdges(X: DataInput, options: ZonotopeOptions = {}): number {
  let count = 0;
  for (const _ of iterZonotopeEdges(X, options)) count++;
  return count;
}

function checkBits(fn: string, bits: string, n: number): void {
  if (typeof bits !== 'string' || bits.length !== n || !/^[01]*$/.test(bits)) {
    throw new DimensionError(fn, `a pattern must be a string of ${n} characters '0'/'1', got ${JSON.stringify(bits)}`);
  }
}
