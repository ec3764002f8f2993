/**
 * The lifted data of one ReLU unit: x~_i = (x_i, 1) with a bias, x_i without (MATH.md,
 * "Activation patterns"), as primitive integer vectors (a positive multiple of x~_i: the clear
 * of denominators and the division by the content are both positive, so every sign is kept).
 *
 * Points that span the same line give one hyperplane {theta : x~_i . theta = 0}: they are
 * gathered in a *group* with a representative (the primitive vector whose first nonzero entry
 * is positive) and an orientation +-1 per member (duplicates +1, antiparallel points -1).
 * The enumerators work on groups, one sign per hyperplane; `patternBits` expands to points.
 * Points with x~_i = 0 (possible only without bias, x_i = 0) lie on no hyperplane: they are
 * never active in the open convention (theta . 0 > 0 fails) and always in the closed one.
 */
import { DimensionError } from '../core/errors.js';
import { Rational } from '../field/rational.js';
import type { Mat } from '../linalg/mat.js';
import { primitiveRow } from '../lp/integer-rows.js';

export type Convention = 'open' | 'closed';

export interface LiftedData {
  /** Number of points. */
  readonly n: number;
  /** Dimension of the lifted vectors: d + 1 with bias, d without. */
  readonly D: number;
  readonly bias: boolean;
  /** Primitive integer multiple of each x~_i (all zeros for a zero point). */
  readonly vectors: readonly (readonly bigint[])[];
  /** One representative per hyperplane, in order of first appearance. */
  readonly reps: readonly (readonly bigint[])[];
  /** Group of point i (-1 for a zero point) and its orientation relative to the representative. */
  readonly groupOf: Int32Array;
  readonly orientOf: Int8Array;
  /** Point indices of each group. */
  readonly members: readonly (readonly number[])[];
}

export type DataInput = Mat<Rational> | readonly (readonly Rational[])[];

export function rowsOf(X: DataInput): readonly (readonly Rational[])[] {
  return 'rows' in X && !Array.isArray(X) ? (X as Mat<Rational>).rows : (X as readonly (readonly Rational[])[]);
}

/** The lifted, grouped data (throws DimensionError on ragged rows, naming `fn`). */
export function liftData(X: DataInput, bias: boolean, fn = 'liftData'): LiftedData {
  const rows = rowsOf(X);
  const d = rows.length > 0 ? rows[0].length : 'ncols' in X ? (X as Mat<Rational>).ncols : 0;
  rows.forEach((r, i) => {
    if (r.length !== d) throw new DimensionError(fn, `point ${i} has ${r.length} coordinates, point 0 has ${d}`);
  });
  const D = d + (bias ? 1 : 0);
  const vectors = rows.map((r) => primitiveRow(bias ? [...r, Rational.ONE] : r));
  const reps: bigint[][] = [];
  const members: number[][] = [];
  const index = new Map<string, number>();
  const groupOf = new Int32Array(rows.length).fill(-1);
  const orientOf = new Int8Array(rows.length);
  vectors.forEach((v, i) => {
    const lead = v.find((x) => x !== 0n);
    if (lead === undefined) return;
    const orient = lead > 0n ? 1 : -1;
    const rep = orient === 1 ? v : v.map((x) => -x);
    const key = rep.join(',');
    let g = index.get(key);
    if (g === undefined) {
      g = reps.length;
      index.set(key, g);
      reps.push(rep);
      members.push([]);
    }
    members[g].push(i);
    groupOf[i] = g;
    orientOf[i] = orient;
  });
  return { n: rows.length, D, bias, vectors, reps, groupOf, orientOf, members };
}

/**
 * Point bits ('0'/'1', char i for point i) from one sign per hyperplane. In the closed
 * convention a group sign 0 (theta on the hyperplane) makes its points active.
 */
export function patternBits(data: LiftedData, groupSigns: ArrayLike<number>, convention: Convention): string {
  const { n, groupOf, orientOf } = data;
  const chars = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i];
    if (g < 0) {
      chars[i] = convention === 'open' ? '0' : '1';
      continue;
    }
    const s = groupSigns[g] * orientOf[i];
    chars[i] = s > 0 || (s === 0 && convention === 'closed') ? '1' : '0';
  }
  return chars.join('');
}
