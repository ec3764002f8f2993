/**
 * Running instances on worker threads, one instance per worker at a time, handing out the next
 * as each finishes (so long and short instances mix well). `workers: 0` runs them in the main
 * thread instead (for debugging, and where the compiled worker file is not at hand).
 * A worker that dies (out of memory, say) is replaced; its instance is reported as failed.
 */
import { Worker } from 'node:worker_threads';
import { runInstance, type InstanceOutcome, type InstanceRequest } from './run-instance.js';

export interface PoolOptions {
  workers: number;
  /** Called in the main thread for every finished instance, in the order they finish. */
  onOutcome(outcome: InstanceOutcome): void;
  /** Stop handing out instances when this returns true (checked before each). */
  stopped?(): boolean;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

export async function runPool(requests: readonly InstanceRequest[], options: PoolOptions): Promise<void> {
  if (options.workers <= 0) {
    for (const r of requests) {
      if (options.stopped?.() === true) return;
      options.onOutcome(runInstance(r));
      // Let timers and signals run between instances.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return;
  }
  let next = 0;
  const n = Math.min(options.workers, requests.length);
  const workers = new Set<Worker>();
  await new Promise<void>((resolve, reject) => {
    let live = 0;
    const fail = (e: unknown): void => {
      next = requests.length;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const start = (): void => {
      const worker = new Worker(WORKER_URL);
      workers.add(worker);
      live++;
      let current: InstanceRequest | undefined;
      const feed = (): void => {
        if (next >= requests.length || options.stopped?.() === true) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = requests[next++];
        worker.postMessage(current);
      };
      worker.on('message', (outcome: InstanceOutcome) => {
        try {
          options.onOutcome(outcome);
        } catch (e) {
          fail(e);
          return;
        }
        feed();
      });
      worker.on('error', (e) => {
        if (current !== undefined) options.onOutcome({ index: current.index, ok: false, error: `the worker thread died: ${e.message}`, ms: 0 });
        current = undefined;
        // Replace it, unless nothing is left to do.
        if (next < requests.length && options.stopped?.() !== true) start();
      });
      worker.on('exit', () => {
        workers.delete(worker);
        live--;
        if (live === 0) resolve();
      });
      feed();
    };
    for (let i = 0; i < n; i++) start();
    if (n === 0) resolve();
  });
}
