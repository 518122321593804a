// The moments a lesson's steps started, so `b` goes back to the start of the previous step and `r`
// restarts: each keeps the Session as it was then and the driver's memory (restored together).
import type { Session } from '../sim/session.js';
import type { DriverMemo, LessonView } from '../scenario/scenario-driver.js';
import type { InteractiveDriver } from './lesson-log.js';

export interface StepStart {
  /** Index of the step shown then (counted from 0); -1 for the lesson's very start. */
  step: number;
  session: Session;
  memo: DriverMemo;
}

/** The lesson's start, before any step. */
export function lessonStart(session: Session, driver: InteractiveDriver): StepStart {
  return { step: -1, session, memo: driver.snapshot() };
}

/** Adds the moment a step was put on screen (once per step); the same list if nothing is new. */
export function recordStart(starts: StepStart[], session: Session, driver: InteractiveDriver): StepStart[] {
  const v = driver.view();
  if (!v.holding) return starts;
  if (starts.some((x) => x.step === v.step)) return starts;
  return [...starts, { step: v.step, session, memo: driver.snapshot() }];
}

/** The step on screen: the one held before its action, else the last one that ran. */
function onScreen(v: LessonView): number {
  return v.holding ? v.step : v.step - 1;
}

/** Where `b` goes: the start of the step before the one on screen (the lesson's start at the first). */
export function backTarget(starts: StepStart[], v: LessonView): StepStart | null {
  const cur = onScreen(v);
  const earlier = starts.filter((x) => x.step < cur);
  return earlier[earlier.length - 1] ?? starts[0] ?? null;
}

/** Restores a start: the driver's memory now, the Session to show; drops the starts after it. */
export function restoreStart(starts: StepStart[], target: StepStart, driver: InteractiveDriver): { session: Session; starts: StepStart[] } {
  driver.restore(target.memo);
  return { session: target.session, starts: starts.filter((x) => x.step <= target.step) };
}
