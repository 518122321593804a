// Safety invariants checked after every tick of a run (shared by the property tests and the soak run).
import type { State } from '../../source/sim/types.js';
import { quorumOf } from '../../source/sim/config.js';
import { nodeUp } from '../../source/sim/network.js';

export interface Tracker {
  /** term -> leader id ever seen leading in that term */
  leaderOfTerm: Map<number, string>;
  /** raft index -> term of the entry once some member has it committed */
  committed: Map<number, number>;
  appliedIndex: number;
  revision: number;
}

export function newTracker(): Tracker {
  return { leaderOfTerm: new Map(), committed: new Map(), appliedIndex: 0, revision: 0 };
}

function entryTerm(m: State['etcd']['members'][string], index: number): number | undefined {
  if (index === m.snapshotIndex) return m.snapshotTerm;
  if (index < m.snapshotIndex) return undefined;
  const first = m.log.length ? m.log[0].index : m.snapshotIndex + 1;
  const e = m.log[index - first];
  return e && e.index === index ? e.term : undefined;
}

/** Returns a description of the first broken invariant, or null. */
export function checkInvariants(s: State, tr: Tracker): string | null {
  // 1. At most one etcd leader per term.
  for (const id of s.etcd.order) {
    const m = s.etcd.members[id];
    if (m.role !== 'leader') continue;
    const seen = tr.leaderOfTerm.get(m.term);
    if (seen !== undefined && seen !== id) return `two etcd leaders in term ${m.term}: ${seen} and ${id}`;
    tr.leaderOfTerm.set(m.term, id);
  }
  // 2. A committed entry is never lost or changed on any member that has it committed.
  for (const id of s.etcd.order) {
    const m = s.etcd.members[id];
    const from = Math.max(m.snapshotIndex, m.commitIndex - 50);
    for (let i = from; i <= m.commitIndex; i++) {
      const term = entryTerm(m, i);
      if (term === undefined) continue;
      const known = tr.committed.get(i);
      if (known === undefined) tr.committed.set(i, term);
      else if (known !== term) return `committed entry ${i} changed from term ${known} to ${term} on ${id}`;
    }
  }
  // 3. Applied state only moves forward, and what is applied was stored by a majority.
  if (s.etcd.appliedIndex < tr.appliedIndex) return `applied index went back from ${tr.appliedIndex} to ${s.etcd.appliedIndex}`;
  if (s.etcd.revision < tr.revision) return `revision went back from ${tr.revision} to ${s.etcd.revision}`;
  if (s.etcd.appliedIndex > tr.appliedIndex && s.etcd.order.length > 0) {
    const idx = s.etcd.appliedIndex;
    const term = tr.committed.get(idx);
    let holders = 0;
    for (const id of s.etcd.order) {
      const m = s.etcd.members[id];
      const t = entryTerm(m, idx);
      if ((t !== undefined && (term === undefined || t === term)) || m.snapshotIndex > idx) holders++;
    }
    if (holders < quorumOf(s.etcd.order.length)) return `entry ${idx} was applied but only ${holders} of ${s.etcd.order.length} members store it`;
  }
  tr.appliedIndex = s.etcd.appliedIndex;
  tr.revision = s.etcd.revision;
  // 4. At most one process acts as leader per lease (the client-go margin: 12 s to step down < 15 s to take over).
  for (const c of ['controller-manager', 'scheduler'] as const) {
    const leaders = Object.keys(s.masters).filter((id) => nodeUp(s, id) && s.masters[id].electors[c].state === 'running' && s.masters[id].electors[c].leading);
    if (leaders.length > 1) return `two ${c} leaders at once: ${leaders.join(', ')}`;
  }
  // 5. Never more pods than desired.
  const pods = Object.keys(s.workloads.pods).length;
  if (pods > s.workloads.desired) return `${pods} pods exist but only ${s.workloads.desired} are desired`;
  return null;
}
