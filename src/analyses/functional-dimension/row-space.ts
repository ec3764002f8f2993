/**
 * The exact rank of a stream of Jacobian rows, certified, with the scaling orbits quotiented out.
 *
 * Every smooth Jacobian row a is orthogonal to the known kernel vectors Sigma (one per hidden
 * neuron: the tangent of its positive-scaling orbit, LITERATURE-A 3.3), and those with a nonzero
 * incoming part are linearly independent (layer by layer: a neuron's incoming coordinates are
 * touched otherwise only by the outgoing parts of the layer before), so the rank is at most
 * D - |Sigma|. The rows are kept as a set S that is independent over Q:
 * - Modulo a prime p we hold a basis C_p of ker_p([S; Sigma^T]). A row with a . C_p != 0 mod p is
 *   independent of [S; Sigma^T] mod p, hence over Q (as long as [S; Sigma^T] itself is
 *   independent mod p, which is kept true), and joins S; C_p is updated in O(|C_p| D).
 * - A row with a . C_p = 0 mod p is dependent mod p; over Q that needs proof: a lies in the row
 *   space of S iff a is orthogonal to ker(S) = span(Sigma) + span(C_Q), where C_Q completes
 *   Sigma to a basis of ker(S), and a . Sigma = 0 is checked for every row. So a . C_Q = 0,
 *   checked exactly, proves it. C_Q fixes a gauge: one coordinate per known vector (the caller's
 *   `gauge`, chosen so that Sigma restricted to those coordinates is invertible) is held at 0,
 *   and C_Q is the kernel of S with those columns deleted (`integerKernel`: output-sensitive,
 *   verified; the certified `nullspace` as a fallback). Then span(C_Q) meets span(Sigma) only in
 *   0 and has dimension D - |S| - |Sigma|, so the two span ker(S). The RREF vectors are sparse,
 *   cheap to check against, and name the parameters a hidden symmetry moves (`kernelComplement`).
 * - Rows dependent mod p wait: a kernel of an incomplete S is large and short-lived, so the exact
 *   checks run at `finish`, against the final kernel (a row checked against the kernel of an
 *   earlier, smaller S is proven too). Past a memory cap only their tags are kept, and `finish`
 *   recomputes their rows (`recompute`). A row that fails the exact check is independent over Q
 *   (the prime was unlucky for it): it joins S and a fresh prime is taken.
 * - Once |S| = D - |Sigma| the rank is known: no further row can raise it.
 * The answer is exact: rank >= |S| by independence, rank <= |S| by the checks (or the bound).
 */
import { gcdBig, lcmBig } from '../../field/bigint.js';
import { Rational } from '../../field/rational.js';
import { ZZ } from '../../field/zz.js';
import { Mat } from '../../linalg/mat.js';
import { nullspace } from '../../linalg/operations.js';
import { modpMatrix, nullspaceModP, rankModP } from '../../linalg/modular/modp-api.js';
import { invMod, reduce } from '../../linalg/modular/modp.js';
import { primeAt } from '../../linalg/modular/primes.js';
import { integerKernel } from './kernel.js';

/** A sparse integer vector. */
export interface SparseVector {
  readonly index: readonly number[];
  readonly value: readonly bigint[];
}

export interface RowSpaceSummary {
  readonly rank: number;
  /** The tags of the rows kept in S (independent over Q), in the order they joined. */
  readonly tags: readonly number[];
  /** The rows kept (independent over Q, primitive integer vectors): a basis of the row space. */
  readonly basis: readonly bigint[][];
  /** Vectors completing Sigma to a basis of the rows' kernel (empty at the bound): the directions beyond scaling. */
  readonly kernelComplement: readonly bigint[][];
  /** Primes used (more than one only after an unlucky prime). */
  readonly primes: number;
  /** Exact nullspace computations of S. */
  readonly exactKernels: number;
}

/** Clear denominators and divide out the content: a primitive integer vector on the same line. */
export function primitiveIntegerRow(row: readonly Rational[]): bigint[] {
  const L = row.reduce((acc, x) => (x.den === 1n ? acc : lcmBig(acc, x.den)), 1n);
  const ints = row.map((x) => x.num * (L / x.den));
  const g = ints.reduce((acc, x) => (x === 0n ? acc : gcdBig(acc, x)), 0n);
  return g > 1n ? ints.map((x) => x / g) : ints;
}

