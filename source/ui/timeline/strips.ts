// Lanes as strips: for each time slice of the window, the worst state any snapshot in it shows.
// Snapshots are immutable, so each one is classified once and remembered.
import type { State } from '../../sim/types.js';
import type { Cell, Lane } from './lanes.js';
import type { TimelineWindow } from './window.js';

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

/** The key of a list of lanes for cellsOf: their ids joined. */
export const lanesKey = (lanes: readonly Lane[]): string => lanes.map((l) => l.id).join('|');

/** Each snapshot's cells for one list of lanes (its lanesKey), computed once per snapshot. */
const rowMemo = new WeakMap<State, { lanes: string; cells: (Cell | null)[] }>();

/** A snapshot's cell in each lane, in the lanes' order: computed once per snapshot, then remembered. */
export function cellsOf(s: State, lanes: readonly Lane[], key: string): (Cell | null)[] {
  const known = rowMemo.get(s);
  if (known && known.lanes === key) return known.cells;
  const cells = lanes.map((lane) => lane.cell(s));
  rowMemo.set(s, { lanes: key, cells });
  return cells;
}

/**
 * One row of cells per lane, one cell per slice: the worst cell of the snapshots in the slice, or
 * the state carried from the snapshot before it; null before the first snapshot and after the last.
 * Drawn every frame, so each snapshot's cells are looked up once per slice, not once per lane.
 */
export function stripsOf(samples: readonly State[], lanes: readonly Lane[], w: TimelineWindow): (Cell | null)[][] {
  const rows = lanes.map(() => new Array<Cell | null>(w.slices).fill(null));
  if (samples.length === 0) return rows;
  const key = lanesKey(lanes);
  const lastT = samples[samples.length - 1].t;
  let k = 0;
  let prev: State | null = null;
  for (let col = 0; col < w.slices; col++) {
    const start = w.from + col * w.sliceMs;
    const end = start + w.sliceMs;
    if (start > lastT) break;
    let first = -1;
    let last = -1;
    while (k < samples.length && samples[k].t < end) {
      if (samples[k].t >= start) {
        if (first < 0) first = k;
        last = k;
      } else prev = samples[k];
      k++;
    }
    if (first < 0) {
      // Nothing in this slice: the state before it carries on.
      if (!prev) continue;
      const cells = cellsOf(prev, lanes, key);
      for (let li = 0; li < lanes.length; li++) rows[li][col] = cells[li];
      continue;
    }
    prev = samples[last];
    for (let i = first; i <= last; i++) {
      const cells = cellsOf(samples[i], lanes, key);
      for (let li = 0; li < lanes.length; li++) {
        const c = cells[li];
        const best = rows[li][col];
        if (c && (!best || c.rank >= best.rank)) rows[li][col] = c;
      }
    }
  }
  return rows;
}
