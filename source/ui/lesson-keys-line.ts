// The key hints at the bottom while a lesson runs: its own keys first (Enter never opens a node
// menu in a lesson, r restarts rather than recovers).
import { type Line, seg } from './lines.js';

const HINTS: [string, string][] = [
  ['n/⏎', 'next'], ['b', 'back'], ['g', 'steps'], ['r', 'restart'], ['Esc', 'leave'], ['c/s/p', 'crash/stop/partition'], ['space', 'pause'], ['?', 'help'], ['q', 'quit'],
];

export function lessonKeysLine(): Line {
  return HINTS.flatMap(([k, what]) => [seg(` ${k}`, 'accent', { bold: true }), seg(` ${what} `)]);
}