export interface RowSpaceOptions {
  /**
   * The rows of a tag again (all of them). With it, rows waiting for an exact check are not kept
   * in memory past a cap: only their tags are, and `finish` recomputes them.
   */
  recompute?: (tag: number) => bigint[][];
  /** Most rows kept waiting (default about 2^21 entries' worth, at least 8 D). */
  pendingCap?: number;
}

export class CertifiedRowSpace {
  readonly bound: number;
  private readonly known: readonly SparseVector[];
  private readonly S: bigint[][] = [];
  private readonly tags: number[] = [];
  private readonly free: number[];
  private primeIndex = 0;
  private p = 0;
  private pinv = 0;
  private Cp: Float64Array[] = [];
  /** A verified basis of ker(S) modulo the gauge, for S's first `CqSize` rows. */
  private Cq: bigint[][] | null = null;
  private CqSize = -1;
  private pending: { a: bigint[]; tag: number }[] = [];
  private readonly pendingTags = new Set<number>();
  private readonly cap: number;
  private exactKernels = 0;
  private primes = 0;

  /** `gauge[i]`: a coordinate for known[i], such that the known vectors restricted to the gauge coordinates are invertible. */
  constructor(
    private readonly D: number,
    known: readonly SparseVector[],
    gauge: readonly number[],
    private readonly options: RowSpaceOptions = {},
  ) {
    if (gauge.length !== known.length || new Set(gauge).size !== gauge.length) throw new Error('CertifiedRowSpace: one distinct gauge coordinate per known vector');
    this.known = known;
    const fixed = new Set(gauge);
    this.free = Array.from({ length: D }, (_, i) => i).filter((i) => !fixed.has(i));
    this.bound = D - known.length;
    // Rows waiting for the exact check hold at most about 2^21 entries.
    this.cap = options.pendingCap ?? Math.max(8 * D, Math.ceil(2 ** 21 / D));
    this.newPrime();
  }

  get rank(): number {
    return this.S.length;
  }

  /** The rank reached the bound D - |Sigma|: no row can raise it. */
  get full(): boolean {
    return this.S.length >= this.bound;
  }

  /** Add a row (tagged, e.g. by the region it comes from); true when it raised the rank. */
  add(row: readonly Rational[], tag: number): boolean {
    return this.full ? false : this.addInteger(primitiveIntegerRow(row), tag);
  }

  /** Add a row given as an integer vector (any positive multiple of the row; primitive keeps kernels small). */
  addInteger(a: bigint[], tag: number): boolean {
    if (this.full) return false;
    if (a.length !== this.D) throw new Error(`CertifiedRowSpace: a row of ${a.length} entries, expected ${this.D}`);
    if (a.every((x) => x === 0n)) return false;
    this.checkKnownKernel(a);
    const ap = this.residues(a);
    const t = this.Cp.map((c) => this.dotModP(c, ap));
    const i0 = t.findIndex((x) => x !== 0);
    if (i0 >= 0) {
      this.join(a, tag, t, i0);
      return true;
    }
    // Dependent mod p: proven at once against a kernel of an earlier S, else later.
    if (this.Cq !== null && this.dotsVanish(a, this.Cq)) return false;
    if (this.pendingTags.has(tag)) return false;
    this.pending.push({ a, tag });
    if (this.pending.length >= this.cap) {
      if (this.options.recompute !== undefined) {
        for (const w of this.pending) this.pendingTags.add(w.tag);
        this.pending = [];
      } else return this.verifyPending();
    }
    return false;
  }

  /** Check every waiting row exactly; the rank is then exact. */
  finish(): RowSpaceSummary {
    this.verifyPending();
    if (!this.full && this.pendingTags.size > 0) {
      const tags = [...this.pendingTags].sort((x, y) => x - y);
      this.pendingTags.clear();
      for (const tag of tags) {
        for (const a of this.options.recompute!(tag)) this.pending.push({ a, tag });
        if (this.pending.length >= this.cap) this.verifyPending();
      }
      this.verifyPending();
    }
    const kernelComplement = this.full ? [] : this.currentKernel();
    return { rank: this.S.length, tags: this.tags.slice(), basis: this.S.slice(), kernelComplement, primes: this.primes, exactKernels: this.exactKernels };
  }

