import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import { UsageError } from '../../core/errors.js';
import { mergeResults } from '../../sweep/merge.js';
import type { ResultLine } from '../../sweep/results.js';
import { planSweep, runSweep, type SweepPlan } from '../../sweep/run-sweep.js';
import { expandOutPath, resolveShard } from '../../sweep/shard.js';
import { instanceCount, readSweepSpec, SWEEP_FORMAT, type SweepSpec } from '../../sweep/spec.js';
import { describeParams } from '../../sweep/task.js';
import { TASKS } from '../../sweep/tasks/index.js';
import type { Command, CommandContext } from '../command.js';
import { integerOption, printJson } from '../inputs.js';
import { VERSION } from '../version.js';

/** Refuse grids too large to list (a typo in a spec should not take the machine's memory). */
const MAX_INSTANCES = 10_000_000;

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'run a task over a grid of parameters on all cores, resumable and shardable across machines; merge shards',
  description:
    `relu-exact sweep --spec S.json --out R.jsonl runs the spec's task (${SWEEP_FORMAT}: task, grid, fixed; see the README) on every instance of the grid, ` +
    'on worker threads, appending one flushed JSON line per finished instance. --resume continues a killed sweep (only missing instances run; a torn last line is dropped). ' +
    '--shard i/N runs the instances whose grid index is i mod N; under a Slurm job array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT) or a Kubernetes Indexed Job ' +
    '(JOB_COMPLETION_INDEX, with --shards N or "shards" in the spec) the shard comes from the environment. {shard} in --out becomes the shard index. ' +
    'relu-exact sweep merge A.jsonl B.jsonl ... --out ALL.jsonl [--spec S.json] joins shards, reporting duplicates, conflicts and missing instances. ' +
    'relu-exact sweep tasks lists the tasks and their parameters.',
  positionals: [
    { name: 'ACTION', description: "'run' (the default), 'merge' or 'tasks'" },
    { name: 'FILES', description: 'merge: the results files to join', variadic: true },
  ],
  options: {
    spec: { type: 'string', valueName: 'FILE', description: `the sweep spec (${SWEEP_FORMAT}); for merge, optional: check the merged keys against its grid` },
    out: { type: 'string', valueName: 'FILE.jsonl', description: 'the results file ({shard} becomes the shard index)' },
    resume: { type: 'boolean', description: 'continue an existing results file: run only the instances it lacks' },
    'retry-failed': { type: 'boolean', description: 'with --resume: also run again the instances recorded as failed' },
    shard: { type: 'string', valueName: 'i/N', description: 'run shard i of N (0 <= i < N): the instances whose grid index is i mod N' },
    shards: { type: 'string', valueName: 'N', description: 'the shard count for JOB_COMPLETION_INDEX (Kubernetes); default: the spec\'s "shards"' },
    workers: { type: 'string', valueName: 'N', description: `worker threads (default: all cores, here ${availableParallelism()}; 0 runs in the main thread)` },
    'dry-run': { type: 'boolean', description: 'say what would run, and run nothing' },
  },
  async run(ctx) {
    const [action = 'run', ...files] = ctx.positionals;
    if (action === 'tasks') return listTasks(ctx);
    if (action === 'merge') return merge(ctx, files);
    if (action !== 'run') throw new UsageError(`unknown sweep action ${JSON.stringify(action)}: run, merge or tasks`);
    if (files.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(files[0])} (only merge takes files)`);
    return runAction(ctx);
  },
};

function loadSpec(ctx: CommandContext): SweepSpec {
  const file = ctx.options['spec'];
  if (typeof file !== 'string') throw new UsageError('missing --spec FILE (see relu-exact sweep --help)');
  const spec = readSweepSpec(ctx.io.readText(file), TASKS, { file });
  if (instanceCount(spec) > MAX_INSTANCES) throw new UsageError(`${file}: the grid has ${instanceCount(spec)} instances, more than ${MAX_INSTANCES}: split it into several specs`);
  return spec;
}

async function runAction(ctx: CommandContext): Promise<number> {
  const spec = loadSpec(ctx);
  const out = ctx.options['out'];
  if (typeof out !== 'string') throw new UsageError('missing --out FILE.jsonl (see relu-exact sweep --help)');
  const shards = ctx.options['shards'] !== undefined ? integerOption(ctx, 'shards', { min: 1 }) : spec.shards;
  const shard = resolveShard({ shard: ctx.options['shard'] as string | undefined, count: shards, env: process.env });
  const workers = ctx.options['workers'] !== undefined ? integerOption(ctx, 'workers', { min: 0, max: 1024 }) : availableParallelism();
  if (ctx.options['retry-failed'] === true && ctx.options['resume'] !== true) throw new UsageError('--retry-failed needs --resume');
  const plan = planSweep(spec, { out: expandOutPath(out, shard), shard, resume: ctx.options['resume'] === true, retryFailed: ctx.options['retry-failed'] === true, version: VERSION });
  const used = Math.min(workers, plan.todo.length);
  const head = planText(plan, used);
  if (ctx.options['dry-run'] === true) {
    if (ctx.json) printJson(ctx, { ...planJson(plan), dryRun: true });
    else ctx.io.stdout(head + '\n');
    return 0;
  }
  ctx.io.stderr(head + '\n');
  const progress = progressReporter(ctx, plan);
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupted = true;
    progress.stop();
    ctx.io.stderr(`\nsweep: ${signal}: stopping; the results written so far are kept in ${plan.out}: rerun with --resume to finish\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let summary;
  try {
    summary = await runSweep(plan, { workers: used, version: VERSION, onLine: progress.tick, stopped: () => interrupted });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.stop();
  }
  const crashed = summary.failed - summary.budget;
  const rate = summary.ms > 0 ? (summary.ran * 1000) / summary.ms : 0;
  const result = { ...planJson(plan), ran: summary.ran, failed: summary.failed, budgetExceeded: summary.budget, seconds: summary.ms / 1000, instancesPerSecond: rate, workers: used };
  if (ctx.json) printJson(ctx, result);
  else {
    ctx.io.stdout(
      `sweep ${spec.task.name}: ran ${summary.ran} instance${summary.ran === 1 ? '' : 's'} in ${(summary.ms / 1000).toFixed(1)} s (${rate.toFixed(1)}/s on ${used} worker${used === 1 ? '' : 's'}); ` +
        `${plan.done.size + summary.ran} of ${plan.instances.length} in ${plan.out}` +
        (summary.failed > 0 ? `; ${summary.failed} failed (${summary.budget} ran out of budget): their lines hold the error` : '') +
        '\n',
    );
  }
  if (crashed > 0) ctx.io.stderr(`sweep: ${crashed} instance${crashed === 1 ? '' : 's'} failed with an error (see the "error" of their lines in ${plan.out})\n`);
  return crashed > 0 ? 1 : 0;
}

