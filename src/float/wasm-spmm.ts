/**
 * The dense kernels' two routines (spmm.ts: compress, and spmm, C = g(I + A B) with A as
 * compressed rows and B as panels of PANEL columns) in a WebAssembly memory, spmm with 128-bit
 * SIMD (two float64 lanes): the kernel JavaScript cannot write as fast, since its numbers are
 * scalar. The module (about 1.5 KB) is assembled here, byte by byte, and compiled
 * synchronously: no toolchain, no native code, nothing downloaded; where WebAssembly SIMD is
 * missing, `createSpmmMemory` returns null and the callers use the JavaScript routines (spmm.ts).
 *
 * spmm's loop order: panel by panel; in a panel, row by row of C, whose PANEL sums (six two-lane
 * registers: as many as hide the adder's latency without spilling; eight spilled two of them)
 * take one entry of A at a time, broadcast to both lanes, times a row of the panel. A panel of B
 * is contiguous (K PANEL 8 bytes: 24 KiB for K = 256), so it stays in the first-level cache while
 * every row of C passes over it; rows of a plain row-major B 2 KiB apart would share a few cache
 * sets and evict each other (measured: about 2x slower at K = n = 256). Per entry of A the loop
 * is 23 instructions for 12 multiply-adds (V8 does not fold the loads into the arithmetic), and
 * the front end issuing 6 a cycle is what bounds it: 3.1 multiply-adds a cycle, as measured.
 * Two entries a turn measured 1.5x slower (V8 then spills sums), so the loop takes one.
 */
import { PANEL, type Compress, type Spmm } from './spmm.js';

// opcodes (WebAssembly core and SIMD)
const BLOCK = 0x02;
const LOOP = 0x03;
const IF = 0x04;
const BR = 0x0c;
const END = 0x0b;
const BR_IF = 0x0d;
const GET = 0x20;
const SET = 0x21;
const I32_CONST = 0x41;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_MUL = 0x6c;
const I32_LT_S = 0x48;
const I32_LOAD = 0x28;
const I32_STORE = 0x36;
const I32_EQ = 0x46;
const I32_AND = 0x71;
const I32_SHL = 0x74;
const F64_LOAD = 0x2b;
const F64_STORE = 0x39;
const F64_CONST = 0x44;
const F64_NE = 0x62;
const F64_GT = 0x64;
const F64_ADD = 0xa0;
const F64_SUB = 0xa1;
const ELSE = 0x05;
const TEE = 0x22;
const F64 = 0x7c;
const VOID = 0x40;
const I32 = 0x7f;
const V128 = 0x7b;
const V128_LOAD = [0xfd, 0x00];
const V128_STORE = [0xfd, 0x0b];
const V128_LOAD64_SPLAT = [0xfd, 0x0a];
const F64X2_ADD = [0xfd, 0xf0, 0x01];
const F64X2_MUL = [0xfd, 0xf2, 0x01];
const F64X2_MAX = [0xfd, 0xf5, 0x01];

/** The 8 bytes of x as a float64, little-endian (the immediate of f64.const). */
const f64Bytes = (x: number): number[] => [...new Uint8Array(Float64Array.of(x).buffer)];

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

/** i32.const x for 0 <= x < 8192 (signed LEB128: bit 6 of the last byte is the sign). */
const i32c = (x: number): number[] => (x < 64 ? [I32_CONST, x] : [I32_CONST, 0x80 | (x & 0x7f), x >> 7]);

const bytesOf = (s: string): number[] => [...s].map((ch) => ch.charCodeAt(0));
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];

const memarg = (align: number, offset: number): number[] => [align, ...leb(offset)];
const add = (to: number, what: number[]): number[] => [GET, to, ...what, I32_ADD, SET, to];

// spmm's locals: its parameters, then i32 scratch, then v128 sums, operand and zero
const SP = { rows: 0, n: 1, ptr: 2, rec: 3, b: 4, bpanel: 5, c: 6, ldc: 7, init: 8, ldinit: 9, relu: 10, i: 11, jrem: 12, pp: 13, cnt: 14, vp: 15, cp: 16, t: 17, ip: 18 };
const SP_ACC = [19, 20, 21, 22, 23, 24];
const SP_X = 25;
const SP_ZERO = 26;

