/**
 * The safetensors container (Hugging Face's format for PyTorch state_dicts): an 8-byte
 * little-endian unsigned header length N, N bytes of a UTF-8 JSON header
 * `{ NAME: { dtype, shape, data_offsets: [begin, end] }, "__metadata__": { string: string } }`
 * (possibly padded with spaces), then the raw little-endian tensor bytes, offsets counted from
 * the end of the header. As the format's own validator does, the tensors must tile the data
 * exactly: no overlaps, no holes, nothing after the last tensor.
 *
 * Decoding checks the container only; whether a dtype can be read exactly is decided when a
 * value is asked for (so a file with an unsupported layer gets the layer's message, not the
 * dtype of one of its counters).
 */
import { InputError } from '../core/errors.js';
import { describeJson, isJsonObject, JsonNumberLiteral, parseJson, type JsonValue } from '../core/json.js';
import { rationalFromFloat } from '../field/float-exact.js';
import type { Rational } from '../field/rational.js';

/** Bytes per element of every dtype the format defines (sizes are checked for all of them). */
const DTYPE_BYTES: Readonly<Record<string, number>> = {
  F64: 8, F32: 4, F16: 2, BF16: 2, F8_E4M3: 1, F8_E5M2: 1,
  I64: 8, I32: 4, I16: 2, I8: 1, U64: 8, U32: 4, U16: 2, U8: 1, BOOL: 1,
};

/** The dtypes relu-exact reads: their values convert to rationals exactly. */
export const READABLE_DTYPES = ['F32', 'F64'] as const;
export type ReadableDtype = (typeof READABLE_DTYPES)[number];

/** The safetensors reference refuses headers above 100 MB; so do we. */
const MAX_HEADER_BYTES = 100_000_000;

/** A tensor of a state_dict, from a safetensors file or a JSON state_dict. */
export interface StateTensor {
  readonly name: string;
  /** `F32`, `F64`, another safetensors dtype, or `json` (numbers from a JSON state_dict). */
  readonly dtype: string;
  readonly shape: readonly number[];
  /** The exact value of entry `i` in row-major order; throws InputError for unreadable dtypes and non-finite values. */
  value(i: number): Rational;
}

export interface StateDict {
  readonly tensors: ReadonlyMap<string, StateTensor>;
  /** The `__metadata__` of a safetensors file (string to string), when present. */
  readonly metadata: Readonly<Record<string, string>> | null;
}

/** `[2, 3]` -> `"[2, 3]"`, for messages. */
export const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/** Row-major index -> `[i, j]`, for messages about one entry. */
export function indexText(shape: readonly number[], i: number): string {
  const idx: number[] = [];
  for (let k = shape.length - 1; k >= 0; k--) {
    idx.unshift(i % shape[k]);
    i = Math.floor(i / shape[k]);
  }
  return `[${idx.join(', ')}]`;
}

/** The exact value of a finite float; NaN and infinities are refused, naming the entry. */
export function exactEntry(x: number, tensor: { name: string; shape: readonly number[] }, i: number, file: string | undefined): Rational {
  if (!Number.isFinite(x)) throw new InputError(`entry ${indexText(tensor.shape, i)} is ${x}, not a finite number`, { file, path: tensor.name });
  return rationalFromFloat(x);
}

/** Decode a safetensors file. Throws InputError (naming `file` and the tensor) on any malformation. */
export function readSafetensors(bytes: Uint8Array, options: { file?: string } = {}): StateDict {
  const { file } = options;
  const bad = (reason: string, path?: string): never => {
    throw new InputError(reason, { file, path });
  };
  if (bytes.length < 8) bad(`too short for safetensors: ${bytes.length} bytes, but the header length alone takes 8`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(bytes.length - 8)) {
    bad(`the header length says ${headerLength} bytes but only ${bytes.length - 8} follow the 8-byte prefix (truncated, or not a safetensors file)`);
  }
  const n = Number(headerLength);
  if (n > MAX_HEADER_BYTES) bad(`the header is ${n} bytes, more than the ${MAX_HEADER_BYTES} the format allows`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n));
  } catch {
    return bad('the header is not valid UTF-8');
  }
  if (!text.startsWith('{')) bad(`the header must be a JSON object starting with '{', got ${JSON.stringify(text.slice(0, 20))}`);
  let header: JsonValue;
  try {
    header = parseJson(text);
  } catch (e) {
    return bad(`the header is not valid JSON (${e instanceof InputError ? e.reason : String(e)})`);
  }
  if (!isJsonObject(header)) return bad('the header must be a JSON object');
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const tensors = new Map<string, StateTensor>();
  const spans: { name: string; begin: number; end: number }[] = [];
  let metadata: Record<string, string> | null = null;
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = readMetadata(entry, bad);
      continue;
    }
    if (!isJsonObject(entry)) bad(`expected {dtype, shape, data_offsets}, got ${describeJson(entry)}`, name);
    const info = entry as Record<string, JsonValue>;
    for (const key of Object.keys(info)) {
      if (!['dtype', 'shape', 'data_offsets'].includes(key)) bad(`unknown key ${JSON.stringify(key)} (expected dtype, shape, data_offsets)`, name);
    }
    const dtype = info['dtype'];
    if (typeof dtype !== 'string') return bad(`dtype: expected a string, got ${describeJson(dtype)}`, name);
    const size = DTYPE_BYTES[dtype];
    if (size === undefined) bad(`unknown dtype ${JSON.stringify(dtype)} (safetensors dtypes: ${Object.keys(DTYPE_BYTES).join(', ')})`, name);
    const shape = readIntegers(info['shape'], 'shape', name, bad);
    const offsets = readIntegers(info['data_offsets'], 'data_offsets', name, bad);
    if (offsets.length !== 2) bad(`data_offsets: expected [begin, end], got ${offsets.length} numbers`, name);
    const [begin, end] = offsets;
    if (begin > end) bad(`data_offsets [${begin}, ${end}] run backwards`, name);
    if (end > dataLength) bad(`data_offsets [${begin}, ${end}] reach beyond the ${dataLength} data bytes in the file (truncated?)`, name);
    const count = shape.reduce((a, b) => a * b, 1);
    if (!Number.isSafeInteger(count * size) || count * size !== end - begin) {
      bad(`shape ${shapeText(shape)} of ${dtype} needs ${count} x ${size} = ${count * size} bytes but data_offsets [${begin}, ${end}] hold ${end - begin}`, name);
    }
    spans.push({ name, begin, end });
    tensors.set(name, binaryTensor(name, dtype, shape, view, dataStart + begin, file));
  }
  checkTiling(spans, dataLength, bad);
  return { tensors, metadata };
}

