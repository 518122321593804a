// The end of a lesson: predictions right and wrong with their questions, the checks passed, the
// outage ledger of the faults the lesson made, and what to try next.
import type { State } from '../sim/types.js';
import type { CheckResult } from '../sim/driver.js';
import { ledgerOf } from '../sim/ledger/index.js';
import type { OutageRecord } from '../sim/ledger/record.js';
import type { LessonView } from '../scenario/scenario-driver.js';
import { type Line, seg, wrap, clock } from './lines.js';

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One fault of the ledger in words: what clients saw, and how long until all was green. */
export function outageWords(r: OutageRecord): string {
  const seen = r.apiDownMs > 0 ? `API down ${secs(r.apiDownMs)}` : r.apiDegradedMs > 0 ? `API degraded ${secs(r.apiDegradedMs)}` : 'clients saw nothing';
  const failed = `${r.failedRequests} failed, ${r.slowRequests} late requests`;
  const green = r.greenAfterMs === null ? 'not green yet' : `green after ${secs(r.greenAfterMs)}`;
  return `${clock(r.at)} ${r.fault}: ${seen}; ${failed}; ${green}`;
}

export const TRY_NEXT = [
  'r replays the lesson from the start; b goes back one step to try another answer.',
  'Esc leaves the lesson with the cluster as it is: break it further with c, s, p.',
  'l opens the next lesson.',
];

export function lessonSummary(v: LessonView, checks: readonly CheckResult[], s: State, width: number): Line[] {
  const out: Line[] = [];
  const para = (text: string, tone: Parameters<typeof seg>[1] = 'plain', indent = '  ') => {
    for (const [i, l] of wrap(text, width - indent.length - 2).entries()) out.push([seg(`${i ? indent + '  ' : indent}${l}`, tone)]);
  };
  const right = v.predictions.filter((p) => p.right).length;
  out.push([seg(` Lesson finished: ${v.title}`, 'accent', { bold: true })]);
  out.push([seg(` Predictions: ${right} of ${v.predictions.length} right`, 'plain', { bold: true })]);
  for (const p of v.predictions) para(`${p.right ? '✓' : '✗'} ${p.question} ${p.right ? p.answer : `(you said ${p.chosen}; it was ${p.answer})`}`, p.right ? 'ok' : 'bad');
  const passed = checks.filter((c) => c.ok).length;
  out.push([seg(` Checks: ${passed} of ${checks.length} passed`, 'plain', { bold: true })]);
  for (const c of checks.filter((x) => !x.ok)) para(`✗ step ${c.step}: ${c.expect} (saw ${c.actual})`, 'bad');
  const faults = ledgerOf(s);
  out.push([seg(` What the faults cost clients (${faults.length})`, 'plain', { bold: true })]);
  for (const r of faults) para(outageWords(r), r.apiDownMs > 0 ? 'bad' : r.apiDegradedMs > 0 ? 'warn' : 'ok');
  out.push([seg(' Try next', 'plain', { bold: true })]);
  for (const t of TRY_NEXT) para(t, 'info');
  return out;
}
