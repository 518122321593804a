// The outage ledger's record: for one fault or action a user injected, the windows it caused.
// Plain data (numbers, one string), so a record can sit in a snapshot, an NDJSON line or a sweep.
import type { Ms } from '../types.js';

export interface OutageRecord {
  /** The action in words, e.g. "crash master-1". */
  fault: string;
  /** Simulated time of the action (ms). */
  at: Ms;
  /** Clients saw the API degraded (some requests failed, late or waiting), but not down. */
  apiDegradedMs: Ms;
  /** Clients saw the API down: requests attempted and none succeeded for a while. */
  apiDownMs: Ms;
  /** Requests that failed while the record was open (count). */
  failedRequests: number;
  /** Requests that completed more than 1 s late while the record was open (count). */
  slowRequests: number;
  /** No apiserver behind the LB's VIP could commit a write. */
  writesUnavailableMs: Ms;
  /** etcd had no leader that reaches a quorum. */
  etcdLeaderlessMs: Ms;
  /** No running controller-manager led its lease with a working apiserver. */
  kcmLeaderlessMs: Ms;
  /** No running scheduler led its lease with a working apiserver. */
  schedulerLeaderlessMs: Ms;
  /** Summed over backends: marked UP (receiving traffic) while it could not serve. */
  backendsWronglyUpMs: Ms;
  /** Summed over backends: marked DOWN while it could serve. */
  backendsWronglyDownMs: Ms;
  /** Fewer pods really running than desired. */
  podsBelowDesiredMs: Ms;
  /** From the action until everything was green again; null while not yet green. */
  greenAfterMs: Ms | null;
}

/**
 * The numeric measures of a record, in display order (everything but `fault` and `at`).
 * `greenAfterMs` is null while the record is open: a sweep counts those as "not green by the end".
 */
export const LEDGER_MEASURES = [
  'apiDegradedMs',
  'apiDownMs',
  'failedRequests',
  'slowRequests',
  'writesUnavailableMs',
  'etcdLeaderlessMs',
  'kcmLeaderlessMs',
  'schedulerLeaderlessMs',
  'backendsWronglyUpMs',
  'backendsWronglyDownMs',
  'podsBelowDesiredMs',
  'greenAfterMs',
] as const satisfies readonly (keyof OutageRecord)[];

export type LedgerMeasure = (typeof LEDGER_MEASURES)[number];

export function newRecord(fault: string, at: Ms): OutageRecord {
  return {
    fault,
    at,
    apiDegradedMs: 0,
    apiDownMs: 0,
    failedRequests: 0,
    slowRequests: 0,
    writesUnavailableMs: 0,
    etcdLeaderlessMs: 0,
    kcmLeaderlessMs: 0,
    schedulerLeaderlessMs: 0,
    backendsWronglyUpMs: 0,
    backendsWronglyDownMs: 0,
    podsBelowDesiredMs: 0,
    greenAfterMs: null,
  };
}
