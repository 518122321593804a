// One run of a sweep: a cluster from its config and seed, the plan's actions at their times, and
// the outage ledger at the end, through the shared run loop (sim/run-loop.ts). The tick rules run
// on one private working copy, with no snapshot published between ticks (a sweep reads only the
// end), which is what makes a run cheap. Actions take the steps of the engine's apply() on that
// same copy (a test holds the ledger to the engine's own loop, so the two cannot drift apart).
// A sweep reads only the ledger, so by default a run stops as soon as the ledger is final: no
// action is left to come and every record has closed (a closed record never changes again).
import type { Config, State } from '../sim/types.js';
import type { Driver } from '../sim/driver.js';
import { createState } from '../sim/create.js';
import { tickDraft } from '../sim/engine.js';
import { applyAction, validateAction } from '../sim/apply-action.js';
import type { SimAction } from '../sim/actions.js';
import { thaw } from '../sim/publish.js';
import { RunLoop, type WorldOps } from '../sim/run-loop.js';
import { parseDuration } from '../sim/duration.js';
import { ledgerOf, openOutage, type OutageRecord } from '../sim/ledger/index.js';
import { ScenarioDriver } from '../scenario/scenario-driver.js';
import { ScriptDriver } from '../cli/script.js';
import type { Scenario } from '../scenario/index.js';
import { MAX_RUN_MS, SCENARIO_TAIL_MS, scriptEndMs, type Plan } from './plan.js';

export interface RunResult {
  records: OutageRecord[];
  /** Simulated time when the run ended (ms): the plan's end, or earlier once the ledger was final. */
  endT: number;
  /** The working state at the end (for tests that compare runs). */
  state: State;
}

function driverOf(plan: Plan): Driver {
  return plan.kind === 'scenario' ? new ScenarioDriver(plan.scenario) : new ScriptDriver(plan.entries);
}

/** engine.apply() on the working copy: the action, and its outage record when it was valid. */
function applyInPlace(w: State, a: SimAction): void {
  const valid = validateAction(w, a) === null;
  applyAction(w, a);
  if (valid) openOutage(w, a);
}

/** A scenario's step times and its last acting step, read once per scenario: every run of a sweep asks for them often. */
interface StepTimes {
  /** A step waits or checks: the driver must be asked every tick. */
  everyTick: boolean;
  at: (number | null)[];
  after: (number | null)[];
  /** Index of the last step that acts (`do` other than none), or -1. */
  lastAction: number;
}
const stepTimes = new WeakMap<object, StepTimes>();

function timesOf(steps: Scenario['steps']): StepTimes {
  let t = stepTimes.get(steps);
  if (!t) {
    t = {
      everyTick: steps.some((st) => st.wait || st.expect?.length),
      at: steps.map((st) => (st.at !== undefined ? parseDuration(st.at)! : null)),
      after: steps.map((st) => (st.after !== undefined ? parseDuration(st.after)! : null)),
      lastAction: steps.reduce((last, st, i) => (st.do && st.do !== 'none' ? i : last), -1),
    };
    stepTimes.set(steps, t);
  }
  return t;
}

/**
 * When the driver next needs asking: a script knows its next action; a scenario made of timed
 * steps only (no waits, no checks) is due at its next step's time. Otherwise every tick.
 */
function nextPollAt(plan: Plan, driver: Driver, w: State, lastRunAt: number): number {
  if (driver instanceof ScriptDriver) return driver.nextAt() ?? Infinity;
  if (plan.kind !== 'scenario' || !(driver instanceof ScenarioDriver)) return w.t;
  const times = timesOf(plan.scenario.steps);
  if (times.everyTick) return w.t;
  const i = driver.stepIndex();
  if (i >= times.at.length) return Infinity;
  const at = times.at[i];
  if (at !== null) return at;
  const after = times.after[i];
  if (after !== null) return lastRunAt + after;
  return w.t;
}

/**
 * The run loop's view of one working copy: actions and ticks change it in place, nothing is
 * published between ticks (a sweep reads only the end).
 */
const IN_PLACE: WorldOps<State> = {
  live: (w) => w,
  apply: (w, a) => {
    applyInPlace(w, a);
    return w;
  },
  advance: (w, ticks) => {
    for (let i = 0; i < ticks; i++) tickDraft(w);
    return w;
  },
};

/**
 * No action can come any more: a script applied its last entry, a scenario has no step left that
 * acts. From then on, once every record has closed the ledger is final: records open only on
 * actions, and a closed record is kept as it is, so the ticks left would change none of it.
 */
function actsNoMore(plan: Plan, driver: Driver): boolean {
  if (driver instanceof ScriptDriver) return driver.nextAt() === null;
  if (plan.kind !== 'scenario' || !(driver instanceof ScenarioDriver)) return false;
  return driver.stepIndex() > timesOf(plan.scenario.steps).lastAction;
}

export interface RunOptions {
  /** Run to the plan's end even after the ledger is final (to compare the whole world's state). */
  toEnd?: boolean;
}

/**
 * Runs the plan once on `config` (its seed included), through the shared run loop, until the plan
 * ends or, unless `toEnd`, until the ledger is final (its records are then those of a run to the end).
 */
export function runOne(plan: Plan, config: Config, opts: RunOptions = {}): RunResult {
  const w: State = thaw(createState(config));
  const driver = driverOf(plan);
  const fixedEnd = plan.kind === 'script' ? scriptEndMs(plan.entries, plan.durationMs) : plan.durationMs;
  let stepsRun = 0;
  let lastRunAt = 0;
  // The time a scenario's current step started counts from when the step before it ran.
  const noteSteps = (): void => {
    if (!(driver instanceof ScenarioDriver)) return;
    const ran = driver.stepIndex();
    if (ran !== stepsRun) [stepsRun, lastRunAt] = [ran, w.t];
  };
  const loop = new RunLoop(w, IN_PLACE, {
    driver,
    // Tick straight to the next moment the driver acts, as asking every tick would.
    nextAt: () => {
      noteSteps();
      return nextPollAt(plan, driver, w, lastRunAt);
    },
    endMs: fixedEnd ?? MAX_RUN_MS,
    stopWhenDone: fixedEnd === null,
    tailMs: SCENARIO_TAIL_MS,
    maxChunkMs: Infinity,
  });
  // Once no action is left to come, a tick at a time, to stop on the tick the last record closes.
  let last = false;
  for (;;) {
    loop.poll();
    if (loop.finished) break;
    if (!opts.toEnd && (last ||= actsNoMore(plan, driver)) && w.ledger.open.length === 0) break;
    loop.advance(last ? 1 : Infinity);
  }
  return { records: ledgerOf(w), endT: w.t, state: w };
}
