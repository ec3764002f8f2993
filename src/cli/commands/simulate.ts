import { BudgetExceededError, UsageError } from '../../core/errors.js';
import { SeededRng } from '../../core/rng.js';
import { splineAnimationSvg, type AnimationFrame } from '../../dynamics/animation.js';
import { floatNet, floatProblem } from '../../dynamics/float-net.js';
import { INIT_SCHEMES, initNet, type InitScheme } from '../../dynamics/init.js';
import { simulate, type SimulationResult } from '../../dynamics/simulate.js';
import { recordLine, TRAJECTORY_FORMAT, type TrajectoryRecord } from '../../dynamics/trajectory.js';
import { ACTIVATION_NAMES, RELU, createActivation, type Activation } from '../../float/activation.js';
import { KERNELS, type KernelName } from '../../float/objective.js';
import { writeReluNet, type Dataset } from '../../network/json-io.js';
import type { ReluNet } from '../../network/relu-net.js';
import type { Rational } from '../../field/rational.js';
import type { Command, CommandContext } from '../command.js';
import { integerOption, loadDataset, loadNet, printJson } from '../inputs.js';
import { progressBar } from '../progress.js';

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'gradient descent or gradient flow on the sse in float64, recorded in spline coordinates (JSONL, animated SVG)',
  description:
    'Plain gradient descent on sse = sum (f(x_i) - y_i)^2 (no 1/2, no 1/n): every parameter at once, theta <- theta - lr grad sse, in float64; ' +
    'or, with --flow, the gradient flow d theta/dt = -grad sse over the same time span t = steps * lr (Dormand-Prince 5(4), adaptive steps; ' +
    'descent step k sits at t = k lr). Univariate shallow nets use the sorted prefix-sum kernel (O(n + m log n) a step). ' +
    'With --out, one JSON line per record (t = 0, every --record-every steps, the end): breakpoints, delta-slopes and orientations ' +
    '(RS coordinates for d > 1, theta for deeper nets) and the metrics: sse, ||theta||^2, drift of the balances v^2 - |w|^2 - b^2 ' +
    "(conserved by the flow: the integrator's error indicator), neuron alignment, numerical rank of the first layer with its gap, breakpoints pinned at data points. " +
    'With --activation the hidden units use another activation than ReLU (the net file gives the weights; the written net records the activation in meta): ' +
    'positively homogeneous ones (leaky-relu, relu-power) are recorded in their quotient coordinates (mu = v |w|^k) with the balances k v^2 - |w|^2 - b^2, ' +
    'the others in zero-plane coordinates (beta = -b/w, sharpness |w|, amplitude v), which conserve nothing. ' +
    'Float results: "exact": false.',
  options: {
    net: { type: 'string', valueName: 'FILE', description: 'initial net (relu-net/1); or use --init' },
    init: { type: 'string', valueName: 'SCHEME', description: `draw the initial net instead: ${INIT_SCHEMES.join(', ')} (with --width and --seed)` },
    width: { type: 'string', valueName: 'H', description: 'hidden width for --init' },
    seed: { type: 'string', valueName: 'K', default: '0', description: 'random seed for --init' },
    data: { type: 'string', valueName: 'FILE', required: true, description: 'training data (dataset/1 with labels)' },
    steps: { type: 'string', valueName: 'T', required: true, description: 'descent steps (flow: integrate to t = T * ETA)' },
    lr: { type: 'string', valueName: 'ETA', required: true, description: 'step size' },
    flow: { type: 'boolean', description: 'integrate the gradient flow instead of taking descent steps' },
    out: { type: 'string', valueName: 'FILE.jsonl', description: 'write the trajectory, one JSON record a line' },
    'record-every': { type: 'string', valueName: 'K', description: 'record every K steps (default: about 100 records in all)' },
    'record-at': { type: 'string', valueName: 'T1,T2,...', description: 'also record at these times t (descent: step t / lr, rounded)' },
    svg: { type: 'string', valueName: 'FILE.svg', description: 'an animated SVG of the spline moving over the data (univariate nets)' },
    'svg-frames': { type: 'string', valueName: 'N', default: '60', description: 'at most N frames in the SVG' },
    activation: { type: 'string', valueName: 'NAME[:P]', description: `hidden activation: ${ACTIVATION_NAMES.join(', ')} (leaky-relu:A, slope A, default 0.01; relu-power:P, P = 1..8, default 2); default relu` },
    kernel: { type: 'string', valueName: 'K', description: `float kernel: ${KERNELS.join(', ')} (default: sorted for univariate shallow ReLU nets, shallow for another activation or 2 inputs and fewer than 32 neurons, dense otherwise)` },
    threads: { type: 'string', valueName: 'N', default: '1', description: 'threads for the gradient (worker threads over data shards)' },
    rtol: { type: 'string', valueName: 'R', default: '1e-8', description: 'flow: relative tolerance per step' },
    atol: { type: 'string', valueName: 'A', default: '1e-12', description: 'flow: absolute tolerance per step' },
    'max-evaluations': { type: 'string', valueName: 'N', default: '10000000', description: 'flow: budget of gradient evaluations (exit 3 when it runs out)' },
  },
  async run(ctx) {
    const { data, file: dataFile } = loadDataset(ctx);
    if (data.y === undefined) throw new UsageError(`the data set in ${dataFile} has no labels y; simulate needs them`);
    const activation = ctx.options['activation'] === undefined ? RELU : activationOption(String(ctx.options['activation']));
    const net = initialNet(ctx, data.X.ncols, activation);
    const steps = integerOption(ctx, 'steps', { min: 0, max: 1e12 });
    const lr = positive(ctx, 'lr');
    const everyOption = ctx.options['record-every'];
    const recordEvery = everyOption !== undefined ? integerOption(ctx, 'record-every', { min: 1 }) : Math.max(1, Math.ceil(steps / 100));
    const kernel = ctx.options['kernel'] as KernelName | undefined;
    if (kernel !== undefined && !(KERNELS as readonly string[]).includes(kernel)) throw new UsageError(`--kernel must be one of ${KERNELS.join(', ')}, got ${JSON.stringify(kernel)}`);
    const threads = integerOption(ctx, 'threads', { min: 1, max: 64 });
    const recordAt = ctx.options['record-at'] === undefined ? [] : String(ctx.options['record-at']).split(',').map((t) => (t.trim() === '' ? NaN : Number(t)));
    if (recordAt.some((t) => !(Number.isFinite(t) && t >= 0))) throw new UsageError(`--record-at must be a comma-separated list of times >= 0, got ${JSON.stringify(ctx.options['record-at'])}`);
    const problem = floatProblem(net as ReluNet<unknown>, data as Dataset<unknown>, 'simulate');
    const svgFile = ctx.options['svg'] as string | undefined;
    if (svgFile !== undefined && !(problem.widths[0] === 1 && problem.widths[problem.widths.length - 1] === 1)) throw new UsageError(`--svg draws univariate nets; this net takes ${problem.widths[0]} inputs`);
    if (svgFile !== undefined && activation !== RELU) throw new UsageError(`--svg draws ReLU splines; it cannot draw a ${activation.label} net`);
    const maxFrames = integerOption(ctx, 'svg-frames', { min: 1, max: 10_000 });
    const recordCount = Math.floor(steps / recordEvery) + 1 + (steps % recordEvery === 0 ? 0 : 1) + (ctx.options['record-at'] === undefined ? 0 : String(ctx.options['record-at']).split(',').length);
    const stride = Math.ceil(recordCount / maxFrames);
    const outFile = ctx.options['out'] as string | undefined;
    const sink = outFile === undefined ? null : openSink(ctx, outFile);
    const frames: AnimationFrame[] = [];
    let first: TrajectoryRecord | undefined;
    let count = 0;
    const method = ctx.options['flow'] === true ? 'flow' : 'descent';
    const shallowScalar = problem.widths.length === 3 && problem.widths[2] === 1;
    const coordinates = !shallowScalar ? 'theta' : activation.homogeneity === null ? 'zero-plane' : problem.widths[0] === 1 ? 'spline' : 'rs';
    sink?.write(recordLine({ format: TRAJECTORY_FORMAT, exact: false, method, lr, steps, recordEvery, widths: problem.widths, n: problem.n, coordinates, activation: activation.label }));
    const bar = progressBar(ctx.io, method === 'flow' ? 'flow' : 'descent');
    let result: SimulationResult;
    try {
      result = await simulate(problem, {
        steps,
        lr,
        method,
        recordEvery,
        recordTimes: recordAt,
        kernel,
        activation,
        threads,
        rtol: positive(ctx, 'rtol'),
        atol: positive(ctx, 'atol'),
        maxEvaluations: integerOption(ctx, 'max-evaluations', { min: 1 }),
        onProgress: (f) => bar.update(f),
        onRecord: (rec, theta) => {
          first ??= rec;
          sink?.write(recordLine(rec));
          if (svgFile !== undefined && (count % stride === 0 || rec.step === steps)) {
            frames.push({ theta: Float64Array.from(theta), label: `step ${rec.step}   t = ${fmt(rec.t)}   sse = ${fmt(rec.metrics.sse)}` });
          }
          count++;
        },
      });
    } finally {
      bar.done();
      sink?.close();
    }
    if (svgFile !== undefined) ctx.io.writeText(svgFile, splineAnimationSvg(problem.widths, frames, { x: problem.X, y: problem.Y }));
    const finalNet = floatNet(result.widths, result.theta, activation === RELU ? {} : { meta: { activation: activation.label } });
    const summary = {
      exact: false,
      sse: Number.isFinite(result.sse) ? result.sse : null,
      steps: result.steps,
      trajectory: outFile ?? null,
      method: result.method,
      lr,
      time: result.time,
      kernel: result.kernel,
      activation: result.activation,
      threads: result.threads,
      initialSse: first?.metrics.sse ?? null,
      records: result.records,
      diverged: result.diverged,
      complete: result.complete,
      evaluations: result.evaluations,
      balanceDrift: Number.isFinite(result.balanceDrift) ? result.balanceDrift : null,
      balanceScale: result.balanceScale,
      ...(result.flow !== undefined ? { flow: result.flow } : {}),
      svg: svgFile ?? null,
      net: writeReluNet(finalNet),
    };
    if (ctx.json) printJson(ctx, summary);
    else ctx.io.stdout(summaryText(result, summary.initialSse, outFile, svgFile, activation.homogeneity !== null));
    if (result.diverged) {
      const why =
        result.method === 'flow'
          ? `at t = ${fmt(result.time)}: the flow's own steps are chosen by the integrator, so this is an overflow at its smallest step (1e-9 of the horizon) or at the start: rescale the net or the data, or shorten the horizon --steps x --lr`
          : `at step ${result.steps}: the step size is too large for this net and data`;
      ctx.io.stderr(`relu-exact simulate: the sse stopped being finite ${why}\n`);
    }
    // a diverged run stops early too, but not for lack of evaluations
    if (!result.complete && !result.diverged) {
      const e = new BudgetExceededError(`the flow used its ${ctx.options['max-evaluations']} gradient evaluations and stopped at t = ${fmt(result.time)} of ${fmt(steps * lr)} (raise --max-evaluations, or loosen --rtol)`);
      ctx.io.stderr(`relu-exact simulate: ${e.message}\n`);
      return 3;
    }
    return 0;
  },
};

