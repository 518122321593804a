// The key hints at the bottom while a lesson runs: its own keys first (Enter never opens a node
// menu in a lesson, r restarts rather than recovers). n/Enter is offered only while the lesson
// waits for it: during a countdown it would do nothing (the status line counts down instead).
import { type Line, seg } from './lines.js';
import type { LessonView } from '../scenario/scenario-driver.js';

const NEXT: [string, string] = ['n/⏎', 'next'];
const HINTS: [string, string][] = [
  ['b', 'back'], ['g', 'steps'], ['r', 'restart'], ['Esc', 'leave'], ['c/s/p', 'crash/stop/partition'], ['space', 'pause'], ['?', 'help'], ['q', 'quit'],
];

/** A lesson's key hints with n/⏎ first while the lesson waits for it (this layout's and the presenter's). */
export function withNextKey(v: Pick<LessonView, 'waitingForEnter'>, hints: readonly [string, string][]): [string, string][] {
  return v.waitingForEnter ? [NEXT, ...hints] : [...hints];
}

export function lessonKeysLine(v: Pick<LessonView, 'waitingForEnter'>): Line {
  return withNextKey(v, HINTS).flatMap(([k, what]) => [seg(` ${k}`, 'accent', { bold: true }), seg(` ${what} `)]);
}
