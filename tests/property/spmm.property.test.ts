/**
 * The dense kernels' two routines (src/float/spmm.ts in JavaScript, src/float/wasm-spmm.ts in
 * WebAssembly) against a dense product written here: C = g(I + A B) where each entry adds the
 * products A[i][k] B[k][j] in ascending k, skipping the k where A[i][k] was not kept (zero, or
 * masked out). Shapes cover n = 4, 8, 12 and more than one panel with each remainder; A has
 * zeros, signed zeros and masked entries; B sits in panels; init is C itself or one shared row.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compressJs, PANEL, spmmJs, type Compress, type Spmm } from '../../src/float/spmm.js';
import { createSpmmMemory } from '../../src/float/wasm-spmm.js';

const entry = fc.oneof(fc.constant(0), fc.constant(-0), fc.integer({ min: -20, max: 20 }).map((k) => k / 4), fc.double({ min: -3, max: 3, noNaN: true }));

const problem = fc
  .record({
    rows: fc.integer({ min: 1, max: 7 }),
    cols: fc.integer({ min: 1, max: 30 }),
    n: fc.integer({ min: 1, max: 10 }).map((q) => 4 * q),
    mode: fc.constantFrom(0, 1, 2),
    shared: fc.boolean(),
    relu: fc.boolean(),
    transposed: fc.boolean(),
  })
  .chain((s) =>
    fc.record({
      A: fc.array(entry, { minLength: s.rows * s.cols, maxLength: s.rows * s.cols }),
      mask: fc.array(fc.constantFrom(0, 0.5, 2), { minLength: s.rows * s.cols, maxLength: s.rows * s.cols }),
      B: fc.array(entry, { minLength: s.cols * s.n, maxLength: s.cols * s.n }),
      I: fc.array(entry, { minLength: s.rows * s.n, maxLength: s.rows * s.n }),
    }).map((d) => ({ ...s, ...d })),
  );

type Problem = typeof problem extends fc.Arbitrary<infer P> ? P : never;

/** The expected C, entry by entry, in the order of the contract. */
function expected(p: Problem): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.rows; i++) {
    for (let j = 0; j < p.n; j++) {
      let s = p.I[(p.shared ? 0 : i) * p.n + j];
      for (let k = 0; k < p.cols; k++) {
        const a = p.A[i * p.cols + k];
        const kept = p.mode === 2 || (a !== 0 && (p.mode === 0 || p.mask[i * p.cols + k] > 0));
        if (kept) s += a * p.B[k * p.n + j];
      }
      out.push(p.relu ? Math.max(s, 0) : s);
    }
  }
  return out;
}

/** Lays the problem out in one memory (float64 entries; A stored transposed when asked) and runs the two routines. */
function run(p: Problem, f: Float64Array, spmm: Spmm, compress: Compress): number[] {
  const panels = Math.ceil(p.n / PANEL);
  const A = 8; // leave the first entries free: addresses are not all 0
  const M = A + p.rows * p.cols;
  const B = M + p.rows * p.cols;
  const I = B + panels * PANEL * p.cols;
  const C = I + p.rows * p.n;
  const rec = C + p.rows * p.n;
  const ptr = rec + 2 * p.rows * p.cols;
  f.fill(NaN, 0, ptr + p.rows + 1);
  for (let i = 0; i < p.rows; i++) {
    for (let k = 0; k < p.cols; k++) {
      const at = p.transposed ? k * p.rows + i : i * p.cols + k;
      f[A + at] = p.A[i * p.cols + k];
      f[M + at] = p.mask[i * p.cols + k];
    }
  }
  for (let k = 0; k < p.cols; k++) for (let j = 0; j < p.n; j++) f[B + Math.floor(j / PANEL) * PANEL * p.cols + k * PANEL + (j % PANEL)] = p.B[k * p.n + j];
  f.set(p.I, I);
  const [rs, cs] = p.transposed ? [1, p.rows] : [p.cols, 1];
  // the int32 row starts live in float64 slots: byte address 8 ptr
  compress(p.rows, p.cols, 8 * A, 8 * rs, 8 * cs, p.mode === 1 ? 8 * M : 0, p.mode, 8 * ptr, 8 * rec);
  spmm(p.rows, p.n, 8 * ptr, 8 * rec, 8 * B, 8 * PANEL * p.cols, 8 * C, 8 * p.n, 8 * I, p.shared ? 0 : 8 * p.n, p.relu ? 1 : 0);
  return Array.from(f.subarray(C, C + p.rows * p.n));
}

const size = (p: Problem): number => 16 + 4 * p.rows * p.cols + Math.ceil(p.n / PANEL) * PANEL * p.cols + 2 * p.rows * p.n + p.rows + 1;

const ROUTINES = [
  [
    'WebAssembly',
    (p: Problem) => {
      const mem = createSpmmMemory(size(p));
      if (mem === null) throw new Error('no WebAssembly SIMD');
      return run(p, mem.memory, mem.spmm, mem.compress);
    },
  ],
  [
    'JavaScript',
    (p: Problem) => {
      const f = new Float64Array(size(p));
      const i32 = new Int32Array(f.buffer);
      return run(p, f, (...a) => spmmJs(f, i32, ...a), (...a) => compressJs(f, i32, ...a));
    },
  ],
] as const;

describe.each(ROUTINES)('compress and spmm (%s)', (_label, routine) => {
  test.prop([problem], { numRuns: 150 })('give the contract product bit for bit (the sign of zeros too)', (p: Problem) => {
    const got = routine(p);
    expected(p).forEach((v, q) => expect(Object.is(got[q], v), `C entry ${q}: ${got[q]} vs ${v}`).toBe(true));
  });
});
