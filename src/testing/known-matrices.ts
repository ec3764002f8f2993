/**
 * Matrices whose rank, determinant or inertia is known by construction (FLINT's `randrank` +
 * `randops`, and congruences P^T D P), so tests compare against a value that no elimination
 * produced. Everything is built in bigint and converted to a domain at the end.
 *
 * Randomness comes from any `IntRng` (`SeededRng` from src/core, or fast-check's `Random`);
 * the fast-check arbitraries below draw a seed and build from it, so a failure report shows
 * the seed and the built matrix.
 */
import fc from 'fast-check';
import { SeededRng } from '../core/rng.js';
import { F64, type FloatField } from '../field/f64.js';
import { QQ } from '../field/qq.js';
import { Rational } from '../field/rational.js';
import { ZZ } from '../field/zz.js';
import type { Inertia } from '../linalg/inertia.js';
import { Mat } from '../linalg/mat.js';

/** A source of uniform integers in [lo, hi]: SeededRng and fast-check's Random both fit. */
export interface IntRng {
  nextInt(lo: number, hi: number): number;
}

/** An integer matrix with its shape (the shape survives 0 rows). */
export interface IntMat {
  nrows: number;
  ncols: number;
  rows: bigint[][];
}

export function intMat(rows: bigint[][], ncols?: number): IntMat {
  return { nrows: rows.length, ncols: rows.length > 0 ? rows[0].length : (ncols ?? 0), rows };
}

export const toZZ = (a: IntMat): Mat<bigint> => Mat.fromRows(ZZ, a.rows, a.ncols);
export const toQQ = (a: IntMat): Mat<Rational> => Mat.fromRows(QQ, a.rows.map((r) => r.map((x) => Rational.fromBigint(x))), a.ncols);
/** Exact when |entries| < 2^53, which the generators here keep. */
export const toF64 = (a: IntMat, F: FloatField = F64): Mat<number> => Mat.fromRows(F, a.rows.map((r) => r.map((x) => Number(x))), a.ncols);

