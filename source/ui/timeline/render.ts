// The failover timeline as lines: markers, one strip per lane, the time axis, the legend and, for
// the selected fault, the outage ledger in words. Two forms: the full view (`T`) and a narrow
// strip beside the panes.
import type { State } from '../../sim/types.js';
import { type Line, seg, pad, clock, wrap } from '../lines.js';
import { lanesFor, LEGEND, WORD_MAX, type Cell } from './lanes.js';
import { samplesIn, stripsOf, cellsOf, lanesKey } from './strips.js';
import { timelineWindow, type TimelineWindow } from './window.js';
import { markersBetween, type Marker } from './markers.js';
import { axisRow, markerRows } from './axis.js';
import { ledgerParts, type OutageFigures } from './ledger-words.js';
import { ledgerOf } from '../../sim/ledger/index.js';

export interface TimelineInput {
  /** The session's snapshots, oldest first. */
  history: readonly State[];
  /** The live snapshot (the newest). */
  live: State;
  /** The snapshot on screen (the live one, or a past one while rewound). */
  shown: State;
  width: number;
  /** Lines available; the ledger and legend give way first. */
  height: number;
  /** The outage ledger's records, oldest first; default: the ledger of the snapshot on screen. */
  outages?: readonly OutageFigures[];
  /** Index in `outages` of the fault whose ledger is spelled out; default (or null) the newest. */
  selectedFault?: number | null;
  /** The narrow form for beside the panes. */
  compact?: boolean;
  /** >1 shows more time (wider slices). */
  zoomOut?: number;
}

export interface TimelineModel {
  window: TimelineWindow;
  labelWidth: number;
  nowWidth: number;
  markers: Marker[];
  lines: Line[];
}

const outagesOf = (x: TimelineInput): readonly OutageFigures[] => x.outages ?? ledgerOf(x.shown);

/** Index of the selected fault among `n` (the newest unless one is chosen). */
const selectedIndex = (x: TimelineInput, n: number) => Math.min(n - 1, Math.max(0, x.selectedFault ?? n - 1));

/** A word in a column of `width`: padded, or cut with … (never silently). */
function fit(word: string, width: number): string {
  return [...word].length <= width ? pad(word, width) : `${[...word].slice(0, width - 1).join('')}…`;
}

/** A strip of cells as segments, consecutive cells of one tone merged. */
function stripSegs(cells: readonly (Cell | null)[]): Line {
  const out: Line = [];
  let text = '';
  let tone: Cell['tone'] | 'none' = 'none';
  const flush = () => {
    if (text) out.push(seg(text, tone === 'none' ? 'plain' : tone));
    text = '';
  };
  for (const c of cells) {
    const t = c ? c.tone : 'none';
    if (t !== tone) {
      flush();
      tone = t;
    }
    text += c ? c.glyph : ' ';
  }
  flush();
  return out;
}

/** The legend's items: the glyphs and their words (shorter in the strip). */
function legendItems(compact: boolean): string[] {
  const items = LEGEND.map(([g, w]) => `${g} ${compact ? (SHORT_WORDS[g] ?? w) : w}`);
  items.push(compact ? '▼ action' : '▼ your action');
  return items;
}

const SHORT_WORDS: Record<string, string> = {
  [LEGEND[0][0]]: 'ok', [LEGEND[1][0]]: 'degraded', [LEGEND[2][0]]: 'down', [LEGEND[3][0]]: "can't serve",
  [LEGEND[4][0]]: 'holder', [LEGEND[5][0]]: 'none', [LEGEND[6][0]]: 'starting',
};

