// The verdict's and the ledger's only inputs from the traffic model: what happened to client
// requests this tick, and which are still waiting. They read the fields a richer traffic model
// adds when they are there (`traffic.slow`, a batch's `sentAt`, the LB's `connecting` batches),
// so late answers and requests hanging at the LB count as soon as that model is in.
import type { State } from '../types.js';
import type { LedgerState, TickOutcomes } from './state.js';

/** A request is late once it has waited this long (the same bound as a "slow" outcome). */
export const LATE_MS = 1000;

/** Fields a traffic model may have beyond today's (read only when present). */
interface RicherTraffic { slow?: number }
interface RicherBatch { sentAt?: number }
interface ConnectingBatch { sentAt: number; mix: number[] }

/** Outcomes of the requests that completed during this tick (differences of the traffic counters). */
export function readTickOutcomes(s: State, seen: LedgerState['seen']): TickOutcomes {
  const tr = s.traffic;
  const slowTotal = (tr as RicherTraffic).slow ?? 0;
  // `slow` answers are counted among the ok ones as well: here they are told apart.
  const slow = slowTotal - seen.slow;
  const ok = tr.ok - seen.ok - slow;
  const failed = tr.failed - seen.failed;
  seen.ok = tr.ok;
  seen.failed = tr.failed;
  seen.slow = slowTotal;
  // No per-request lateness nor writes apart yet: the words then say "more than 1 s late".
  return { ok, failed, slow, slowMs: 0, writesOk: 0, writesFailed: 0 };
}

/** Requests in flight now: how many have waited longer than LATE_MS, and the longest wait. */
export interface Waiting {
  late: number;
  lateWrites: number;
  oldestMs: number;
  /** Some of the late ones wait at an apiserver for etcd. */
  onEtcd: boolean;
}

export function readWaiting(s: State): Waiting {
  let late = 0;
  let lateWrites = 0;
  let oldestMs = 0;
  let onEtcd = false;
  for (const id in s.masters) {
    const pending = s.masters[id].apiserver.pending;
    for (let i = 0; i < pending.length; i++) {
      const b = pending[i];
      const age = s.t - ((b as RicherBatch).sentAt ?? b.startedAt);
      if (age <= LATE_MS) continue;
      late += b.count;
      onEtcd = true;
      if (b.kind === 'write') lateWrites += b.count;
      if (age > oldestMs) oldestMs = age;
    }
  }
  const connecting = (s.lb as { connecting?: ConnectingBatch[] }).connecting;
  if (connecting) {
    for (const c of connecting) {
      const age = s.t - c.sentAt;
      if (age <= LATE_MS) continue;
      let n = 0;
      for (const k of c.mix) n += k;
      late += n;
      lateWrites += c.mix[2] ?? 0;
      if (age > oldestMs) oldestMs = age;
    }
  }
  return { late, lateWrites, oldestMs, onEtcd };
}
