// Log replication: appends, heartbeats, snapshots, commit by majority, apply to the store.
import type { EtcdMember, State } from '../types.js';
import type { Bus, Msg } from './messages.js';
import { entriesAfter, lastIndex, termAt, appendAfter, compact, COMPACT_KEEP } from './log.js';
import { quorum, voters } from './timing.js';
import { applyOp } from '../store.js';

const MAX_ENTRIES_PER_APPEND = 256;

function progressFor(leader: EtcdMember, id: string) {
  let pr = leader.progress[id];
  if (!pr) {
    pr = { match: 0, next: lastIndex(leader) + 1, recentActive: false };
    leader.progress[id] = pr;
  }
  return pr;
}

export function sendAppend(leader: EtcdMember, to: string, bus: Bus): void {
  const pr = progressFor(leader, to);
  const prev = pr.next - 1;
  const prevTerm = termAt(leader, prev);
  if (prevTerm === undefined) {
    // The entries it needs were compacted: send a snapshot instead (MsgSnap).
    bus.send({ type: 'snap', from: leader.id, to, term: leader.term, index: leader.snapshotIndex, logTerm: leader.snapshotTerm, commit: leader.commitIndex });
    pr.next = leader.snapshotIndex + 1;
    return;
  }
  bus.send({
    type: 'app', from: leader.id, to, term: leader.term, index: prev, logTerm: prevTerm,
    entries: entriesAfter(leader, prev, MAX_ENTRIES_PER_APPEND), commit: leader.commitIndex,
  });
}

export function bcastAppend(s: State, leader: EtcdMember, bus: Bus): void {
  for (const id of voters(s)) if (id !== leader.id) sendAppend(leader, id, bus);
}

export function bcastHeartbeat(s: State, leader: EtcdMember, bus: Bus): void {
  for (const id of voters(s)) {
    if (id === leader.id) continue;
    const pr = progressFor(leader, id);
    bus.send({ type: 'heartbeat', from: leader.id, to: id, term: leader.term, index: 0, logTerm: 0, commit: Math.min(leader.commitIndex, pr.match) });
  }
}

/** Commits the highest index stored by a majority, if it is of the leader's term. */
export function maybeCommit(s: State, leader: EtcdMember): boolean {
  const matches: number[] = [];
  for (const id of voters(s)) matches.push(id === leader.id ? lastIndex(leader) : (leader.progress[id]?.match ?? 0));
  matches.sort((a, b) => b - a);
  const mci = matches[quorum(s) - 1] ?? 0;
  if (mci > leader.commitIndex && termAt(leader, mci) === leader.term) {
    leader.commitIndex = mci;
    return true;
  }
  return false;
}

export function handleAppend(m: EtcdMember, msg: Msg, bus: Bus): void {
  if (msg.index < m.commitIndex) {
    bus.send({ type: 'appResp', from: m.id, to: msg.from, term: m.term, index: m.commitIndex, logTerm: 0 });
    return;
  }
  if (termAt(m, msg.index) === msg.logTerm) {
    const lastNew = appendAfter(m, msg.index, msg.entries ?? []);
    const commit = Math.min(msg.commit ?? 0, lastNew);
    if (commit > m.commitIndex) m.commitIndex = commit;
    bus.send({ type: 'appResp', from: m.id, to: msg.from, term: m.term, index: lastNew, logTerm: 0 });
  } else {
    bus.send({ type: 'appResp', from: m.id, to: msg.from, term: m.term, index: Math.min(msg.index, lastIndex(m)), logTerm: 0, reject: true });
  }
}

export function handleHeartbeat(m: EtcdMember, msg: Msg, bus: Bus): void {
  const c = Math.min(msg.commit ?? 0, lastIndex(m));
  if (c > m.commitIndex) m.commitIndex = c;
  bus.send({ type: 'heartbeatResp', from: m.id, to: msg.from, term: m.term, index: 0, logTerm: 0 });
}

export function handleSnapshot(m: EtcdMember, msg: Msg, bus: Bus): void {
  if (msg.index <= m.commitIndex) {
    bus.send({ type: 'appResp', from: m.id, to: msg.from, term: m.term, index: m.commitIndex, logTerm: 0 });
    return;
  }
  if (termAt(m, msg.index) === msg.logTerm) {
    // We already have the entry: just fast-forward the commit index.
    m.commitIndex = msg.index;
  } else {
    m.log = [];
    m.snapshotIndex = msg.index;
    m.snapshotTerm = msg.logTerm;
    m.commitIndex = msg.index;
  }
  bus.send({ type: 'appResp', from: m.id, to: msg.from, term: m.term, index: msg.index, logTerm: 0 });
}

/** Applies newly committed entries to the store, exactly once and in order, then compacts logs. */
export function applyCommitted(s: State): void {
  let source: EtcdMember | null = null;
  for (const id of s.etcd.order) {
    const m = s.etcd.members[id];
    if (m.commitIndex > s.etcd.appliedIndex && (!source || m.commitIndex > source.commitIndex)) source = m;
  }
  if (source) {
    const from = s.etcd.appliedIndex;
    if (from >= source.snapshotIndex) {
      for (const e of entriesAfter(source, from, source.commitIndex - from)) {
        if (e.op) s.etcd.revision += applyOp(s, e.op);
        s.etcd.appliedIndex = e.index;
      }
    } else {
      // Everything up to its snapshot was applied elsewhere already; nothing is lost.
      s.etcd.appliedIndex = Math.max(s.etcd.appliedIndex, source.snapshotIndex);
    }
  }
  for (const id of s.etcd.order) {
    const m = s.etcd.members[id];
    if (m.commitIndex >= s.etcd.appliedIndex && m.appliedRevision !== s.etcd.revision) m.appliedRevision = s.etcd.revision;
    if (m.log.length > 2 * COMPACT_KEEP) compact(m, Math.min(m.commitIndex, s.etcd.appliedIndex));
  }
}
