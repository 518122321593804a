// What the dashboard keeps of a running lesson (narration, markers, checks), and one frame's worth
// of simulated time run through the shared run loop with the lesson's driver polled before each tick.
import type { Session } from '../sim/session.js';
import type { Driver, CheckResult } from '../sim/driver.js';
import type { DriverMemo, LessonView } from '../scenario/scenario-driver.js';
import { RunLoop, SESSION_WORLD, type RunHooks } from '../sim/run-loop.js';

export interface LessonLog {
  title: string;
  say: string[];
  markers: string[];
  checks: CheckResult[];
  done: boolean;
}

function logHooks(log: LessonLog): RunHooks {
  return {
    onSay: (_t, text) => log.say.push(text),
    onMarker: (_t, name) => log.markers.push(name),
    onCheck: (c) => log.checks.push(c),
  };
}

/**
 * Advances `ms` of simulated time (whole ticks), polling `driver` before every tick. An
 * interactive lesson that holds the clock (a question or a narrated pause is open) stops it there:
 * it is still polled, so a step released by a key or an answer acts at once.
 */
export function advanceDriven(session: Session, ms: number, driver: Driver | null, log: LessonLog | null): Session {
  const ticks = Math.floor(ms / session.live.config.tickMs);
  const holds = () => isInteractive(driver) && driver.view().holding;
  if (ticks <= 0 && !holds()) return session;
  const loop = new RunLoop(session, SESSION_WORLD, { driver, stopWhenDone: false, hooks: log ? logHooks(log) : undefined });
  let left = ticks;
  for (;;) {
    loop.poll();
    if (left <= 0 || holds()) break;
    left -= loop.advance(left);
  }
  if (log && driver) log.done = driver.done(loop.state);
  return loop.world;
}

export interface LessonChoice {
  name: string;
  title: string;
}

/** What an interactive lesson driver offers beyond the Driver protocol (see source/scenario). */
export interface InteractiveDriver extends Driver {
  advance(): void;
  answer(choice: number): void;
  skip(): void;
  view(): LessonView;
  snapshot(): DriverMemo;
  restore(memo: DriverMemo): void;
}

export function isInteractive(d: Driver | null): d is InteractiveDriver {
  return !!d && typeof (d as Partial<InteractiveDriver>).view === 'function';
}

export interface StartedLesson {
  title: string;
  session: Session;
  driver: Driver;
}
