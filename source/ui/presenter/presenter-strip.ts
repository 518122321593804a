// The presenter's timeline strip: the narrow timeline (timeline/render.ts) cut to the lanes that
// matter, so it fits under the narration at 80x24: the title, the ▼ action row, the lanes, the axis.
import type { Session } from '../../sim/session.js';
import type { Line } from '../lines.js';
import { lanesFor } from '../timeline/lanes.js';
import { timelineModel } from '../timeline/render.js';
import type { PaneId } from '../pane-lines.js';

/** The lanes each pane is about; the API lane always leads. */
const LANES_OF_PANE: Record<PaneId, string[]> = {
  masters: ['etcd', 'kcm'], etcd: ['writes', 'etcd'], lb: ['backend:', 'vip'], leases: ['kcm', 'scheduler'],
  workloads: ['pods', 'kcm'], events: ['etcd', 'kcm'],
};

/** Rows the strip takes with `lanes` lanes: title, ▼ row, lanes, axis, and a legend line if asked. */
export const stripHeight = (lanes: number, legend = false) => lanes + 3 + (legend ? 1 : 0);

/** The lane ids to draw for these panes (the first pane's first), at most `max`, in the timeline's own order. */
export function stripLanes(session: Session, panes: readonly PaneId[], max: number): string[] {
  const all = lanesFor(session.state).map((l) => l.id);
  const want = ['api', ...panes.flatMap((p) => LANES_OF_PANE[p])];
  const picked = new Set(want.flatMap((w) => all.filter((id) => (w.endsWith(':') ? id.startsWith(w) : id === w))).slice(0, Math.max(1, max)));
  return all.filter((id) => picked.has(id));
}

export function presenterStrip(session: Session, width: number, laneIds: readonly string[], legend = false): Line[] {
  const lanes = lanesFor(session.state);
  const m = timelineModel({
    history: session.history, live: session.live, shown: session.state, width, height: stripHeight(lanes.length, legend), compact: true,
  });
  // With exactly this height the model's lines are: title, ▼ row, one line a lane, the axis, and
  // the legend's first line when one more row is given.
  const [title, arrows, ...rest] = m.lines;
  const laneLines = lanes.map((l, i) => ({ id: l.id, line: rest[i] })).filter((x) => laneIds.includes(x.id)).map((x) => x.line);
  return [title, arrows, ...laneLines, ...rest.slice(lanes.length, lanes.length + (legend ? 2 : 1))];
}
