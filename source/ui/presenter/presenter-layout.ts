// Presenter mode (--present, key P): the dashboard laid out for a projector. The verdict in block
// letters, the one or two panes the lesson step is about (presenter-panes.ts), the narration in a
// wide box with the lesson's status in its border, the timeline strip cut to the lanes that matter
// (presenter-strip.ts), high contrast (nothing dim). Pure; at most rows - 1 lines, as layout().
import { type Line, seg, clip, lineWidth } from '../lines.js';
import { layout, title, MIN_COLS, MIN_ROWS, type Frame, type LayoutIn } from '../layout.js';
import { clockLine } from '../clock-line.js';
import { API_LOOK, verdictLine } from '../verdict-text.js';
import { blockLettersFitting } from './block-letters.js';
import { narrationLines, scrolled, statusLine } from '../lesson-header.js';
import { lessonSummary } from '../lesson-summary.js';
import { withNextKey } from '../lesson-keys-line.js';
import { paneLines, PANE_TITLES, type PaneId } from '../pane-lines.js';
import { presenterPanes } from './presenter-panes.js';
import { presenterStrip, stripHeight, stripLanes } from './presenter-strip.js';

/** Two panes side by side from this width; narrower, one above the other. */
const SIDE_BY_SIDE_FROM = 120;
/** A pane shows only with at least this many rows (its title and three lines). */
const PANE_MIN = 4;
/** Lanes of the strip: two at projector sizes, four (and a legend) from 36 rows, six from 40. */
const LANES_BY_ROWS: [number, number][] = [[40, 6], [36, 4], [0, 2]];
const LEGEND_FROM_ROWS = 36;
/** From this many rows the block letters are drawn twice as large (where they fit). */
const DOUBLE_FROM_ROWS = 40;
/** Panes take at most this many rows; the rest of a tall screen stays blank under the keys. */
const PANE_ROWS_MAX = 14;

/** In a lesson (n/⏎ goes first while the lesson waits for it: lesson-keys-line.ts). */
const KEYS_IN_LESSON: [string, string][] = [['b', 'back'], ['g', 'steps'], ['r', 'restart'], ['Esc', 'leave'], ['P', 'normal view'], ['?', 'help'], ['q', 'quit']];
const KEYS_FREE: [string, string][] = [['c/s/p', 'crash/stop/partition'], ['space', 'pause'], ['[ ]', 'rewind'], ['l', 'lessons'], ['P', 'normal view'], ['?', 'help'], ['q', 'quit']];

const keysLine = (keys: [string, string][]): Line => keys.flatMap(([k, what]) => [seg(` ${k}`, 'accent', { bold: true }), seg(` ${what} `, 'plain', { bold: true })]);

/** High contrast: nothing dim. */
const contrast = (lines: Line[]): Line[] => lines.map((l) => l.map((s) => (s.dim ? { ...s, dim: false } : s)));

/** The verdict: block letters where they fit, then the verdict line in words (one computation). */
function verdictRows(x: LayoutIn): Line[] {
  const look = API_LOOK[x.s.verdict.api];
  const word = x.s.verdict.api === 'STARTING' ? 'STARTING' : `API ${x.s.verdict.api}`;
  const block = x.rows >= 24 ? blockLettersFitting(word, x.cols - 2) : null;
  const big = block && x.rows >= DOUBLE_FROM_ROWS && 2 * [...block[0]].length <= x.cols - 2 ? block.flatMap((r) => [r, r].map((d) => d.replace(/./gu, '$&$&'))) : block;
  const out: Line[] = big ? big.map((r) => [seg(` ${r}`, look.tone, { bold: true })]) : [];
  return [...out, verdictLine(x.s, x.cols)];
}

/** A box the width of the screen: `head` in its top border, `body` inside. */
function box(head: Line, body: Line[], cols: number): Line[] {
  const inner = cols - 4;
  const h = clip(head, cols - 6);
  const top: Line = [seg('┌─ ', 'accent', { bold: true }), ...h, seg(` ${'─'.repeat(Math.max(0, cols - 5 - lineWidth(h) - 1))}┐`, 'accent', { bold: true })];
  const rows = body.map((l): Line => {
    const c = clip(l, inner);
    return [seg('│ ', 'accent', { bold: true }), ...c, seg(`${' '.repeat(Math.max(0, inner - lineWidth(c)))} │`, 'accent', { bold: true })];
  });
  return [top, ...rows, [seg(`└${'─'.repeat(Math.max(0, cols - 2))}┘`, 'accent', { bold: true })]];
}

/** One pane with its title, at most `rows` lines. */
function pane(x: LayoutIn, id: PaneId, width: number, rows: number): Line[] {
  if (rows < 2) return [];
  const body = paneLines(id, x.s, width, rows - 1, x);
  // Cut with a mark: the last row says how many lines did not fit.
  const shown = body.length <= rows - 1 ? body : [...body.slice(0, rows - 2), [seg(`  ▼ ${body.length - rows + 2} more lines (P: the full dashboard)`, 'accent')]];
  return [title(PANE_TITLES[id], width, true), ...shown];
}

