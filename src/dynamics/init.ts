/**
 * Seeded weight initialisations, as the deep-learning libraries define them (per layer, from
 * fan_in = inputs and fan_out = outputs of the layer):
 * - `pytorch`: `nn.Linear`'s default, W and b ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))
 *   (kaiming_uniform_ with a = sqrt(5) gives exactly that bound);
 * - `he-normal` N(0, 2/fan_in), `he-uniform` U(+-sqrt(6/fan_in)) (He et al. 2015; PyTorch's
 *   kaiming_normal_/kaiming_uniform_ for ReLU, fan_in mode);
 * - `glorot-normal` N(0, 2/(fan_in + fan_out)), `glorot-uniform` U(+-sqrt(6/(fan_in + fan_out)))
 *   (Glorot and Bengio 2010; PyTorch's xavier_normal_/xavier_uniform_);
 * - `lecun-normal` N(0, 1/fan_in), `lecun-uniform` U(+-sqrt(3/fan_in)) (LeCun et al. 1998);
 * - `gaussian`: hidden weights N(0, sigmaW^2), hidden biases N(0, sigmaB^2), output weights
 *   N(0, sigmaV^2), output bias 0 (the setting of LITERATURE-A 2.7).
 * With an `activation`, the He schemes take its gain in place of ReLU's sqrt 2 (PyTorch's
 * kaiming_normal_/kaiming_uniform_ with that nonlinearity: std gain / sqrt(fan_in), bound
 * gain sqrt(3 / fan_in); activation.ts lists the gains); the other schemes do not depend on it
 * (nn.Linear's default and xavier_*_ with the default gain 1 ignore the nonlinearity).
 * Normal laws are plain normals (PyTorch), not Keras's truncated normals. Biases: `pytorch` draws
 * them as nn.Linear does; the other schemes set weights only, so their biases default to zero
 * (Keras's default; `bias` overrides: e.g. 'pytorch' for kaiming_normal_ applied to the weight of
 * an nn.Linear that keeps its default bias).
 */
import { SeededRng } from '../core/rng.js';
import { UsageError } from '../core/errors.js';
import { createF64, type FloatField } from '../field/f64.js';
import { createReluNet, type ReluNet } from '../network/relu-net.js';
import type { Activation } from '../float/activation.js';

export const INIT_SCHEMES = ['pytorch', 'he-normal', 'he-uniform', 'glorot-normal', 'glorot-uniform', 'lecun-normal', 'lecun-uniform', 'gaussian'] as const;
export type InitScheme = (typeof INIT_SCHEMES)[number];

/** A centred law: U(-bound, bound), N(0, std^2), or the constant 0. */
export type Law = { kind: 'uniform'; bound: number } | { kind: 'normal'; std: number } | { kind: 'zero' };

/** How biases are drawn: 'zero', 'pytorch' (U(+-1/sqrt(fan_in))), or an explicit law. */
export type BiasInit = 'zero' | 'pytorch' | Law;

export interface InitOptions {
  scheme: InitScheme;
  /** Default: 'pytorch' for the pytorch scheme, N(0, sigmaB^2) for gaussian, 'zero' otherwise. */
  bias?: BiasInit;
  /** For the gaussian scheme (defaults 1, 1, 1). */
  sigmaW?: number;
  sigmaB?: number;
  sigmaV?: number;
  /** Sets the gain of he-normal and he-uniform (default ReLU's, sqrt 2). */
  activation?: Activation;
}

