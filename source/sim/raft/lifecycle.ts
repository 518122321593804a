// Members starting, stopping (with leadership transfer), crashing, joining and leaving.
import type { State } from '../types.js';
import { Bus, reach, serving } from './messages.js';
import { becomeFollower } from './roles.js';
import { lastIndex } from './log.js';
import { sendAppend } from './replication.js';
import { createMember } from './member.js';
import { deliver, updateClusterView } from './tick.js';
import { emit } from '../events.js';

/** etcd's Stop(): a leader transfers leadership to the most up-to-date follower first. */
export function stopMember(s: State, id: string): void {
  const m = s.etcd.members[id];
  if (!m) return;
  if (m.role === 'leader' && serving(s, id) && s.etcd.order.length > 1) {
    let target: string | null = null;
    let best = -1;
    for (const pid of s.etcd.order) {
      if (pid === id || !serving(s, pid) || !reach(s, id, pid)) continue;
      const match = m.progress[pid]?.match ?? 0;
      if (match > best) { best = match; target = pid; }
    }
    if (target) {
      m.leadTransferee = target;
      const bus = new Bus();
      const pr = m.progress[target];
      if (pr && pr.match === lastIndex(m)) bus.send({ type: 'timeoutNow', from: id, to: target, term: m.term, index: 0, logTerm: 0 });
      else sendAppend(m, target, bus);
      deliver(s, bus);
      const now = s.etcd.members[target];
      if (now.role === 'leader') {
        emit(s, 'etcd.leadership_transferred', target, `etcd leader ${id} is stopping gracefully and handed leadership to ${target} (term ${now.term}) at once: no election timeout to wait for.`, null, { from: id, term: now.term });
      }
    }
  }
  m.running = false;
  updateClusterView(s);
}

export function crashMember(s: State, id: string): void {
  const m = s.etcd.members[id];
  if (!m) return;
  m.running = false;
  updateClusterView(s);
}

/** Restart: term, vote, log and commit index persist (HardState + WAL); the rest is volatile. */
export function startMember(s: State, id: string): void {
  const m = s.etcd.members[id];
  if (!m) return;
  m.running = true;
  becomeFollower(s, m, m.term, null);
  m.noLeaderTicks = 0;
}

export function addMember(s: State, id: string, host: string): void {
  if (s.etcd.members[id]) return;
  const m = createMember(s, id, host, [...s.etcd.order, id]);
  s.etcd.members[id] = m;
  s.etcd.order.push(id);
  emit(s, 'etcd.member_added', id, `etcd member ${id} joined the cluster (${s.etcd.order.length} voters, quorum ${Math.floor(s.etcd.order.length / 2) + 1}); it catches up from a snapshot of the leader.`);
}

export function removeMember(s: State, id: string): void {
  if (!s.etcd.members[id]) return;
  delete s.etcd.members[id];
  s.etcd.order = s.etcd.order.filter((x) => x !== id);
  for (const oid of s.etcd.order) {
    const o = s.etcd.members[oid];
    delete o.progress[id];
    delete o.votes[id];
    if (o.leader === id) o.leader = null;
  }
  emit(s, 'etcd.member_removed', id, `etcd member ${id} was removed from the cluster (${s.etcd.order.length} voters left).`);
  updateClusterView(s);
}
