/**
 * The sweep spec (`sweep/1`) and its expansion into instances.
 *
 * ```json
 * { "format": "sweep/1", "task": "spline-random",
 *   "grid": { "width": [2, 4, 8], "seed": [0, 1, 2] },
 *   "fixed": { "weights": "integers", "range": 3 },
 *   "shards": 4 }
 * ```
 * The instances are the Cartesian product of the `grid` lists, in the order the keys are
 * written, the last key varying fastest (nested loops); each gets `fixed` and the task's
 * defaults for the parameters neither names. An instance is identified by its *key*, the
 * canonical JSON of its grid values (keys sorted): stable when the grid grows or is reordered,
 * so a resumed or merged sweep matches instances by key, never by position. The *spec id*
 * hashes the task and every non-grid parameter: results of another task or other fixed
 * parameters are never mixed into one file. `shards` (optional) is the shard count used with
 * JOB_COMPLETION_INDEX (Kubernetes indexed jobs).
 */
import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.js';
import { describeJson, isJsonObject, jsonToPlain, parseJson, type JsonObject } from '../core/json.js';
import { checkParam, type ParamValue, type Params, type SweepTask } from './task.js';

export const SWEEP_FORMAT = 'sweep/1';

export interface SweepSpec {
  readonly task: SweepTask;
  /** Grid keys in the order written, each with its list of values. */
  readonly grid: readonly (readonly [string, readonly ParamValue[]])[];
  /** Every parameter not in the grid: the spec's `fixed` and the task's defaults. */
  readonly fixed: Params;
  readonly shards?: number;
  /** Hash of the task and the fixed parameters (12 hex digits). */
  readonly id: string;
}

export interface Instance {
  /** Position in the grid's product (the shard split uses it). */
  readonly index: number;
  /** Canonical JSON of the grid values. */
  readonly key: string;
  /** Grid values with the fixed parameters: what the task runs on. */
  readonly params: Params;
}

/** JSON with object keys sorted: one text per value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Read a sweep spec; `tasks` is the registry. Throws InputError naming the field. */
export function readSweepSpec(text: string, tasks: readonly SweepTask[], options: { file?: string } = {}): SweepSpec {
  const { file } = options;
  const bad = (reason: string, path?: string): never => {
    throw new InputError(reason, { file, path });
  };
  const root = parseJson(text, file);
  if (!isJsonObject(root)) return bad(`expected a sweep spec object, got ${describeJson(root)}`);
  for (const key of Object.keys(root)) if (!['format', 'task', 'grid', 'fixed', 'shards', 'name', 'description'].includes(key)) bad(`unknown key ${JSON.stringify(key)} (expected format, task, grid, fixed, shards, name, description)`);
  if (root['format'] !== SWEEP_FORMAT) bad(`expected ${JSON.stringify(SWEEP_FORMAT)}, got ${describeJson(root['format'])}`, 'format');
  const name = root['task'];
  const task = tasks.find((t) => t.name === name);
  if (task === undefined) return bad(`unknown task ${describeJson(name)}; the tasks are: ${tasks.map((t) => t.name).join(', ')} (relu-exact sweep tasks)`, 'task');
  const gridObj = root['grid'] ?? (Object.create(null) as JsonObject);
  if (!isJsonObject(gridObj)) return bad(`expected an object of lists, got ${describeJson(gridObj)}`, 'grid');
  const fixedObj = root['fixed'] ?? (Object.create(null) as JsonObject);
  if (!isJsonObject(fixedObj)) return bad(`expected an object, got ${describeJson(fixedObj)}`, 'fixed');
  const known = (key: string, path: string): void => {
    if (!(key in task.params)) bad(`task ${task.name} has no parameter ${JSON.stringify(key)} (its parameters: ${Object.keys(task.params).join(', ')})`, path);
  };
  const grid = Object.entries(gridObj).map(([key, raw]): [string, ParamValue[]] => {
    known(key, `grid.${key}`);
    if (key in fixedObj) bad(`${JSON.stringify(key)} is both in grid and in fixed`, `grid.${key}`);
    const values = jsonToPlain(raw);
    if (!Array.isArray(values) || values.length === 0) return bad('expected a non-empty list of values', `grid.${key}`);
    const checked = values.map((v, i) => checkParam(task.params[key], v, `grid.${key}[${i}]`, file));
    const seen = new Set<string>();
    checked.forEach((v, i) => {
      if (seen.has(canonicalJson(v))) bad(`${JSON.stringify(v)} appears twice`, `grid.${key}[${i}]`);
      seen.add(canonicalJson(v));
    });
    return [key, checked];
  });
  const fixed: Record<string, ParamValue> = {};
  for (const [key, raw] of Object.entries(fixedObj)) {
    known(key, `fixed.${key}`);
    fixed[key] = checkParam(task.params[key], jsonToPlain(raw), `fixed.${key}`, file);
  }
  for (const [key, p] of Object.entries(task.params)) {
    if (key in fixed || grid.some(([g]) => g === key)) continue;
    if (p.default === undefined) bad(`task ${task.name} needs ${JSON.stringify(key)} (${p.description}): give it in grid or fixed`);
    fixed[key] = p.default as ParamValue;
  }
  let shards: number | undefined;
  if (root['shards'] !== undefined) {
    const s = jsonToPlain(root['shards']);
    if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 1) bad(`expected a positive integer, got ${describeJson(root['shards'])}`, 'shards');
    shards = s as number;
  }
  const id = createHash('sha256').update(canonicalJson({ task: task.name, fixed })).digest('hex').slice(0, 12);
  return { task, grid, fixed, id, ...(shards !== undefined ? { shards } : {}) };
}

/** The number of instances: the product of the grid's list lengths. */
export function instanceCount(spec: SweepSpec): number {
  return spec.grid.reduce((n, [, values]) => n * values.length, 1);
}

/** Every instance, in grid order (the last grid key varying fastest). */
export function* iterInstances(spec: SweepSpec): Generator<Instance> {
  const n = instanceCount(spec);
  for (let index = 0; index < n; index++) yield instanceAt(spec, index);
}

/** The instance at a position of the product (mixed radix, last key fastest). */
export function instanceAt(spec: SweepSpec, index: number): Instance {
  const point: Record<string, ParamValue> = {};
  let rest = index;
  for (let k = spec.grid.length - 1; k >= 0; k--) {
    const [key, values] = spec.grid[k];
    point[key] = values[rest % values.length];
    rest = Math.floor(rest / values.length);
  }
  return { index, key: canonicalJson(point), params: { ...spec.fixed, ...point } };
}
