/**
 * Exact simplex on integers: maximise c.x subject to A x <= b, x in R^n free, with A, b, c
 * integer (callers clear denominators; positive row scalings change nothing). The dictionary is
 * kept fraction-free as in lrs (Avis): every entry is an integer over one common denominator
 * `d`, the absolute value of the last pivot, and a pivot is the Bareiss update
 * `m[i][j] <- (m[i][j] m[r][k] - m[i][k] m[r][j]) / d`, whose division is exact (Sylvester's
 * identity: entries are minors of the input). No Rational objects, no gcds.
 *
 * Anti-cycling: Bland's smallest-index rule (Bland 1977) in both phases; free variables enter
 * with either sign and, once basic, never leave (so each enters at most once). Phase 1 is
 * Chvatal's one-artificial-variable auxiliary problem. Results are raw integer data; `lp.ts`
 * turns them into Rationals and verifies every certificate exactly before returning.
 */

export interface IntegerLp {
  /** m x n constraint rows. */
  readonly A: readonly (readonly bigint[])[];
  readonly b: readonly bigint[];
  /** Objective, length n. */
  readonly c: readonly bigint[];
  readonly n: number;
}

/** Vectors as integer numerators over one positive denominator. */
export interface ScaledVector {
  readonly num: bigint[];
  readonly den: bigint;
}

export type RawLpResult =
  | { status: 'optimal'; x: ScaledVector; dual: ScaledVector; pivots: number }
  | { status: 'infeasible'; farkas: bigint[]; pivots: number }
  | { status: 'unbounded'; x: ScaledVector; ray: ScaledVector; pivots: number };

/** Variable numbering: 0..n-1 the free x, n..n+m-1 the slacks s_i = b_i - A_i x, n+m the artificial. */
class Dictionary {
  /** Rows 0..m-1: basic variables; row m: phase-2 objective; row m+1: phase-1 objective. */
  readonly rows: bigint[][];
  readonly basis: number[];
  /** cols[k] for k >= 1: the nonbasic variable of column k (column 0 holds the constants). */
  readonly cols: number[];
  d = 1n;
  pivots = 0;
  /** Columns that may never enter (the artificial after phase 1, dead free columns). */
  readonly blocked = new Set<number>();
  /** Rows found redundant after phase 1 (all-zero, basic artificial); skipped from then on. */
  readonly deadRows = new Set<number>();

  constructor(
    readonly lp: IntegerLp,
    readonly m: number,
  ) {
    const { A, b, c, n } = lp;
    this.rows = [];
    for (let i = 0; i < m; i++) {
      const row = new Array<bigint>(n + 2);
      row[0] = b[i];
      for (let j = 0; j < n; j++) row[1 + j] = -A[i][j];
      row[n + 1] = 1n;
      this.rows.push(row);
    }
    this.rows.push([0n, ...c, 0n]);
    this.rows.push([0n, ...new Array<bigint>(n).fill(0n), -1n]);
    this.basis = Array.from({ length: m }, (_, i) => n + i);
    this.cols = [-1, ...Array.from({ length: n }, (_, j) => j), n + m];
  }

  isFree(v: number): boolean {
    return v < this.lp.n;
  }

