// Advancing a session with an optional driver (a lesson or a scripted demo): the driver is polled
// before every tick, as the Driver contract says, and what it says is collected for the screen.
import type { Session } from '../sim/session.js';
import { dispatch, stepTicks } from '../sim/session.js';
import type { Driver, CheckResult } from '../sim/driver.js';

export interface LessonLog {
  title: string;
  say: string[];
  markers: string[];
  checks: CheckResult[];
  done: boolean;
}

export function advanceDriven(session: Session, ms: number, driver: Driver | null, log: LessonLog | null): Session {
  const tickMs = session.live.config.tickMs;
  const ticks = Math.floor(ms / tickMs);
  if (!driver) return ticks > 0 ? stepTicks(session, ticks) : session;
  let s = session;
  for (let i = 0; i < ticks; i++) {
    const out = driver.poll(s.live);
    for (const a of out.actions) s = dispatch(s, a);
    if (log) {
      log.say.push(...out.say);
      log.markers.push(...out.markers);
      log.checks.push(...out.checks);
      log.done = driver.done(s.live);
    }
    s = stepTicks(s, 1);
  }
  return s;
}