function absBig(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function nonzeroInt(rng: IntRng, bound: number): number {
  const v = rng.nextInt(1, bound);
  return rng.nextInt(0, 1) === 0 ? v : -v;
}

function shuffled(rng: IntRng, n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(0, i);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

export interface RandOpsOptions {
  /** Number of operations attempted (default 2 (m + n)). */
  ops?: number;
  /** An addition that would make some |entry| exceed this is skipped (default 2^20). */
  maxEntry?: bigint;
  /** Largest |k| in "add k times row i to row j" (default 2). */
  maxMultiple?: number;
  /** Whether column operations are used too (default true). */
  columns?: boolean;
}

/**
 * FLINT's `randops`, in place: random rank-preserving row (and column) operations: add an
 * integer multiple of one row to another (det unchanged), swap two rows, negate a row (det
 * negated). Returns the sign the determinant was multiplied by (+1 or -1).
 */
export function randOps(rng: IntRng, a: bigint[][], ncols: number, options: RandOpsOptions = {}): 1 | -1 {
  const m = a.length;
  const n = ncols;
  const ops = options.ops ?? 2 * (m + n);
  const maxEntry = options.maxEntry ?? 1n << 20n;
  const maxMultiple = options.maxMultiple ?? 2;
  const columns = options.columns ?? true;
  let sign: 1 | -1 = 1;
  for (let t = 0; t < ops; t++) {
    const onColumns = columns && rng.nextInt(0, 1) === 1;
    const size = onColumns ? n : m;
    if (size === 0) continue;
    const kind = rng.nextInt(0, 9); // mostly additions: they are what mixes the entries
    const i = rng.nextInt(0, size - 1);
    const j = rng.nextInt(0, size - 1);
    const get = (line: number, k: number): bigint => (onColumns ? a[k][line] : a[line][k]);
    const set = (line: number, k: number, v: bigint): void => {
      if (onColumns) a[k][line] = v;
      else a[line][k] = v;
    };
    const len = onColumns ? m : n;
    if (kind <= 6) {
      if (i === j) continue;
      const k = BigInt(nonzeroInt(rng, maxMultiple));
      let fits = true;
      for (let s = 0; s < len && fits; s++) fits = absBig(get(j, s) + k * get(i, s)) <= maxEntry;
      if (!fits) continue;
      for (let s = 0; s < len; s++) set(j, s, get(j, s) + k * get(i, s));
    } else if (kind <= 8) {
      if (i === j) continue;
      for (let s = 0; s < len; s++) {
        const x = get(i, s);
        set(i, s, get(j, s));
        set(j, s, x);
      }
      sign = -sign as 1 | -1;
    } else {
      for (let s = 0; s < len; s++) set(i, s, -get(i, s));
      sign = -sign as 1 | -1;
    }
  }
  return sign;
}

export interface RandRankOptions extends RandOpsOptions {
  /** The r seed entries are nonzero integers in [-entryBound, entryBound] (default 5). */
  entryBound?: number;
}

/**
 * FLINT's `randrank`: an m x n integer matrix of rank exactly r. r nonzero entries go on
 * distinct rows and columns (a rank-r "permuted diagonal"), then `randOps` mixes them with
 * rank-preserving row and column operations.
 */
export function randRank(rng: IntRng, m: number, n: number, r: number, options: RandRankOptions = {}): IntMat {
  if (r > Math.min(m, n) || r < 0) throw new RangeError(`randRank: rank ${r} impossible for ${m}x${n}`);
  const a = Array.from({ length: m }, () => new Array<bigint>(n).fill(0n));
  const rowsPerm = shuffled(rng, m);
  const colsPerm = shuffled(rng, n);
  for (let k = 0; k < r; k++) a[rowsPerm[k]][colsPerm[k]] = BigInt(nonzeroInt(rng, options.entryBound ?? 5));
  randOps(rng, a, n, options);
  return intMat(a, n);
}

/** A unimodular n x n integer matrix (det +-1) and its determinant. */
export function randUnimodular(rng: IntRng, n: number, options: RandOpsOptions = {}): { matrix: IntMat; det: bigint } {
  const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1n : 0n)));
  const sign = randOps(rng, a, n, { maxEntry: 1n << 8n, ...options });
  return { matrix: intMat(a, n), det: BigInt(sign) };
}

export function mulInt(a: IntMat, b: IntMat): IntMat {
  if (a.ncols !== b.nrows) throw new RangeError(`mulInt: ${a.nrows}x${a.ncols} times ${b.nrows}x${b.ncols}`);
  const rows = a.rows.map((r) => Array.from({ length: b.ncols }, (_, j) => r.reduce((acc, x, k) => acc + x * b.rows[k][j], 0n)));
  return intMat(rows, b.ncols);
}

export function transposeInt(a: IntMat): IntMat {
  return intMat(
    Array.from({ length: a.ncols }, (_, j) => a.rows.map((r) => r[j])),
    a.nrows,
  );
}

/**
 * A nonsingular n x n integer matrix U diag(d) V with U, V unimodular and d nonzero, and its
 * determinant det U * prod(d) * det V, known without elimination.
 */
export function randNonsingular(rng: IntRng, n: number, options: { entryBound?: number; ops?: number } = {}): { matrix: IntMat; det: bigint } {
  const bound = options.entryBound ?? 3;
  const ops = options.ops ?? 2 * n;
  const u = randUnimodular(rng, n, { ops });
  const v = randUnimodular(rng, n, { ops });
  const d = Array.from({ length: n }, () => BigInt(nonzeroInt(rng, bound)));
  const dm = intMat(
    d.map((x, i) => Array.from({ length: n }, (_, j) => (i === j ? x : 0n))),
    n,
  );
  return { matrix: mulInt(mulInt(u.matrix, dm), v.matrix), det: u.det * d.reduce((x, y) => x * y, 1n) * v.det };
}

export interface KnownInertia {
  /** S = P^T D P, integer and symmetric. */
  matrix: IntMat;
  inertia: Inertia;
  /** The diagonal D (its signs are the inertia, by Sylvester's law). */
  diagonal: bigint[];
  /** The invertible P. */
  p: IntMat;
}

