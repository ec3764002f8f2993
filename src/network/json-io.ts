/**
 * The file formats of FORMATS.md: `relu-net/1`, `dataset/1`, `matrix/1`. Readers take JSON
 * text (or an already parsed value) and return exact rational objects; writers return plain
 * JSON-ready objects with exact rationals as `"p/q"` strings.
 */
import { jsonToPlain, parseJson, type JsonValue } from '../core/json.js';
import { QQ } from '../field/qq.js';
import type { Rational } from '../field/rational.js';
import { Mat } from '../linalg/mat.js';
import { checkFormat, checkKeys, fail, readList, readObject, readRows, readVector, type ReadOptions } from './json-values.js';
import { createReluNet, type ReluNet } from './relu-net.js';

export type { ReadOptions } from './json-values.js';

export const NET_FORMAT = 'relu-net/1';
export const DATASET_FORMAT = 'dataset/1';
export const MATRIX_FORMAT = 'matrix/1';

function parsed(input: string | JsonValue, options: ReadOptions): JsonValue {
  return typeof input === 'string' ? parseJson(input, options.file) : input;
}

/** Read a `relu-net/1` network exactly. */
export function readReluNet(input: string | JsonValue, options: ReadOptions = {}): ReluNet<Rational> {
  const obj = readObject(parsed(input, options), '', options);
  checkFormat(obj, [NET_FORMAT], options);
  const list = readList(obj['layers'], 'layers', options);
  if (list.length === 0) fail('has no layers; a network needs at least one', 'layers', options);
  let cols: number | undefined;
  const layers = list.map((raw, k) => {
    const path = `layers[${k}]`;
    const layer = readObject(raw, path, options);
    checkKeys(layer, ['W', 'b'], path, options);
    if (layer['W'] === undefined) fail('missing', `${path}.W`, options);
    if (layer['b'] === undefined) fail('missing', `${path}.b`, options);
    const firstRow = Array.isArray(layer['W']) && Array.isArray(layer['W'][0]) ? layer['W'][0].length : undefined;
    if (cols !== undefined && firstRow !== undefined && firstRow !== cols) {
      fail(`has ${firstRow} columns but layers[${k - 1}] has ${cols} outputs`, `${path}.W`, options);
    }
    const W = readRows(layer['W'], `${path}.W`, options, cols);
    const b = readVector(layer['b'], `${path}.b`, options);
    if (b.length !== W.length) fail(`has length ${b.length} but ${path}.W has ${W.length} rows`, `${path}.b`, options);
    cols = W.length;
    return { W: Mat.fromRows(QQ, W), b };
  });
  const name = obj['name'];
  if (name !== undefined && typeof name !== 'string') fail('expected a string', 'name', options);
  return createReluNet(QQ, layers, { name, meta: obj['meta'] === undefined ? undefined : jsonToPlain(obj['meta']) });
}

/** A `relu-net/1` object: exact nets as `"p/q"` strings, float nets as JSON numbers. */
export function writeReluNet<T>(net: ReluNet<T>): Record<string, unknown> {
  const F = net.domain;
  const out = (x: T): string | number => (F.exact ? F.toRational(x).toString() : F.toNumber(x));
  return {
    format: NET_FORMAT,
    ...(net.name !== undefined ? { name: net.name } : {}),
    layers: net.layers.map((l) => ({ W: l.W.rows.map((r) => r.map(out)), b: l.b.map(out) })),
    ...(net.meta !== undefined ? { meta: net.meta } : {}),
  };
}

export interface Dataset<T> {
  /** n x d, one row a point. */
  readonly X: Mat<T>;
  /** Labels, length n, when given. */
  readonly y?: readonly T[];
}

/** Read a `dataset/1` data set exactly. */
export function readDataset(input: string | JsonValue, options: ReadOptions = {}): Dataset<Rational> {
  const obj = readObject(parsed(input, options), '', options);
  checkFormat(obj, [DATASET_FORMAT], options);
  if (obj['X'] === undefined) fail('missing', 'X', options);
  const X = Mat.fromRows(QQ, readRows(obj['X'], 'X', options));
  if (obj['y'] === undefined || obj['y'] === null) return { X };
  const y = readVector(obj['y'], 'y', options);
  if (y.length !== X.nrows) fail(`has length ${y.length} but X has ${X.nrows} points`, 'y', options);
  return { X, y };
}

export function writeDataset<T>(data: Dataset<T>): Record<string, unknown> {
  const F = data.X.domain;
  const s = (x: T): string => F.toRational(x).toString();
  return { format: DATASET_FORMAT, X: data.X.rows.map((r) => r.map(s)), ...(data.y !== undefined ? { y: data.y.map(s) } : {}) };
}

/** Read a `matrix/1` matrix exactly. */
export function readMatrix(input: string | JsonValue, options: ReadOptions = {}): Mat<Rational> {
  const obj = readObject(parsed(input, options), '', options);
  checkFormat(obj, [MATRIX_FORMAT], options);
  if (obj['rows'] === undefined) fail('missing', 'rows', options);
  return Mat.fromRows(QQ, readRows(obj['rows'], 'rows', options));
}

export function writeMatrix<T>(m: Mat<T>): Record<string, unknown> {
  return { format: MATRIX_FORMAT, rows: m.rows.map((r) => r.map((x) => m.domain.toRational(x).toString())) };
}

/** Points to evaluate at: the `X` of a `dataset/1`, or the rows of a `matrix/1`. */
export function readPoints(input: string | JsonValue, options: ReadOptions = {}): Mat<Rational> {
  const value = parsed(input, options);
  const tag = checkFormat(readObject(value, '', options), [DATASET_FORMAT, MATRIX_FORMAT], options);
  return tag === DATASET_FORMAT ? readDataset(value, options).X : readMatrix(value, options);
}
