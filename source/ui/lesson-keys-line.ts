// The key hints at the bottom while a lesson runs: its own keys first (Enter never opens a node
// menu in a lesson, r restarts rather than recovers). n/Enter is offered only while the lesson
// waits for it: during a countdown it would do nothing (the status line counts down instead).
import { type Line, seg } from './lines.js';
import type { LessonView } from '../scenario/scenario-driver.js';

const NEXT: [string, string] = ['n/⏎', 'next'];
const HINTS: [string, string][] = [
  ['b', 'back'], ['g', 'steps'], ['r', 'restart'], ['Esc', 'leave'], ['c/s/p', 'crash/stop/partition'], ['space', 'pause'], ['?', 'help'], ['q', 'quit'],
];

export function lessonKeysLine(v: Pick<LessonView, 'waitingForEnter'>): Line {
  const hints = v.waitingForEnter ? [NEXT, ...HINTS] : HINTS;
  return hints.flatMap(([k, what]) => [seg(` ${k}`, 'accent', { bold: true }), seg(` ${what} `)]);
}
