/**
 * The blocked dense kernel (src/float/dense.ts: blocks of DENSE_BLOCK points, padded widths,
 * matrix products in WebAssembly or JavaScript) against a straightforward per-point reference
 * written here: forward pass and backpropagation one point and one unit at a time, sums in
 * ascending order. Architectures include width-1 layers and widths that are not multiples of 4;
 * point ranges include n = 1, ranges not a multiple of the block, and ranges starting inside X;
 * theta, the gradient and the output sit at offsets inside larger arrays; inputs are sometimes
 * mostly zeros (the kernel then computes dW_1 the other way round).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createDenseWorkspace, DENSE_BLOCK, denseForward, denseSseGradient, denseWorkspaceSize, isWasmWorkspace } from '../../src/float/dense.js';
import { absScales, smallFloat, type FloatInstance } from '../helpers/float-exact.js';

const TOL = 1e-12;

/** f, sse and the gradient over rows [i0, i1), one point at a time (relu'(0) = 0). */
function reference(widths: readonly number[], X: Float64Array, Y: Float64Array, i0: number, i1: number, theta: Float64Array): { f: number[]; sse: number; grad: Float64Array } {
  const L = widths.length - 1;
  const nL = widths[L];
  const grad = new Float64Array(theta.length);
  const f: number[] = [];
  const offsets: number[] = [];
  for (let l = 1, at = 0; l <= L; at += widths[l] * (widths[l - 1] + 1), l++) offsets.push(at);
  const W = (l: number, j: number, k: number): number => theta[offsets[l - 1] + j * widths[l - 1] + k];
  const b = (l: number, j: number): number => theta[offsets[l - 1] + widths[l] * widths[l - 1] + j];
  let sse = 0;
  for (let i = i0; i < i1; i++) {
    const h: number[][] = [Array.from(X.subarray(i * widths[0], (i + 1) * widths[0]))];
    for (let l = 1; l <= L; l++) {
      const z = Array.from({ length: widths[l] }, (_, j) => {
        let s = b(l, j);
        for (let k = 0; k < widths[l - 1]; k++) s += W(l, j, k) * h[l - 1][k];
        return s;
      });
      h.push(l === L ? z : z.map((s) => Math.max(s, 0)));
    }
    f.push(...h[L]);
    let delta = h[L].map((v, j) => {
      const r = v - Y[i * nL + j];
      sse += r * r;
      return 2 * r;
    });
    for (let l = L; l >= 1; l--) {
      const nIn = widths[l - 1];
      for (let j = 0; j < widths[l]; j++) {
        for (let k = 0; k < nIn; k++) grad[offsets[l - 1] + j * nIn + k] += delta[j] * h[l - 1][k];
        grad[offsets[l - 1] + widths[l] * nIn + j] += delta[j];
      }
      delta = Array.from({ length: nIn }, (_, k) => {
        let s = 0;
        for (let j = 0; j < widths[l]; j++) s += W(l, j, k) * delta[j];
        return h[l - 1][k] > 0 ? s : 0;
      });
    }
  }
  return { f, sse, grad };
}

const entry = fc.oneof(smallFloat, fc.double({ min: -4, max: 4, noNaN: true }));
const rowCount = fc.oneof(fc.constant(1), fc.constantFrom(DENSE_BLOCK - 1, DENSE_BLOCK, DENSE_BLOCK + 1, 2 * DENSE_BLOCK + 3), fc.integer({ min: 1, max: 150 }));

/** Widths (1 to 4 layers, each width 1..9, width 1 often), n, a row range [i0, i1), offsets of theta and gradient. */
const problem = fc
  .record({
    widths: fc.array(fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 9 })), { minLength: 2, maxLength: 5 }),
    rows: rowCount,
    before: fc.integer({ min: 0, max: 5 }),
    after: fc.integer({ min: 0, max: 2 }),
    ot: fc.integer({ min: 0, max: 3 }),
    og: fc.integer({ min: 0, max: 3 }),
    // mostly-zero inputs: the kernel then takes dW_1 inputs first, (X^T D_1)^T
    sparseX: fc.boolean(),
  })
  .chain((s) => {
    const input = s.sparseX ? fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: entry, weight: 1 }) : entry;
    const n = s.before + s.rows + s.after;
    const size = s.widths.slice(1).reduce((acc, out, k) => acc + out * (s.widths[k] + 1), 0);
    const nL = s.widths[s.widths.length - 1];
    return fc
      .tuple(fc.array(entry, { minLength: size, maxLength: size }), fc.array(input, { minLength: n * s.widths[0], maxLength: n * s.widths[0] }), fc.array(entry, { minLength: n * nL, maxLength: n * nL }))
      .map(([t, x, y]) => ({ ...s, n, theta: Float64Array.from(t), X: Float64Array.from(x), Y: Float64Array.from(y), i0: s.before, i1: s.before + s.rows }));
  });

