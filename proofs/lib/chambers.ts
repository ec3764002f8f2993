/**
 * Certificates for the pattern theorems, built to be checked without this code:
 * - every sign vector s in {+,-}^n is either realised (a theta from `listPatterns`, or from an
 *   exact LP when `listPatterns` missed it) or infeasible (a Gordan vector from the LP's
 *   alternative: y >= 0, y != 0, sum_i y_i s_i x~_i = 0);
 * - for the zonotope, each pattern's vertex v_S with its direction, and each other subset's
 *   point as a convex combination of other points of Z (an exact LP).
 * Where the toolkit's answer differs from what the LPs show, the difference is a `problem`.
 */
import { countPatterns, findInteriorPoint, findStrictPoint, listPatterns, Rational, zonotopeVertex } from 'relu-exact';
import { bitStrings } from './combinatorics.js';
import { lifted, type DataInstance } from './data.js';

export interface SignClassification {
  readonly realised: { bits: string; theta: readonly Rational[] }[];
  readonly infeasible: { bits: string; gordan: Rational[] }[];
  readonly problems: string[];
}

const signed = (vectors: readonly Rational[][], bits: string): Rational[][] => vectors.map((v, i) => (bits[i] === '1' ? v : v.map((x) => x.neg())));

/** All 2^n sign vectors, realised or shown infeasible; disagreements with listPatterns noted. */
export function classifySigns(instance: DataInstance): SignClassification {
  const vectors = lifted(instance);
  const D = vectors[0].length;
  const listed = new Map(listPatterns(instance.X, { bias: instance.bias, witness: true }).map((p) => [p.bits, p.theta!]));
  const realised: SignClassification['realised'] = [];
  const infeasible: SignClassification['infeasible'] = [];
  const problems: string[] = [];
  for (const bits of bitStrings(vectors.length)) {
    const answer = findStrictPoint(signed(vectors, bits), D);
    const theta = listed.get(bits);
    if (answer.ok) {
      realised.push({ bits, theta: theta ?? answer.x });
      if (theta === undefined) problems.push(`listPatterns misses the pattern ${bits}`);
    } else {
      infeasible.push({ bits, gordan: answer.y });
      if (theta !== undefined) problems.push(`listPatterns lists ${bits}, which an exact LP shows infeasible`);
    }
  }
  const counted = countPatterns(instance.X, { bias: instance.bias, method: 'enumerate' }).count;
  if (counted !== BigInt(realised.length)) problems.push(`countPatterns (enumerating) gives ${counted}, the certified count is ${realised.length}`);
  return { realised, infeasible, problems };
}

export interface VertexClassification {
  readonly vertices: { bits: string; point: Rational[]; direction: readonly Rational[] }[];
  readonly nonVertices: { bits: string; combination: { bits: string; weight: Rational }[] }[];
  readonly problems: string[];
}

/** Every subset T: a vertex of Z with a direction (a pattern), or v_T as a convex combination of other points. */
export function classifyZonotopePoints(instance: DataInstance): VertexClassification {
  const vectors = lifted(instance);
  const n = vectors.length;
  const D = vectors[0].length;
  const all = bitStrings(n);
  const pointOf = new Map(all.map((b) => [b, zonotopeVertex(instance.X, b, { bias: instance.bias })]));
  const patterns = new Map(listPatterns(instance.X, { bias: instance.bias, witness: true }).map((p) => [p.bits, p.theta!]));
  const vertices: VertexClassification['vertices'] = [];
  const nonVertices: VertexClassification['nonVertices'] = [];
  const problems: string[] = [];
  for (const bits of all) {
    const target = pointOf.get(bits)!;
    const others = all.filter((b) => !same(pointOf.get(b)!, target));
    const weights = convexCombination(others.map((b) => pointOf.get(b)!), target, D);
    const direction = patterns.get(bits);
    if (weights !== null) {
      nonVertices.push({ bits, combination: others.flatMap((b, k) => (weights[k].isZero() ? [] : [{ bits: b, weight: weights[k] }])) });
      if (direction !== undefined) problems.push(`${bits} is a pattern but its point is no vertex`);
      continue;
    }
    const strict = direction === undefined ? findStrictPoint(signed(vectors, bits), D) : { ok: true as const, x: direction };
    if (!strict.ok) {
      problems.push(`the point of ${bits} is a vertex of Z but ${bits} is no pattern: the bijection fails`);
      continue;
    }
    if (direction === undefined) problems.push(`listPatterns misses ${bits}, whose point is a vertex`);
    vertices.push({ bits, point: target, direction: strict.x });
  }
  return { vertices, nonVertices, problems };
}

const same = (a: readonly Rational[], b: readonly Rational[]): boolean => a.every((x, i) => x.eq(b[i]));

/** w >= 0 with sum w = 1 and sum w_k p_k = target, or null (exact LP). */
function convexCombination(points: readonly Rational[][], target: readonly Rational[], D: number): Rational[] | null {
  if (points.length === 0) return null;
  const m = points.length;
  const unit = (k: number): Rational[] => Array.from({ length: m }, (_, j) => (j === k ? Rational.ONE : Rational.ZERO));
  const equal = {
    A: [new Array<Rational>(m).fill(Rational.ONE), ...Array.from({ length: D }, (_, j) => points.map((p) => p[j]))],
    b: [Rational.ONE, ...target],
  };
  const r = findInteriorPoint({ weak: { A: points.map((_, k) => unit(k)), b: new Array<Rational>(m).fill(Rational.ZERO) }, equal }, m);
  return r.ok ? r.x : null;
}
