/**
 * C += A B on float64 matrices in a WebAssembly memory, with 128-bit SIMD (two float64 lanes): the
 * one kernel JavaScript cannot write as fast, since its numbers are scalar. The module (about 350
 * bytes) is assembled here, byte by byte, and compiled synchronously: no toolchain, no native code,
 * nothing downloaded; where WebAssembly SIMD is missing, `createGemmMemory` returns null and the
 * callers use the JavaScript product (gemm.ts).
 *
 *   gemm(m, n, K, a, lda, b, ldb, c, ldc):
 *   C[c + i ldc + 8 j] += sum_{k < K} A[a + i lda + 8 k] B[b + k ldb + 8 j]   (byte offsets and strides)
 *
 * for m and n multiples of 4 (>= 4) and K >= 1. Register tile: 4 rows by 4 columns as eight
 * two-lane sums; per k, four scalar loads of A (each broadcast to both lanes) and two vector loads
 * of B feed eight vector multiply-adds. Each entry of C is its old value plus the products in
 * ascending k, one rounded multiply and one rounded add at a time: exactly the sums of a plain loop.
 */

// opcodes (WebAssembly core and SIMD)
const LOOP = 0x03;
const END = 0x0b;
const BR_IF = 0x0d;
const GET = 0x20;
const SET = 0x21;
const I32_CONST = 0x41;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_MUL = 0x6c;
const F64_LOAD = 0x2b;
const VOID = 0x40;
const I32 = 0x7f;
const V128 = 0x7b;
const V128_LOAD = [0xfd, 0x00];
const V128_STORE = [0xfd, 0x0b];
const F64X2_SPLAT = [0xfd, 0x14];
const F64X2_ADD = [0xfd, 0xf0, 0x01];
const F64X2_MUL = [0xfd, 0xf2, 0x01];

function leb(x: number): number[] {
  const out: number[] = [];
  do {
    let byte = x & 0x7f;
    x >>>= 7;
    if (x !== 0) byte |= 0x80;
    out.push(byte);
  } while (x !== 0);
  return out;
}

/** i32.const x for 0 <= x < 64 (one byte of signed LEB128). */
const i32c = (x: number): number[] => [I32_CONST, x];

const bytesOf = (s: string): number[] => [...s].map((ch) => ch.charCodeAt(0));
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];