type Problem = typeof problem extends fc.Arbitrary<infer P> ? P : never;

const WORKSPACES = [
  ['WebAssembly (createDenseWorkspace)', (w: number[]) => createDenseWorkspace(w)],
  ['JavaScript (a plain Float64Array)', (w: number[]) => new Float64Array(denseWorkspaceSize(w))],
] as const;

describe('createDenseWorkspace', () => {
  test('runs the products in WebAssembly on Node 20 (SIMD is there), a plain array does not', () => {
    expect(isWasmWorkspace(createDenseWorkspace([3, 4, 1]))).toBe(true);
    expect(isWasmWorkspace(new Float64Array(denseWorkspaceSize([3, 4, 1])))).toBe(false);
  });

  test('a workspace too short for the widths is refused with both sizes, not written past', () => {
    const X = new Float64Array(3 * 5);
    const Y = new Float64Array(5);
    const theta = new Float64Array(4 * 4 + 5);
    const short = new Float64Array(denseWorkspaceSize([3, 4, 1]) - 1);
    expect(() => denseSseGradient([3, 4, 1], X, Y, 0, 5, theta, 0, null, 0, short)).toThrow(/workspace has \d+ entries; widths \[3, 4, 1\] need denseWorkspaceSize = \d+/);
    // one made for smaller widths, then used for larger ones
    const small = createDenseWorkspace([1, 1, 1]);
    expect(() => denseForward([3, 40, 1], X, 0, 5, new Float64Array(40 * 4 + 41), 0, new Float64Array(5), 0, small)).toThrow(/need denseWorkspaceSize/);
  });

  test('widths that are not positive integers, and arrays too short for the rows or parameters, are refused by name (they gave NaN or dropped writes)', () => {
    expect(() => denseWorkspaceSize([3, 0, 1])).toThrow(/widths must be at least two positive integers/);
    expect(() => createDenseWorkspace([2.5, 2, 1])).toThrow(/widths must be at least two positive integers/);
    // [2, 3, 1]: 3 (2 + 1) + 1 (3 + 1) = 13 parameters
    const widths = [2, 3, 1];
    const work = createDenseWorkspace(widths);
    const theta = new Float64Array(13).fill(0.5);
    const X = new Float64Array(4).fill(1);
    const Y = new Float64Array(2);
    const sse = (x: Float64Array, y: Float64Array, i0: number, i1: number, t: Float64Array, grad: Float64Array | null): number => denseSseGradient(widths, x, y, i0, i1, t, 0, grad, 0, work);
    expect(() => sse(X.subarray(0, 2), Y, 0, 2, theta, null)).toThrow(/X has 2 entries; rows up to 2 with 2 input\(s\) need 4/);
    expect(() => sse(X, Y.subarray(0, 1), 0, 2, theta, null)).toThrow(/Y has 1 entries/);
    expect(() => sse(X, Y, 0, 2, theta.subarray(0, 5), null)).toThrow(/theta has 5 entries; 13 from offset 0 need 13/);
    expect(() => sse(X, Y, 0, 2, theta, new Float64Array(12))).toThrow(/grad has 12 entries; 13 from offset 0 need 13/);
    expect(() => sse(X, Y, 2, 1, theta, null)).toThrow(/rows \[i0, i1\) = \[2, 1\)/);
    expect(() => denseForward(widths, X, 0, 2, theta, 0, new Float64Array(1), 0, work)).toThrow(/out has 1 entries; 2 from offset 0 need 2/);
    // the plain loop's value on the same call: f = 0.5 + 3 * 0.5 * relu(0.5 + 0.5 + 0.5) = 2.75 at both points
    expect(sse(X, Y, 0, 2, theta, null)).toBe(2 * 2.75 ** 2);
  });
});

