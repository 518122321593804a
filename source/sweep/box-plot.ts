// A box plot in a few terminal cells: ─ from min to p99, █ from p50 to p90, · from p99 to max.
import type { Distribution } from './aggregate.js';

export const BOX_WIDTH = 10;

/** The plot of `d` on a scale from 0 to `scaleMax`, BOX_WIDTH cells wide. */
export function boxPlot(d: Distribution, scaleMax: number, width = BOX_WIDTH): string {
  const cells = new Array<string>(width).fill(' ');
  const at = (v: number) => (scaleMax <= 0 ? 0 : Math.min(width - 1, Math.round((v / scaleMax) * (width - 1))));
  const fill = (from: number, to: number, ch: string) => {
    for (let i = at(from); i <= at(to); i++) cells[i] = ch;
  };
  fill(d.p99, d.max, '·');
  fill(d.min, d.p99, '─');
  fill(d.p50, d.p90, '█');
  return cells.join('');
}