  pivot(r: number, k: number): void {
    const rows = this.rows;
    const pr = rows[r];
    const p = pr[k];
    const neg = p < 0n;
    const absP = neg ? -p : p;
    const d = this.d;
    const width = pr.length;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const row = rows[i];
      const f = row[k];
      if (f === 0n) {
        // new = sign(p) (row p - 0) / d = row |p| / d
        if (absP !== d) for (let j = 0; j < width; j++) if (row[j] !== 0n) row[j] = (row[j] * absP) / d;
        continue;
      }
      for (let j = 0; j < width; j++) {
        if (j === k) continue;
        const prj = pr[j];
        row[j] = prj === 0n ? (row[j] * p) / d : (row[j] * p - f * prj) / d;
        if (neg) row[j] = -row[j];
      }
      row[k] = neg ? -f : f;
    }
    for (let j = 0; j < width; j++) if (j !== k) pr[j] = neg ? pr[j] : -pr[j];
    pr[k] = neg ? -d : d;
    this.d = neg ? -p : p;
    const leaving = this.basis[r];
    this.basis[r] = this.cols[k];
    this.cols[k] = leaving;
    this.pivots++;
  }

  /**
   * Bland's rule on objective row `obj`: the entering column (smallest variable index among
   * improving ones) with its direction, or null at an optimum.
   */
  entering(obj: number): { k: number; dir: 1n | -1n } | null {
    const z = this.rows[obj];
    let best = -1;
    let bestVar = Infinity;
    let dir: 1n | -1n = 1n;
    for (let k = 1; k < z.length; k++) {
      const v = this.cols[k];
      if (v >= bestVar || this.blocked.has(v)) continue;
      const g = z[k];
      if (g > 0n || (g < 0n && this.isFree(v))) {
        best = k;
        bestVar = v;
        dir = g > 0n ? 1n : -1n;
      }
    }
    return best < 0 ? null : { k: best, dir };
  }

  /** Ratio test for column k moved in direction dir; ties go to the smallest basic variable. -1: unbounded. */
  leaving(k: number, dir: 1n | -1n): number {
    let best = -1;
    let bestNum = 0n;
    let bestDen = 1n;
    for (let i = 0; i < this.m; i++) {
      if (this.deadRows.has(i) || this.isFree(this.basis[i])) continue;
      const a = dir * this.rows[i][k];
      if (a >= 0n) continue;
      const num = this.rows[i][0];
      const den = -a;
      if (best < 0) {
        best = i;
        bestNum = num;
        bestDen = den;
        continue;
      }
      const cmp = num * bestDen - bestNum * den;
      if (cmp < 0n || (cmp === 0n && this.basis[i] < this.basis[best])) {
        best = i;
        bestNum = num;
        bestDen = den;
      }
    }
    return best;
  }

  /** Runs Bland's rule on row `obj` to an optimum, or returns the unbounded column. */
  optimise(obj: number): { unbounded: { k: number; dir: 1n | -1n } } | null {
    for (;;) {
      const e = this.entering(obj);
      if (e === null) return null;
      const r = this.leaving(e.k, e.dir);
      if (r < 0) return { unbounded: e };
      this.pivot(r, e.k);
    }
  }

  columnOf(v: number): number {
    return this.cols.indexOf(v);
  }

  /** Current values of the x variables (nonbasic ones are 0). */
  primal(): ScaledVector {
    const x = new Array<bigint>(this.lp.n).fill(0n);
    this.basis.forEach((v, i) => {
      if (v < this.lp.n) x[v] = this.rows[i][0];
    });
    return { num: x, den: this.d };
  }

  /** Multipliers of the constraints read off objective row `obj`: y_i = -(reduced cost of s_i). */
  multipliers(obj: number): bigint[] {
    const y = new Array<bigint>(this.m).fill(0n);
    for (let k = 1; k < this.cols.length; k++) {
      const v = this.cols[k];
      if (v >= this.lp.n && v < this.lp.n + this.m) y[v - this.lp.n] = -this.rows[obj][k];
    }
    return y;
  }
}

export function simplexExact(lp: IntegerLp): RawLpResult {
  const m = lp.A.length;
  const n = lp.n;
  const dict = new Dictionary(lp, m);
  const art = n + m;
  const PHASE2 = m;
  const PHASE1 = m + 1;

  // Phase 1: Chvatal's auxiliary problem max -a s.t. A x - a <= b, entered at the most negative b.
  let worst = -1;
  for (let i = 0; i < m; i++) if (lp.b[i] < 0n && (worst < 0 || lp.b[i] < lp.b[worst])) worst = i;
  if (worst >= 0) {
    dict.pivot(worst, dict.columnOf(art));
    // Free columns are bounded below by nothing, but -a <= 0 bounds phase 1: it always ends optimal.
    dict.optimise(PHASE1);
    if (dict.rows[PHASE1][0] < 0n) return { status: 'infeasible', farkas: dict.multipliers(PHASE1), pivots: dict.pivots };
    const r = dict.basis.indexOf(art);
    if (r >= 0) {
      // The artificial is basic at 0: pivot it out on any nonzero entry, or the row is redundant.
      let k = -1;
      for (let j = 1; j < dict.cols.length; j++) if (dict.rows[r][j] !== 0n) k = k < 0 || dict.cols[j] < dict.cols[k] ? j : k;
      if (k >= 0) dict.pivot(r, k);
      else dict.deadRows.add(r);
    }
  }
  dict.blocked.add(art);

  const result = dict.optimise(PHASE2);
  const x = dict.primal();
  if (result !== null) {
    const { k, dir } = result.unbounded;
    const ray = new Array<bigint>(n).fill(0n);
    const v = dict.cols[k];
    if (v < n) ray[v] = dir * dict.d;
    dict.basis.forEach((bv, i) => {
      if (bv < n) ray[bv] = dir * dict.rows[i][k];
    });
    return { status: 'unbounded', x, ray: { num: ray, den: dict.d }, pivots: dict.pivots };
  }
  return { status: 'optimal', x, dual: { num: dict.multipliers(PHASE2), den: dict.d }, pivots: dict.pivots };
}
