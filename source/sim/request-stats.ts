// What clients see, counted: requests answered (and how late), requests failed, and a small
// latency histogram per simulated second for percentiles over the recent window. Requests move in
// batches, so every function takes a count.
import type { RequestMix, State } from './types.js';
import { SLOW_MS } from './config.js';
import { recordBucket } from './apiserver.js';

/** Upper bounds (ms) of the latency buckets; the last one catches everything slower. */
export const LATENCY_BOUNDS_MS = [0, 100, 200, 500, 1_000, 2_000, 3_000, 5_000, 6_000, 7_000, 10_000, 15_000, 20_000, 30_000, 60_000, Infinity];
/** Seconds of latency history kept for the percentiles. */
export const LATENCY_WINDOW_S = 10;

/** A request's class: a watch-cache read, a consistent read (needs etcd), a write (needs etcd). */
export type RequestKind = 'cached' | 'read' | 'write';
/** The classes in RequestMix order. */
const MIX_KINDS: readonly RequestKind[] = ['cached', 'read', 'write'];

function countClass(s: State, kind: RequestKind, ok: number, failed: number): void {
  const tr = s.traffic;
  if (kind === 'cached') { tr.cachedOk += ok; tr.cachedFailed += failed; }
  else if (kind === 'write') { tr.writesOk += ok; tr.writesFailed += failed; }
}

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

/** `n` requests of class `kind` sent at `sentAt` were answered now by `backend`. */
export function succeed(s: State, backend: string, n: number, sentAt: number, kind: RequestKind): void {
  if (n <= 0) return;
  const ms = s.t - sentAt;
  s.traffic.ok += n;
  countClass(s, kind, n, 0);
  const be = s.lb.backends[backend];
  if (be) be.served += n;
  // A request sent before start-up ended waited for the first leader, not for a fault: not "slow".
  const afterStartup = s.ledger.startedAt !== null && sentAt >= s.ledger.startedAt;
  if (ms > SLOW_MS && afterStartup) {
    s.traffic.slow += n;
    s.traffic.slowMs += n * ms;
    if (be) be.slow += n;
  }
  recordLatency(s, n, ms);
  recordBucket(s, n, 0, backend);
}

/** `n` requests of class `kind` failed now (a 503, a reset, a timeout); `backend` is the last server tried, if any. */
export function fail(s: State, backend: string | null, n: number, kind: RequestKind): void {
  if (n <= 0) return;
  s.traffic.failed += n;
  countClass(s, kind, 0, n);
  const be = backend ? s.lb.backends[backend] : undefined;
  if (be) be.failed += n;
  recordBucket(s, 0, n, be ? backend : null);
}

/** A batch of requests of every class failed now. */
export function failMix(s: State, backend: string | null, mix: RequestMix): void {
  for (let k = 0; k < 3; k++) fail(s, backend, mix[k], MIX_KINDS[k]);
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