function planJson(plan: SweepPlan): Record<string, unknown> {
  return {
    out: plan.out,
    task: plan.spec.task.name,
    spec: plan.spec.id,
    gridInstances: instanceCount(plan.spec),
    shard: { index: plan.shard.index, count: plan.shard.count, source: plan.shard.source },
    instances: plan.instances.length,
    alreadyDone: plan.done.size,
    toRun: plan.todo.length,
    tornLineDropped: plan.torn !== null,
  };
}

function planText(plan: SweepPlan, workers: number): string {
  const { shard } = plan;
  const parts = [
    `sweep ${plan.spec.task.name} (spec ${plan.spec.id}): ${instanceCount(plan.spec)} instances in the grid`,
    shard.count > 1 ? `shard ${shard.index}/${shard.count} (from ${shard.source}) has ${plan.instances.length}` : undefined,
    plan.done.size > 0 ? `${plan.done.size} already in ${plan.out}` : undefined,
    `${plan.todo.length} to run on ${workers} worker${workers === 1 ? '' : 's'} into ${plan.out}`,
  ].filter((s) => s !== undefined);
  const notes = [
    plan.torn !== null ? `dropped a torn last line (${plan.torn.length} characters) from ${plan.out}` : undefined,
    plan.foreign > 0 ? `${plan.foreign} line${plan.foreign === 1 ? '' : 's'} of ${plan.out} belong to no instance of this shard's grid (kept)` : undefined,
  ].filter((s) => s !== undefined);
  return [parts.join('; '), ...notes.map((n) => `sweep: ${n}`)].join('\n');
}

