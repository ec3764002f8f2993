/**
 * PyTorch state_dicts of an `nn.Sequential` of `Linear` and `ReLU` as exact networks.
 *
 * A state_dict names parameters only: `0.weight`, `0.bias`, `2.weight`, ... (module index, then
 * the parameter). Parameterless modules (ReLU, Dropout, Identity) leave no trace, so the layer
 * order comes from the module indices, and a ReLU is *assumed* between consecutive Linear layers
 * and nothing after the last one; `meta.assumed` says so in every imported net. Every float is
 * converted to the rational it is (`rationalFromFloat`; float32 widens to float64 exactly).
 */
import { InputError } from '../core/errors.js';
import { describeJson, isJsonObject, JsonNumberLiteral, parseJson, type JsonValue } from '../core/json.js';
import { rationalFromFloat } from '../field/float-exact.js';
import { parseRational } from '../field/parse.js';
import { QQ } from '../field/qq.js';
import type { Rational } from '../field/rational.js';
import { Mat } from '../linalg/mat.js';
import { createReluNet, type ReluNet } from './relu-net.js';
import { exactEntry, shapeText, type ReadableDtype, type StateDict, type StateTensor, type TensorToWrite } from './safetensors.js';

export interface StateDictReadOptions {
  /** The file name, for messages and `meta`. */
  file?: string;
  /** Keep only tensors under this prefix (`net.` for a Sequential held as `self.net`). */
  prefix?: string;
  /** JSON state_dicts: round every number to float32 first (for JSON written from float32 values by their shortest text). */
  float32?: boolean;
  /** The source format, recorded in `meta.importedFrom` (`safetensors`, `torch-json`). */
  format?: string;
}

/**
 * Read a state_dict saved as JSON: an object from parameter names to nested lists of numbers,
 * `{"0.weight": [[...]], "0.bias": [...]}` (as `json.dump({k: v.tolist() ...})` writes it).
 * JSON numbers are read by their exact binary value (what the tensor held); strings are exact
 * rationals (`"1/3"`).
 */
export function readTorchJson(text: string, options: StateDictReadOptions = {}): StateDict {
  const { file } = options;
  const root = parseJson(text, file);
  if (!isJsonObject(root)) throw new InputError(`expected an object from parameter names to nested lists of numbers, got ${describeJson(root)}`, { file });
  const tensors = new Map<string, StateTensor>();
  for (const [name, value] of Object.entries(root)) {
    if (isJsonObject(value)) {
      throw new InputError(`expected a tensor (nested lists of numbers), got an object: is the state_dict nested (then pass that object)?`, { file, path: name });
    }
    const shape: number[] = [];
    const flat: JsonValue[] = [];
    flatten(value, 0, shape, flat, name, file);
    const tensor = { name, dtype: 'json', shape };
    tensors.set(name, {
      ...tensor,
      value(i: number): Rational {
        const v = flat[i];
        if (typeof v === 'string') {
          try {
            return parseRational(v);
          } catch (e) {
            if (e instanceof InputError) throw new InputError(e.reason, { file, path: name });
            throw e;
          }
        }
        const x = Number((v as JsonNumberLiteral).text);
        return exactEntry(options.float32 === true ? Math.fround(x) : x, tensor, i, file);
      },
    });
  }
  return { tensors, metadata: null };
}

/** Nested lists -> a shape and row-major leaves; every list at one depth must have one length. */
function flatten(value: JsonValue, depth: number, shape: number[], out: JsonValue[], name: string, file: string | undefined): void {
  if (Array.isArray(value)) {
    if (shape.length === depth) shape.push(value.length);
    else if (shape.length < depth || shape[depth] !== value.length) {
      throw new InputError(`ragged nested lists: a list of length ${value.length} at depth ${depth}, expected ${shape[depth] ?? 'a number'}`, { file, path: name });
    }
    for (const v of value) flatten(v, depth + 1, shape, out, name, file);
    return;
  }
  if (shape.length !== depth) throw new InputError(`ragged nested lists: a number at depth ${depth}, expected a list of length ${shape[depth]}`, { file, path: name });
  if (!(value instanceof JsonNumberLiteral) && typeof value !== 'string') throw new InputError(`${describeJson(value)} is not a number`, { file, path: name });
  out.push(value);
}

/** `PREFIX<index>.<param>`, the prefix empty or ending in a dot (`net.0.weight`; `fc1.weight` is not numbered). */
const PARAMETER_KEY = /^((?:.*\.)?)(\d+)\.([A-Za-z_][A-Za-z0-9_]*)$/;