  /** Verify the waiting rows against a current kernel; rows that fail join S (independent over Q). True when the rank rose. */
  private verifyPending(): boolean {
    let raised = false;
    while (this.pending.length > 0 && !this.full) {
      const Cq = this.currentKernel();
      const waiting = this.pending;
      this.pending = [];
      const failed = waiting.findIndex((w) => !this.dotsVanish(w.a, Cq));
      if (failed < 0) break;
      this.joinUnlucky(waiting[failed].a, waiting[failed].tag);
      raised = true;
      this.pending = waiting.slice(failed + 1);
    }
    if (this.full) this.pending = [];
    return raised;
  }

  /** C_Q for the current S: the kernel of S without the gauge columns (output-sensitive, then certified as a fallback). */
  private currentKernel(): bigint[][] {
    if (this.Cq === null || this.CqSize !== this.S.length) {
      const { free, D } = this;
      const reduced = this.S.map((a) => free.map((i) => a[i]));
      const nullity = free.length - this.S.length;
      const basis = integerKernel(reduced, free.length, nullity, { maxPrimes: 512 }) ?? (reduced.length === 0 ? identity(free.length) : nullspace(Mat.fromRows(ZZ, reduced, free.length)));
      this.Cq = basis.map((v) => {
        const full = new Array<bigint>(D).fill(0n);
        free.forEach((i, k) => (full[i] = v[k]));
        return full;
      });
      this.CqSize = this.S.length;
      this.exactKernels++;
    }
    return this.Cq;
  }

  private join(a: bigint[], tag: number, t: number[], i0: number): void {
    const { p } = this;
    const c0 = this.Cp[i0];
    const inv = invMod(t[i0], p);
    const next: Float64Array[] = [];
    this.Cp.forEach((c, j) => {
      if (j === i0) return;
      if (t[j] !== 0) {
        const f = p - reduce(t[j] * inv, p, this.pinv);
        for (let k = 0; k < c.length; k++) if (c0[k] !== 0) c[k] = reduce(c[k] + f * c0[k], p, this.pinv);
      }
      next.push(c);
    });
    this.Cp = next;
    this.S.push(a);
    this.tags.push(tag);
  }

  /** a is independent over Q but not mod p: keep it and start over with a prime that sees [S; Sigma^T] as independent. */
  private joinUnlucky(a: bigint[], tag: number): void {
    this.S.push(a);
    this.tags.push(tag);
    this.newPrime();
  }

  private newPrime(): void {
    const knownDense = this.known.map((v) => {
      const dense = new Array<bigint>(this.D).fill(0n);
      v.index.forEach((i, k) => (dense[i] = v.value[k]));
      return dense;
    });
    for (;;) {
      this.p = primeAt(this.primeIndex++);
      this.pinv = 1 / this.p;
      this.primes++;
      const rows = [...this.S, ...knownDense];
      if (rows.length === 0) {
        this.Cp = identityModP(this.D);
        return;
      }
      const m = modpMatrix(Mat.fromRows(ZZ, rows, this.D), this.p);
      if (rankModP(m) < rows.length) continue;
      this.Cp = nullspaceModP(m);
      return;
    }
  }

  private residues(a: readonly bigint[]): Float64Array {
    const P = BigInt(this.p);
    return Float64Array.from(a, (x) => {
      const r = Number(x % P);
      return r < 0 ? r + this.p : r;
    });
  }

  private dotModP(c: Float64Array, a: Float64Array): number {
    const { p, pinv } = this;
    let s = 0;
    for (let k = 0; k < a.length; k++) if (a[k] !== 0 && c[k] !== 0) s = reduce(s + reduce(a[k] * c[k], p, pinv), p, pinv);
    return s;
  }

  private dotsVanish(a: readonly bigint[], basis: readonly bigint[][]): boolean {
    for (const c of basis) {
      let s = 0n;
      for (let k = 0; k < a.length; k++) if (a[k] !== 0n && c[k] !== 0n) s += a[k] * c[k];
      if (s !== 0n) return false;
    }
    return true;
  }

  /** Every row must be orthogonal to the scaling directions: the upper bound rests on it. */
  private checkKnownKernel(a: readonly bigint[]): void {
    for (const v of this.known) {
      let s = 0n;
      v.index.forEach((i, k) => (s += a[i] * v.value[k]));
      if (s !== 0n) throw new Error('CertifiedRowSpace: a Jacobian row is not orthogonal to a scaling direction (internal error)');
    }
  }
}

function identity(D: number): bigint[][] {
  return Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => (i === j ? 1n : 0n)));
}

function identityModP(D: number): Float64Array[] {
  return Array.from({ length: D }, (_, i) => {
    const v = new Float64Array(D);
    v[i] = 1;
    return v;
  });
}
