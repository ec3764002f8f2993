/** Seeded random exact nets for sweep tasks: small integers, or a float initialisation converted exactly. */
import { SeededRng } from '../../core/rng.js';
import { INIT_SCHEMES, initNet, type InitScheme } from '../../dynamics/init.js';
import { QQ } from '../../field/qq.js';
import { Rational } from '../../field/rational.js';
import { convertNet, createReluNet, type ReluNet } from '../../network/relu-net.js';
import type { ParamSpec } from '../task.js';

export const WEIGHT_KINDS = ['integers', ...INIT_SCHEMES] as const;

/** The parameters every random-net task shares. */
export const RANDOM_NET_PARAMS: Readonly<Record<string, ParamSpec>> = {
  seed: { type: 'integer', min: 0, default: 0, description: 'random seed (the net and the points are fixed by it)' },
  weights: { type: 'enum', values: WEIGHT_KINDS, default: 'integers', description: "'integers': every weight and bias uniform in [-range, range]; else that initialisation (float64, converted exactly)" },
  range: { type: 'integer', min: 1, max: 1_000_000, default: 3, description: "the integer range of 'integers' weights" },
};

/** A net with layer widths `widths`, from the seed (see RANDOM_NET_PARAMS). */
export function randomNet(widths: readonly number[], weights: string, range: number, rng: SeededRng): ReluNet<Rational> {
  if (weights === 'integers') {
    const draw = (): Rational => Rational.of(rng.nextInt(-range, range));
    const layers = widths.slice(1).map((out, k) => ({
      W: Array.from({ length: out }, () => Array.from({ length: widths[k] }, draw)),
      b: Array.from({ length: out }, draw),
    }));
    return createReluNet(QQ, layers);
  }
  return convertNet(initNet(widths, { scheme: weights as InitScheme }, rng), QQ);
}
