// Log replication: appends, heartbeats, snapshots, the leader's progress and commit by majority.
import type { EtcdMember, Progress, State } from '../types.js';
import { quorum, voters } from './cluster.js';
import { appendEntries, conflictHint, entriesFrom, lastIndex, restoreSnapshot, termAt } from './log.js';
import { send, type Msg, type Outbox } from './messages.js';

/** Entries per MsgApp (etcd's MaxSizePerMsg, counted in entries here). */
export const MAX_ENTRIES_PER_APPEND = 512;

function progressOf(leader: EtcdMember, id: string): Progress {
  let pr = leader.progress[id];
  if (!pr) {
    pr = { match: 0, next: lastIndex(leader) + 1, recentActive: false };
    leader.progress[id] = pr;
  }
  return pr;
}

/** etcd's sendAppend: the entries after pr.next - 1, or a snapshot when those were compacted. */
export function sendAppend(leader: EtcdMember, to: string, out: Outbox): void {
  const pr = progressOf(leader, to);
  const prev = pr.next - 1;
  const prevTerm = termAt(leader, prev);
  if (prevTerm === undefined) {
    const m = send(out, 'snap', leader.id, to, leader.term);
    m.index = leader.snapshotIndex;
    m.logTerm = leader.snapshotTerm;
    m.commit = leader.commitIndex;
    pr.next = leader.snapshotIndex + 1;
    return;
  }
  const m = send(out, 'app', leader.id, to, leader.term);
  m.index = prev;
  m.logTerm = prevTerm;
  m.commit = leader.commitIndex;
  m.entries = entriesFrom(leader, prev, MAX_ENTRIES_PER_APPEND);
  // Optimistic: pipeline the next append after what we just sent.
  if (m.entries.length) pr.next = m.entries[m.entries.length - 1].index + 1;
}

export function bcastAppend(s: State, leader: EtcdMember, out: Outbox): void {
  for (const id of voters(s)) if (id !== leader.id) sendAppend(leader, id, out);
}

/** Heartbeats carry min(commit, match): a follower never commits entries it may not have. */
export function bcastHeartbeat(s: State, leader: EtcdMember, out: Outbox): void {
  for (const id of voters(s)) {
    if (id === leader.id) continue;
    const pr = progressOf(leader, id);
    const m = send(out, 'heartbeat', leader.id, id, leader.term);
    m.commit = Math.min(pr.match, leader.commitIndex);
  }
}

/** The highest index a quorum of voters has; commits it if it is of the leader's term. */
export function maybeCommit(s: State, leader: EtcdMember): boolean {
  const vs = voters(s);
  const q = quorum(s);
  const own = lastIndex(leader);
  let best = leader.commitIndex;
  for (const a of vs) {
    const ma = a === leader.id ? own : (leader.progress[a]?.match ?? 0);
    if (ma <= best) continue;
    let count = 0;
    for (const b of vs) {
      const mb = b === leader.id ? own : (leader.progress[b]?.match ?? 0);
      if (mb >= ma) count++;
    }
    if (count >= q) best = ma;
  }
  if (best > leader.commitIndex && termAt(leader, best) === leader.term) {
    leader.commitIndex = best;
    return true;
  }
  return false;
}

function commitTo(m: EtcdMember, index: number): void {
  if (index > m.commitIndex) m.commitIndex = Math.min(index, lastIndex(m));
}

/** Follower: MsgApp (etcd handleAppendEntries / maybeAppend). */
export function handleAppendEntries(m: EtcdMember, msg: Msg, out: Outbox): void {
  if (msg.index < m.commitIndex) {
    send(out, 'appResp', m.id, msg.from, m.term).index = m.commitIndex;
    return;
  }
  if (termAt(m, msg.index) === msg.logTerm) {
    const entries = msg.entries ?? [];
    const lastNew = appendEntries(m, msg.index, entries);
    commitTo(m, Math.min(msg.commit, lastNew));
    send(out, 'appResp', m.id, msg.from, m.term).index = lastNew;
    return;
  }
  const r = send(out, 'appResp', m.id, msg.from, m.term);
  r.index = msg.index;
  r.reject = true;
  r.hint = conflictHint(m, msg.index, msg.logTerm);
}

/** Follower: MsgHeartbeat. */
export function handleHeartbeat(m: EtcdMember, msg: Msg, out: Outbox): void {
  commitTo(m, msg.commit);
  send(out, 'heartbeatResp', m.id, msg.from, m.term);
}

/** Follower: MsgSnap. The state machine is cluster-wide here, so only the log point moves. */
export function handleSnapshot(m: EtcdMember, msg: Msg, out: Outbox): void {
  if (msg.index <= m.commitIndex) {
    send(out, 'appResp', m.id, msg.from, m.term).index = m.commitIndex;
    return;
  }
  if (termAt(m, msg.index) === msg.logTerm) {
    m.commitIndex = msg.index; // fast-forward: we already hold that entry
    send(out, 'appResp', m.id, msg.from, m.term).index = lastIndex(m);
    return;
  }
  restoreSnapshot(m, msg.index, msg.logTerm);
  send(out, 'appResp', m.id, msg.from, m.term).index = msg.index;
}

/** Leader: MsgAppResp. Returns true when the commit index moved. */
export function handleAppendResponse(s: State, leader: EtcdMember, msg: Msg, out: Outbox): boolean {
  const pr = progressOf(leader, msg.from);
  if (!pr.recentActive) pr.recentActive = true;
  if (msg.reject) {
    if (msg.index <= pr.match) return false; // stale: it already matched beyond that
    const next = Math.max(Math.min(msg.index, msg.hint + 1), pr.match + 1);
    if (next !== pr.next) pr.next = next;
    sendAppend(leader, msg.from, out);
    return false;
  }
  let committed = false;
  if (msg.index > pr.match) {
    pr.match = msg.index;
    if (pr.next < msg.index + 1) pr.next = msg.index + 1;
    committed = maybeCommit(s, leader);
    if (committed) bcastAppend(s, leader, out);
  }
  if (pr.match < lastIndex(leader) && pr.next <= lastIndex(leader) && !committed) sendAppend(leader, msg.from, out);
  if (leader.leadTransferee === msg.from && pr.match === lastIndex(leader)) {
    send(out, 'timeoutNow', leader.id, msg.from, leader.term);
  }
  return committed;
}

/** Leader: MsgHeartbeatResp. A follower that lags gets the missing entries. */
export function handleHeartbeatResponse(leader: EtcdMember, msg: Msg, out: Outbox): void {
  const pr = progressOf(leader, msg.from);
  if (!pr.recentActive) pr.recentActive = true;
  if (pr.match < lastIndex(leader)) {
    // Probe again from what we know it has (a lost append leaves pr.next too far ahead).
    if (pr.next !== pr.match + 1) pr.next = pr.match + 1;
    sendAppend(leader, msg.from, out);
  }
}
