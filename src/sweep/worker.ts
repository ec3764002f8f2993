/** A worker thread of a sweep: runs the instances the main thread sends, one at a time. */
import { parentPort } from 'node:worker_threads';
import { runInstance, type InstanceRequest } from './run-instance.js';

if (parentPort === null) throw new Error('src/sweep/worker.ts runs as a worker thread only');
const port = parentPort;
port.on('message', (request: InstanceRequest) => port.postMessage(runInstance(request)));
// Loaded: the main thread tells a worker that cannot start from one that dies on an instance.
port.postMessage('ready');
