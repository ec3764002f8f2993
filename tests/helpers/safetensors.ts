/**
 * Hand-made safetensors bytes for tests of malformed files: a header object written as given
 * (no checks), the data bytes, and optionally a lying header length. Independent of
 * src/network/safetensors.ts's writer.
 */
export function rawSafetensors(header: unknown, data: Uint8Array | number[], options: { headerLength?: number; headerText?: string } = {}): Uint8Array {
  const text = options.headerText ?? JSON.stringify(header);
  const h = new TextEncoder().encode(text);
  const bytes = new Uint8Array(8 + h.length + data.length);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(options.headerLength ?? h.length), true);
  bytes.set(h, 8);
  bytes.set(data, 8 + h.length);
  return bytes;
}

/** Little-endian float32 bytes of the values (Float32Array rounds; pass float32 values). */
export function f32Bytes(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(4 * values.length);
  const view = new DataView(out.buffer);
  values.forEach((x, i) => view.setFloat32(4 * i, x, true));
  return out;
}

export function f64Bytes(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(8 * values.length);
  const view = new DataView(out.buffer);
  values.forEach((x, i) => view.setFloat64(8 * i, x, true));
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A header entry for `shape` of `dtype` at [begin, end). */
export const entry = (dtype: string, shape: number[], begin: number, end: number) => ({ dtype, shape, data_offsets: [begin, end] });
