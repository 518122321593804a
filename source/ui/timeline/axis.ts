// The time axis under the lanes, and the markers row above them: both are character rows as long
// as the strips, built from the window alone.
import { type Line, seg, clock } from '../lines.js';
import { columnOf, type TimelineWindow } from './window.js';
import type { Marker } from './markers.js';

/** Axis labels every this often (ms): the first that leaves at least 8 columns between labels. */
const TICK_LADDER_MS = [5000, 10_000, 15_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000];

export function tickEvery(w: TimelineWindow): number {
  for (const t of TICK_LADDER_MS) if (t / w.sliceMs >= 8) return t;
  return TICK_LADDER_MS[TICK_LADDER_MS.length - 1];
}

/** mm:ss of a tick (whole seconds). */
const tickLabel = (t: number) => clock(t).slice(0, 5);

/** "|00:20   |00:40 …", with ▲ at the column of `cursorT` when given (the moment on screen). */
export function axisRow(w: TimelineWindow, cursorT: number | null): Line {
  const chars = new Array<string>(w.slices).fill(' ');
  const every = tickEvery(w);
  const first = Math.ceil(w.from / every) * every;
  for (let t = Math.max(0, first); t < w.to; t += every) {
    const col = columnOf(w, t);
    if (col === null) continue;
    // A label that would not fit whole is left out (its tick stays).
    const text = col + 6 <= w.slices ? `|${tickLabel(t)}` : '|';
    for (let i = 0; i < text.length; i++) chars[col + i] = text[i];
  }
  const out: Line = [seg(chars.join(''), 'plain', { dim: true })];
  const cc = cursorT === null ? null : columnOf(w, cursorT);
  if (cc !== null) {
    const text = chars.join('');
    return [seg(text.slice(0, cc), 'plain', { dim: true }), seg('▲', 'accent', { bold: true }), seg(text.slice(cc + 1), 'plain', { dim: true })];
  }
  return out;
}

/**
 * Two rows over the strips: labels, then ▼ at each marker's column. A label is drawn where it
 * does not run into the next one; `highlight` (an event id) is drawn inverse.
 */
export function markerRows(w: TimelineWindow, markers: readonly Marker[], highlight: string | null): [Line, Line] {
  const arrows: Line = [];
  const labels: Line = [];
  let arrowCol = 0;
  let labelCol = 0;
  const placed = markers.map((m) => ({ m, col: columnOf(w, m.t) })).filter((x): x is { m: Marker; col: number } => x.col !== null);
  placed.forEach(({ m, col }, i) => {
    const hl = m.eventId === highlight;
    if (col >= arrowCol) {
      if (col > arrowCol) arrows.push(seg(' '.repeat(col - arrowCol)));
      arrows.push(seg('▼', hl ? 'accent' : 'warn', { bold: true, inverse: hl }));
      arrowCol = col + 1;
    }
    const nextCol = placed[i + 1]?.col ?? Infinity;
    const room = Math.min(nextCol, w.slices) - Math.max(col, labelCol);
    if (col >= labelCol && room >= 4) {
      const text = m.label.length > room - 1 ? `${m.label.slice(0, room - 2)}…` : m.label;
      if (col > labelCol) labels.push(seg(' '.repeat(col - labelCol)));
      labels.push(seg(text, hl ? 'accent' : 'warn', { bold: hl, inverse: hl }));
      labelCol = col + text.length + 1;
      labels.push(seg(' '));
    }
  });
  return [labels, arrows];
}
