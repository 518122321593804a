// The entry point of a sweep's worker thread: takes tasks, runs them, posts the results back.
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type SweepWork, type Task } from './run-task.js';

const work = workerData as SweepWork;
parentPort?.on('message', (task: Task) => {
  const r = runTask(work, task);
  parentPort!.postMessage(r, [r.values.buffer as ArrayBuffer, r.flags.buffer as ArrayBuffer]);
});
// Tasks are sent once the thread says it is listening.
parentPort?.postMessage({ ready: true });
