// Per grid point: the distribution of each measure over its runs (min, p50, p90, p99, max) and
// the share of runs with a client-visible failure. Quantiles are nearest-rank (the smallest value
// with at least p of the runs at or below it), so every figure is a value some run really had.
import { MEASURES, type Measure } from './measures.js';

export interface Distribution {
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface PointSummary {
  runs: number;
  anyFailure: number;
  notGreen: number;
  measures: Record<Measure, Distribution>;
  /** Sorted values per measure, for the table's distribution bars. */
  sorted: Record<Measure, Float64Array>;
}

/** Nearest-rank quantile of ascending `sorted` (non-empty). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export function distribution(sorted: ArrayLike<number>): Distribution {
  return { min: sorted[0], p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] };
}

/** Shares are printed with 4 decimals, so outputs stay short and identical wherever computed. */
export const share = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 10_000) / 10_000);

/**
 * The runs of one point: `values` holds MEASURES.length numbers per run (in MEASURES order),
 * `flags` one byte per run (bit 0: any failure, bit 1: not green); `done` marks the runs that ran.
 */
export interface PointRuns {
  values: Float64Array;
  flags: Uint8Array;
  done: Uint8Array;
}

export const FLAG_FAILURE = 1;
export const FLAG_NOT_GREEN = 2;

export function newPointRuns(runs: number): PointRuns {
  return { values: new Float64Array(runs * MEASURES.length), flags: new Uint8Array(runs), done: new Uint8Array(runs) };
}

/** The summary of the runs that are done (null when none is). */
export function summarise(p: PointRuns): PointSummary | null {
  const idx: number[] = [];
  for (let i = 0; i < p.done.length; i++) if (p.done[i]) idx.push(i);
  if (idx.length === 0) return null;
  const M = MEASURES.length;
  const measures = {} as Record<Measure, Distribution>;
  const sorted = {} as Record<Measure, Float64Array>;
  MEASURES.forEach((m, k) => {
    const a = new Float64Array(idx.length);
    idx.forEach((i, j) => (a[j] = p.values[i * M + k]));
    a.sort();
    sorted[m] = a;
    measures[m] = distribution(a);
  });
  let failures = 0;
  let notGreen = 0;
  for (const i of idx) {
    if (p.flags[i] & FLAG_FAILURE) failures++;
    if (p.flags[i] & FLAG_NOT_GREEN) notGreen++;
  }
  return { runs: idx.length, anyFailure: share(failures, idx.length), notGreen: share(notGreen, idx.length), measures, sorted };
}