/**
 * Panels of `width` <= PANEL columns while at least `width` columns are left: for each row i, its
 * sums start from row i of `init`, take += V[t] (row O[t] of the panel) over the row's entries t
 * in ascending t, go through relu when asked (max(s, 0) as Math.max: relu(-inf) = 0, NaN stays NaN) and are stored.
 */
function spmmPanels(width: number): number[] {
  const acc = SP_ACC.slice(0, width / 2);
  const S = SP;
  const tLoop = [
    LOOP, VOID,
    GET, S.vp, ...V128_LOAD64_SPLAT, ...memarg(3, 0), SET, SP_X,
    GET, S.b, GET, S.vp, I32_LOAD, ...memarg(2, 8), I32_ADD, SET, S.t,
    ...acc.flatMap((q, h) => [GET, q, GET, SP_X, GET, S.t, ...V128_LOAD, ...memarg(3, 16 * h), ...F64X2_MUL, ...F64X2_ADD, SET, q]),
    ...add(S.vp, i32c(16)),
    GET, S.cnt, ...i32c(1), I32_SUB, SET, S.cnt,
    GET, S.cnt, BR_IF, 0,
    END,
  ];
  const rowLoop = [
    LOOP, VOID,
    ...acc.flatMap((q, h) => [GET, S.ip, ...V128_LOAD, ...memarg(3, 16 * h), SET, q]),
    // entries P[i] .. P[i + 1] - 1
    GET, S.pp, I32_LOAD, ...memarg(2, 0), SET, S.t,
    GET, S.pp, I32_LOAD, ...memarg(2, 4), GET, S.t, I32_SUB, SET, S.cnt,
    GET, S.cnt, IF, VOID,
    GET, S.rec, GET, S.t, ...i32c(16), I32_MUL, I32_ADD, SET, S.vp,
    ...tLoop,
    END,
    GET, S.relu, IF, VOID,
    ...acc.flatMap((q) => [GET, q, GET, SP_ZERO, ...F64X2_MAX, SET, q]),
    END,
    ...acc.flatMap((q, h) => [GET, S.cp, GET, q, ...V128_STORE, ...memarg(3, 16 * h)]),
    ...add(S.cp, [GET, S.ldc]),
    ...add(S.ip, [GET, S.ldinit]),
    ...add(S.pp, i32c(4)),
    GET, S.i, ...i32c(1), I32_SUB, SET, S.i,
    GET, S.i, BR_IF, 0,
    END,
  ];
  return [
    BLOCK, VOID,
    LOOP, VOID,
    GET, S.jrem, ...i32c(width), I32_LT_S, BR_IF, 1,
    GET, S.ptr, SET, S.pp,
    GET, S.rows, SET, S.i,
    GET, S.c, SET, S.cp,
    GET, S.init, SET, S.ip,
    ...rowLoop,
    ...add(S.b, [GET, S.bpanel]),
    ...add(S.c, i32c(8 * width)),
    ...add(S.init, i32c(8 * width)),
    GET, S.jrem, ...i32c(width), I32_SUB, SET, S.jrem,
    BR, 0,
    END,
    END,
  ];
}

/** Full panels, then one of 8 or 4 columns for what is left (n mod PANEL is 0, 4 or 8). */
function spmmBody(): number[] {
  const code = [
    GET, SP.n, SET, SP.jrem,
    ...spmmPanels(PANEL),
    ...spmmPanels(8),
    ...spmmPanels(4),
    END,
  ];
  return functionBody([[8, I32], [8, V128]], code);
}

// compress's locals: its parameters, then i32 scratch and the f64 entry
const CO = { rows: 0, cols: 1, at: 2, rs: 3, cs: 4, mask: 5, mode: 6, ptr: 7, rec: 8, r: 9, c: 10, a: 11, mk: 12, vp: 13, pp: 14, t: 15, inc: 16, coff: 17, v: 18, chk: 19 };

/** One row of compress: each entry written, the count moved on by `keep` (an i32 0 or 1 on the stack). */
function compressRow(keep: number[]): number[] {
  const C = CO;
  return [
    LOOP, VOID,
    GET, C.vp, GET, C.a, F64_LOAD, ...memarg(3, 0), TEE, C.v, F64_STORE, ...memarg(3, 0),
    GET, C.chk, GET, C.v, GET, C.v, F64_SUB, F64_ADD, SET, C.chk,
    GET, C.vp, GET, C.coff, I32_STORE, ...memarg(2, 8),
    ...keep, SET, C.inc,
    ...add(C.vp, [GET, C.inc, ...i32c(4), I32_SHL]),
    ...add(C.t, [GET, C.inc]),
    ...add(C.a, [GET, C.cs]),
    ...add(C.mk, [GET, C.cs]),
    ...add(C.coff, i32c(8 * PANEL)),
    GET, C.c, ...i32c(1), I32_SUB, SET, C.c,
    GET, C.c, BR_IF, 0,
    END,
  ];
}

