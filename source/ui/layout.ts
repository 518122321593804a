// Pure layout: what fits on a terminal of cols x rows, as lines of styled segments. Header
// (clock, verdict, lesson), then one, two or three columns of panes, then the key hints.
import type { State } from '../sim/types.js';
import type { Session } from '../sim/session.js';
import { clockLine } from './clock-line.js';
import { verdictLine } from './verdict-text.js';
import { type Line, seg, wrap } from './lines.js';
import { KEYS } from './keymap.js';
import { helpPage } from './help-layout.js';
import { stripRows } from './strip-rows.js';
import { eventsPane } from './panes/events.js';
import { paneLines as drawPane, PANE_TITLES, type PaneId } from './pane-lines.js';
import type { InteractiveDriver, LessonLog } from './lesson-log.js';
import { lessonHeader, scrolled } from './lesson-header.js';
import { lessonSummary } from './lesson-summary.js';
import { lessonKeysLine } from './lesson-keys-line.js';

/** From this width: three columns of panes, sharing the width in these proportions (the rest to the last). */
const THREE_COLUMNS_FROM = 150;
const THREE_COLUMN_SHARES = [0.32, 0.34] as const;
/** From this width: two columns, the first this share of the width; narrower, one pane at a time (Tab). */
const TWO_COLUMNS_FROM = 100;
const TWO_COLUMN_SHARE = 0.46;
/** A pane gets at least this many rows; the masters pane leaves this many for each pane under it. */
const MIN_PANE_ROWS = 3;
const ROWS_KEPT_PER_PANE_BELOW = 6;

export { PANE_TITLES, type PaneId };
export const COMPACT_ORDER: PaneId[] = ['masters', 'leases', 'lb', 'etcd', 'workloads', 'events'];
/** Where each kind of node is drawn (and can be seen selected). */
export const PANE_OF_KIND: Record<string, PaneId> = { master: 'masters', lb: 'lb', etcd: 'etcd', worker: 'workloads' };

export function title(name: string, width: number, focused = false): Line {
  const t = ` ${name} `;
  return [seg(focused ? '━━' : '──', 'accent'), seg(t, 'accent', { bold: true }), seg((focused ? '━' : '─').repeat(Math.max(0, width - t.length - 2)), 'accent', { dim: !focused })];
}


export interface LayoutIn {
  s: State;
  session: Session;
  cols: number;
  rows: number;
  selected: string | null;
  pane: number;
  help: boolean;
  menuRows: number;
  lesson: LessonLog | null;
  lessonView: ReturnType<InteractiveDriver['view']> | null;
  caption?: string;
  notice: string | null;
  /** The keystroke overlay's text ("⌨ c crash master-1"), first in the footer while it shows. */
  keyEcho?: string | null;
  /** First help entry shown when the help scrolls. */
  helpOffset?: number;
  /** The event selected in the log (`e`), drawn marked. */
  selectedEvent?: string | null;
  /** A view (timeline, open event) covers the panes: no panes are laid out. */
  overlay?: boolean;
  /** First narration line shown when the lesson's narration scrolls. */
  narrationScroll?: number;
}

export interface Frame {
  top: Line[];
  columns: { width: number; lines: Line[] }[];
  bottom: Line[];
  tooSmall: boolean;
  /** Rows between the top (and menu) and the bottom: the panes, or the view over them. */
  body?: number;
  /** Rows of the open menu (0 when none). */
  menu?: number;
  /** Rows of the timeline strip under the panes (wide terminals), 0 for none. */
  strip?: number;
}

export const MIN_COLS = 60;
export const MIN_ROWS = 15;

