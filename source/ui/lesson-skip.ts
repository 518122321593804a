// Starting a lesson at a later step (--step N): the steps before it run at once, their narrated
// pauses released and their questions left unasked (no prediction is recorded for them).
import type { Session } from '../sim/session.js';
import type { Driver } from '../sim/driver.js';
import { advanceDriven, isInteractive } from './lesson-log.js';

/**
 * Runs the lesson until step `step` (counted from 1) is on screen, held before its action.
 * `onHold` sees each moment a step is held on the way (before it is released), so `b` can go back
 * to the steps that were skipped.
 */
export function skipToStep(session: Session, driver: Driver, step: number, onHold?: (s: Session) => void): Session {
  if (!isInteractive(driver)) return session;
  let s = session;
  for (let guard = 0; guard < 100_000; guard++) {
    const v = driver.view();
    if (v.holding) onHold?.(s);
    if (v.done || (v.holding && v.step >= step - 1)) break;
    if (v.holding) driver.skip();
    s = advanceDriven(s, s.live.config.tickMs, driver, null);
  }
  return s;
}
