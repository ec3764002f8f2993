/**
 * Planning and running a sweep into a results file.
 *
 * Every finished instance is appended as one line with a single write to a file opened for
 * appending, so a sweep killed at any moment (SIGKILL, a node lost, a scheduler's time limit)
 * keeps every line written; the kernel has them even if the process never closes the file. On
 * resume the complete lines are read, a torn last line is cut off, and only instances whose key
 * is missing run: nothing lost, nothing repeated. (A machine crash can lose what the kernel had
 * not yet written to disk; the file is fsync'ed at the end and such losses are re-run on resume.)
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { InputError, UsageError } from '../core/errors.js';
import { runPool } from './pool.js';
import { formatResultLine, parseResults, type ResultLine } from './results.js';
import type { InstanceOutcome } from './run-instance.js';
import { inShard, type Shard } from './shard.js';
import { iterInstances, type Instance, type SweepSpec } from './spec.js';

export interface SweepPlan {
  readonly spec: SweepSpec;
  readonly shard: Shard;
  readonly out: string;
  /** This shard's instances, in grid order. */
  readonly instances: readonly Instance[];
  /** Keys of this shard already in the results file. */
  readonly done: ReadonlySet<string>;
  /** What is left to run. */
  readonly todo: readonly Instance[];
  /** On resume, the bytes of complete lines to keep (the file is cut there); null for a new file. */
  readonly keepBytes: number | null;
  /** A torn last line found on resume (dropped). */
  readonly torn: string | null;
  /** Lines of the file whose keys are not in this shard's grid (kept, not run). */
  readonly foreign: number;
}

export interface PlanOptions {
  out: string;
  shard: Shard;
  /** Continue an existing results file (else an existing non-empty file is refused). */
  resume?: boolean;
  /** On resume, run again the instances whose line records a failure. */
  retryFailed?: boolean;
  version: string;
}

/** What will run. Throws UsageError for an existing file without `resume`, InputError for a file of another spec. */
export function planSweep(spec: SweepSpec, options: PlanOptions): SweepPlan {
  const { out, shard } = options;
  const instances = [...iterInstances(spec)].filter((i) => inShard(i.index, shard));
  for (const inst of instances) {
    const why = spec.task.validate?.(inst.params);
    if (why !== undefined) throw new InputError(`instance ${inst.key}: ${why}`, { path: 'grid' });
  }
  const text = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (text.length > 0 && options.resume !== true) {
    throw new UsageError(`${out} already holds results: pass --resume to continue it (only missing instances run), or choose another --out`);
  }
  const parsed = parseResults(text, out);
  const other = parsed.lines.find((l) => l.spec !== spec.id || l.task !== spec.task.name);
  if (other !== undefined) {
    throw new InputError(
      `holds results of another spec (task ${other.task}, spec id ${other.spec}; this spec: task ${spec.task.name}, id ${spec.id}): the task or a fixed parameter differs; write to another --out`,
      { file: out },
    );
  }
  const keys = new Set(instances.map((i) => i.key));
  const done = new Set(parsed.lines.filter((l) => keys.has(l.key) && (l.ok || options.retryFailed !== true)).map((l) => l.key));
  return {
    spec,
    shard,
    out,
    instances,
    done,
    todo: instances.filter((i) => !done.has(i.key)),
    keepBytes: text.length > 0 ? parsed.completeBytes : null,
    torn: parsed.torn,
    foreign: parsed.lines.filter((l) => !keys.has(l.key)).length,
  };
}

export interface RunOptions {
  /** Worker threads (0: run in the main thread). */
  workers: number;
  version: string;
  /** Called after each line is written. */
  onLine?(line: ResultLine): void;
  stopped?(): boolean;
}

export interface SweepSummary {
  ran: number;
  failed: number;
  /** Failures that are budgets running out (deterministic results, not crashes). */
  budget: number;
  ms: number;
}

/** Run what the plan has left, appending one flushed line per finished instance. */
export async function runSweep(plan: SweepPlan, options: RunOptions): Promise<SweepSummary> {
  if (plan.keepBytes !== null) truncateSync(plan.out, plan.keepBytes);
  const byIndex = new Map(plan.todo.map((i) => [i.index, i]));
  const summary: SweepSummary = { ran: 0, failed: 0, budget: 0, ms: 0 };
  const start = performance.now();
  const fd = openSync(plan.out, 'a');
  try {
    await runPool(
      plan.todo.map((i) => ({ index: i.index, task: plan.spec.task.name, params: i.params })),
      {
        workers: options.workers,
        stopped: options.stopped,
        onOutcome: (o: InstanceOutcome) => {
          const inst = byIndex.get(o.index)!;
          const line: ResultLine = {
            key: inst.key,
            index: inst.index,
            task: plan.spec.task.name,
            spec: plan.spec.id,
            ok: o.ok,
            ...(o.ok ? { result: o.result } : { error: o.error, ...(o.budget === true ? { budget: true } : {}) }),
            params: inst.params as Record<string, unknown>,
            ms: Math.round(o.ms * 1000) / 1000,
            version: options.version,
          };
          writeAll(fd, formatResultLine(line));
          summary.ran++;
          if (!o.ok) summary.failed++;
          if (o.budget === true) summary.budget++;
          options.onLine?.(line);
        },
      },
    );
  } finally {
    fsyncSync(fd);
    closeSync(fd);
    summary.ms = performance.now() - start;
  }
  return summary;
}

/** One line, one write (looping only if the kernel takes part of it). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
}