// locals: the nine i32 parameters, then i32 scratch, then v128 sums and operands
const [m, n, K, a, lda, b, ldb, c, ldc] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const [i, j, k, a0, a1, a2, a3, bp, cp, arow, crow, bcol, t] = [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
const ACC = [22, 23, 24, 25, 26, 27, 28, 29];
const [B0, B1, X] = [30, 31, 32];

const memarg = (align: number, offset: number): number[] => [align, ...leb(offset)];
const add = (to: number, what: number[]): number[] => [GET, to, ...what, I32_ADD, SET, to];
/** ACC[2 row] holds columns 0-1 of a tile row and ACC[2 row + 1] columns 2-3. */
const loadRow = (row: number, ptr: number): number[] => [GET, ptr, ...V128_LOAD, ...memarg(3, 0), SET, ACC[2 * row], GET, ptr, ...V128_LOAD, ...memarg(3, 16), SET, ACC[2 * row + 1]];
const storeRow = (row: number, ptr: number): number[] => [GET, ptr, GET, ACC[2 * row], ...V128_STORE, ...memarg(3, 0), GET, ptr, GET, ACC[2 * row + 1], ...V128_STORE, ...memarg(3, 16)];
/** acc += x b: a rounded multiply, then a rounded add (no fused multiply-add, as in JavaScript). */
const mulAdd = (acc: number, bv: number): number[] => [GET, acc, GET, X, GET, bv, ...F64X2_MUL, ...F64X2_ADD, SET, acc];

function gemmBody(): number[] {
  const rowsAt = (from: number, each: (row: number) => number[]): number[] => [
    GET, from, SET, t,
    ...[0, 1, 2, 3].flatMap((row) => [...(row > 0 ? add(t, [GET, ldc]) : []), ...each(row)]),
  ];
  const kLoop = [
    LOOP, VOID,
    GET, bp, ...V128_LOAD, ...memarg(3, 0), SET, B0,
    GET, bp, ...V128_LOAD, ...memarg(3, 16), SET, B1,
    ...[a0, a1, a2, a3].flatMap((ar, row) => [GET, ar, F64_LOAD, ...memarg(3, 0), ...F64X2_SPLAT, SET, X, ...mulAdd(ACC[2 * row], B0), ...mulAdd(ACC[2 * row + 1], B1)]),
    ...[a0, a1, a2, a3].flatMap((ar) => add(ar, i32c(8))),
    ...add(bp, [GET, ldb]),
    GET, k, ...i32c(1), I32_SUB, SET, k,
    GET, k, BR_IF, 0,
    END,
  ];
  const jLoop = [
    LOOP, VOID,
    ...rowsAt(cp, (row) => loadRow(row, t)),
    GET, arow, SET, a0,
    GET, a0, GET, lda, I32_ADD, SET, a1,
    GET, a1, GET, lda, I32_ADD, SET, a2,
    GET, a2, GET, lda, I32_ADD, SET, a3,
    GET, bcol, SET, bp,
    GET, K, SET, k,
    ...kLoop,
    ...rowsAt(cp, (row) => storeRow(row, t)),
    ...add(cp, i32c(32)),
    ...add(bcol, i32c(32)),
    GET, j, ...i32c(4), I32_SUB, SET, j,
    GET, j, BR_IF, 0,
    END,
  ];
  const code = [
    GET, a, SET, arow,
    GET, c, SET, crow,
    GET, m, SET, i,
    LOOP, VOID,
    GET, b, SET, bcol,
    GET, crow, SET, cp,
    GET, n, SET, j,
    ...jLoop,
    ...add(arow, [GET, lda, ...i32c(4), I32_MUL]),
    ...add(crow, [GET, ldc, ...i32c(4), I32_MUL]),
    GET, i, ...i32c(4), I32_SUB, SET, i,
    GET, i, BR_IF, 0,
    END,
    END,
  ];
  const locals = vec([
    [...leb(13), I32],
    [...leb(11), V128],
  ]);
  const body = [...locals, ...code];
  return [...leb(body.length), ...body];
}

function moduleBytes(): Uint8Array {
  const type = section(1, vec([[0x60, ...vec(Array.from({ length: 9 }, () => [I32])), 0x00]]));
  // import env.mem: a memory (0x02) without a maximum (0x00), at least 0 pages
  const imports = section(2, vec([[...leb(3), ...bytesOf('env'), ...leb(3), ...bytesOf('mem'), 0x02, 0x00, 0x00]]));
  const funcs = section(3, vec([[0x00]]));
  const exports = section(7, vec([[...leb(4), ...bytesOf('gemm'), 0x00, 0x00]]));
  const code = section(10, vec([gemmBody()]));
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imports, ...funcs, ...exports, ...code]);
}

export type WasmGemm = (m: number, n: number, K: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number) => void;

/** The part of the WebAssembly JS API used here (the global is not in this project's type libraries). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: object | null | undefined;

function compiledModule(): object | null {
  if (compiled === undefined) {
    const bytes = moduleBytes();
    compiled = api !== undefined && api.validate(bytes) ? new api.Module(bytes) : null;
  }
  return compiled;
}

/**
 * A fresh WebAssembly memory of at least `length` float64 entries and the gemm working on it, or
 * null where WebAssembly SIMD is unavailable.
 */
export function createGemmMemory(length: number): { memory: Float64Array; gemm: WasmGemm } | null {
  const mod = compiledModule();
  if (api === undefined || mod === null) return null;
  const pages = Math.max(1, Math.ceil((length * 8) / 65536));
  const mem = new api.Memory({ initial: pages });
  const instance = new api.Instance(mod, { env: { mem } });
  return { memory: new Float64Array(mem.buffer, 0, length), gemm: instance.exports['gemm'] as WasmGemm };
}
