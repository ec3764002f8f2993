/** Loading the input files of a command, with errors that name the file and the option. */
import { InputError, UsageError } from '../core/errors.js';
import type { FloatReading } from '../field/parse.js';
import type { Rational } from '../field/rational.js';
import type { Mat } from '../linalg/mat.js';
import { readDataset, readMatrix, readPoints, readReluNet, type Dataset } from '../network/json-io.js';
import { inputDim, type ReluNet } from '../network/relu-net.js';
import { readSafetensors } from '../network/safetensors.js';
import { netFromStateDict } from '../network/state-dict.js';
import type { CommandContext } from './command.js';
import { nodeIo } from './io.js';

function read<T>(ctx: CommandContext, option: string, reader: (text: string, o: { file: string; floats: FloatReading }) => T): { value: T; file: string } {
  const file = ctx.options[option];
  if (typeof file !== 'string' || file === '') throw new UsageError(`missing --${option} FILE`);
  const text = ctx.io.readText(file);
  return { value: reader(text, { file, floats: ctx.options['floats'] as FloatReading }), file };
}

/** A relu-net/1 file, or a PyTorch state_dict in safetensors (by the `.safetensors` extension; see `convert`). */
export function loadNet(ctx: CommandContext, option = 'net'): { net: ReluNet<Rational>; file: string } {
  const path = ctx.options[option];
  if (typeof path === 'string' && path.endsWith('.safetensors')) {
    return { net: netFromStateDict(readSafetensors(readBytes(ctx, path), { file: path }), { file: path, format: 'safetensors' }), file: path };
  }
  const { value, file } = read(ctx, option, readReluNet);
  return { net: value, file };
}

export function loadDataset(ctx: CommandContext, option = 'data'): { data: Dataset<Rational>; file: string } {
  const { value, file } = read(ctx, option, readDataset);
  return { data: value, file };
}

export function loadPoints(ctx: CommandContext, option = 'points'): { points: Mat<Rational>; file: string } {
  const { value, file } = read(ctx, option, readPoints);
  return { points: value, file };
}

export function loadMatrix(ctx: CommandContext, option = 'matrix'): { matrix: Mat<Rational>; file: string } {
  const { value, file } = read(ctx, option, readMatrix);
  return { matrix: value, file };
}

/** A binary file (the in-memory test IO may not read bytes: then the disk does). */
export function readBytes(ctx: CommandContext, file: string): Uint8Array {
  return (ctx.io.readBytes ?? nodeIo().readBytes!)(file);
}

/** Points must have as many coordinates as the net has inputs. */
export function checkPointsFitNet(net: ReluNet<unknown>, points: Mat<unknown>, netFile: string, pointsFile: string): void {
  if (points.ncols !== inputDim(net)) {
    throw new InputError(`points have ${points.ncols} coordinate${points.ncols === 1 ? '' : 's'} but the net in ${netFile} takes ${inputDim(net)} input${inputDim(net) === 1 ? '' : 's'}`, {
      file: pointsFile,
    });
  }
}

/** A positive integer option (`--digits 12`). */
export function integerOption(ctx: CommandContext, option: string, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
  const raw = ctx.options[option];
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${option} must be an integer in [${min}, ${max}], got ${JSON.stringify(raw)}`);
  return n;
}

export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.io.stdout(JSON.stringify(value, null, 2) + '\n');
}