const fill = (lines: Line[], n: number): Line[] => [...lines.slice(0, n), ...Array.from({ length: Math.max(0, n - lines.length) }, () => [seg('')])];

export function presenterLayout(x: LayoutIn): Frame {
  const { s, session, cols, rows } = x;
  if (cols < MIN_COLS || rows < MIN_ROWS || x.help || x.overlay) return layout(x);
  const budget = rows - 1;
  const view = x.lessonView;
  const lesson = x.lesson && view ? x.lesson : null;
  const top: Line[] = [clockLine(session, view, ' PRESENTER '), ...verdictRows(x)];
  const echo = x.keyEcho ? [seg(` ${x.keyEcho} `, 'accent', { bold: true, inverse: true }), seg(' ')] : [];
  const notice = !lesson && x.notice ? [seg(` last: ${x.notice}`, 'plain')] : [];
  const keys: Line = [...echo, ...keysLine(lesson && view ? withNextKey(view, KEYS_IN_LESSON) : KEYS_FREE), ...notice];
  const menu = Math.max(0, Math.min(x.menuRows, budget - top.length - 1));
  const avail = Math.max(0, budget - top.length - 1 - menu);
  const done = (bottom: Line[], paneCols: { width: number; lines: Line[] }[], bodyRows: number): Frame => ({
    top: contrast(top), columns: paneCols.map((c) => ({ ...c, lines: contrast(fill(c.lines, bodyRows)) })), bottom: contrast([...bottom, keys]),
    tooSmall: false, body: bodyRows, menu, strip: 0,
  });
  // The end of a lesson: its summary, scrolled as the narration is.
  if (lesson && view?.done) {
    const summary = scrolled(lessonSummary(view, lesson.checks, s, cols), avail, x.narrationScroll ?? 0);
    return done([], [{ width: cols, lines: summary }], avail);
  }
  const said = narrationLines(view, x.caption ?? lesson?.say[lesson.say.length - 1], cols - 6);
  // (narrationLines indents by two: the lines fill the box's inside, cols - 4, exactly.)
  const boxMax = Math.max(2, Math.floor((rows - 8) / 4));
  let text = Math.min(said.length, boxMax);
  const hasBox = lesson !== null || said.length > 0;
  const panes = presenterPanes(s, view?.focus ?? null, lesson !== null);
  const lanes = stripLanes(session, panes, LANES_BY_ROWS.find(([from]) => rows >= from)![1]);
  const legend = rows >= LEGEND_FROM_ROWS;
  let strip = stripHeight(lanes.length, legend);
  const boxRows = () => (hasBox ? text + 2 : 0);
  if (avail - boxRows() - strip < PANE_MIN) strip = 0;
  if (boxRows() > avail) text = Math.max(0, avail - 2);
  let paneRows = Math.min(PANE_ROWS_MAX, Math.max(0, avail - boxRows() - strip));
  // Too few rows for a pane: the narration takes them.
  if (paneRows < PANE_MIN && hasBox) {
    const more = Math.min(paneRows, said.length - text);
    text += more;
    paneRows -= more;
  }
  const bottom: Line[] = [];
  if (hasBox && avail >= 2) {
    const head: Line = lesson ? statusLine(lesson, view, cols - 6) : [seg('Narration', 'info', { bold: true })];
    bottom.push(...box(head, scrolled(said, text, x.narrationScroll ?? 0), cols));
  }
  if (strip) bottom.push(...presenterStrip(session, cols, lanes, legend));
  let columns: { width: number; lines: Line[] }[];
  if (paneRows < PANE_MIN) columns = paneRows ? [{ width: cols, lines: [] }] : [];
  else if (cols >= SIDE_BY_SIDE_FROM && panes.length > 1) {
    const w1 = Math.floor(cols / 2);
    columns = [{ width: w1, lines: pane(x, panes[0], w1 - 1, paneRows) }, { width: cols - w1, lines: pane(x, panes[1], cols - w1, paneRows) }];
  } else {
    const first = pane(x, panes[0], cols, paneRows);
    const left = paneRows - first.length;
    const second = panes[1] && left >= PANE_MIN ? pane(x, panes[1], cols, left) : [];
    columns = [{ width: cols, lines: [...first, ...second] }];
  }
  // The panes take the rows they fill, no more: on a tall screen the spare rows go under the keys,
  // not between the panes and the narration.
  const used = Math.max(0, ...columns.map((c) => c.lines.length));
  return done(bottom, columns, columns.length ? Math.max(Math.min(paneRows, used), Math.min(paneRows, PANE_MIN)) : 0);
}
