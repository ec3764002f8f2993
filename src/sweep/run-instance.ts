/** Running one instance of a task, the same way in a worker thread or in the main thread. */
import { BudgetExceededError } from '../core/errors.js';
import type { Params } from './task.js';
import { findTask } from './tasks/index.js';

export interface InstanceRequest {
  /** The instance's grid index (echoed back). */
  index: number;
  task: string;
  params: Params;
}

export interface InstanceOutcome {
  index: number;
  ok: boolean;
  result?: Record<string, unknown>;
  error?: string;
  budget?: boolean;
  ms: number;
}

/** Never throws: a failing instance is an outcome with its error message. */
export function runInstance(request: InstanceRequest): InstanceOutcome {
  const start = performance.now();
  try {
    const result = findTask(request.task).run(request.params);
    // Through JSON and back: what the results file will hold, and a check that it is JSON.
    return { index: request.index, ok: true, result: JSON.parse(JSON.stringify(result)) as Record<string, unknown>, ms: performance.now() - start };
  } catch (e) {
    const budget = e instanceof BudgetExceededError;
    return { index: request.index, ok: false, error: e instanceof Error ? e.message : String(e), ...(budget ? { budget } : {}), ms: performance.now() - start };
  }
}
