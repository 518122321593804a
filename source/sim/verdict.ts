// The verdict: what the cluster's clients experience, from the outcomes of their requests over
// the last few seconds (ledger/window.ts) and the requests still waiting — never from "some UP
// backend could write". Small named rules over plain data; the words are built in verdict-words.ts.
import type { Ms } from './types.js';
import type { ApiVerdict, Verdict } from './ledger/state.js';
import type { WindowSums } from './ledger/window.js';
import type { Waiting } from './ledger/outcomes.js';
import { LATE_MS } from './ledger/outcomes.js';
import { downWords, failingWords, lateWords, okWords, stuckWords, waitingWords, writesFailingWords } from './verdict-words.js';

export type { ApiVerdict, Verdict };

/** Everything the verdict is judged from: plain numbers and a few words of context. */
export interface VerdictInput {
  t: Ms;
  rps: number;
  /** Outcomes of the requests that completed in the window, and how long the window is so far. */
  window: WindowSums;
  windowMs: Ms;
  /** Requests still in flight now. */
  waiting: Waiting;
  lastSuccessAt: Ms | null;
  /** No request has ever succeeded and the user has not acted yet: the cluster is coming up. */
  starting: boolean;
  /** Why, in a few words, when the state says so (no LB, every backend DOWN, etcd leaderless). */
  why: string | null;
  /** What start-up is waiting for ("etcd electing"). */
  startingWhat: string;
  /** With no client traffic: would a write succeed now? */
  writable: boolean;
  /** Kubelets whose connection hangs on a silent apiserver (they do not go through the verdict's
   *  request counts): named beside an OK so the header never says all is well without them. */
  stuckKubelets?: { count: number; longestMs: Ms };
}

/** With no success for this long while requests fail or wait, clients see the API down (≥ 3 requests' worth). */
export function downAfterMs(rps: number): Ms {
  return rps > 0 ? Math.max(LATE_MS, Math.ceil(3000 / rps)) : LATE_MS;
}

/** This tick, did clients see something wrong: a failed or late answer, or a request waiting too long? */
export function clientsSeeTrouble(o: { failed: number; slow: number }, w: Waiting): boolean {
  return o.failed > 0 || o.slow > 0 || w.late > 0;
}

/** Nothing has succeeded for a while although requests are being made: down. */
export function clientsSeeDown(t: Ms, lastSuccessAt: Ms | null, rps: number): boolean {
  return lastSuccessAt === null || t - lastSuccessAt >= downAfterMs(rps);
}

/**
 * Only requests that need etcd fail (writes, consistent reads) while the watch cache answers:
 * no write got through, no cached read failed, some did succeed.
 */
function writesOnlyFailing(w: WindowSums): boolean {
  return w.writesFailed > 0 && w.writesOk === 0 && w.cachedFailed === 0 && w.cachedOk > 0;
}

export function judgeVerdict(x: VerdictInput): Verdict {
  if (x.starting) return { api: 'STARTING', detail: x.startingWhat };
  const w = x.window;
  const answered = w.ok + w.failed + w.slow;
  const total = answered + x.waiting.late;
  const troubled = w.failed > 0 || w.slow > 0 || x.waiting.late > 0;
  if (total === 0) {
    // No client traffic to judge by (--rps 0): say whether a write would succeed.
    return x.writable ? { api: 'OK', detail: 'no client requests; a write would succeed' } : { api: 'DOWN', detail: `no client requests; a write would fail${x.why ? ` — ${x.why}` : ''}` };
  }
  if (troubled && clientsSeeDown(x.t, x.lastSuccessAt, x.rps)) {
    const since = x.lastSuccessAt === null ? null : x.t - x.lastSuccessAt;
    return { api: 'DOWN', detail: downWords(since, x.why) };
  }
  if (!troubled) return { api: 'OK', detail: okWords(answered, x.windowMs) + stuckWords(x.stuckKubelets) };
  if (writesOnlyFailing(w)) return { api: 'DEGRADED', detail: writesFailingWords() };
  if (w.failed >= w.slow && w.failed >= x.waiting.late) return { api: 'DEGRADED', detail: failingWords(w.failed, total) };
  // Late answers, once they arrive, say more than the waiting unless far fewer (a silent server
  // behind retries: each request that meets it waits the connect timeout, then answers that
  // late): their share among the answered ones.
  if (w.slow > 0 && w.slow * 2 >= x.waiting.late) return { api: 'DEGRADED', detail: lateWords(w.slow, answered, w.slowMs / w.slow) };
  return { api: 'DEGRADED', detail: waitingWords(x.waiting.late, total, x.waiting.oldestMs, x.waiting.onEtcd) };
}
