import { SeededRng } from '../../core/rng.js';
import { F64 } from '../../field/f64.js';
import { rationalFromFloat } from '../../field/float-exact.js';
import { bitLength } from '../../field/bigint.js';
import { Rational } from '../../field/rational.js';
import { activationPattern, evaluateScalar } from '../../network/evaluate.js';
import { convertNet } from '../../network/relu-net.js';
import type { SweepTask } from '../task.js';
import { RANDOM_NET_PARAMS, randomNet } from './random-nets.js';

/**
 * Exact evaluation of a random deep net at random rational points, against float64: how many
 * activation patterns the points see, how many exact ties (a point on a switching hyperplane),
 * how large the exact values grow (bits), and how far float64 evaluation is from them, measured
 * exactly. Points: integers over 2^k, k <= 4, in [-range, range].
 */
export const evalRandomTask: SweepTask = {
  name: 'eval-random',
  summary: 'exact vs float64 evaluation of a random deep net at random points: patterns, ties, value sizes, float error',
  params: {
    widths: { type: 'integers', min: 1, max: 10_000, minLength: 2, maxLength: 64, description: 'layer widths [n_0, ..., n_L], n_L = 1' },
    points: { type: 'integer', min: 1, max: 1_000_000, default: 32, description: 'random points' },
    ...RANDOM_NET_PARAMS,
  },
  validate: (p) => ((p['widths'] as readonly number[]).at(-1) !== 1 ? `widths must end in 1 (a scalar output), got ${JSON.stringify(p['widths'])}` : undefined),
  run(p) {
    const widths = p['widths'] as readonly number[];
    const rng = new SeededRng(p['seed'] as number);
    const range = p['range'] as number;
    const net = randomNet(widths, p['weights'] as string, range, rng);
    const floatNet = convertNet(net, F64);
    const patterns = new Set<string>();
    let ties = 0;
    let maxBits = 0;
    let maxError = Rational.ZERO;
    let maxAbs = Rational.ZERO;
    for (let i = 0; i < (p['points'] as number); i++) {
      const x = Array.from({ length: widths[0] }, () => Rational.of(rng.nextInt(-16 * range, 16 * range), 1n << BigInt(rng.nextInt(0, 4))));
      const exact = evaluateScalar(net, x);
      const pattern = activationPattern(net, x);
      patterns.add(pattern.map((l) => l.join(',')).join('|'));
      ties += pattern.flat().filter((s) => s === 0).length;
      maxBits = Math.max(maxBits, bitLength(exact.num < 0n ? -exact.num : exact.num) + bitLength(exact.den));
      if (exact.abs().cmp(maxAbs) > 0) maxAbs = exact.abs();
      const err = rationalFromFloat(evaluateScalar(floatNet, x.map((v) => v.toNumber()))).sub(exact).abs();
      if (err.cmp(maxError) > 0) maxError = err;
    }
    return {
      exact: true,
      distinctPatterns: patterns.size,
      ties,
      maxValueBits: maxBits,
      maxAbsValue: maxAbs.toNumber(),
      floatMaxAbsError: maxError.toString(),
      floatMaxAbsErrorApprox: maxError.toNumber(),
      floatExact: maxError.isZero(),
    };
  },
};
