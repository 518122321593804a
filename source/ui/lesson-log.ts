// What the dashboard keeps of a running lesson (narration, markers, checks), and one frame's worth
// of simulated time run through the shared run loop with the lesson's driver polled before each tick.
import type { Session } from '../sim/session.js';
import type { Driver, CheckResult } from '../sim/driver.js';
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

/** Advances `ms` of simulated time (whole ticks), polling `driver` before every tick. */
export function advanceDriven(session: Session, ms: number, driver: Driver | null, log: LessonLog | null): Session {
  const ticks = Math.floor(ms / session.live.config.tickMs);
  if (ticks <= 0) return session;
  const loop = new RunLoop(session, SESSION_WORLD, { driver, stopWhenDone: false, hooks: log ? logHooks(log) : undefined });
  loop.runTicks(ticks);
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
  view(): {
    title: string; step: number; total: number; say: string | null;
    question: { text: string; choices: string[]; answered: number | null } | null;
    waitingForEnter: boolean; done: boolean;
  };
}

export function isInteractive(d: Driver | null): d is InteractiveDriver {
  return !!d && typeof (d as Partial<InteractiveDriver>).view === 'function';
}

export interface StartedLesson {
  title: string;
  session: Session;
  driver: Driver;
}