interface Module {
  index: number;
  params: Map<string, StateTensor>;
}

/** Group tensor names `PREFIX<index>.<param>` by module; one prefix for all. */
function modulesOf(sd: StateDict, options: StateDictReadOptions): { prefix: string; modules: Module[] } {
  const { file } = options;
  const byIndex = new Map<number, Module>();
  const prefixes = new Set<string>();
  for (const [name, tensor] of sd.tensors) {
    if (options.prefix !== undefined && !name.startsWith(options.prefix)) continue;
    const m = PARAMETER_KEY.exec(name);
    if (m === null || (options.prefix !== undefined && m[1] !== options.prefix)) {
      throw new InputError(
        'not a parameter of a numbered nn.Sequential (expected names like 0.weight, 0.bias, 2.weight; a module with named layers needs its Sequential saved, or --prefix)',
        { file, path: name },
      );
    }
    prefixes.add(m[1]);
    const index = Number(m[2]);
    const mod = byIndex.get(index) ?? { index, params: new Map() };
    mod.params.set(m[3], tensor);
    byIndex.set(index, mod);
  }
  if (byIndex.size === 0) {
    throw new InputError(options.prefix !== undefined ? `no tensor names start with the prefix ${JSON.stringify(options.prefix)}` : 'the state_dict holds no tensors', { file });
  }
  if (prefixes.size > 1) {
    throw new InputError(`tensors of more than one module (${[...prefixes].sort().map((p) => JSON.stringify(p)).join(', ')}): choose one with --prefix`, { file });
  }
  return { prefix: [...prefixes][0], modules: [...byIndex.values()].sort((a, b) => a.index - b.index) };
}

/** Why a module is not an `nn.Linear`, or null when it is one. */
function notLinear(mod: Module, name: (p: string) => string): string | null {
  const params = [...mod.params.keys()];
  const weight = mod.params.get('weight');
  if (params.some((p) => ['running_mean', 'running_var', 'num_batches_tracked'].includes(p))) {
    return `module ${mod.index} is a batch normalisation (it has ${params.join(', ')}), not Linear: relu-exact imports nn.Sequential of Linear and ReLU only (fold it into the Linear before it, in eval mode)`;
  }
  const others = params.filter((p) => p !== 'weight' && p !== 'bias');
  if (others.length > 0) return `module ${mod.index} has parameters ${others.join(', ')}: not a Linear layer (relu-exact imports Linear and ReLU only)`;
  if (weight === undefined) return `module ${mod.index} has a bias but no weight`;
  if (weight.shape.length === 1) {
    return `${name('weight')} has the 1-D shape ${shapeText(weight.shape)}: module ${mod.index} is a normalisation (BatchNorm or LayerNorm?), not Linear (relu-exact imports Linear and ReLU only)`;
  }
  if (weight.shape.length !== 2) {
    const guess = weight.shape.length >= 3 ? ' (a convolution?)' : '';
    return `${name('weight')} has the ${weight.shape.length}-D shape ${shapeText(weight.shape)}: module ${mod.index} is not Linear${guess}; relu-exact imports Linear and ReLU only`;
  }
  return null;
}

/**
 * The exact network of an `nn.Sequential` state_dict. Throws InputError naming the tensor for
 * unsupported layers, dtypes, shapes that do not chain, two Linear layers with nothing between
 * them. A Linear without bias (`bias=False`) gets a zero bias, and `meta.zeroBias` lists it.
 */
