// Which fault's ledger the timeline spells out, and how far it zooms out: small pure steps for keys.

/** ← (−1) / → (+1) through `n` faults, stopping at the ends; null means "the newest". */
export function moveFault(selected: number | null, delta: number, n: number): number | null {
  if (n === 0) return null;
  const cur = selected ?? n - 1;
  const next = Math.min(n - 1, Math.max(0, cur + delta));
  return next === n - 1 ? null : next;
}

/** Zoom factors: 1 shows about 90 s, each step out doubles the time shown. */
export const ZOOM_STEPS = [1, 2, 4, 8, 16] as const;

/** − zooms out (+1), + zooms in (−1); the factor for `timelineModel`'s zoomOut. */
export function zoomStep(level: number, delta: number): number {
  return Math.min(ZOOM_STEPS.length - 1, Math.max(0, level + delta));
}
