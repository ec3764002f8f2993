/** A kernel worker thread (parallel.ts): waits for a generation, evaluates its shard, reports. */
import { parentPort, workerData } from 'node:worker_threads';
import { createActivation } from './activation.js';
import { shardEvaluator } from './objective.js';
import { CONTROL, type WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const { control, theta, results, size } = setup;
const run = shardEvaluator(setup.kernel, setup.widths, setup.X, setup.Y, setup.i0, setup.i1, createActivation(setup.activation));
const at = setup.slot * (size + 1);
const grad = results.subarray(at, at + size);

// read the generation before saying ready: the main thread may start one right after
let generation = Atomics.load(control, CONTROL.generation);
parentPort!.postMessage('ready');
for (;;) {
  Atomics.wait(control, CONTROL.generation, generation);
  generation = Atomics.load(control, CONTROL.generation);
  if (Atomics.load(control, CONTROL.stop) === 1) break;
  try {
    results[at + size] = run(theta, Atomics.load(control, CONTROL.wantGradient) === 1 ? grad : null, 0);
  } catch (e) {
    Atomics.store(control, CONTROL.failed, 1);
    console.error(e);
  }
  Atomics.add(control, CONTROL.done, 1);
  Atomics.notify(control, CONTROL.done);
}
process.exit(0);
