// Starting a lesson at a step and jumping to one from the chapter list (lesson key g): one path.
// A jump restores the lesson's start and runs to the step as --step N does, so the clock and the
// history are those of a lesson started at that step; each step held on the way is kept for `b`.
import type { Session } from '../sim/session.js';
import type { Driver } from '../sim/driver.js';
import { isInteractive, type InteractiveDriver } from './lesson-log.js';
import { lessonStart, recordStart, type StepStart } from './lesson-history.js';
import { skipToStep } from './lesson-skip.js';
import type { Menu } from './menus.js';

/** From the lesson's start (restored), runs to step `step` (counted from 1), held before its action. */
export function jumpToStep(origin: StepStart, driver: InteractiveDriver, step: number): { session: Session; starts: StepStart[] } {
  driver.restore(origin.memo);
  let starts: StepStart[] = [origin];
  const session = skipToStep(origin.session, driver, step, (s) => {
    starts = recordStart(starts, s, driver);
  });
  return { session, starts: recordStart(starts, session, driver) };
}

/** The session a lesson opens with and its step starts: at its beginning, or at `startStep`. */
export function lessonBoot(session: Session, driver: Driver | null, startStep?: number): { session: Session; starts: StepStart[] } {
  if (!isInteractive(driver)) return { session, starts: [] };
  const origin = lessonStart(session, driver);
  return startStep && startStep > 1 ? jumpToStep(origin, driver, startStep) : { session, starts: [origin] };
}

/** Longest chapter title in the list; longer ones end in "…". */
const TITLE_MAX = 64;

/** The chapter list: every step by number and title, the one on screen marked. */
export function chapterMenu(chapters: readonly string[], onScreen: number, jump: (step: number) => void): Menu {
  return {
    title: 'Go to step',
    items: chapters.map((t, i) => {
      const title = [...t].length > TITLE_MAX ? `${[...t].slice(0, TITLE_MAX - 1).join('')}…` : t;
      return { label: `${i + 1 === onScreen ? '▸' : ' '} step ${i + 1}  ${title}`, value: `${i + 1}`, run: () => jump(i + 1) };
    }),
  };
}
