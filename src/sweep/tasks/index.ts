/** The sweep tasks. Another analysis adds its task file and one line here. */
import { UsageError } from '../../core/errors.js';
import type { SweepTask } from '../task.js';
import { evalRandomTask } from './eval-random.js';
import { initStatsTask } from './init-stats.js';
import { splineRandomTask } from './spline-random.js';

export const TASKS: readonly SweepTask[] = [initStatsTask, splineRandomTask, evalRandomTask];

export function findTask(name: string): SweepTask {
  const task = TASKS.find((t) => t.name === name);
  if (task === undefined) throw new UsageError(`unknown sweep task ${JSON.stringify(name)}; the tasks are: ${TASKS.map((t) => t.name).join(', ')}`);
  return task;
}