/**
 * A symmetric integer matrix of known inertia: S = P^T D P with D diagonal carrying `pos`
 * positive, `neg` negative and `zero` zero entries (in random order) and P = U diag(e) with U
 * unimodular and e nonzero, so P is invertible by construction. By Sylvester's law of inertia
 * S and D have the same inertia.
 */
export function randSymmetricWithInertia(rng: IntRng, inertia: Inertia, options: { entryBound?: number; ops?: number } = {}): KnownInertia {
  const n = inertia.pos + inertia.neg + inertia.zero;
  const bound = options.entryBound ?? 4;
  const signs = [...Array<number>(inertia.pos).fill(1), ...Array<number>(inertia.neg).fill(-1), ...Array<number>(inertia.zero).fill(0)];
  const order = shuffled(rng, n);
  const diagonal = order.map((k) => BigInt(signs[k] * rng.nextInt(1, bound)));
  const u = randUnimodular(rng, n, { ops: options.ops ?? 2 * n });
  const e = Array.from({ length: n }, () => BigInt(nonzeroInt(rng, 2)));
  const p = intMat(
    u.matrix.rows.map((r) => r.map((x, j) => x * e[j])),
    n,
  );
  const dm = intMat(
    diagonal.map((x, i) => Array.from({ length: n }, (_, j) => (i === j ? x : 0n))),
    n,
  );
  return { matrix: mulInt(mulInt(transposeInt(p), dm), p), inertia: { ...inertia }, diagonal, p };
}

/** Scale row i by rowScale[i] and column j by colScale[j] (nonzero rationals: rank is kept). */
export function scaleRational(a: IntMat, rowScale: readonly Rational[], colScale: readonly Rational[]): Mat<Rational> {
  return Mat.fromRows(
    QQ,
    a.rows.map((r, i) => r.map((x, j) => Rational.fromBigint(x).mul(rowScale[i]).mul(colScale[j]))),
    a.ncols,
  );
}

// ---------------------------------------------------------------------------------------------
// fast-check arbitraries

const seedArb = fc.integer({ min: 0, max: 0x7fffffff });

/** Small nonzero rationals p/q with 1 <= |p| <= maxNum, 1 <= q <= maxDen. */
export function arbNonzeroRational(maxNum = 5, maxDen = 5): fc.Arbitrary<Rational> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxNum }), fc.boolean(), fc.integer({ min: 1, max: maxDen }))
    .map(([p, negative, q]) => Rational.of(negative ? -p : p, q));
}

/** Small rationals, zero included (and weighted, so that rank deficiency happens). */
export function arbRational(maxNum = 5, maxDen = 5): fc.Arbitrary<Rational> {
  return fc.oneof({ arbitrary: fc.constant(Rational.ZERO), weight: 1 }, { arbitrary: arbNonzeroRational(maxNum, maxDen), weight: 3 });
}

export interface ShapeOptions {
  minRows?: number;
  maxRows?: number;
  minCols?: number;
  maxCols?: number;
}

function shapeArb(s: ShapeOptions): fc.Arbitrary<[number, number]> {
  return fc.tuple(fc.integer({ min: s.minRows ?? 0, max: s.maxRows ?? 5 }), fc.integer({ min: s.minCols ?? 0, max: s.maxCols ?? 5 }));
}

/**
 * Small integer matrices with entries in [-maxAbs, maxAbs]; a quarter of them get a row
 * repeated as a multiple of another, so rank deficiency is common, not a fluke.
 */