function activationOption(label: string): Activation {
  try {
    return createActivation(label);
  } catch (e) {
    throw new UsageError(`--activation: ${(e as Error).message}`);
  }
}

/** The net to start from: --net, or --init with --width (input dimension from the data; the He schemes take the activation's gain). */
function initialNet(ctx: CommandContext, d: number, activation: Activation): ReluNet<Rational> | ReluNet<number> {
  const scheme = ctx.options['init'];
  if (ctx.options['net'] !== undefined && scheme !== undefined) throw new UsageError('give either --net or --init, not both');
  if (scheme === undefined) {
    if (ctx.options['net'] === undefined) throw new UsageError('missing --net FILE (or --init SCHEME --width H)');
    const { net, file } = loadNet(ctx);
    // a net written by simulate --activation says so in meta: running it as another activation would be a silent mistake
    const said = (net.meta as { activation?: unknown } | undefined)?.activation;
    if (typeof said === 'string' && said !== activation.label) throw new UsageError(`the net in ${file} was trained with activation ${said} (meta.activation); pass --activation ${said} (it runs as ${activation.label} otherwise)`);
    return net;
  }
  if (!(INIT_SCHEMES as readonly string[]).includes(scheme as string)) throw new UsageError(`--init must be one of ${INIT_SCHEMES.join(', ')}, got ${JSON.stringify(scheme)}`);
  if (ctx.options['width'] === undefined) throw new UsageError('--init needs --width H');
  const width = integerOption(ctx, 'width', { min: 1, max: 10_000_000 });
  return initNet([d, width, 1], { scheme: scheme as InitScheme, ...(activation === RELU ? {} : { activation }) }, new SeededRng(integerOption(ctx, 'seed')));
}

