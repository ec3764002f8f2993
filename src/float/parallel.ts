/**
 * The sse and its gradient over data shards on worker threads. The data are copied once into
 * shared memory; each evaluation copies theta there, wakes the workers through Atomics, computes
 * the first shard on the calling thread, waits for the others and adds their gradients. So
 * `evaluate` stays synchronous (the integrators call it in a loop) and costs, beyond the kernel,
 * one copy of theta, one of each worker's gradient and a wake-up (tens of microseconds): it pays
 * for the dense kernels at realistic sizes, not for the sorted kernel, whose whole step is a
 * fraction of a millisecond (bench/float.ts measures both).
 */
import { Worker } from 'node:worker_threads';
import { UsageError } from '../core/errors.js';
import { RELU } from './activation.js';
import { denseLayout } from './layout.js';
import { checkObjective, prepareData, shardEvaluator, type Objective, type ObjectiveOptions } from './objective.js';
import { CONTROL, type WorkerSetup } from './worker-protocol.js';

export interface ParallelOptions extends ObjectiveOptions {
  /** Threads in all, this one included (default 2); 1 gives the serial objective's behaviour. */
  threads?: number;
}

/** How to start the worker: the compiled file next to this one, or the TypeScript source through tsx (tests, benchmarks). */
function startWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new Worker(new URL('./worker.js', here), { workerData: setup });
  const source = new URL('./worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { eval: true, workerData: setup });
}

/** An objective whose data are split into `threads` contiguous shards evaluated in parallel. */
export async function createParallelObjective(widths: readonly number[], X: Float64Array, Y: Float64Array, options: ParallelOptions = {}): Promise<Objective> {
  const activation = options.activation ?? RELU;
  const kernel = checkObjective(widths, X, Y, options.kernel, 'createParallelObjective', activation);
  const threads = options.threads ?? 2;
  if (!Number.isSafeInteger(threads) || threads < 1 || threads > 64) throw new UsageError(`createParallelObjective: threads must be an integer in [1, 64], got ${threads}`);
  const n = X.length / widths[0];
  const size = denseLayout(widths).size;
  const data = prepareData(kernel, X, Y);
  const shared = (a: Float64Array): Float64Array => {
    const s = new Float64Array(new SharedArrayBuffer(a.length * 8));
    s.set(a);
    return s;
  };
  const sx = shared(data.X);
  const sy = shared(data.Y);
  const bounds = Array.from({ length: threads + 1 }, (_, t) => Math.round((t * n) / threads));
  const control = new Int32Array(new SharedArrayBuffer(CONTROL.length * 4));
  const theta = new Float64Array(new SharedArrayBuffer(size * 8));
  const results = new Float64Array(new SharedArrayBuffer(Math.max(1, threads - 1) * (size + 1) * 8));
  const own = shardEvaluator(kernel, widths, data.X, data.Y, bounds[0], bounds[1], activation);
  const workers = await Promise.all(
    Array.from({ length: threads - 1 }, (_, t) => {
      const setup: WorkerSetup = { kernel, activation: activation.spec, widths: widths.slice(), X: sx, Y: sy, i0: bounds[t + 1], i1: bounds[t + 2], control, theta, results, slot: t, size };
      const worker = startWorker(setup);
      return new Promise<Worker>((resolve, reject) => {
        worker.once('message', () => resolve(worker));
        worker.once('error', reject);
      });
    }),
  );
  for (const w of workers) w.unref();
  let closed = false;
  const others = threads - 1;
  return {
    kernel,
    activation,
    size,
    n,
    threads,
    evaluate(th, grad) {
      if (closed) throw new UsageError('the parallel objective was closed');
      if (others === 0) return own(th, grad, 0);
      theta.set(th);
      Atomics.store(control, CONTROL.done, 0);
      Atomics.store(control, CONTROL.wantGradient, grad === null ? 0 : 1);
      Atomics.add(control, CONTROL.generation, 1);
      Atomics.notify(control, CONTROL.generation);
      let sse = own(th, grad, 0);
      for (let done = Atomics.load(control, CONTROL.done); done < others; done = Atomics.load(control, CONTROL.done)) Atomics.wait(control, CONTROL.done, done, 1000);
      if (Atomics.load(control, CONTROL.failed) !== 0) throw new Error('createParallelObjective: a worker thread failed (see its error on stderr)');
      for (let t = 0; t < others; t++) {
        const at = t * (size + 1);
        sse += results[at + size];
        if (grad !== null) for (let p = 0; p < size; p++) grad[p] += results[at + p];
      }
      return sse;
    },
    async close() {
      if (closed) return;
      closed = true;
      Atomics.store(control, CONTROL.stop, 1);
      Atomics.add(control, CONTROL.generation, 1);
      Atomics.notify(control, CONTROL.generation);
      // unref'd workers would not keep the event loop alive while we wait for them to exit
      for (const w of workers) w.ref();
      await Promise.all(workers.map((w) => new Promise((resolve) => w.once('exit', resolve))));
    },
  };
}