export function arbIntMatrix(options: ShapeOptions & { maxAbs?: number } = {}): fc.Arbitrary<IntMat> {
  const maxAbs = options.maxAbs ?? 4;
  return shapeArb(options).chain(([m, n]) =>
    fc
      .tuple(
        fc.array(fc.array(fc.integer({ min: -maxAbs, max: maxAbs }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -2, max: 2 }),
      )
      .map(([rows, dup, k]) => {
        const big = rows.map((r) => r.map((x) => BigInt(x)));
        if (dup === 0 && m >= 2) big[m - 1] = big[0].map((x) => BigInt(k) * x);
        return intMat(big, n);
      }),
  );
}

/** Small rational matrices (entries p/q, zeros weighted in). */
export function arbRatMatrix(options: ShapeOptions & { maxNum?: number; maxDen?: number } = {}): fc.Arbitrary<Mat<Rational>> {
  return shapeArb(options).chain(([m, n]) =>
    fc
      .array(fc.array(arbRational(options.maxNum, options.maxDen), { minLength: n, maxLength: n }), { minLength: m, maxLength: m })
      .map((rows) => Mat.fromRows(QQ, rows, n)),
  );
}

export interface KnownRank {
  matrix: IntMat;
  rank: number;
  seed: number;
}

/** Integer matrices of known rank (`randRank`), any rank from 0 to min(m, n). */
export function arbKnownRank(options: ShapeOptions & RandRankOptions = {}): fc.Arbitrary<KnownRank> {
  return shapeArb(options).chain(([m, n]) =>
    fc.record({ r: fc.integer({ min: 0, max: Math.min(m, n) }), seed: seedArb }).map(({ r, seed }) => ({
      matrix: randRank(new SeededRng(seed), m, n, r, options),
      rank: r,
      seed,
    })),
  );
}

/** Rational matrices of known rank: a `randRank` matrix with rows and columns scaled by nonzero rationals. */
export function arbKnownRankRational(options: ShapeOptions & RandRankOptions = {}): fc.Arbitrary<{ matrix: Mat<Rational>; rank: number }> {
  return arbKnownRank(options).chain((k) =>
    fc
      .tuple(
        fc.array(arbNonzeroRational(4, 6), { minLength: k.matrix.nrows, maxLength: k.matrix.nrows }),
        fc.array(arbNonzeroRational(4, 6), { minLength: k.matrix.ncols, maxLength: k.matrix.ncols }),
      )
      .map(([rs, cs]) => ({ matrix: scaleRational(k.matrix, rs, cs), rank: k.rank })),
  );
}

/** n x n nonsingular integer matrices with their determinant known by construction. */
export function arbNonsingular(minN = 1, maxN = 6, options: { entryBound?: number; ops?: number } = {}): fc.Arbitrary<{ matrix: IntMat; det: bigint }> {
  return fc
    .record({ n: fc.integer({ min: minN, max: maxN }), seed: seedArb })
    .map(({ n, seed }) => randNonsingular(new SeededRng(seed), n, options));
}

/** Unimodular n x n matrices (fixed n), for rank-preserving and congruence transformations. */
export function arbUnimodular(n: number, options: RandOpsOptions = {}): fc.Arbitrary<{ matrix: IntMat; det: bigint }> {
  return seedArb.map((seed) => randUnimodular(new SeededRng(seed), n, options));
}

/** Symmetric integer matrices of known inertia (P^T D P), n in [minN, maxN]. */
export function arbSymmetricWithInertia(minN = 1, maxN = 6, options: { entryBound?: number; ops?: number } = {}): fc.Arbitrary<KnownInertia> {
  return fc
    .integer({ min: minN, max: maxN })
    .chain((n) =>
      fc.record({
        pos: fc.integer({ min: 0, max: n }),
        neg: fc.integer({ min: 0, max: n }),
        seed: seedArb,
      }).map(({ pos, neg, seed }) => {
        const p = Math.min(pos, n);
        const q = Math.min(neg, n - p);
        return randSymmetricWithInertia(new SeededRng(seed), { pos: p, neg: q, zero: n - p - q }, options);
      }),
    );
}

/** Symmetric small-integer matrices with no structure (for comparisons with eigenvalues). */
export function arbSymmetricInt(minN = 1, maxN = 6, maxAbs = 5): fc.Arbitrary<IntMat> {
  return fc.integer({ min: minN, max: maxN }).chain((n) =>
    fc.array(fc.integer({ min: -maxAbs, max: maxAbs }), { minLength: (n * (n + 1)) / 2, maxLength: (n * (n + 1)) / 2 }).map((upper) => {
      const a = Array.from({ length: n }, () => new Array<bigint>(n).fill(0n));
      let t = 0;
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i][j] = a[j][i] = BigInt(upper[t++]);
      return intMat(a, n);
    }),
  );
}
