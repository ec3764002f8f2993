import { floatBatchFunctionalDimension, defaultBatchSize, randomBatch, type BatchLaw, type FloatBatchFunctionalDimension } from '../../analyses/functional-dimension/float-path.js';
import { batchFunctionalDimension, functionalDimension, type FunctionalDimensionResult } from '../../analyses/functional-dimension/functional-dimension.js';
import { UsageError } from '../../core/errors.js';
import { SeededRng } from '../../core/rng.js';
import type { Rational } from '../../field/rational.js';
import { MATRIX_FORMAT } from '../../network/json-io.js';
import { parameterName } from '../../network/parameters.js';
import { hiddenNeuronCount, inputDim, parameterCount, type ReluNet } from '../../network/relu-net.js';
import type { Command, CommandContext } from '../command.js';
import { checkPointsFitNet, integerOption, loadNet, loadPoints, printJson } from '../inputs.js';
import { budgetOptions, clearProgress } from './patterns.js';
import { parseBox } from './regions.js';

/** Options of the float path only; the exact path refuses them rather than ignore them. */
const FLOAT_ONLY = ['tol', 'batch-size', 'batch-law', 'seed'] as const;

export const fdimCommand: Command = {
  name: 'fdim',
  summary: 'functional dimension and hidden symmetries, exactly (decisive batch on the exact regions), or of a batch; float fast path',
  description:
    'Without --points: the functional dimension of the net, exactly: the rank of the parameter Jacobian of theta -> (f(z_1), ..., f(z_k)) ' +
    'over a decisive batch, an n_0-simplex inside every linear region of R^n0 (or of --box), found by exact region enumeration; random probe ' +
    'points are tried first, and the search stops once the rank reaches D - N_h, which no batch can exceed. hiddenSymmetries is true when it stays below that bound, and ' +
    'hiddenDirections then lists the kernel directions beyond neuron rescaling (with each neuron\'s first nonzero incoming weight held fixed). ' +
    'With --points: the exact rank at that batch (points where a pre-activation is exactly 0 are refused, or kept with --flag-zeros using relu\'(0) = 0). ' +
    'With --float: the same Jacobian in float64 and a rank by singular values (--tol, relative), with the gap at the cut; on --points, or on a ' +
    'random batch (--batch-size, --batch-law wide|normal, --seed), which gives only a lower bound. --confirm reruns the batch exactly when the ' +
    'cut is not clear. --witness FILE writes a decisive sub-batch (matrix/1) whose exact rank is the functional dimension.',
  options: {
    net: { type: 'string', valueName: 'FILE', required: true, description: 'the network (relu-net/1)' },
    points: { type: 'string', valueName: 'FILE', description: 'a batch (matrix/1 or dataset/1): its batch functional dimension' },
    float: { type: 'boolean', description: 'the float fast path (singular values, explicit tolerance)' },
    tol: { type: 'string', valueName: 'T', description: 'with --float: relative tolerance of the float rank (singular values <= T s_1 count as 0; default 1e-9)' },
    confirm: { type: 'boolean', description: 'with --float: rerun the batch exactly when the singular-value gap is not clear' },
    'batch-size': { type: 'string', valueName: 'N', description: 'with --float and no --points: random batch size (default max(4D, 500))' },
    'batch-law': { type: 'string', valueName: 'LAW', description: "with --float and no --points: 'wide' (N(0,1), N(0,10^2), N(0,100^2), Cauchy; the default) or 'normal' (N(0, I))" },
    seed: { type: 'string', valueName: 'K', description: 'with --float and no --points: seed of the random batch (default 1)' },
    'flag-zeros': { type: 'boolean', description: "keep batch points with a zero pre-activation (relu'(0) = 0) instead of refusing them" },
    box: { type: 'string', valueName: 'LO,HI', description: 'decisive batch inside the open box only (all coordinates, or one pair per coordinate)' },
    'all-regions': { type: 'boolean', description: 'visit every region even after the rank reaches the bound' },
    witness: { type: 'string', valueName: 'FILE', description: 'write the decisive sub-batch (matrix/1)' },
    'max-count': { type: 'string', valueName: 'N', description: 'stop (exit 3) beyond N regions' },
    'max-seconds': { type: 'string', valueName: 'S', description: 'stop (exit 3) after S seconds' },
  },
  run(ctx) {
    const { net, file } = loadNet(ctx);
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    if (ctx.options['float'] === true) return runFloat(ctx, net, file, seconds);
    if (ctx.options['confirm'] === true) throw new UsageError('--confirm goes with --float (the exact path needs no confirmation)');
    for (const key of FLOAT_ONLY) if (ctx.options[key] !== undefined) throw new UsageError(`--${key} goes with --float (the exact path has no tolerance and no random batch)`);
    if (ctx.options['points'] !== undefined) {
      const { points, file: pointsFile } = loadPoints(ctx);
      checkPointsFitNet(net, points, file, pointsFile);
      const r = batchFunctionalDimension(net, points.toArrays(), { onZero: ctx.options['flag-zeros'] === true ? 'flag' : 'refuse' });
      if (ctx.json) return printJson(ctx, { ...r, flagged: r.flagged.map((f) => f.point), hiddenNeurons: hiddenNeuronCount(net), seconds: seconds() });
      ctx.io.stdout(`batch functional dimension ${r.batchFunctionalDimension} at ${r.points} points (exact); D = ${r.parameterCount}, bound D - N_h = ${r.upperBound}${flaggedNote(r.flagged.length)}\n`);
      return;
    }
    const box = ctx.options['box'] === undefined ? undefined : parseBox(String(ctx.options['box']), inputDim(net));
    let r: FunctionalDimensionResult;
    try {
      r = functionalDimension(net, { box, stopAtBound: ctx.options['all-regions'] !== true, ...budgetOptions(ctx, 'regions') });
    } finally {
      clearProgress(ctx);
    }
    writeWitness(ctx, r.witness);
    const directions = r.hiddenDirections.map((v) => Object.fromEntries(v.flatMap((x, i) => (x.isZero() ? [] : [[parameterName(net, i), x.toString()]]))));
    if (ctx.json) {
      return printJson(ctx, {
        parameterCount: r.parameterCount,
        upperBound: r.upperBound,
        functionalDimension: r.functionalDimension,
        hiddenSymmetries: r.hiddenSymmetries,
        exact: true,
        hiddenNeurons: r.hiddenNeurons,
        hiddenDirections: directions,
        regionsVisited: r.regionsVisited,
        allRegions: r.allRegions,
        nonSmoothRegions: r.nonSmoothRegions,
        box: box === undefined ? null : box.lower.map((lo, i) => [lo.toString(), box.upper[i].toString()]),
        witnessPoints: r.witness.length,
        seconds: seconds(),
      });
    }
    const out = [
      `functional dimension ${r.functionalDimension} (exact); D = ${r.parameterCount} parameters, ${r.hiddenNeurons} hidden neurons, bound D - N_h = ${r.upperBound}`,
      r.hiddenSymmetries
        ? `hidden symmetries: yes, ${r.upperBound - r.functionalDimension} direction${r.upperBound - r.functionalDimension === 1 ? '' : 's'} beyond neuron rescaling (tangent to curves of parameters with the same function, to first order)`
        : 'hidden symmetries: none of positive dimension (the bound is reached; discrete ones are not ruled out)',
      `${regionsSentence(r)}${box === undefined ? '' : ' (in the box)'}${r.nonSmoothRegions > 0 ? `, ${r.nonSmoothRegions} with a pre-activation identically 0 (no smooth point, skipped)` : ''}; ${seconds().toFixed(3)} s`,
    ];
    directions.forEach((d, i) => out.push(`  direction ${i + 1}: ${Object.entries(d).map(([k, v]) => `${k} ${v}`).join(', ')}`));
    ctx.io.stdout(out.join('\n') + '\n');
  },
};

