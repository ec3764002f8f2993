/**
 * Splitting a sweep across machines. Shard i of N (0 <= i < N) takes the instances whose grid
 * index is i mod N: deterministic from the spec alone, so every machine computes its own part
 * without talking to the others; the shards are pairwise disjoint and their union is the grid;
 * and round-robin spreads instances of every size evenly (grids often grow a size along a key).
 *
 * Cluster schedulers say which shard a process is through the environment:
 * - Slurm job arrays (`sbatch --array=0-15`): SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT, and
 *   SLURM_ARRAY_TASK_MIN / SLURM_ARRAY_TASK_STEP for arrays that do not start at 0 or skip;
 * - Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX (0-based); the count is not in the
 *   environment, so it comes from `--shards N` or the spec's `shards`.
 */
import { UsageError } from '../core/errors.js';

export interface Shard {
  readonly index: number;
  readonly count: number;
  /** Where the shard came from: `--shard`, `SLURM_ARRAY_TASK_ID`, `JOB_COMPLETION_INDEX` or `none`. */
  readonly source: string;
}

export const WHOLE: Shard = { index: 0, count: 1, source: 'none' };

/** `--shard i/N`. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m === null ? NaN : Number(m[1]);
  const count = m === null ? NaN : Number(m[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new UsageError(`--shard must be i/N with 0 <= i < N (shards count from 0), got ${JSON.stringify(text)}`);
  }
  return { index, count, source: '--shard' };
}

const envInt = (env: NodeJS.ProcessEnv, name: string): number | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`the environment variable ${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return Number(raw.trim());
};

/**
 * The shard of this process: `--shard` if given, else Slurm's array variables, else Kubernetes'
 * JOB_COMPLETION_INDEX with `count` (from `--shards` or the spec), else the whole grid.
 */
export function resolveShard(options: { shard?: string; count?: number; env?: NodeJS.ProcessEnv }): Shard {
  if (options.shard !== undefined) return parseShard(options.shard);
  const env = options.env ?? process.env;
  const slurmId = envInt(env, 'SLURM_ARRAY_TASK_ID');
  if (slurmId !== undefined) {
    const count = envInt(env, 'SLURM_ARRAY_TASK_COUNT');
    if (count === undefined || count < 1) throw new UsageError('SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not: run under sbatch --array, or pass --shard i/N');
    const min = envInt(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    const step = envInt(env, 'SLURM_ARRAY_TASK_STEP') ?? 1;
    const offset = slurmId - min;
    const index = offset / Math.max(step, 1);
    if (offset < 0 || !Number.isInteger(index) || index >= count) {
      throw new UsageError(`SLURM_ARRAY_TASK_ID=${slurmId} is not one of the ${count} tasks from ${min} in steps of ${step}; give the array as --array=A-B (a plain range) or pass --shard i/N`);
    }
    return { index, count, source: 'SLURM_ARRAY_TASK_ID' };
  }
  const k8s = envInt(env, 'JOB_COMPLETION_INDEX');
  if (k8s !== undefined) {
    const count = options.count;
    if (count === undefined) throw new UsageError('JOB_COMPLETION_INDEX is set but the shard count is not: pass --shards N (the Job\'s completions) or put "shards": N in the spec');
    if (k8s >= count) throw new UsageError(`JOB_COMPLETION_INDEX=${k8s} but there are only ${count} shards (0 to ${count - 1})`);
    return { index: k8s, count, source: 'JOB_COMPLETION_INDEX' };
  }
  return WHOLE;
}

/** Whether the instance at grid position `index` belongs to the shard. */
export function inShard(index: number, shard: Shard): boolean {
  return index % shard.count === shard.index;
}

/** `results-{shard}.jsonl` -> `results-3.jsonl`, so one command line serves every array task. */
export function expandOutPath(path: string, shard: Shard): string {
  return path.replaceAll('{shard}', String(shard.index)).replaceAll('{shards}', String(shard.count));
}
