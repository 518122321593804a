// Runs a sweep on worker threads: every grid point × every seed, in tasks of a few seeds handed
// out as threads become free. Each result lands in its run's own slot, so what comes out does not
// depend on the number of threads nor on which finished first. Stopping (an AbortSignal, e.g.
// Ctrl+C) ends the threads at once and keeps the runs already done.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { MEASURES } from './measures.js';
import { newPointRuns, type PointRuns } from './aggregate.js';
import { startWorker } from './worker-url.js';
import type { SweepWork, Task, TaskResult } from './run-task.js';

export interface SweepJob extends SweepWork {
  /** Seeds seedFrom .. seedFrom + seeds - 1 at every point. */
  seedFrom: number;
  seeds: number;
  /** Threads; default: all cores. */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface SweepOutcome {
  points: PointRuns[];
  runsDone: number;
  runsTotal: number;
  interrupted: boolean;
}

export const defaultThreads = (): number => Math.max(1, availableParallelism());

/** Seeds per task: small enough to spread the work and show progress, big enough to amortise a message. */
export function taskSize(seeds: number, points: number, threads: number): number {
  return Math.max(1, Math.min(10, Math.ceil((seeds * points) / (threads * 16))));
}

/** Tasks in the order they are handed out: a batch of seeds at every point, then the next batch. */
export function tasksOf(points: number, seedFrom: number, seeds: number, size: number): Task[] {
  const tasks: Task[] = [];
  for (let first = 0; first < seeds; first += size) {
    for (let p = 0; p < points; p++) tasks.push({ id: tasks.length, point: p, first, seed: seedFrom + first, count: Math.min(size, seeds - first) });
  }
  return tasks;
}

export async function runSweep(job: SweepJob): Promise<SweepOutcome> {
  const { plan, configs } = job;
  const points = configs.map(() => newPointRuns(job.seeds));
  const runsTotal = configs.length * job.seeds;
  const threads = Math.max(1, Math.min(job.threads ?? defaultThreads(), runsTotal));
  const tasks = tasksOf(configs.length, job.seedFrom, job.seeds, taskSize(job.seeds, configs.length, threads));
  const M = MEASURES.length;
  let next = 0;
  let runsDone = 0;
  const workers: Worker[] = [];
  const outcome = (interrupted: boolean): SweepOutcome => ({ points, runsDone, runsTotal, interrupted });
  if (job.signal?.aborted || tasks.length === 0) return outcome(Boolean(job.signal?.aborted));

  return new Promise<SweepOutcome>((resolve, reject) => {
    let finished = false;
    let busy = 0;
    const finish = (err: Error | null, interrupted = false) => {
      if (finished) return;
      finished = true;
      job.signal?.removeEventListener('abort', onAbort);
      Promise.all(workers.map((w) => w.terminate())).then(
        () => (err ? reject(err) : resolve(outcome(interrupted))),
        () => (err ? reject(err) : resolve(outcome(interrupted))),
      );
    };
    const onAbort = () => finish(null, true);
    job.signal?.addEventListener('abort', onAbort);
    const feed = (w: Worker) => {
      if (next < tasks.length) {
        busy++;
        w.postMessage(tasks[next++]);
      } else if (busy === 0) finish(null);
    };
    for (let i = 0; i < Math.min(threads, tasks.length); i++) {
      const w = startWorker({ workerData: { plan, configs } satisfies SweepWork });
      workers.push(w);
      w.on('message', (msg: TaskResult | { ready: true }) => {
        if (finished) return;
        if ('ready' in msg) return feed(w);
        busy--;
        const p = points[msg.point];
        p.values.set(msg.values, msg.first * M);
        p.flags.set(msg.flags, msg.first);
        p.done.fill(1, msg.first, msg.first + msg.count);
        runsDone += msg.count;
        job.onProgress?.(runsDone, runsTotal);
        feed(w);
      });
      w.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => {
        if (!finished && code !== 0) finish(new Error(`a sweep worker stopped (exit code ${code})`));
      });
    }
  });
}
