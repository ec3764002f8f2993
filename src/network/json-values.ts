/**
 * Reading numbers, vectors and matrices out of parsed JSON, with the JSON path of every value
 * in the error (`layers[1].W[0][2]: "1/0" is not a number (zero denominator)`).
 */
import { InputError } from '../core/errors.js';
import { describeJson, isJsonObject, JsonNumberLiteral, type JsonObject, type JsonValue } from '../core/json.js';
import { DEFAULT_PARSE_LIMITS, parseJsonNumber, parseRational, type FloatReading, type ParseLimits } from '../field/parse.js';
import type { Rational } from '../field/rational.js';

export interface ReadOptions {
  /** The file name, for messages. */
  file?: string;
  /** How JSON numbers are read: `'decimal'` (default, shortest round-trip text) or `'binary'`. */
  floats?: FloatReading;
  limits?: ParseLimits;
}

export function fail(reason: string, path: string, options: ReadOptions): never {
  throw new InputError(reason, { file: options.file, path });
}

export function readNumber(value: JsonValue | undefined, path: string, options: ReadOptions): Rational {
  try {
    if (value instanceof JsonNumberLiteral) return parseJsonNumber(value.text, options.floats ?? 'decimal', options.limits ?? DEFAULT_PARSE_LIMITS);
    if (typeof value === 'string') return parseRational(value, options.limits ?? DEFAULT_PARSE_LIMITS);
  } catch (e) {
    if (e instanceof InputError) throw e.within(options.file, path);
    throw e;
  }
  return fail(`${describeJson(value)} is not a number`, path, options);
}

export function readList(value: JsonValue | undefined, path: string, options: ReadOptions): JsonValue[] {
  if (!Array.isArray(value)) return fail(`expected a list, got ${describeJson(value)}`, path, options);
  return value;
}

export function readVector(value: JsonValue | undefined, path: string, options: ReadOptions, length?: number): Rational[] {
  const list = readList(value, path, options);
  if (length !== undefined && list.length !== length) fail(`has length ${list.length}, expected ${length}`, path, options);
  return list.map((x, i) => readNumber(x, `${path}[${i}]`, options));
}

/** Rows of numbers, all of one length (and of `cols` when given). */
export function readRows(value: JsonValue | undefined, path: string, options: ReadOptions, cols?: number): Rational[][] {
  const list = readList(value, path, options);
  if (list.length === 0) fail('is empty; expected at least one row', path, options);
  const rows = list.map((r, i) => readList(r, `${path}[${i}]`, options));
  const n = cols ?? rows[0].length;
  rows.forEach((r, i) => {
    if (r.length !== n) {
      fail(cols === undefined ? `has ${r.length} entries, ${path}[0] has ${n}` : `has ${r.length} entries, expected ${n}`, `${path}[${i}]`, options);
    }
  });
  if (n === 0) fail('rows are empty; expected at least one column', path, options);
  return rows.map((r, i) => r.map((x, j) => readNumber(x, `${path}[${i}][${j}]`, options)));
}

export function readObject(value: JsonValue | undefined, path: string, options: ReadOptions): JsonObject {
  if (!isJsonObject(value)) return fail(`expected an object, got ${describeJson(value)}`, path, options);
  return value;
}

/** Check the `format` tag of a top-level object. */
export function checkFormat(obj: JsonObject, expected: readonly string[], options: ReadOptions): string {
  const tag = obj['format'];
  const want = expected.map((e) => JSON.stringify(e)).join(' or ');
  if (tag === undefined) fail(`missing (expected ${want})`, 'format', options);
  if (typeof tag !== 'string' || !expected.includes(tag)) fail(`expected ${want}, got ${describeJson(tag)}`, 'format', options);
  return tag;
}

/** Refuse keys other than `allowed` in an object (a misspelt key would otherwise be ignored). */
export function checkKeys(obj: JsonObject, allowed: readonly string[], path: string, options: ReadOptions): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(`unknown key ${JSON.stringify(key)} (expected ${allowed.join(', ')})`, path, options);
  }
}