describe.each(WORKSPACES)('the blocked dense kernel, %s, agrees with a per-point reference', (_label, workspace) => {
  test.prop([problem], { numRuns: 60 })('forward bit for bit; sse and gradient within 1e-12 of their scale', (p: Problem) => {
    const ref = reference(p.widths, p.X, p.Y, p.i0, p.i1, p.theta);
    const sub: FloatInstance = { widths: p.widths, theta: p.theta, X: p.X.subarray(p.i0 * p.widths[0], p.i1 * p.widths[0]), Y: p.Y.subarray(p.i0 * p.widths.at(-1)!, p.i1 * p.widths.at(-1)!), n: p.rows };
    const scale = absScales(sub);
    const work = workspace(p.widths);
    const theta = new Float64Array(p.ot + p.theta.length).fill(NaN);
    theta.set(p.theta, p.ot);
    // forward: the same sums in the same order, so the same numbers (=== also takes -0 for 0)
    const out = new Float64Array(1 + ref.f.length).fill(NaN);
    denseForward(p.widths, p.X, p.i0, p.i1, theta, p.ot, out, 1, work);
    ref.f.forEach((v, q) => expect(out[1 + q] === v, `f entry ${q}: ${out[1 + q]} vs ${v}`).toBe(true));
    expect(out[0]).toBeNaN();
    // sse and gradient, twice on the same workspace (the gradient is written, not added)
    const grad = new Float64Array(p.og + p.theta.length + 1).fill(NaN);
    for (let round = 0; round < 2; round++) {
      const sse = denseSseGradient(p.widths, p.X, p.Y, p.i0, p.i1, theta, p.ot, grad, p.og, work);
      let sseScale = 0;
      scale.f.forEach((s, q) => (sseScale += (2 * s + Math.abs(sub.Y[q])) ** 2));
      expect(Math.abs(sse - ref.sse)).toBeLessThanOrEqual(TOL * sseScale);
      ref.grad.forEach((g, q) => expect(Math.abs(grad[p.og + q] - g), `gradient entry ${q}: ${grad[p.og + q]} vs ${g}`).toBeLessThanOrEqual(TOL * scale.grad[q]));
      expect(grad[grad.length - 1]).toBeNaN();
      expect(denseSseGradient(p.widths, p.X, p.Y, p.i0, p.i1, theta, p.ot, null, 0, work)).toBe(sse);
    }
  });
});

describe.each(WORKSPACES)('wide inputs, %s', (_label, workspace) => {
  test.prop([fc.integer({ min: 65, max: 140 }), fc.integer({ min: 1, max: 70 }), fc.boolean()], { numRuns: 6 })(
    'more inputs than points in a block, mostly zeros or not: the sse and gradient of the reference',
    (d, rows, sparse) => {
      // more inputs than DENSE_BLOCK and than any layer: dW_1 inputs first compresses a row per input
      const widths = [d, 5, 3];
      const size = 5 * (d + 1) + 3 * 6;
      const wave = (k: number): number => Math.sin(1.7 * k + d);
      const theta = Float64Array.from({ length: size }, (_, k) => wave(k));
      const X = Float64Array.from({ length: rows * d }, (_, k) => (sparse && k % 7 !== 0 ? 0 : wave(3 * k + 1)));
      const Y = Float64Array.from({ length: rows * 3 }, (_, k) => wave(5 * k + 2));
      const ref = reference(widths, X, Y, 0, rows, theta);
      const grad = new Float64Array(size);
      const sse = denseSseGradient(widths, X, Y, 0, rows, theta, 0, grad, 0, workspace(widths));
      expect(Math.abs(sse - ref.sse)).toBeLessThanOrEqual(1e-10 * (1 + ref.sse));
      ref.grad.forEach((g, q) => expect(Math.abs(grad[q] - g), `gradient entry ${q}`).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(g))));
    },
  );
});

describe('the two workspaces give the same bits', () => {
  test.prop([problem], { numRuns: 40 })('WebAssembly and JavaScript products add the same terms in the same order', (p: Problem) => {
    const run = (work: Float64Array): { sse: number; grad: Float64Array } => {
      const grad = new Float64Array(p.theta.length);
      return { sse: denseSseGradient(p.widths, p.X, p.Y, p.i0, p.i1, p.theta, 0, grad, 0, work), grad };
    };
    const wasm = run(createDenseWorkspace(p.widths));
    const js = run(new Float64Array(denseWorkspaceSize(p.widths)));
    expect(wasm.sse).toBe(js.sse);
    expect(Array.from(wasm.grad)).toEqual(Array.from(js.grad));
  });
});

/** The class of a float: NaN, +inf, -inf or finite. */
const kind = (x: number): string => (Number.isNaN(x) ? 'NaN' : x === Infinity ? '+inf' : x === -Infinity ? '-inf' : 'finite');

