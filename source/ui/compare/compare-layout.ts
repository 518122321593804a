// The comparison screen, pure: a header naming the side shown, both verdicts, the ledger
// differences per fault, both failover timelines one above the other, and on a tall terminal
// the shown side's panes in full. Always at most rows - 1 lines of at most cols columns.
import type { Session } from '../../sim/session.js';
import { ledgerOf } from '../../sim/ledger/index.js';
import { type Line, seg, clock, pad, wrap } from '../lines.js';
import { verdictLine } from '../verdict-text.js';
import { KEYMAP } from '../keymap.js';
import { layout, title, MIN_COLS, MIN_ROWS } from '../layout.js';
import type { OpenMenu } from '../menus.js';
import type { ComparePair, Side } from './compare-pair.js';
import { ledgerDiffs, diffSentence } from './ledger-diff.js';
import { sideTimeline } from './side-timeline.js';

export interface CompareLayoutIn {
  pair: ComparePair;
  labelA: string;
  labelB: string;
  /** Whose panes are shown in full (Tab). */
  side: Side;
  cols: number;
  rows: number;
  selected: string | null;
  menu: OpenMenu | null;
  help: boolean;
  notice: string | null;
}

export interface CompareFrame {
  top: Line[];
  /** The shown side's panes (tall terminals only), side by side. */
  columns: { width: number; lines: Line[] }[];
  bottom: Line[];
  tooSmall: boolean;
}

/** From this size the shown side's panes are drawn under the timelines. */
export const PANES_FROM = { cols: 100, rows: 40 } as const;
/** A timeline's lines when the panes are shown: every lane of a three-master cluster. */
const FULL_TIMELINE_ROWS = 12;

/** A side's label is written beside its verdict and timeline up to this length; longer ones on a line of their own. */
const LABEL_INLINE_MAX = 14;
const longLabels = (x: CompareLayoutIn) => Math.max(x.labelA.length, x.labelB.length) > LABEL_INLINE_MAX;
/** "A stacked", or just "A" when the labels are long (then a line says what A and B are). */
const sideName = (x: CompareLayoutIn, side: Side) => {
  const letter = side === 'a' ? 'A' : 'B';
  return longLabels(x) ? letter : `${letter} ${side === 'a' ? x.labelA : x.labelB}`;
};
/** The words the difference line uses for a side. */
const tag = (x: CompareLayoutIn, side: Side) => (longLabels(x) ? (side === 'a' ? 'A' : 'B') : side === 'a' ? x.labelA : x.labelB);

function header(x: CompareLayoutIn): Line {
  const s: Session = x.pair.a;
  const status = s.cursor !== null
    ? seg(` « REWOUND −${((s.live.t - s.state.t) / 1000).toFixed(0)}s `, 'warn', { bold: true, inverse: true })
    : s.paused ? seg(' ‖ PAUSED ', 'warn', { bold: true, inverse: true }) : seg(' ▶ live ', 'ok', { bold: true });
  return [
    seg(' kube-ha-lab · what if ', 'accent', { bold: true, inverse: true }), seg(' '), seg(`t ${clock(s.state.t)}`, 'plain', { bold: true }),
    seg(`  ×${s.speed}  `), status,
    seg(`  showing ${sideName(x, x.side)}`, 'accent', { bold: true }), seg(`  seed ${s.state.config.seed}`, 'plain', { dim: true }),
  ];
}

function verdictRow(x: CompareLayoutIn, side: Side, width: number): Line {
  const shown = side === x.side;
  return [seg(pad(` ${sideName(x, side)}`, width), shown ? 'accent' : 'plain', { bold: true }), ...verdictLine(x.pair[side].state)];
}

