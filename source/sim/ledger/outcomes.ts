// The verdict's and the ledger's only inputs from the traffic model: what happened to client
// requests this tick, and which are still waiting. When the traffic model gains outcome classes
// (slow, cached reads, writes), these two functions are the only place that changes.
import type { State } from '../types.js';
import type { LedgerState, TickOutcomes } from './state.js';

/** A request is late once it has waited this long (the same bound as a "slow" outcome). */
export const LATE_MS = 1000;

/** Outcomes of the requests that completed during this tick (differences of the traffic counters). */
export function readTickOutcomes(s: State, seen: LedgerState['seen']): TickOutcomes {
  const tr = s.traffic;
  const ok = tr.ok - seen.ok;
  const failed = tr.failed - seen.failed;
  seen.ok = tr.ok;
  seen.failed = tr.failed;
  // Today's traffic model counts late answers as ok and does not tell writes apart.
  return { ok, failed, slow: 0, slowMs: 0, writesOk: 0, writesFailed: 0 };
}

/** Requests in flight now: how many have waited longer than LATE_MS, and the longest wait. */
export interface Waiting {
  late: number;
  lateWrites: number;
  oldestMs: number;
  /** Where the late ones wait: at the apiservers for etcd (today the only place). */
  onEtcd: boolean;
}

export function readWaiting(s: State): Waiting {
  let late = 0;
  let lateWrites = 0;
  let oldestMs = 0;
  for (const id in s.masters) {
    const pending = s.masters[id].apiserver.pending;
    for (let i = 0; i < pending.length; i++) {
      const b = pending[i];
      const age = s.t - b.startedAt;
      if (age <= LATE_MS) continue;
      late += b.count;
      if (b.kind === 'write') lateWrites += b.count;
      if (age > oldestMs) oldestMs = age;
    }
  }
  return { late, lateWrites, oldestMs, onEtcd: late > 0 };
}
