// What the rest of the simulation sees: the leader with quorum, the cluster term, each member's
// applied revision and leaderless time, and the quorum lost / restored events.
import type { EtcdMember, State } from '../types.js';
import { emit, setCause, causeOf } from '../events.js';
import { leaderOf, quorum, reachableVoters, serving } from './cluster.js';

/** The serving leader that can reach a quorum of serving voters (highest term if several). */
export function quorumLeader(s: State): EtcdMember | null {
  let best: EtcdMember | null = null;
  const q = quorum(s);
  for (const id of s.etcd.order) {
    const m = s.etcd.members[id];
    if (m.role !== 'leader' || (best && m.term <= best.term) || !serving(s, id)) continue;
    if (reachableVoters(s, id) >= q) best = m;
  }
  return best;
}

export function maxTerm(s: State): number {
  let t = 0;
  for (const id of s.etcd.order) t = Math.max(t, s.etcd.members[id].term);
  return t;
}

export function servingCount(s: State): number {
  let n = 0;
  for (const id of s.etcd.order) if (serving(s, id)) n++;
  return n;
}

/** Per-member bookkeeping after a call: applied revision (stale without commits) and no-leader ticks. */
export function refreshMembers(s: State, countTick: boolean): void {
  const e = s.etcd;
  for (const id of e.order) {
    const m = e.members[id];
    if (!serving(s, id)) continue;
    if (m.commitIndex >= e.appliedIndex && m.appliedRevision !== e.revision) m.appliedRevision = e.revision;
    if (!countTick) continue;
    if (leaderOf(s, id) !== null) {
      if (m.noLeaderTicks !== 0) m.noLeaderTicks = 0;
    } else {
      m.noLeaderTicks++;
    }
  }
}

export function updateClusterView(s: State): void {
  const e = s.etcd;
  const l = quorumLeader(s);
  const prev = e.leader;
  const next = l ? l.id : null;
  if (prev !== null && next === null) {
    const n = servingCount(s);
    const q = quorum(s);
    const total = e.order.length;
    const old = e.members[prev];
    const why = !old || !serving(s, prev)
      ? `leader ${prev} is gone`
      : old.role === 'leader' ? `leader ${prev} cannot reach a majority` : `leader ${prev} stepped down`;
    const msg = n >= q
      ? `etcd has no leader with quorum (${why}). ${n} of ${total} members serve, so a new leader should be elected within 1–2 s; meanwhile writes and linearizable reads wait.`
      : `etcd lost quorum (${why}): only ${n} of ${total} members serve and ${q} are needed. No leader can be elected: writes and linearizable reads hang and fail after the request timeout; serializable reads still answer, possibly stale.`;
    const ev = emit(s, 'etcd.quorum_lost', 'etcd', msg, causeOf(s, 'etcd.member', 'network'),
      { serving: n, voters: total, quorum: q, term: e.term });
    setCause(s, 'etcd.quorum', ev);
  } else if (prev === null && next !== null && causeOf(s, 'etcd.quorum') !== null) {
    const ev = emit(s, 'etcd.quorum_restored', 'etcd',
      `etcd has a leader with quorum again: ${next} leads term ${l!.term}. Writes and linearizable reads work again.`,
      causeOf(s, 'etcd.quorum'), { leader: next, term: l!.term });
    setCause(s, 'etcd.quorum', ev);
  }
  if (e.leader !== next) {
    e.leader = next;
    e.leaderChangedAt = s.t;
  }
  const term = l ? l.term : maxTerm(s);
  if (e.term !== term) e.term = term;
}