function runFloat(ctx: CommandContext, net: ReluNet<Rational>, file: string, seconds: () => number): void {
  const tol = Number(ctx.options['tol'] ?? '1e-9');
  if (!(tol > 0 && tol < 1)) throw new UsageError(`--tol must be a number in (0, 1), got ${JSON.stringify(ctx.options['tol'])}`);
  if (ctx.options['box'] !== undefined || ctx.options['all-regions'] === true) throw new UsageError('--box and --all-regions belong to the exact decisive batch, not --float');
  let points: number[][];
  let exactPoints: Rational[][] | undefined;
  let random: { size: number; law: BatchLaw; seed: number } | null = null;
  if (ctx.options['points'] !== undefined) {
    const loaded = loadPoints(ctx);
    checkPointsFitNet(net, loaded.points, file, loaded.file);
    exactPoints = loaded.points.toArrays();
    points = exactPoints.map((x) => x.map((v) => v.toNumber()));
  } else {
    const law = String(ctx.options['batch-law'] ?? 'wide');
    if (law !== 'wide' && law !== 'normal') throw new UsageError(`--batch-law must be 'wide' or 'normal', got ${JSON.stringify(law)}`);
    const size = ctx.options['batch-size'] === undefined ? defaultBatchSize(net) : integerOption(ctx, 'batch-size', { min: 1, max: 10_000_000 });
    const seed = ctx.options['seed'] === undefined ? 1 : integerOption(ctx, 'seed');
    random = { size, law, seed };
    points = randomBatch(inputDim(net), size, law, new SeededRng(seed));
  }
  const r = floatBatchFunctionalDimension(net, points, { tol, confirm: ctx.options['confirm'] === true ? 'unclear' : 'never', exactPoints });
  const bound = parameterCount(net) - hiddenNeuronCount(net);
  // A random batch gives a lower bound: only reaching D - N_h decides (no hidden symmetries of positive dimension).
  const hidden = random === null ? undefined : r.batchFunctionalDimension >= bound ? false : null;
  if (ctx.json) {
    return printJson(ctx, {
      parameterCount: r.parameterCount,
      upperBound: r.upperBound,
      batchFunctionalDimension: r.batchFunctionalDimension,
      ...(hidden !== undefined ? { hiddenSymmetries: hidden } : {}),
      exact: r.exact,
      floatRank: r.floatRank.rank,
      exactRank: r.exactRank,
      clear: r.floatRank.clear,
      tol: r.floatRank.tol,
      threshold: r.floatRank.threshold,
      gap: Number.isFinite(r.floatRank.gap) ? r.floatRank.gap : null,
      marginDecades: Number.isFinite(r.floatRank.marginDecades) ? r.floatRank.marginDecades : null,
      singularValuesAtCut: cutValues(r),
      nearKinkPoints: r.nearKinkPoints,
      points: r.points,
      randomBatch: random,
      seconds: seconds(),
    });
  }
  const verdict = r.floatRank.clear ? 'clear' : `NOT clear (margin ${r.floatRank.marginDecades.toFixed(2)} decades)`;
  const out = [
    `batch functional dimension ${r.batchFunctionalDimension} (${r.exact ? `exact, confirmed; float rank ${r.floatRank.rank}` : 'float64'}) at ${r.points} ${random === null ? '' : `random (${random.law}, seed ${random.seed}) `}points; D = ${r.parameterCount}, bound D - N_h = ${r.upperBound}`,
    `singular values at the cut: ${cutValues(r).map((s) => s.toExponential(3)).join(', ')}; threshold ${r.floatRank.threshold.toExponential(3)} (tol ${r.floatRank.tol}); gap ${Number.isFinite(r.floatRank.gap) ? r.floatRank.gap.toExponential(2) : 'infinite'}: ${verdict}`,
  ];
  if (!r.floatRank.clear && !r.exact) out.push('the float rank is not trustworthy here: rerun with --confirm for the exact rank of this batch');
  if (r.nearKinkPoints > 0) out.push(`${r.nearKinkPoints} point(s) lie within rounding of a kink`);
  if (random !== null) out.push(hidden === false ? 'the bound is reached: no hidden symmetries of positive dimension' : 'a random batch gives only a lower bound: run without --float for the exact functional dimension');
  ctx.io.stdout(out.join('\n') + '\n');
}

/** The last kept and first dropped singular values (what the verdict rests on). */
function cutValues(r: FloatBatchFunctionalDimension): number[] {
  const { rank, singularValues } = r.floatRank;
  return Array.from(singularValues.slice(Math.max(0, rank - 1), rank + 1));
}

export function regionsSentence(r: FunctionalDimensionResult): string {
  if (r.regionsVisited === 0 && !r.allRegions) return 'random probe points alone reached the bound (no region needed)';
  return `${r.regionsVisited} region${r.regionsVisited === 1 ? '' : 's'} visited${r.allRegions ? ' (all)' : ' (stopped at the bound)'}`;
}

function flaggedNote(n: number): string {
  return n === 0 ? '' : `; ${n} point(s) on a switching hyperplane kept with relu'(0) = 0`;
}

function writeWitness(ctx: CommandContext, witness: readonly Rational[][]): void {
  const out = ctx.options['witness'];
  if (typeof out !== 'string') return;
  ctx.io.writeText(out, JSON.stringify({ format: MATRIX_FORMAT, rows: witness.map((x) => x.map(String)) }, null, 1) + '\n');
}
