// The verdict's and the ledger's only inputs from the traffic model: what happened to client
// requests this tick (on time, late, failed; writes and watch-cache reads apart), and which are
// still waiting.
import type { State } from '../types.js';
import type { LedgerState, TickOutcomes } from './state.js';

/** A request is late once it has waited this long (the same bound as a "slow" outcome). */
export const LATE_MS = 1000;

/** Outcomes of the requests that completed during this tick (differences of the traffic counters). */
export function readTickOutcomes(s: State, seen: LedgerState['seen']): TickOutcomes {
  const tr = s.traffic;
  // The traffic model counts late answers among `ok`; here `ok` is the on-time ones only.
  const slow = tr.slow - seen.slow;
  const out: TickOutcomes = {
    ok: tr.ok - seen.ok - slow,
    failed: tr.failed - seen.failed,
    slow,
    slowMs: tr.slowMs - seen.slowMs,
    writesOk: tr.writesOk - seen.writesOk,
    writesFailed: tr.writesFailed - seen.writesFailed,
    cachedOk: tr.cachedOk - seen.cachedOk,
    cachedFailed: tr.cachedFailed - seen.cachedFailed,
  };
  seen.ok = tr.ok;
  seen.failed = tr.failed;
  seen.slow = tr.slow;
  seen.slowMs = tr.slowMs;
  seen.writesOk = tr.writesOk;
  seen.writesFailed = tr.writesFailed;
  seen.cachedOk = tr.cachedOk;
  seen.cachedFailed = tr.cachedFailed;
  return out;
}

/** Requests in flight now: how many have waited longer than LATE_MS, and the longest wait. */
export interface Waiting {
  late: number;
  lateWrites: number;
  oldestMs: number;
  /** Most of the late ones wait at a live apiserver for etcd (not on a connect nor on a dead host). */
  onEtcd: boolean;
}

/**
 * Late requests are wherever they wait: at the LB on a connect (a silent server, a turn-around
 * before a retry) or at an apiserver (for etcd, or hanging on a host that died holding them).
 */
export function readWaiting(s: State): Waiting {
  let late = 0;
  let lateWrites = 0;
  let oldestMs = 0;
  let onEtcd = 0;
  for (const id in s.masters) {
    const pending = s.masters[id].apiserver.pending;
    for (let i = 0; i < pending.length; i++) {
      const b = pending[i];
      const age = s.t - b.sentAt;
      if (age <= LATE_MS) continue;
      late += b.count;
      if (b.kind === 'write') lateWrites += b.count;
      if (age > oldestMs) oldestMs = age;
      if (!b.lost) onEtcd += b.count;
    }
  }
  const connecting = s.lb.connecting;
  for (let i = 0; i < connecting.length; i++) {
    const c = connecting[i];
    const age = s.t - c.sentAt;
    if (age <= LATE_MS) continue;
    late += c.mix[0] + c.mix[1] + c.mix[2];
    lateWrites += c.mix[2];
    if (age > oldestMs) oldestMs = age;
  }
  return { late, lateWrites, oldestMs, onEtcd: late > 0 && onEtcd * 2 >= late };
}
