/**
 * Reading the parts of a certificate. Every failure throws `CertificateError` naming the JSON
 * path and the reason; `verifyCertificate` turns it into `{ valid: false, reason }`.
 * Numbers are exact: strings as in FORMATS.md ("-2/3", "0.125"), or JSON integers.
 */
import { ReluExactError } from '../core/errors.js';
import { parseRational } from '../field/parse.js';
import { Rational } from '../field/rational.js';
import { readReluNet } from '../network/json-io.js';

export class CertificateError extends ReluExactError {
  override name = 'CertificateError';
}

/** Throws CertificateError(`path: reason`) unless `ok`. */
export function need(ok: boolean, path: string, reason: string): asserts ok {
  if (!ok) throw new CertificateError(path === '' ? reason : `${path}: ${reason}`);
}

export type Json = unknown;

export function obj(v: Json, path: string): Record<string, Json> {
  need(typeof v === 'object' && v !== null && !Array.isArray(v), path, 'expected an object');
  return v as Record<string, Json>;
}

export function list(v: Json, path: string): Json[] {
  need(Array.isArray(v), path, 'expected a list');
  return v as Json[];
}

export function bool(v: Json, path: string): boolean {
  need(typeof v === 'boolean', path, 'expected true or false');
  return v as boolean;
}

export function str(v: Json, path: string): string {
  need(typeof v === 'string', path, 'expected a string');
  return v as string;
}

export function num(v: Json, path: string): Rational {
  if (typeof v === 'number') {
    need(Number.isSafeInteger(v), path, `${v} is not exact: write non-integers as strings ("p/q")`);
    return Rational.of(v);
  }
  need(typeof v === 'string', path, 'expected an exact number (a string "p/q")');
  try {
    return parseRational(v as string);
  } catch (e) {
    throw new CertificateError(`${path}: ${(e as Error).message}`);
  }
}

export function int(v: Json, path: string): number {
  const r = num(v, path);
  need(r.isInteger() && r.num <= BigInt(Number.MAX_SAFE_INTEGER) && r.num >= 0n, path, 'expected a non-negative integer');
  return Number(r.num);
}

export function nums(v: Json, path: string, length?: number): Rational[] {
  const l = list(v, path);
  if (length !== undefined) need(l.length === length, path, `expected ${length} numbers, got ${l.length}`);
  return l.map((x, i) => num(x, `${path}[${i}]`));
}

export function rows(v: Json, path: string, cols?: number): Rational[][] {
  const l = list(v, path);
  const out = l.map((r, i) => nums(r, `${path}[${i}]`, cols));
  if (out.length > 0) out.forEach((r, i) => need(r.length === out[0].length, `${path}[${i}]`, 'rows of different lengths'));
  return out;
}

/** A string of '0'/'1' of length n. */
export function bits(v: Json, path: string, n: number): string {
  const s = str(v, path);
  need(s.length === n && /^[01]*$/.test(s), path, `expected a string of ${n} characters 0/1`);
  return s;
}

/** A network as plain layers (the relu-net/1 reader checks the format and the shapes). */
export interface PlainNet {
  readonly layers: readonly { readonly W: readonly (readonly Rational[])[]; readonly b: readonly Rational[] }[];
}

export function net(v: Json, path: string): PlainNet {
  try {
    const n = readReluNet(withStringNumbers(v) as never);
    return { layers: n.layers.map((l) => ({ W: l.W.rows.map((r) => r.slice()), b: l.b.slice() })) };
  } catch (e) {
    throw new CertificateError(`${path}: ${(e as Error).message}`);
  }
}

/** JSON integers as strings, so the relu-net/1 reader (which reads parsed JSON) accepts plain objects. */
function withStringNumbers(v: Json): Json {
  if (typeof v === 'number') {
    need(Number.isSafeInteger(v), 'net', `${v} is not exact: write non-integers as strings ("p/q")`);
    return String(v);
  }
  if (Array.isArray(v)) return v.map(withStringNumbers);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withStringNumbers(x)]));
  return v;
}