/** The ledger difference of the newest faults, newest first, in at most `max` lines. */
function differenceLines(x: CompareLayoutIn, max: number): Line[] {
  const diffs = ledgerDiffs(ledgerOf(x.pair.a.state), ledgerOf(x.pair.b.state), tag(x, 'a'), tag(x, 'b'));
  if (!diffs.length) return [[seg(' no faults yet: act on the selected node (c crash, s stop, p partition) and both clusters get it', 'plain', { dim: true })]];
  const out: Line[] = [];
  for (const d of diffs.slice().reverse()) {
    const words = wrap(diffSentence(d), x.cols - 4);
    words.forEach((w, i) => out.push([seg(i ? `   ${w}` : ` ◆ ${w}`, d.differs ? 'info' : 'plain', { dim: !d.differs })]));
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

function menuLines(m: OpenMenu, height: number): Line[] {
  const items = m.menu.items.slice(0, Math.max(1, height - 1));
  return [
    [seg(` ${m.menu.title}  (Enter choose · Esc close · applies to both)`, 'accent', { bold: true })],
    ...items.map((it, n) => [seg(`${n === m.index ? ' ❯ ' : '   '}${n < 9 ? n + 1 : ' '} ${it.label}`, n === m.index ? 'accent' : 'plain', { bold: n === m.index })]),
  ];
}

function hintLine(x: CompareLayoutIn): Line {
  const k = (t: string) => seg(t, 'accent', { bold: true });
  const wide = x.cols >= 120;
  return [
    k(' Tab'), seg(` show ${x.side === 'a' ? 'B' : 'A'} `), k('↑↓'), seg(' '), seg(x.selected ?? 'select', 'accent'), seg(' '),
    k('c/s/r/p'), seg(wide ? ' crash/stop/recover/partition ' : ' '), k('Enter'), seg(wide ? ' actions ' : ' '), k('space'), seg(wide ? ' pause ' : ' '), k('[ ]'), seg(wide ? ' rewind ' : ' '), k('?'), seg(' help '), k('q'), seg(' quit'),
  ];
}

/** The keymap as a comparison has it: no lessons; Tab switches the side shown. */
export function compareKeys(): [string, string][] {
  return KEYMAP.filter((b) => !b.when.startsWith('lesson') && b.help !== false && b.keys !== 'l').map((b) => [
    b.keys, b.keys.startsWith('Tab') ? "show the other cluster's panes (A ⇄ B)" : b.description,
  ]);
}

export function compareLayout(x: CompareLayoutIn): CompareFrame {
  const { cols, rows } = x;
  if (cols < MIN_COLS || rows < MIN_ROWS) return { top: [], columns: [], bottom: [], tooSmall: true };
  const budget = rows - 1;
  const labelWidth = 2 + Math.max(sideName(x, 'a').length, sideName(x, 'b').length);
  const top: Line[] = [header(x)];
  if (longLabels(x)) top.push([seg(' A ', 'accent', { bold: true }), seg(x.labelA), seg('  vs  ', 'plain', { dim: true }), seg('B ', 'accent', { bold: true }), seg(x.labelB)]);
  top.push(verdictRow(x, 'a', labelWidth), verdictRow(x, 'b', labelWidth));
  const bottom: Line[] = [...(x.notice ? [[seg(` ${x.notice}`, x.notice.startsWith('not applied') ? 'warn' : 'plain', { dim: !x.notice.startsWith('not applied') })]] : []), hintLine(x)];
  const tall = cols >= PANES_FROM.cols && rows >= PANES_FROM.rows;
  top.push(...differenceLines(x, tall ? 4 : 2));
  let avail = budget - top.length - bottom.length;
  if (x.help) {
    const lines: Line[] = [title('Keys (each acts on both clusters; Tab shows the other side)', cols)];
    for (const [keys, description] of compareKeys()) lines.push([seg(`  ${pad(keys, 16)}`, 'accent', { bold: true }), seg(description)]);
    return { top: [...top, ...lines.slice(0, Math.max(0, avail))], columns: [], bottom, tooSmall: false };
  }
  if (x.menu) {
    const m = menuLines(x.menu, Math.min(13, avail - 6));
    top.push(...m);
    avail -= m.length;
  }
  const each = tall ? Math.min(FULL_TIMELINE_ROWS, Math.floor(avail / 2)) : Math.floor(avail / 2);
  const order: Side[] = ['a', 'b'];
  for (const side of order) top.push(...sideTimeline(x.pair[side], sideName(x, side), cols, each, labelWidth - 2));
  avail -= 2 * each;
  let columns: CompareFrame['columns'] = [];
  if (tall && avail >= 6) {
    const session = x.pair[x.side];
    const f = layout({
      s: session.state, session, cols, rows: avail + 4, selected: x.selected, pane: 0, help: false, menuRows: 0,
      lesson: null, lessonView: null, notice: null,
    });
    top.push(title(`${sideName(x, x.side)}: panes (Tab: the other side)`, cols, true));
    columns = f.columns.map((c) => ({ width: c.width, lines: c.lines.slice(0, avail - 1) }));
  }
  return { top, columns, bottom, tooSmall: false };
}