describe.each(WORKSPACES)('non-finite numbers, %s: where a zero meets inf the kernel gives what a dense product gives', (_label, workspace) => {
  const nonFinite = fc.constantFrom(Infinity, -Infinity, NaN);
  test.prop([problem, nonFinite, fc.nat(), fc.boolean()], { numRuns: 60 })('one entry of theta or X infinite or NaN: forward pass the same numbers, sse and gradient the same kinds', (p: Problem, bad, at, inX) => {
    const theta = p.theta.slice();
    const X = p.X.slice();
    if (inX) X[p.i0 * p.widths[0] + (at % (p.rows * p.widths[0]))] = bad;
    else theta[at % theta.length] = bad;
    const ref = reference(p.widths, X, p.Y, p.i0, p.i1, theta);
    const work = workspace(p.widths);
    const out = new Float64Array(ref.f.length);
    denseForward(p.widths, X, p.i0, p.i1, theta, 0, out, 0, work);
    ref.f.forEach((v, q) => expect(out[q] === v || (Number.isNaN(out[q]) && Number.isNaN(v)), `f entry ${q}: ${out[q]} vs ${v}`).toBe(true));
    const grad = new Float64Array(theta.length);
    const sse = denseSseGradient(p.widths, X, p.Y, p.i0, p.i1, theta, 0, grad, 0, work);
    expect(kind(sse)).toBe(kind(ref.sse));
    ref.grad.forEach((g, q) => expect(kind(grad[q]), `gradient entry ${q}: ${grad[q]} vs ${g}`).toBe(kind(g)));
  });

  test.prop([problem, nonFinite, fc.nat()], { numRuns: 60 })('one label infinite or NaN: sse and gradient the same kinds (mostly-zero inputs: the deltas meet the zeros of X)', (p: Problem, bad, at) => {
    const nL = p.widths[p.widths.length - 1];
    const Y = p.Y.slice();
    Y[p.i0 * nL + (at % (p.rows * nL))] = bad;
    const ref = reference(p.widths, p.X, Y, p.i0, p.i1, p.theta);
    const grad = new Float64Array(p.theta.length);
    const sse = denseSseGradient(p.widths, p.X, Y, p.i0, p.i1, p.theta, 0, grad, 0, workspace(p.widths));
    expect(kind(sse)).toBe(kind(ref.sse));
    ref.grad.forEach((g, q) => expect(kind(grad[q]), `gradient entry ${q}: ${grad[q]} vs ${g}`).toBe(kind(g)));
  });

  test('an affine net (no hidden layer) with y = inf at a mostly-zero input: dW is NaN where x = 0, as -inf * 0 is', () => {
    // f = x1 + x2 + x3 at x = (0, 0, 1), y = inf: delta = 2 (1 - inf) = -inf, dW = -inf x = (NaN, NaN, -inf), db = -inf
    const widths = [3, 1];
    const grad = new Float64Array(4);
    expect(denseSseGradient(widths, Float64Array.of(0, 0, 1), Float64Array.of(Infinity), 0, 1, Float64Array.of(1, 1, 1, 0), 0, grad, 0, workspace(widths))).toBe(Infinity);
    expect(Array.from(grad)).toEqual([NaN, NaN, -Infinity, -Infinity]);
  });

  test('an activation overflows to inf behind an inactive unit: the sse stays finite and dW_2 is NaN, as 0 * inf is', () => {
    // 2-1-1-1: h1 = relu(1e300 (1e10 + 1e10)) = inf, h2 = relu(-inf) = 0, f = 0.5 + h2 = 0.5
    const widths = [2, 1, 1, 1];
    const theta = Float64Array.of(1e300, 1e300, 0, -1, 0, 1, 0.5);
    const X = Float64Array.of(1e10, 1e10);
    const Y = Float64Array.of(0);
    const ref = reference(widths, X, Y, 0, 1, theta);
    expect(ref.sse).toBe(0.25);
    expect(Number.isNaN(ref.grad[3])).toBe(true);
    const grad = new Float64Array(theta.length);
    expect(denseSseGradient(widths, X, Y, 0, 1, theta, 0, grad, 0, workspace(widths))).toBe(0.25);
    ref.grad.forEach((g, q) => expect(Object.is(grad[q], g) || (Number.isNaN(grad[q]) && Number.isNaN(g)), `gradient entry ${q}: ${grad[q]} vs ${g}`).toBe(true));
  });
});
