// What clients see, counted: requests answered (and how late), requests failed, and a small
// latency histogram per simulated second for percentiles over the recent window. Requests move in
// batches, so every function takes a count.
import type { State } from './types.js';
import { SLOW_MS } from './config.js';
import { recordBucket } from './apiserver.js';

/** Upper bounds (ms) of the latency buckets; the last one catches everything slower. */
export const LATENCY_BOUNDS_MS = [0, 100, 200, 500, 1_000, 2_000, 3_000, 5_000, 6_000, 7_000, 10_000, 15_000, 20_000, 30_000, 60_000, Infinity];
/** Seconds of latency history kept for the percentiles. */
export const LATENCY_WINDOW_S = 10;

function recordLatency(s: State, n: number, ms: number): void {
  let i = 0;
  while (ms > LATENCY_BOUNDS_MS[i]) i++;
  const sec = Math.floor(s.t / 1000);
  const h = s.traffic.latency;
  let last = h[h.length - 1];
  if (!last || last.sec !== sec) {
    last = { sec, counts: LATENCY_BOUNDS_MS.map(() => 0) };
    h.push(last);
    if (h.length > LATENCY_WINDOW_S) h.splice(0, h.length - LATENCY_WINDOW_S);
  }
  last.counts[i] += n;
}

/** `n` requests sent at `sentAt` were answered now by `backend`. */
export function succeed(s: State, backend: string, n: number, sentAt: number): void {
  if (n <= 0) return;
  const ms = s.t - sentAt;
  s.traffic.ok += n;
  const be = s.lb.backends[backend];
  if (be) be.served += n;
  if (ms > SLOW_MS) {
    s.traffic.slow += n;
    if (be) be.slow += n;
  }
  recordLatency(s, n, ms);
  recordBucket(s, n, 0, backend);
}

/** `n` requests failed now (a 503, a reset, a timeout); `backend` is the last server tried, if any. */
export function fail(s: State, backend: string | null, n: number): void {
  if (n <= 0) return;
  s.traffic.failed += n;
  const be = backend ? s.lb.backends[backend] : undefined;
  if (be) be.failed += n;
  recordBucket(s, 0, n, be ? backend : null);
}

/**
 * The latency (ms, the upper bound of its histogram bucket) under which a share `q` of the
 * requests answered in the last LATENCY_WINDOW_S seconds completed; null when none were.
 */
export function latencyPercentile(s: State, q: number): number | null {
  const nowSec = Math.floor(s.t / 1000);
  const sum = LATENCY_BOUNDS_MS.map(() => 0);
  let total = 0;
  for (const b of s.traffic.latency) {
    if (b.sec <= nowSec - LATENCY_WINDOW_S) continue;
    for (let i = 0; i < sum.length; i++) {
      sum[i] += b.counts[i];
      total += b.counts[i];
    }
  }
  if (total === 0) return null;
  const rank = q * total;
  let acc = 0;
  for (let i = 0; i < sum.length; i++) {
    acc += sum[i];
    if (acc >= rank && sum[i] > 0) return Number.isFinite(LATENCY_BOUNDS_MS[i]) ? LATENCY_BOUNDS_MS[i] : LATENCY_BOUNDS_MS[i - 1];
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 2];
}