/**
 * compress(rows, cols, at, rs, cs, mask, mode, ptr, rec): the rows x cols matrix at `at`
 * (byte strides rs, cs) as compressed rows (spmm.ts); mode 0 keeps the entries != 0, mode 1 those
 * != 0 whose entry in the mask (same strides, at `mask`) is > 0, mode 2 all. Branch-free: every
 * entry is written and the count moves on by 0 or 1. Returns the sum of v - v over the entries v
 * read: NaN iff one of them is infinite or NaN.
 */
function compressBody(): number[] {
  const C = CO;
  const nonZero = [GET, C.v, F64_CONST, ...f64Bytes(0), F64_NE];
  const code = [
    GET, C.ptr, SET, C.pp,
    GET, C.rec, SET, C.vp,
    GET, C.rows, SET, C.r,
    LOOP, VOID,
    GET, C.pp, GET, C.t, I32_STORE, ...memarg(2, 0),
    ...add(C.pp, i32c(4)),
    GET, C.at, SET, C.a,
    GET, C.mask, SET, C.mk,
    GET, C.cols, SET, C.c,
    ...i32c(0), SET, C.coff,
    GET, C.mode, ...i32c(2), I32_EQ, IF, VOID,
    ...compressRow(i32c(1)),
    ELSE,
    GET, C.mode, IF, VOID,
    ...compressRow([...nonZero, GET, C.mk, F64_LOAD, ...memarg(3, 0), F64_CONST, ...f64Bytes(0), F64_GT, I32_AND]),
    ELSE,
    ...compressRow(nonZero),
    END,
    END,
    ...add(C.at, [GET, C.rs]),
    ...add(C.mask, [GET, C.rs]),
    GET, C.r, ...i32c(1), I32_SUB, SET, C.r,
    GET, C.r, BR_IF, 0,
    END,
    GET, C.pp, GET, C.t, I32_STORE, ...memarg(2, 0),
    GET, C.chk,
    END,
  ];
  return functionBody([[9, I32], [2, F64]], code);
}

function functionBody(locals: [number, number][], code: number[]): number[] {
  const body = [...vec(locals.map(([count, type]) => [...leb(count), type])), ...code];
  return [...leb(body.length), ...body];
}

function moduleBytes(): Uint8Array {
  const i32s = (count: number): number[] => vec(Array.from({ length: count }, () => [I32]));
  const type = section(1, vec([[0x60, ...i32s(11), 0x00], [0x60, ...i32s(9), 0x01, F64]]));
  // import env.mem: a memory (0x02) without a maximum (0x00), at least 0 pages
  const imports = section(2, vec([[...leb(3), ...bytesOf('env'), ...leb(3), ...bytesOf('mem'), 0x02, 0x00, 0x00]]));
  const funcs = section(3, vec([[0x00], [0x01]]));
  const exports = section(7, vec([
    [...leb(4), ...bytesOf('spmm'), 0x00, 0x00],
    [...leb(8), ...bytesOf('compress'), 0x00, 0x01],
  ]));
  const code = section(10, vec([spmmBody(), compressBody()]));
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imports, ...funcs, ...exports, ...code]);
}

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
 * A fresh WebAssembly memory of at least `length` float64 entries and the product working on it, or
 * null where WebAssembly SIMD is unavailable.
 */
export function createSpmmMemory(length: number): { memory: Float64Array; spmm: Spmm; compress: Compress } | null {
  const mod = compiledModule();
  if (api === undefined || mod === null) return null;
  const pages = Math.max(1, Math.ceil((length * 8) / 65536));
  const mem = new api.Memory({ initial: pages });
  const instance = new api.Instance(mod, { env: { mem } });
  return { memory: new Float64Array(mem.buffer, 0, length), spmm: instance.exports['spmm'] as Spmm, compress: instance.exports['compress'] as Compress };
}
