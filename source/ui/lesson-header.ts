// The lesson's lines under the header: one status line (title, step counter, score, what the
// lesson waits for) that always fits by shortening the title first, the last check, and the
// narration with the feedback on the last prediction under it, wrapped and never cut silently:
// when it cannot fit it scrolls (PgUp / PgDn) with an indicator.
import { type Line, seg, lineWidth, wrap } from './lines.js';
import type { LessonLog } from './lesson-log.js';
import type { LessonView } from '../scenario/scenario-driver.js';

/** Rows the narration may take: a quarter of the screen, at least 3, at most 8. */
export function narrationRows(rows: number): number {
  return Math.max(3, Math.min(8, Math.floor(rows / 4)));
}

/** What the lesson waits for, as the status line says it. */
export function lessonHint(v: LessonView | null, done: boolean): string {
  if (!v) return done ? '(finished)' : '';
  if (v.question && v.question.answered === null) return `? answer 1-${v.question.choices.length}`;
  if (v.waitingForEnter) return '⏎ n/Enter: next step';
  if (v.done || done) return '(finished)';
  if (v.nextInMs !== null) return `next step in ${(v.nextInMs / 1000).toFixed(1)} s`;
  return 'watching…';
}

/** The step on screen, counted from 1: the one held before its action, else the last that ran. */
export function stepOnScreen(v: LessonView): number {
  return Math.max(1, Math.min(v.total, v.holding ? v.step + 1 : v.step));
}

export function statusLine(lesson: LessonLog, v: LessonView | null, cols: number): Line {
  const passed = lesson.checks.filter((c) => c.ok).length;
  const failed = lesson.checks.length - passed;
  const right: Line = [
    seg(v ? `  step ${stepOnScreen(v)}/${v.total}` : '', 'plain', { bold: true }),
    seg(`  ✓ ${passed}`, 'ok'), seg(failed ? `  ✗ ${failed}` : '', 'bad'),
    seg(`  ${lessonHint(v, lesson.done)}`, 'accent', { bold: true }),
  ];
  const room = cols - lineWidth(right) - ' ▣ Lesson: '.length;
  const title = [...lesson.title];
  const shown = title.length <= room ? lesson.title : room > 1 ? `${title.slice(0, room - 1).join('')}…` : '';
  return [seg(` ▣ Lesson: ${shown}`, 'info', { bold: true }), ...right];
}

/** The narration's lines: the current narration, then the feedback on the last answer. */
export function narrationLines(v: LessonView | null, fallback: string | undefined, width: number): Line[] {
  const out: Line[] = [];
  const say = v?.say ?? fallback;
  if (say) for (const l of wrap(say, width)) out.push([seg(`  ${l}`, 'info')]);
  if (v?.feedback) for (const l of wrap(v.feedback, width)) out.push([seg(`  ${l}`, v.feedback.startsWith('✓') ? 'ok' : 'warn')]);
  return out;
}

/** Shows `rows` lines of `all` from `scroll`, with an indicator line when some are out of view. */
export function scrolled(all: Line[], rows: number, scroll: number): Line[] {
  if (all.length <= rows) return all;
  const shown = rows - 1;
  const from = Math.max(0, Math.min(scroll, all.length - shown));
  const above = from;
  const below = all.length - from - shown;
  const marks = `${above ? `▲ ${above} above` : ''}${above && below ? ' · ' : ''}${below ? `▼ ${below} more` : ''}`;
  return [...all.slice(from, from + shown), [seg(`  ${marks} (PgUp/PgDn scroll)`, 'accent', { dim: true })]];
}

export function lessonHeader(lesson: LessonLog, v: LessonView | null, cols: number, rows: number, scroll: number, caption?: string): Line[] {
  const out: Line[] = [statusLine(lesson, v, cols)];
  const last = lesson.checks[lesson.checks.length - 1];
  if (last) out.push([seg(`   ${last.ok ? '✓' : '✗'} ${last.expect}`, last.ok ? 'ok' : 'bad'), seg(last.ok ? '' : ` (saw ${last.actual})`, 'plain', { dim: true })]);
  const fallback = caption ?? lesson.say[lesson.say.length - 1];
  out.push(...scrolled(narrationLines(caption !== undefined ? null : v, fallback, cols - 4), narrationRows(rows), scroll));
  return out;
}