/** Pieces packed into lines of `width`, joined by `sep`; a piece too long for a line is word-wrapped. */
export function packPieces(pieces: readonly string[], width: number, sep: string, firstSep = sep): string[] {
  const lines: string[] = [];
  let cur = '';
  // A line that breaks where a visible separator was keeps it at its end: room is kept for it.
  const mark = (j: string) => (j.trim() ? 1 + [...j.trim()].length : 0);
  pieces.forEach((p, i) => {
    const join = i === 1 ? firstSep : sep;
    const reserve = i < pieces.length - 1 ? mark(i + 1 === 1 ? firstSep : sep) : 0;
    if (cur && [...cur].length + join.length + [...p].length + reserve <= width) cur += join + p;
    else {
      if (cur) lines.push(`${cur}${join.trim() ? ` ${join.trim()}` : ''}`.trimEnd());
      if ([...p].length + reserve <= width) cur = p;
      else {
        const wrapped = wrap(p, Math.max(1, width - reserve));
        lines.push(...wrapped.slice(0, -1));
        cur = wrapped[wrapped.length - 1] ?? '';
      }
    }
  });
  if (cur) lines.push(cur);
  return lines;
}

function legendLines(width: number, compact: boolean): Line[] {
  return packPieces(legendItems(compact), width - 1, compact ? '  ' : '   ').map((l) => [seg(` ${l}`, 'plain', { dim: true })]);
}

/** The ledger of the selected fault in words, or the list of actions when there is no ledger. */
function ledgerLines(x: TimelineInput, markers: readonly Marker[], width: number): Line[] {
  const outages = outagesOf(x);
  if (outages.length) {
    const i = selectedIndex(x, outages.length);
    const r = outages[i];
    const head = `${outages.length > 1 ? `fault ${i + 1} of ${outages.length}: ` : ''}${r.fault} at ${clock(r.at)} →`;
    return packPieces([head, ...ledgerParts(r, x.shown.t)], width - 3, ' · ', ' ').map((l, k) => [seg(k ? `   ${l}` : ` ◆ ${l}`, 'info')]);
  }
  if (!markers.length) return [[seg(' no faults or actions in this window', 'plain', { dim: true })]];
  return markers.slice(-3).map((m) => [seg(` ▼ ${clock(m.t)} ${m.label}`, 'warn')]);
}

/** The marker that belongs to the selected fault (same time), to highlight it. */
function selectedMarker(x: TimelineInput, markers: readonly Marker[]): string | null {
  const outages = outagesOf(x);
  if (!outages.length) return markers[markers.length - 1]?.eventId ?? null;
  const r = outages[selectedIndex(x, outages.length)];
  return markers.find((m) => m.t === r.at)?.eventId ?? null;
}

/** The lanes, the columns and the window of time a timeline draws. */
function frameOf(x: TimelineInput) {
  const compact = x.compact ?? false;
  const lanes = lanesFor(x.shown);
  const labelWidth = 2 + Math.max(4, ...lanes.map((l) => (compact ? l.short : l.label).length));
  const nowWidth = compact ? 0 : x.width >= 120 ? 26 : x.width >= 100 ? 20 : WORD_MAX;
  const chars = Math.max(8, x.width - labelWidth - nowWidth - (nowWidth ? 1 : 0));
  const target = 90_000 * Math.max(1, x.zoomOut ?? 1);
  let w = timelineWindow(chars, x.live.t, x.shown.t, target);
  // A fault chosen from before the window brings the window back to it.
  if (x.selectedFault !== undefined && x.selectedFault !== null) {
    const outages = outagesOf(x);
    const chosen = outages.length ? outages[selectedIndex(x, outages.length)] : null;
    if (chosen && chosen.at < w.from) w = timelineWindow(chars, x.live.t, chosen.at, target);
  }
  return { compact, lanes, labelWidth, nowWidth, w };
}

/** A snapshot's cells, one per lane, as one comparable string of what the strip draws of them. */
const cellsKey = (cells: readonly (Cell | null)[]) => cells.map((c) => (c ? `${c.glyph}\u0001${c.tone}\u0001${c.rank}` : '')).join('\u0002');

/**
 * Everything the narrow strip's lines depend on, as a list compared item by item (===): two
 * frames with equal lists draw the same lines, so the strip beside the panes, drawn every frame, is
 * drawn again only when one of these changed (test/ui/timeline.test.ts holds equal lists to equal
 * lines over sessions with faults). The live snapshot changes every tick; what the strip reads of
 * it is its cells, its event log (the markers) and the ledger (which marker is the selected fault).
 */
