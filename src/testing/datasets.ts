/**
 * Data sets X (n x d, one row a point), optionally with labels y, for activation patterns and
 * fitting. `position` chooses what the points do:
 * - 'any' (default): independent points;
 * - 'general-position': any min(n, D) of the lifted x~_i = (x_i, 1) (x_i without bias) are
 *   linearly independent, so Cover's count applies (rejection sampling, checked exactly);
 * - 'collinear': the last point lies on the line through the first two, x_{n-1} = x_0 + t (x_1 - x_0)
 *   (needs d >= 2 and n >= 3; in one dimension every set is collinear, use 'duplicate');
 * - 'duplicate': the last point repeats the first (needs n >= 2).
 * Coordinates shrink towards 0 and small denominators; the planted relation survives shrinking.
 */
import fc from 'fast-check';
import { UsageError } from '../core/errors.js';
import { QQ } from '../field/qq.js';
import { Rational } from '../field/rational.js';
import { Mat } from '../linalg/mat.js';
import { rank } from '../linalg/operations.js';
import { checkInteger, checkOneOf, checkRange } from './options.js';
import { rational, type RationalOptions } from './rationals.js';

export type PointPosition = 'any' | 'general-position' | 'collinear' | 'duplicate';
const POSITIONS: readonly PointPosition[] = ['any', 'general-position', 'collinear', 'duplicate'];

export interface DatasetOptions {
  /** Number of points, or a range (default { min: 1, max: 6 }). */
  points?: number | { min: number; max: number };
  /** Input dimension d (default 1). */
  dimension?: number;
  /** Whether general position is meant for x~ = (x, 1) (default true) or x~ = x. */
  bias?: boolean;
  /** Default 'any'. */
  position?: PointPosition;
  /** Coordinates (default { maxNumerator: 6, maxDenominator: 3 }). */
  coordinates?: RationalOptions;
  /** Labels y, one per point: false (default) for none, true or options for rationals. */
  labels?: boolean | RationalOptions;
}

export interface GeneratedDataset {
  readonly X: Rational[][];
  readonly y?: Rational[];
}

/** fc.Arbitrary of data sets (see DatasetOptions for the defaults). */
export function dataset(options: DatasetOptions = {}): fc.Arbitrary<GeneratedDataset> {
  const d = checkInteger('dataset', 'dimension', options.dimension ?? 1, 1);
  const position = checkOneOf('dataset', 'position', options.position ?? 'any', POSITIONS);
  const count = checkRange('dataset', 'points', options.points ?? { min: 1, max: 6 }, 0);
  const bias = options.bias ?? true;
  if (position === 'collinear' && d < 2) throw new UsageError("dataset: 'collinear' needs dimension >= 2 (in one dimension every set of points is collinear; use 'duplicate' for a degenerate 1-D set)");
  const least = position === 'collinear' ? 3 : position === 'duplicate' ? 2 : 0;
  if (count.max < least) throw new UsageError(`dataset: '${position}' needs at least ${least} points, points allows at most ${count.max}`);
  const coordinate = rational({ maxNumerator: 6, maxDenominator: 3, ...options.coordinates });
  const point = fc.array(coordinate, { minLength: d, maxLength: d });
  const points = fc.array(point, { minLength: Math.max(count.min, least), maxLength: count.max });
  const t = rational({ maxNumerator: 3, maxDenominator: 2 });
  let X: fc.Arbitrary<Rational[][]> = points;
  if (position === 'general-position') X = points.filter((P) => inGeneralPosition(P, bias));
  if (position === 'duplicate') X = points.map((P) => [...P.slice(0, -1), P[0].slice()]);
  if (position === 'collinear') X = fc.tuple(points, t).map(([P, s]) => [...P.slice(0, -1), P[0].map((a, j) => a.add(s.mul(P[1][j].sub(a))))]);
  if (options.labels === undefined || options.labels === false) return X.map((x) => ({ X: x }));
  const label = rational(options.labels === true ? {} : options.labels);
  return X.chain((x) => fc.array(label, { minLength: x.length, maxLength: x.length }).map((y) => ({ X: x, y })));
}

/** Any min(n, D) of the lifted points linearly independent (exact ranks of every such subset). */
export function inGeneralPosition(X: readonly (readonly Rational[])[], bias = true): boolean {
  const vectors = X.map((x) => (bias ? [...x, Rational.ONE] : [...x]));
  const n = vectors.length;
  if (n === 0) return true;
  const k = Math.min(n, vectors[0].length);
  const pick = (start: number, chosen: number[]): boolean => {
    if (chosen.length === k) return rank(Mat.fromRows(QQ, chosen.map((i) => vectors[i]))) === k;
    for (let i = start; i < n; i++) if (!pick(i + 1, [...chosen, i])) return false;
    return true;
  };
  return pick(0, []);
}