function openSink(ctx: CommandContext, file: string): { write(text: string): void; close(): void } {
  if (ctx.io.openWrite !== undefined) return ctx.io.openWrite(file);
  const parts: string[] = [];
  return { write: (t) => void parts.push(t), close: () => ctx.io.writeText(file, parts.join('')) };
}

function positive(ctx: CommandContext, key: string): number {
  const raw = ctx.options[key];
  const x = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!(Number.isFinite(x) && x > 0)) throw new UsageError(`--${key} must be a number > 0, got ${JSON.stringify(raw)}`);
  return x;
}

const fmt = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : String(x));

function summaryText(r: SimulationResult, initialSse: number | null, outFile: string | undefined, svgFile: string | undefined, homogeneous: boolean): string {
  const balances = `balances ${r.activation.startsWith('relu-power') ? 'k v^2' : 'v^2'} - |w|^2 - b^2`;
  const lines = [
    `${r.method === 'flow' ? 'Gradient flow' : 'Gradient descent'} on sse (float64, kernel ${r.kernel}${r.threads > 1 ? `, ${r.threads} threads` : ''}${r.activation !== 'relu' ? `, activation ${r.activation}` : ''}): ${r.steps} steps, t = ${fmt(r.time)}.`,
    `sse: ${initialSse === null ? '?' : fmt(initialSse)} -> ${fmt(r.sse)}${r.diverged ? ' (diverged)' : ''}`,
    Number.isFinite(r.balanceDrift)
      ? `${balances}: largest drift ${fmt(r.balanceDrift)} (scale ${fmt(r.balanceScale)})${r.method === 'flow' ? ', conserved by the flow: the integration error' : ', not conserved by descent (O(lr^2) a step)'}`
      : homogeneous
        ? `${balances}: drift not finite (the run overflowed)`
        : `no balances: ${r.activation} is not positively homogeneous, so nothing is conserved to check the integration against`,
  ];
  if (r.flow !== undefined) lines.push(`integrator: ${r.flow.accepted} steps accepted, ${r.flow.rejected} rejected, ${r.flow.forced} forced at the smallest step; ${r.evaluations} gradient evaluations`);
  if (outFile !== undefined) lines.push(`trajectory: ${r.records} records in ${outFile}`);
  if (svgFile !== undefined) lines.push(`animation: ${svgFile}`);
  lines.push('(float results, not exact)');
  return lines.join('\n') + '\n';
}
