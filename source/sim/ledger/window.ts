// The verdict window: per-tick request outcomes over the last VERDICT_WINDOW_MS, oldest first.
import type { Ms } from '../types.js';
import type { TickOutcomes, WindowTick } from './state.js';

/** "The last few seconds" the verdict looks at; also the longest gap bridged between bad moments. */
export const VERDICT_WINDOW_MS = 3000;

export type WindowSums = TickOutcomes;

/** Appends this tick's outcomes (a new object: snapshots share the old ones) and drops old ticks. */
export function pushWindow(recent: WindowTick[], t: Ms, o: TickOutcomes): void {
  recent.push({ t, ok: o.ok, failed: o.failed, slow: o.slow, slowMs: o.slowMs, writesOk: o.writesOk, writesFailed: o.writesFailed, cachedOk: o.cachedOk, cachedFailed: o.cachedFailed });
  let drop = 0;
  while (drop < recent.length && recent[drop].t <= t - VERDICT_WINDOW_MS) drop++;
  if (drop > 0) recent.splice(0, drop);
}

export function windowSums(recent: readonly WindowTick[]): WindowSums {
  const sum: WindowSums = { ok: 0, failed: 0, slow: 0, slowMs: 0, writesOk: 0, writesFailed: 0, cachedOk: 0, cachedFailed: 0 };
  for (const w of recent) {
    sum.ok += w.ok;
    sum.failed += w.failed;
    sum.slow += w.slow;
    sum.slowMs += w.slowMs;
    sum.writesOk += w.writesOk;
    sum.writesFailed += w.writesFailed;
    sum.cachedOk += w.cachedOk;
    sum.cachedFailed += w.cachedFailed;
  }
  return sum;
}

/** Requests per second of `count` completed over a window of `windowMs`. */
export function perSec(count: number, windowMs: Ms): number {
  return windowMs > 0 ? (count * 1000) / windowMs : 0;
}

/**
 * The clients' request outcomes per second over the verdict window: one computation behind the
 * header's "all requests served (N/s)" and the LB pane's ok/s and err/s (served counts the late ones).
 */
export function clientRates(recent: readonly WindowTick[], tickMs: Ms): { servedPerSec: number; failedPerSec: number } {
  const w = windowSums(recent);
  const ms = recent.length * tickMs;
  return { servedPerSec: perSec(w.ok + w.slow, ms), failedPerSec: perSec(w.failed, ms) };
}
