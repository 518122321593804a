// Lanes as strips: for each time slice of the window, the worst state any snapshot in it shows.
// Snapshots are immutable, so each one is classified once and remembered.
import type { State } from '../../sim/types.js';
import type { Cell, Lane } from './lanes.js';
import type { TimelineWindow } from './window.js';

const memo = new WeakMap<State, Map<string, Cell | null>>();

/** A lane's cell for one snapshot, computed once per snapshot. */
export function cellOf(s: State, lane: Lane): Cell | null {
  let m = memo.get(s);
  if (!m) {
    m = new Map();
    memo.set(s, m);
  }
  if (m.has(lane.id)) return m.get(lane.id)!;
  const c = lane.cell(s);
  m.set(lane.id, c);
  return c;
}

/** Index of the first snapshot at or after `t` (history is ordered by time). */
function firstAtOrAfter(history: readonly State[], t: number): number {
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The snapshots that fall in the window, oldest first: the history's, plus `newest` (the live
 * snapshot, which the history may not hold yet), plus the last one before the window (its state
 * carries into the first slices).
 */
export function samplesIn(history: readonly State[], newest: State | null, w: TimelineWindow): State[] {
  const i = firstAtOrAfter(history, w.from);
  const out: State[] = [];
  if (i > 0) out.push(history[i - 1]);
  for (let k = i; k < history.length && history[k].t < w.to; k++) out.push(history[k]);
  const last = out[out.length - 1];
  if (newest && newest.t < w.to && (!last || newest.t > last.t)) out.push(newest);
  return out;
}

/**
 * One row of cells per lane, one cell per slice: the worst cell of the snapshots in the slice, or
 * the state carried from the snapshot before it; null before the first snapshot and after the last.
 */
export function stripsOf(samples: readonly State[], lanes: readonly Lane[], w: TimelineWindow): (Cell | null)[][] {
  const rows = lanes.map(() => new Array<Cell | null>(w.slices).fill(null));
  if (samples.length === 0) return rows;
  const lastT = samples[samples.length - 1].t;
  let k = 0;
  let prev: State | null = null;
  for (let col = 0; col < w.slices; col++) {
    const start = w.from + col * w.sliceMs;
    const end = start + w.sliceMs;
    if (start > lastT) break;
    const inSlice: State[] = [];
    while (k < samples.length && samples[k].t < end) {
      if (samples[k].t >= start) inSlice.push(samples[k]);
      else prev = samples[k];
      k++;
    }
    const from = inSlice.length ? inSlice : prev ? [prev] : [];
    if (inSlice.length) prev = inSlice[inSlice.length - 1];
    lanes.forEach((lane, li) => {
      let best: Cell | null = null;
      for (const s of from) {
        const c = cellOf(s, lane);
        if (c && (!best || c.rank >= best.rank)) best = c;
      }
      rows[li][col] = best;
    });
  }
  return rows;
}
