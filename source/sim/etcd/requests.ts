// What clients (kube-apiserver) get from a member: proposals through the leader (commit by
// majority), linearizable reads (ReadIndex: leader + quorum), serializable reads (local, stale).
import type { State, StoreOp } from '../types.js';
import { leaderOf, quorum, reachableVoters, serving } from './cluster.js';
import { lastIndex, termAt } from './log.js';
import { maybeCommit } from './replication.js';
import { applyCommitted } from './apply.js';
import { refreshMembers } from './view.js';

export { leaderOf };

export function memberServing(s: State, id: string): boolean {
  return serving(s, id);
}

function copyOp(op: StoreOp): StoreOp {
  return op.kind === 'lease' ? { ...op, record: { ...op.record } } : { ...op };
}

/**
 * A client hands a proposal to member `memberId`. It goes to the leader that member knows
 * (one hop unless it is the leader), which appends it and sends it to the followers (batched with
 * the other proposals of this moment); it commits when their answers arrive. False when etcd
 * blocks it for want of a reachable leader (the caller retries and times out by itself).
 */
export function proposeVia(s: State, memberId: string, op: StoreOp): boolean {
  const lid = leaderOf(s, memberId);
  if (lid === null) return false;
  const l = s.etcd.members[lid];
  if (l.leadTransferee !== null) return false; // etcd drops proposals during a transfer
  const index = lastIndex(l) + 1;
  l.log.push({ term: l.term, index, op: copyOp(op) });
  const self = l.progress[lid];
  if (self) {
    self.match = index;
    self.next = index + 1;
  }
  // A single voter commits on its own; otherwise the append goes out with the others of this
  // moment, batched in one message per follower, at the start of the next etcd step (tick.ts).
  if (maybeCommit(s, l)) {
    applyCommitted(s);
    refreshMembers(s, false);
  }
  if (s.etcd.unsent.indexOf(lid) < 0) s.etcd.unsent.push(lid);
  return true;
}

/**
 * ReadIndex: the member's leader must lead the current term, have committed an entry of it,
 * and reach a quorum of serving voters right now (the heartbeat round).
 */
export function linearizableReadOk(s: State, memberId: string): boolean {
  const lid = leaderOf(s, memberId);
  if (lid === null) return false;
  const l = s.etcd.members[lid];
  if (termAt(l, l.commitIndex) !== l.term) return false;
  return reachableVoters(s, lid) >= quorum(s);
}

/** Serializable reads: the member's own applied revision, even without a leader (maybe stale). */
export function serializableRevision(s: State, memberId: string): number | null {
  return serving(s, memberId) ? s.etcd.members[memberId].appliedRevision : null;
}
