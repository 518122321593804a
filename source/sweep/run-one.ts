// One run of a sweep: a cluster from its config and seed, the plan's actions at their times, and
// the outage ledger at the end. The tick rules run on one private working copy, with no snapshot
// published between ticks (a sweep reads only the end), which is what makes a run cheap; actions
// go through the engine's own apply(), so the ledger opens its records exactly as in any other run.
import type { Config, State } from '../sim/types.js';
import type { Driver } from '../sim/driver.js';
import { createState } from '../sim/create.js';
import { apply, tickDraft } from '../sim/engine.js';
import { thaw } from '../sim/publish.js';
import { ledgerOf, type OutageRecord } from '../sim/ledger/index.js';
import { ScenarioDriver } from '../scenario/driver.js';
import { ScriptDriver } from '../cli/script.js';
import { MAX_RUN_MS, SCENARIO_TAIL_MS, scriptEndMs, type Plan } from './plan.js';

export interface RunResult {
  records: OutageRecord[];
  /** Simulated time when the run ended (ms). */
  endT: number;
  /** The working state at the end (for tests that compare runs). */
  state: State;
}

function driverOf(plan: Plan): Driver {
  return plan.kind === 'scenario' ? new ScenarioDriver(plan.scenario) : new ScriptDriver(plan.entries);
}

/** Runs the plan once on `config` (its seed included). */
export function runOne(plan: Plan, config: Config): RunResult {
  let w: State = thaw(createState(config));
  const driver = driverOf(plan);
  const tickMs = config.tickMs;
  const fixedEnd = plan.kind === 'script' ? scriptEndMs(plan.entries, plan.durationMs) : plan.durationMs;
  let doneAt: number | null = null;
  for (;;) {
    const out = driver.poll(w);
    // apply() returns a frozen snapshot; the next ticks need a working copy again.
    for (const a of out.actions) w = thaw(apply(w, a));
    if (doneAt === null && driver.done(w)) doneAt = w.t;
    const end = fixedEnd ?? (doneAt !== null ? doneAt + SCENARIO_TAIL_MS : MAX_RUN_MS);
    if (w.t >= end) break;
    // A script says when it next acts: tick straight to then (a scenario is asked every tick).
    let ticks = 1;
    if (driver instanceof ScriptDriver) {
      const next = driver.nextAt() ?? end;
      ticks = Math.max(1, Math.ceil((Math.min(next, end) - w.t) / tickMs));
    }
    for (let i = 0; i < ticks; i++) tickDraft(w);
  }
  return { records: ledgerOf(w), endT: w.t, state: w };
}