export function stripInputsKey(x: TimelineInput): readonly unknown[] {
  const { lanes, w } = frameOf({ ...x, compact: true });
  const key = lanesKey(lanes);
  const rewound = x.shown.t < x.live.t;
  // The same cells the strip is drawn from (remembered per snapshot: a redraw does not compute them again).
  const live = rewound ? null : cellsKey(cellsOf(x.live, lanes, key));
  const ledger = x.outages ?? [x.shown.ledger.history, x.shown.ledger.open.map((r) => r.at).join(',')];
  return [
    x.history, live, rewound ? x.shown : x.live.events, ...ledger, x.selectedFault ?? null,
    w.from, w.to, w.sliceMs, w.slices, key, x.width, x.height, x.zoomOut ?? 1,
  ];
}

/** Two keys from stripInputsKey name the same lines. */
export function sameStripInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function timelineModel(x: TimelineInput): TimelineModel {
  const { compact, lanes, labelWidth, nowWidth, w } = frameOf(x);
  const newest = x.shown.t < x.live.t ? null : x.live;
  const samples = samplesIn(x.history, newest, w);
  const strips = stripsOf(samples, lanes, w);
  const lastSample = samples[samples.length - 1] ?? x.shown;
  const markers = markersBetween(x.history, lastSample, w.from, w.to);
  const rewound = x.shown.t < x.live.t;
  const indent = seg(' '.repeat(labelWidth));

  const title: Line = [
    seg(compact ? ' Timeline' : ' Failover timeline', 'accent', { bold: true }),
    seg(` ${clock(Math.max(0, w.from))}–${clock(w.to)} · 1 char = ${w.sliceMs / 1000} s`, 'plain', { dim: true }),
    seg(rewound ? ` · ▲ on screen ${clock(x.shown.t)}` : '', 'accent'),
  ];
  const [labelsRow, arrowsRow] = markerRows(w, markers, selectedMarker(x, markers));
  const nowCells = cellsOf(x.shown, lanes, lanesKey(lanes));
  const laneLines: Line[] = lanes.map((lane, i) => {
    const now = nowCells[i];
    const line: Line = [seg(pad(` ${compact ? lane.short : lane.label}`, labelWidth), 'plain', { bold: true }), ...stripSegs(strips[i])];
    if (nowWidth) line.push(seg(' '), seg(fit(now ? now.word : '', nowWidth), now?.tone ?? 'plain', { bold: !!now && now.rank > 0 }));
    return line;
  });
  const axis: Line = [seg(pad(compact ? ' time' : ' time', labelWidth), 'plain', { dim: true }), ...axisRow(w, rewound ? x.shown.t : null)];
  const legend = legendLines(x.width, compact);
  const ledger = compact ? [] : ledgerLines(x, markers, x.width);
  // The title, the ▼ row, the lanes and the axis always show (cut from the bottom if even they
  // do not fit); then, as the height allows: the legend's first line, the ledger's first line,
  // the marker labels, the rest of the legend, the rest of the ledger.
  let room = x.height - (3 + laneLines.length);
  const take = (n: number) => {
    const k = Math.max(0, Math.min(n, room));
    room -= k;
    return k;
  };
  const legend1 = take(Math.min(1, legend.length));
  const ledger1 = take(Math.min(1, ledger.length));
  const labels = labelsRow.length || !compact ? take(1) : 0;
  const legendN = legend1 + take(legend.length - legend1);
  const ledgerN = ledger1 + take(ledger.length - ledger1);
  const lines: Line[] = [
    title, ...(labels ? [[indent, ...labelsRow]] : []), [indent, ...arrowsRow], ...laneLines, axis,
    ...legend.slice(0, legendN), ...ledger.slice(0, ledgerN),
  ].slice(0, Math.max(1, x.height));
  return { window: w, labelWidth, nowWidth, markers, lines };
}

export function timelineLines(x: TimelineInput): Line[] {
  return timelineModel(x).lines;
}
