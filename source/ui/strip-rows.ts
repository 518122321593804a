// How many rows the narrow failover timeline takes under the panes: only on wide, tall terminals
// (from 160 columns), its lanes plus its title, marker, axis and legend rows, and never more than
// a third of the rows the panes have.
import type { State } from '../sim/types.js';
import { lanesFor } from './timeline/lanes.js';

export const STRIP_FROM_COLS = 160;
/** Title, marker arrows, axis and one legend line. */
const STRIP_EXTRA_ROWS = 4;
const STRIP_SHARE_MAX = 1 / 3;

export function stripRows(s: State, cols: number, rows: number): number {
  if (cols < STRIP_FROM_COLS) return 0;
  const want = lanesFor(s).length + STRIP_EXTRA_ROWS;
  return want <= Math.floor(rows * STRIP_SHARE_MAX) ? want : 0;
}