/** The law of the weights of a layer with the given fans (`last`: the output layer). */
export function weightLaw(options: InitOptions, fanIn: number, fanOut: number, last: boolean): Law {
  const { scheme } = options;
  switch (scheme) {
    case 'pytorch':
      return { kind: 'uniform', bound: 1 / Math.sqrt(fanIn) };
    case 'he-normal':
      return { kind: 'normal', std: options.activation === undefined ? Math.sqrt(2 / fanIn) : options.activation.gain / Math.sqrt(fanIn) };
    case 'he-uniform':
      return { kind: 'uniform', bound: options.activation === undefined ? Math.sqrt(6 / fanIn) : options.activation.gain * Math.sqrt(3 / fanIn) };
    case 'glorot-normal':
      return { kind: 'normal', std: Math.sqrt(2 / (fanIn + fanOut)) };
    case 'glorot-uniform':
      return { kind: 'uniform', bound: Math.sqrt(6 / (fanIn + fanOut)) };
    case 'lecun-normal':
      return { kind: 'normal', std: Math.sqrt(1 / fanIn) };
    case 'lecun-uniform':
      return { kind: 'uniform', bound: Math.sqrt(3 / fanIn) };
    case 'gaussian':
      return { kind: 'normal', std: last ? (options.sigmaV ?? 1) : (options.sigmaW ?? 1) };
  }
}

/** The law of the biases of a layer (`last`: the output layer; the gaussian scheme's output bias is 0). */
export function biasLaw(options: InitOptions, fanIn: number, last: boolean): Law {
  const bias = options.bias ?? (options.scheme === 'pytorch' ? 'pytorch' : options.scheme === 'gaussian' ? (last ? 'zero' : { kind: 'normal', std: options.sigmaB ?? 1 }) : 'zero');
  if (bias === 'zero') return { kind: 'zero' };
  if (bias === 'pytorch') return { kind: 'uniform', bound: 1 / Math.sqrt(fanIn) };
  return bias;
}

export function sampleLaw(law: Law, rng: SeededRng): number {
  switch (law.kind) {
    case 'zero':
      return 0;
    case 'uniform':
      return rng.nextUniform(-law.bound, law.bound);
    case 'normal':
      return law.std * rng.nextNormal();
  }
}

/** Var of a centred law: bound^2 / 3, std^2 or 0. */
export function lawVariance(law: Law): number {
  return law.kind === 'uniform' ? (law.bound * law.bound) / 3 : law.kind === 'normal' ? law.std * law.std : 0;
}

/** E|X|: bound / 2, std sqrt(2/pi) or 0. */
export function lawMeanAbs(law: Law): number {
  return law.kind === 'uniform' ? law.bound / 2 : law.kind === 'normal' ? law.std * Math.sqrt(2 / Math.PI) : 0;
}

export function checkInitOptions(options: InitOptions, fn: string): void {
  if (!INIT_SCHEMES.includes(options.scheme)) throw new UsageError(`${fn}: scheme must be one of ${INIT_SCHEMES.join(', ')}, got ${JSON.stringify(options.scheme)}`);
  for (const key of ['sigmaW', 'sigmaB', 'sigmaV'] as const) {
    const s = options[key];
    if (s !== undefined && !(Number.isFinite(s) && s > 0)) throw new UsageError(`${fn}: ${key} must be a finite number > 0, got ${s}`);
  }
}

/**
 * A float net with layer widths `widths` ([n_0, ..., n_L]) drawn from the scheme. Weights are
 * drawn row by row, then the biases, layer after layer, so a seed fixes the net.
 */
export function initNet(widths: readonly number[], options: InitOptions, rng: SeededRng, domain: FloatField = createF64()): ReluNet<number> {
  checkInitOptions(options, 'initNet');
  if (widths.length < 2 || widths.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new UsageError(`initNet: widths must be at least two positive integers, got [${widths.join(', ')}]`);
  const L = widths.length - 1;
  const layers = widths.slice(1).map((out, k) => {
    const fanIn = widths[k];
    const last = k === L - 1;
    const wl = weightLaw(options, fanIn, out, last);
    const bl = biasLaw(options, fanIn, last);
    const W = Array.from({ length: out }, () => Array.from({ length: fanIn }, () => sampleLaw(wl, rng)));
    const b = Array.from({ length: out }, () => sampleLaw(bl, rng));
    return { W, b };
  });
  return createReluNet(domain, layers);
}
