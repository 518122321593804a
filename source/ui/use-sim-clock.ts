// The dashboard's clock: every frame, the simulated time owed at the session's speed runs through
// the run loop with the lesson's driver (advanceDriven). Frames shorter than a tick add up; a
// paused or rewound session stands still; a lesson step that holds is still polled.
import { useEffect, useRef, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import { isRewound, type Session } from '../sim/session.js';
import type { Driver } from '../sim/driver.js';
import { advanceDriven, isInteractive, type LessonLog } from './lesson-log.js';
import { recordStart, type StepStart } from './lesson-history.js';

export interface SimClock {
  enabled: boolean;
  frameMs: number;
  setSession: Dispatch<SetStateAction<Session>>;
  driverRef: MutableRefObject<Driver | null>;
  lessonRef: MutableRefObject<LessonLog | null>;
  startsRef: MutableRefObject<StepStart[]>;
  setLesson: (log: LessonLog) => void;
}

/** The setters and refs are React's own, stable for the component's life: the timer keeps the first ones. */
export function useSimClock({ enabled, frameMs, setSession, driverRef, lessonRef, startsRef, setLesson }: SimClock): void {
  // Simulated time owed but not yet run.
  const owed = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => {
      setSession((s) => {
        if (s.paused || isRewound(s)) return s;
        const log = lessonRef.current;
        const tickMs = s.live.config.tickMs;
        owed.current += frameMs * s.speed;
        const ms = Math.floor(owed.current / tickMs) * tickMs;
        owed.current -= ms;
        const d = driverRef.current;
        if (ms === 0 && !(isInteractive(d) && d.view().holding)) return s;
        const next = advanceDriven(s, ms, d, log);
        if (isInteractive(d)) startsRef.current = recordStart(startsRef.current, next, d);
        if (log) setLesson({ ...log });
        return next;
      });
    }, frameMs);
    return () => clearInterval(timer);
  }, [enabled, frameMs]);
}
