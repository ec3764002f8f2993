/**
 * Running instances on worker threads, one instance per worker at a time, handing out the next
 * as each finishes (so long and short instances mix well). `workers: 0` runs them in the main
 * thread instead (for debugging, and where the compiled worker file is not at hand).
 * A worker that dies (out of memory, say) is replaced; its instance is reported as failed. A
 * worker that cannot even start (its module missing) fails the run at once.
 */
import { Worker } from 'node:worker_threads';
import { runInstance, type InstanceOutcome, type InstanceRequest } from './run-instance.js';

export interface PoolOptions {
  workers: number;
  /** Called in the main thread for every finished instance, in the order they finish. */
  onOutcome(outcome: InstanceOutcome): void;
  /** Stop handing out instances when this returns true (checked before each). */
  stopped?(): boolean;
  /** The worker script (default: ./worker.js beside this module); tests swap in their own. */
  workerUrl?: URL;
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
    let aborted = false;
    const fail = (e: unknown): void => {
      aborted = true;
      next = requests.length;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const start = (): void => {
      const worker = new Worker(options.workerUrl ?? WORKER_URL);
      workers.add(worker);
      live++;
      let ready = false;
      let current: InstanceRequest | undefined;
      let died: string | undefined;
      const feed = (): void => {
        current = next < requests.length && options.stopped?.() !== true ? requests[next++] : undefined;
        if (current !== undefined) worker.postMessage(current);
        else void worker.terminate();
      };
      const report = (outcome: InstanceOutcome): boolean => {
        try {
          options.onOutcome(outcome);
          return true;
        } catch (e) {
          fail(e);
          return false;
        }
      };
      worker.on('message', (outcome: InstanceOutcome | 'ready') => {
        if (outcome === 'ready') ready = true;
        else if (!report(outcome)) return;
        feed();
      });
      worker.on('error', (e) => {
        if (!ready) fail(new Error(`a sweep worker thread could not start (${e.message}); --workers 0 runs in the main thread`));
        died = e.message;
      });
      worker.on('exit', (code) => {
        workers.delete(worker);
        live--;
        // Died during an instance (out of memory, process.exit in a task): record it, replace the worker.
        if (current !== undefined && ready && !aborted) {
          const lost = current;
          current = undefined;
          if (!report({ index: lost.index, ok: false, error: `the worker thread died: ${died ?? `exit code ${code}`}`, ms: 0 })) return;
          if (next < requests.length && options.stopped?.() !== true) start();
        }
        if (live === 0) resolve();
      });
    };
    for (let i = 0; i < n; i++) start();
    if (n === 0) resolve();
  });
}
