// A task of a sweep: a batch of consecutive seeds at one grid point, run one after the other, each
// reduced to one value per measure. The same code runs in worker threads and in tests.
import type { Config } from '../sim/types.js';
import { MEASURES } from './measures.js';
import { runOne } from './run-one.js';
import { runValue } from './run-value.js';
import { FLAG_FAILURE, FLAG_NOT_GREEN } from './aggregate.js';
import type { Plan } from './plan.js';

/** What every worker is given once. */
export interface SweepWork {
  plan: Plan;
  /** One config per grid point; each run sets its own seed. */
  configs: Config[];
}

export interface Task {
  id: number;
  point: number;
  /** Index of the first run of this task among the point's runs, and its seed. */
  first: number;
  seed: number;
  count: number;
}

export interface TaskResult {
  id: number;
  point: number;
  first: number;
  count: number;
  /** MEASURES.length values per run. */
  values: Float64Array;
  flags: Uint8Array;
}

export function runTask(work: SweepWork, task: Task): TaskResult {
  const M = MEASURES.length;
  const values = new Float64Array(task.count * M);
  const flags = new Uint8Array(task.count);
  const base = work.configs[task.point];
  for (let i = 0; i < task.count; i++) {
    const run = runOne(work.plan, { ...base, seed: task.seed + i });
    const v = runValue(run.records, run.endT);
    MEASURES.forEach((m, k) => (values[i * M + k] = v.values[m]));
    flags[i] = (v.anyFailure ? FLAG_FAILURE : 0) | (v.notGreen ? FLAG_NOT_GREEN : 0);
  }
  return { id: task.id, point: task.point, first: task.first, count: task.count, values, flags };
}