function binaryTensor(name: string, dtype: string, shape: readonly number[], view: DataView, start: number, file: string | undefined): StateTensor {
  const tensor = { name, dtype, shape };
  return {
    ...tensor,
    value(i: number): Rational {
      if (dtype === 'F64') return exactEntry(view.getFloat64(start + 8 * i, true), tensor, i, file);
      // A float32 widens to float64 exactly: getFloat32 returns that double.
      if (dtype === 'F32') return exactEntry(view.getFloat32(start + 4 * i, true), tensor, i, file);
      throw new InputError(
        `dtype ${dtype} is not supported: relu-exact reads ${READABLE_DTYPES.join(' and ')} tensors (save with model.float() or model.double())`,
        { file, path: name },
      );
    },
  };
}

/** Sorted by begin, the spans must cover [0, dataLength) without overlap or hole. */
function checkTiling(spans: { name: string; begin: number; end: number }[], dataLength: number, bad: (reason: string, path?: string) => never): void {
  // Empty tensors take no bytes and may sit anywhere a span starts or ends.
  const sorted = spans.filter((s) => s.end > s.begin).sort((a, b) => a.begin - b.begin);
  let at = 0;
  let previous: string | undefined;
  for (const s of sorted) {
    if (s.begin < at) bad(`data_offsets [${s.begin}, ${s.end}] overlap those of ${previous}`, s.name);
    if (s.begin > at) bad(`data bytes ${at}..${s.begin} belong to no tensor (the format allows no holes)`, s.name);
    at = s.end;
    previous = s.name;
  }
  if (at !== dataLength) bad(`${dataLength - at} bytes after the last tensor belong to no tensor (the data should end at byte ${at})`);
}

function readIntegers(value: JsonValue | undefined, key: string, name: string, bad: (reason: string, path?: string) => never): number[] {
  if (!Array.isArray(value)) return bad(`${key}: expected a list of integers, got ${describeJson(value)}`, name);
  return value.map((v) => {
    const n = v instanceof JsonNumberLiteral && /^\d+$/.test(v.text) ? Number(v.text) : NaN;
    if (!Number.isSafeInteger(n)) bad(`${key}: expected non-negative integers, got ${describeJson(v)}`, name);
    return n;
  });
}

function readMetadata(value: JsonValue, bad: (reason: string, path?: string) => never): Record<string, string> {
  if (!isJsonObject(value)) return bad(`expected an object of strings, got ${describeJson(value)}`, '__metadata__');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') bad(`expected string values, got ${describeJson(v)}`, `__metadata__.${k}`);
    out[k] = v as string;
  }
  return out;
}

/** A tensor to write: values are JS numbers that must be exactly representable in `dtype`. */
export interface TensorToWrite {
  name: string;
  dtype: ReadableDtype;
  shape: readonly number[];
  values: readonly number[];
}

/**
 * Encode tensors as a safetensors file (header padded with spaces to a multiple of 8, as the
 * reference writer does). Refuses a value that `dtype` cannot hold exactly: no silent rounding.
 */
export function writeSafetensors(tensors: readonly TensorToWrite[], metadata?: Readonly<Record<string, string>>): Uint8Array {
  const header: Record<string, unknown> = metadata !== undefined ? { __metadata__: metadata } : {};
  let offset = 0;
  for (const t of tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.values.length) throw new InputError(`writeSafetensors: shape ${shapeText(t.shape)} holds ${count} values, got ${t.values.length}`, { path: t.name });
    const size = DTYPE_BYTES[t.dtype] * count;
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((8 + new TextEncoder().encode(json).length) % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const t of tensors) {
    t.values.forEach((x, i) => {
      if (!Number.isFinite(x)) throw new InputError(`writeSafetensors: entry ${indexText(t.shape, i)} is ${x}`, { path: t.name });
      if (t.dtype === 'F32') {
        if (Math.fround(x) !== x) throw new InputError(`writeSafetensors: entry ${indexText(t.shape, i)} = ${x} is not exactly a float32`, { path: t.name });
        view.setFloat32(at, x, true);
        at += 4;
      } else {
        view.setFloat64(at, x, true);
        at += 8;
      }
    });
  }
  return out;
}
