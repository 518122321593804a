// What clients (kube-apiserver) get from a member: proposals go to the leader and commit with a
// majority; linearizable reads need a leader with a heartbeat quorum (ReadIndex); serializable
// reads are answered locally, even without a leader.
import type { State, StoreOp } from '../types.js';
import { Bus, reach, serving } from './messages.js';
import { lastIndex, termAt } from './log.js';
import { bcastAppend, maybeCommit } from './replication.js';
import { reachableVoters } from './status.js';
import { quorum } from './timing.js';
import { deliver } from './tick.js';

export function memberServing(s: State, id: string): boolean {
  return serving(s, id);
}

/** The leader this member follows, if that member is really leader of at least our term and reachable. */
export function leaderOf(s: State, id: string): string | null {
  if (!serving(s, id)) return null;
  const m = s.etcd.members[id];
  const lid = m.role === 'leader' ? id : m.leader;
  if (!lid) return null;
  const l = s.etcd.members[lid];
  if (!l || !serving(s, lid) || l.role !== 'leader' || l.term < m.term) return null;
  return reach(s, id, lid) ? lid : null;
}

export function linearizableReadOk(s: State, id: string): boolean {
  const lid = leaderOf(s, id);
  if (!lid) return false;
  const l = s.etcd.members[lid];
  // ReadIndex: the leader must have committed an entry of its term and hear from a quorum.
  if (termAt(l, l.commitIndex) !== l.term) return false;
  return reachableVoters(s, lid) >= quorum(s);
}

export function serializableRevision(s: State, id: string): number | null {
  return serving(s, id) ? s.etcd.members[id].appliedRevision : null;
}

export function proposeVia(s: State, id: string, op: StoreOp): boolean {
  const lid = leaderOf(s, id);
  if (!lid) return false;
  const l = s.etcd.members[lid];
  if (l.leadTransferee !== null) return false; // proposals are dropped during a leadership transfer
  const index = lastIndex(l) + 1;
  l.log.push({ term: l.term, index, op });
  const self = l.progress[lid];
  if (self) {
    self.match = index;
    self.next = index + 1;
  }
  const bus = new Bus();
  maybeCommit(s, l); // a single voter commits on its own
  bcastAppend(s, l, bus);
  deliver(s, bus);
  return true;
}