export function netFromStateDict(sd: StateDict, options: StateDictReadOptions = {}): ReluNet<Rational> {
  const { file } = options;
  const { prefix, modules } = modulesOf(sd, options);
  const name = (mod: Module) => (p: string) => `${prefix}${mod.index}.${p}`;
  const fail = (reason: string, path?: string): never => {
    throw new InputError(reason, { file, path });
  };
  for (const mod of modules) {
    const why = notLinear(mod, name(mod));
    if (why !== null) fail(why);
  }
  const notes: string[] = [];
  const zeroBias: string[] = [];
  const dtypes = new Set<string>();
  const layers = modules.map((mod, k) => {
    const n = name(mod);
    const weight = mod.params.get('weight')!;
    const [out, inputs] = weight.shape;
    if (out === 0 || inputs === 0) fail(`has the empty shape ${shapeText(weight.shape)}`, n('weight'));
    if (k > 0) {
      const prev = modules[k - 1];
      const prevOut = prev.params.get('weight')!.shape[0];
      if (inputs !== prevOut) {
        fail(`has shape ${shapeText(weight.shape)} (${inputs} inputs) but ${name(prev)('weight')} gives ${prevOut} outputs: the shapes do not chain`, n('weight'));
      }
      if (mod.index === prev.index + 1) {
        fail(
          `modules ${prev.index} and ${mod.index} are both Linear with no module between them, but relu-net/1 puts a ReLU after every layer but the last ` +
            `(multiply them out first: W = W${mod.index} W${prev.index}, b = W${mod.index} b${prev.index} + b${mod.index})`,
          n('weight'),
        );
      }
      if (mod.index > prev.index + 2) notes.push(`modules ${prev.index + 1}..${mod.index - 1} have no parameters and are taken as one ReLU (Dropout and Identity are fine in eval mode)`);
    }
    const bias = mod.params.get('bias');
    if (bias !== undefined && (bias.shape.length !== 1 || bias.shape[0] !== out)) {
      fail(`has shape ${shapeText(bias.shape)} but ${n('weight')} has ${out} rows: expected [${out}]`, n('bias'));
    }
    if (bias === undefined) zeroBias.push(n('bias'));
    dtypes.add(weight.dtype);
    if (bias !== undefined) dtypes.add(bias.dtype);
    const W = Array.from({ length: out }, (_, i) => Array.from({ length: inputs }, (_, j) => weight.value(i * inputs + j)));
    const b = Array.from({ length: out }, (_, i) => (bias !== undefined ? bias.value(i) : QQ.zero));
    return { W: Mat.fromRows(QQ, W), b };
  });
  if (modules[0].index > 0) notes.push(`modules 0..${modules[0].index - 1} have no parameters and are taken as the identity (Flatten?)`);
  if (zeroBias.length > 0) notes.push(`${zeroBias.join(', ')} ${zeroBias.length === 1 ? 'is' : 'are'} absent (Linear with bias=False): taken as zero`);
  const meta = {
    importedFrom: {
      format: options.format ?? 'state_dict',
      ...(file !== undefined ? { file } : {}),
      ...(prefix !== '' ? { prefix } : {}),
      dtypes: [...dtypes].sort(),
      ...(options.float32 === true ? { roundedToFloat32: true } : {}),
    },
    modules: modules.map((m) => m.index),
    assumed: 'a ReLU between consecutive Linear layers and nothing after the last one (a state_dict does not record parameterless modules)',
    conversion: 'every float converted exactly, by its binary value',
    ...(zeroBias.length > 0 ? { zeroBias } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(sd.metadata !== null ? { metadata: sd.metadata } : {}),
  };
  return createReluNet(QQ, layers, { meta });
}

/**
 * The state_dict of `nn.Sequential(Linear, ReLU, Linear, ...)` computing `net` (modules 0, 2, 4,
 * ...), as tensors to write. Refuses a value that `dtype` cannot hold exactly.
 */
export function stateDictOfNet(net: ReluNet<Rational>, dtype: ReadableDtype = 'F64'): TensorToWrite[] {
  const toFloat = (q: Rational, where: string): number => {
    const x = q.toNumber();
    const y = dtype === 'F32' ? Math.fround(x) : x;
    if (!Number.isFinite(y) || !rationalFromFloat(y).eq(q)) throw new InputError(`${q} is not exactly a ${dtype === 'F32' ? 'float32' : 'float64'}`, { path: where });
    return y;
  };
  return net.layers.flatMap((l, k) => [
    { name: `${2 * k}.weight`, dtype, shape: [l.W.nrows, l.W.ncols], values: l.W.rows.flatMap((r, i) => r.map((q, j) => toFloat(q, `${2 * k}.weight[${i}, ${j}]`))) },
    { name: `${2 * k}.bias`, dtype, shape: [l.b.length], values: l.b.map((q, i) => toFloat(q, `${2 * k}.bias[${i}]`)) },
  ]);
}

/** A JSON state_dict text of tensors (numbers written by their shortest round-trip text, which reads back to the same float). */
export function writeTorchJson(tensors: readonly TensorToWrite[]): string {
  const nest = (values: readonly number[], shape: readonly number[]): unknown => {
    if (shape.length <= 1) return values;
    const size = values.length / shape[0];
    return Array.from({ length: shape[0] }, (_, i) => nest(values.slice(i * size, (i + 1) * size), shape.slice(1)));
  };
  return JSON.stringify(Object.fromEntries(tensors.map((t) => [t.name, nest(t.values, t.shape)]))) + '\n';
}
