// One side's failover timeline in a comparison, sized to share the screen with the other side's:
// the timeline's own lanes, strips, markers and axis (source/ui/timeline/), with the lanes that
// matter most kept when the height is short.
import type { Session } from '../../sim/session.js';
import { type Line, seg, pad, clock } from '../lines.js';
import { lanesFor, type Cell, type Lane } from '../timeline/lanes.js';
import { samplesIn, stripsOf } from '../timeline/strips.js';
import { timelineWindow } from '../timeline/window.js';
import { markersBetween } from '../timeline/markers.js';
import { axisRow, markerRows } from '../timeline/axis.js';

/** Lanes kept first when not all fit (the rest keep their timeline order). */
const LANE_PRIORITY = ['api', 'writes', 'etcd', 'kcm', 'scheduler', 'pods'];

/** The lanes that fit in `n` rows: by priority, drawn in the timeline's order. */
export function lanesThatFit(lanes: readonly Lane[], n: number): Lane[] {
  if (lanes.length <= n) return [...lanes];
  const rank = (l: Lane) => {
    const i = LANE_PRIORITY.indexOf(l.id);
    return i < 0 ? LANE_PRIORITY.length : i;
  };
  const keep = new Set([...lanes].sort((x, y) => rank(x) - rank(y)).slice(0, Math.max(0, n)).map((l) => l.id));
  return lanes.filter((l) => keep.has(l.id));
}

function stripSegs(cells: readonly (Cell | null)[]): Line {
  const out: Line = [];
  for (const c of cells) {
    const tone = c ? c.tone : 'plain';
    const last = out[out.length - 1];
    if (last && last.tone === tone) out[out.length - 1] = { ...last, t: last.t + (c ? c.glyph : ' ') };
    else out.push(seg(c ? c.glyph : ' ', tone));
  }
  return out;
}

/**
 * At most `height` lines: a title naming the side, the ▼ row, the lanes that fit, the axis.
 * `sideWidth`: the longest side name of the screen, so both timelines' columns line up.
 */
export function sideTimeline(session: Session, side: string, width: number, height: number, sideWidth = [...side].length): Line[] {
  const shown = session.state;
  const all = lanesFor(shown);
  // The title line gives way first: then the side is named at the start of the ▼ row.
  const titled = height >= all.length + 3;
  const lanes = lanesThatFit(all, height - (titled ? 3 : 2));
  const labelWidth = 2 + Math.max(6, ...lanes.map((l) => l.short.length), titled ? 0 : sideWidth);
  const w = timelineWindow(Math.max(8, width - labelWidth - 1), session.live.t, shown.t);
  const newest = shown.t < session.live.t ? null : session.live;
  const samples = samplesIn(session.history, newest, w);
  const strips = stripsOf(samples, lanes, w);
  const markers = markersBetween(session.history, samples[samples.length - 1] ?? shown, w.from, w.to);
  const rewound = shown.t < session.live.t;
  const indent = seg(' '.repeat(labelWidth));
  const [, arrows] = markerRows(w, markers, null);
  const lines: Line[] = [
    ...(titled ? [[seg(` ${side}`, 'accent', { bold: true }), seg(` timeline ${clock(Math.max(0, w.from))}–${clock(w.to)} · 1 char = ${w.sliceMs / 1000} s`, 'plain', { dim: true })]] : []),
    [titled ? indent : seg(pad(` ${side}`, labelWidth), 'accent', { bold: true }), ...arrows],
    ...lanes.map((lane, i) => [seg(pad(` ${lane.short}`, labelWidth), 'plain', { bold: true }), ...stripSegs(strips[i])]),
    [seg(pad(' time', labelWidth), 'plain', { dim: true }), ...axisRow(w, rewound ? shown.t : null)],
  ];
  return lines.slice(0, Math.max(0, height));
}