/** Decides what fits: always at most rows - 1 lines and cols columns. */
export function layout(x: LayoutIn): Frame {
  const { s, session, cols, rows } = x;
  if (cols < MIN_COLS || rows < MIN_ROWS) return { top: [], columns: [], bottom: [], tooSmall: true };
  const budget = rows - 1;
  const top: Line[] = [clockLine(session, x.lessonView), verdictLine(s, cols)];
  const view = x.lessonView;
  const captionText = x.caption ?? (view?.say ?? (x.lesson ? x.lesson.say[x.lesson.say.length - 1] : undefined));
  // At the end the scroll keys move the summary, not the last narration.
  const summaryShown = !!(x.lesson && view?.done);
  if (x.lesson) top.push(...lessonHeader(x.lesson, view, cols, rows, summaryShown ? 0 : x.narrationScroll ?? 0, x.caption));
  else if (captionText) for (const l of wrap(captionText, cols - 4).slice(0, 3)) top.push([seg(`  ${l}`, 'info')]);
  const bottom: Line[] = [];
  const hint = x.notice ? [seg(` last: ${x.notice}`, 'plain', { dim: true })] : [];
  const echo = x.keyEcho ? [seg(` ${x.keyEcho} `, 'accent', { bold: true, inverse: true }), seg(' ')] : [];
  if (x.lesson && view) bottom.push([...echo, ...lessonKeysLine(view), ...hint]);
  else bottom.push([
    ...echo,
    seg(' ?', 'accent', { bold: true }), seg(' help '), seg('↑↓', 'accent', { bold: true }), seg(' select '), seg('Enter', 'accent', { bold: true }), seg(' actions '),
    seg('c/s/r/p', 'accent', { bold: true }), seg(' crash/stop/recover/partition '), seg('space', 'accent', { bold: true }), seg(' pause '),
    seg('[ ]', 'accent', { bold: true }), seg(' rewind '), seg('m', 'accent', { bold: true }), seg(' cluster '), seg('q', 'accent', { bold: true }), seg(' quit'),
    ...hint,
  ]);
  // An open menu gets the rows it wants, as far as they go (it scrolls when cut: menu-model.ts).
  const menu = Math.max(0, Math.min(x.menuRows, budget - top.length - bottom.length));
  const avail = budget - top.length - bottom.length - menu;
  if (x.help) {
    const lines = helpPage(KEYS, cols, Math.max(0, avail), x.helpOffset ?? 0).lines;
    return { top, columns: [{ width: cols, lines: fill(lines, avail) }], bottom, tooSmall: false, body: avail, menu };
  }
  if (x.overlay) return { top, columns: [], bottom, tooSmall: false, body: Math.max(0, avail), menu };
  if (summaryShown && x.lesson && view) {
    const summary = scrolled(lessonSummary(view, x.lesson.checks, s, cols), Math.max(0, avail), x.narrationScroll ?? 0);
    return { top, columns: [{ width: cols, lines: fill(summary, avail) }], bottom, tooSmall: false, body: Math.max(0, avail), menu };
  }
  const paneLines = (id: PaneId, width: number, maxLines: number): Line[] => drawPane(id, s, width, maxLines, x);
  /** Stacks panes in a column of `height` lines; the events pane takes what is left. */
  const column = (ids: PaneId[], width: number, height: number): Line[] => {
    const out: Line[] = [];
    for (const [i, id] of ids.entries()) {
      const left = height - out.length;
      if (left <= 1) break;
      out.push(title(PANE_TITLES[id], width));
      // The masters pane leaves room for the panes under it (it turns compact when short).
      const budget = id === 'masters' ? Math.max(MIN_PANE_ROWS, left - 1 - ROWS_KEPT_PER_PANE_BELOW * (ids.length - i - 1)) : left - 1;
      const body = paneLines(id, width, budget);
      out.push(...body.slice(0, left - 1));
    }
    return out.slice(0, height);
  };
  if (avail <= 2) return { top: top.slice(0, budget - bottom.length), columns: [], bottom, tooSmall: false, menu };
  const strip = stripRows(s, cols, avail);
  const paneRows = avail - strip;
  let columns: { width: number; lines: Line[] }[];
  if (cols >= THREE_COLUMNS_FROM) {
    const w1 = Math.floor(cols * THREE_COLUMN_SHARES[0]);
    const w2 = Math.floor(cols * THREE_COLUMN_SHARES[1]);
    const w3 = cols - w1 - w2;
    columns = [
      { width: w1, lines: column(['masters', 'etcd'], w1 - 1, paneRows) },
      { width: w2, lines: column(['leases', 'lb'], w2 - 1, paneRows) },
      { width: w3, lines: column(['workloads', 'events'], w3, paneRows) },
    ];
  } else if (cols >= TWO_COLUMNS_FROM) {
    const w1 = Math.floor(cols * TWO_COLUMN_SHARE);
    const w2 = cols - w1;
    columns = [
      { width: w1, lines: column(['masters', 'etcd', 'workloads'], w1 - 1, paneRows) },
      { width: w2, lines: column(['leases', 'lb', 'events'], w2, paneRows) },
    ];
  } else {
    const id = COMPACT_ORDER[x.pane % COMPACT_ORDER.length];
    const lines: Line[] = [];
    const tag = ` ${PANE_TITLES[id]}  (Tab: next pane ${(x.pane % COMPACT_ORDER.length) + 1}/${COMPACT_ORDER.length})`;
    lines.push(title(tag.trim(), cols, true));
    const body = paneLines(id, cols, id === 'masters' ? Math.max(MIN_PANE_ROWS, paneRows - ROWS_KEPT_PER_PANE_BELOW) : paneRows - 1);
    const bodyRows = id === 'events' ? paneRows - 1 : Math.min(body.length, Math.max(MIN_PANE_ROWS, paneRows - ROWS_KEPT_PER_PANE_BELOW));
    lines.push(...body.slice(0, bodyRows));
    if (id !== 'events' && paneRows - lines.length > 2) {
      lines.push(title(PANE_TITLES.events, cols));
      lines.push(...eventsPane(s, cols, paneRows - lines.length, false));
    }
    columns = [{ width: cols, lines: lines.slice(0, paneRows) }];
  }
  return { top, columns: columns.map((c) => ({ ...c, lines: fill(c.lines, paneRows) })), bottom, tooSmall: false, body: avail, strip, menu };
}

/** Pads lines to `n` rows, so the key hints stay on the last row but one. */
function fill(lines: Line[], n: number): Line[] {
  const out = lines.slice(0, Math.max(0, n));
  while (out.length < n) out.push([seg('')]);
  return out;
}