/** A progress bar on a terminal; on logs (not a TTY), a line at every tenth. */
function progressReporter(ctx: CommandContext, plan: SweepPlan): { tick: (line: ResultLine) => void; stop: () => void } {
  const total = plan.todo.length;
  let done = 0;
  const start = performance.now();
  if (ctx.io.stderrIsTTY && total > 0) {
    const bar = new cliProgress.SingleBar(
      { format: `${plan.spec.task.name} |{bar}| {value}/{total} | {rate}/s | ETA {eta_formatted} | failed {failed}`, stream: process.stderr, hideCursor: true, etaBuffer: 100, fps: 5 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '0', failed: 0 });
    let failed = 0;
    let stopped = false;
    return {
      tick: (line) => {
        done++;
        if (!line.ok) failed++;
        bar.update(done, { rate: ((done * 1000) / (performance.now() - start)).toFixed(1), failed });
      },
      stop: () => {
        if (!stopped) bar.stop();
        stopped = true;
      },
    };
  }
  // Logs (Slurm, Kubernetes): a line at a tenth at most every 10 s, so quick sweeps stay quiet.
  let nextTenth = 1;
  let lastLine = start;
  return {
    tick: () => {
      done++;
      const now = performance.now();
      if (done * 10 >= nextTenth * total) {
        while (done * 10 >= nextTenth * total) nextTenth++;
        if (now - lastLine < 10_000) return;
        lastLine = now;
        ctx.io.stderr(`sweep: ${done}/${total} (${Math.floor((100 * done) / total)}%) after ${((now - start) / 1000).toFixed(0)} s\n`);
      }
    },
    stop: () => undefined,
  };
}

function merge(ctx: CommandContext, files: readonly string[]): number {
  if (files.length === 0) throw new UsageError('sweep merge needs the results files to join: relu-exact sweep merge A.jsonl B.jsonl ... --out ALL.jsonl');
  const out = ctx.options['out'];
  if (typeof out !== 'string') throw new UsageError('missing --out FILE.jsonl for the merged results');
  if (files.includes(out)) throw new UsageError(`--out ${out} is also an input: write the merge to a new file`);
  const spec = ctx.options['spec'] !== undefined ? loadSpec(ctx) : undefined;
  const { text, report } = mergeResults(
    files.map((file) => ({ file, text: ctx.io.readText(file) })),
    spec,
  );
  ctx.io.writeText(out, text);
  if (ctx.json) {
    printJson(ctx, { out, ...report });
    return 0;
  }
  const lines = [
    `merged ${report.lines} lines from ${report.files} file${report.files === 1 ? '' : 's'} into ${out}: ${report.instances} instances` +
      (report.duplicates > 0 ? `, ${report.duplicates} duplicate line${report.duplicates === 1 ? '' : 's'} dropped` : '') +
      (report.failed > 0 ? `, ${report.failed} recorded as failed` : ''),
  ];
  if (report.conflicts.length > 0) lines.push(`CONFLICT: ${report.conflicts.length} key${report.conflicts.length === 1 ? '' : 's'} with different results (kept the first): ${preview(report.conflicts)}`);
  if (report.torn.length > 0) lines.push(`dropped a torn last line in ${report.torn.join(', ')}`);
  if (report.missing !== null) {
    lines.push(report.missing.length === 0 ? `complete: every one of the ${instanceCount(spec!)} instances of the spec is present` : `MISSING ${report.missing.length} of ${instanceCount(spec!)} instances: ${preview(report.missing)}`);
    if (report.extra!.length > 0) lines.push(`${report.extra!.length} key${report.extra!.length === 1 ? ' is' : 's are'} not in the spec's grid (kept): ${preview(report.extra!)}`);
  }
  ctx.io.stdout(lines.join('\n') + '\n');
  return 0;
}

const preview = (keys: readonly string[]): string => keys.slice(0, 5).join(' ') + (keys.length > 5 ? ` ... (${keys.length - 5} more)` : '');

function listTasks(ctx: CommandContext): number {
  if (ctx.json) {
    printJson(ctx, { tasks: TASKS.map((t) => ({ name: t.name, summary: t.summary, params: t.params })) });
    return 0;
  }
  const out: string[] = [];
  for (const t of TASKS) out.push(`${t.name}: ${t.summary}`, ...describeParams(t).map((l) => `  ${l}`), '');
  ctx.io.stdout(out.join('\n'));
  return 0;
}
