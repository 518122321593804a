// What the simulation keeps for the verdict and the outage ledger: plain data in the State.
import type { Ms } from '../types.js';
import type { OutageRecord } from './record.js';

export type ApiVerdict = 'OK' | 'DEGRADED' | 'DOWN' | 'STARTING';

/** What clients experience, in words: `{ api: 'DEGRADED', detail: '1 in 3 requests fail via the LB' }`. */
export interface Verdict {
  api: ApiVerdict;
  detail: string;
}

/** Request outcomes of one tick (see outcomes.ts); kept for the verdict window. */
export interface TickOutcomes {
  ok: number;
  failed: number;
  /** Completed, but more than 1 s late. */
  slow: number;
  /** Summed lateness of the slow ones (ms). */
  slowMs: Ms;
  /** Writes among the above (on time or late, and failed). */
  writesOk: number;
  writesFailed: number;
  /** Watch-cache reads among the above (on time or late, and failed). */
  cachedOk: number;
  cachedFailed: number;
}

/** One tick of the verdict window (oldest first). Replaced, never changed in place. */
export interface WindowTick extends TickOutcomes {
  t: Ms;
}

export interface LedgerState {
  /** Request counters already seen, to take this tick's outcomes as a difference. */
  seen: { ok: number; failed: number; slow: number; slowMs: Ms; writesOk: number; writesFailed: number; cachedOk: number; cachedFailed: number };
  /** The verdict window: one entry per tick over the last VERDICT_WINDOW_MS. */
  recent: WindowTick[];
  /** When start-up ended (first answered request, or the user's first action); null while starting. */
  startedAt: Ms | null;
  /** The last tick at which a request succeeded (on time or late); null before the first one. */
  lastSuccessAt: Ms | null;
  /** The last tick at which clients saw the API degraded or down, and which of the two. */
  lastApiBadAt: Ms | null;
  lastApiBad: 'degraded' | 'down' | null;
  /** The last tick at which anything was not green (api, etcd, leases, backends, pods, writes). */
  lastNotGreenAt: Ms | null;
  /** etcd had no leader at the last tick (its leaderless window was charged up to this tick). */
  etcdWasLeaderless: boolean;
  /** Records of actions not yet followed by everything green, oldest first. */
  open: OutageRecord[];
  /**
   * Closed records, in the order they closed, the last LEDGER_CLOSED_LIMIT of them. (Named
   * `history` so snapshots share its records: a closed record is never changed again.)
   */
  history: OutageRecord[];
  /** How many records have ever closed (the n-th closed record has closedSeq n). */
  closedSeq: number;
}
