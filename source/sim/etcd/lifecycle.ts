// Members stopping (with leadership transfer), crashing, starting, joining and leaving.
import type { EtcdMember, State } from '../types.js';
import { emit, causeOf } from '../events.js';
import { reachable, serving, quorum } from './cluster.js';
import { reset } from './roles.js';
import { lastIndex } from './log.js';
import { newOutbox, send } from './messages.js';
import { bcastAppend, maybeCommit, sendAppend } from './replication.js';
import { createMember } from './member.js';
import { deliver } from './deliver.js';
import { post } from './wire.js';
import { settle } from './tick.js';

/** What a process loses when it stops: everything but the persisted HardState and log. */
function dropVolatile(s: State, m: EtcdMember): void {
  reset(s, m, m.term);
  m.role = 'follower';
  m.noLeaderTicks = 0;
}

/**
 * etcd TransferLeadership: the most up-to-date reachable follower is brought up to date and
 * told to campaign at once (MsgTimeoutNow), ignoring leader leases. Returns the new leader.
 */
export function transferLeadership(s: State, id: string): string | null {
  const m = s.etcd.members[id];
  if (!m || m.role !== 'leader' || !serving(s, id)) return null;
  let target: string | null = null;
  let best = -1;
  for (const pid of s.etcd.order) {
    if (pid === id || !serving(s, pid) || !reachable(s, id, pid)) continue;
    const match = m.progress[pid]?.match ?? 0;
    if (match > best) {
      best = match;
      target = pid;
    }
  }
  if (target === null) return null;
  const oldTerm = m.term;
  m.leadTransferee = target;
  // The handover is quick (a round trip or two): it is played out at once, without latency.
  const out = newOutbox();
  if (best === lastIndex(m)) send(out, 'timeoutNow', id, target, m.term);
  else sendAppend(m, target, out); // the append response sends MsgTimeoutNow once it matches
  deliver(s, out);
  const t = s.etcd.members[target];
  const now = s.etcd.members[id];
  if (t.role === 'leader') {
    emit(s, 'etcd.leadership_transferred', target,
      `etcd leader ${id} handed leadership over to ${target} before stopping (TransferLeadership): ${target} leads term ${t.term}, with no election timeout to wait for.`,
      causeOf(s, `etcd.member:${id}`, 'etcd.member'), { from: id, to: target, term: t.term, oldTerm });
    return target;
  }
  if (now.role === 'leader') now.leadTransferee = null; // abort
  return null;
}

/** Graceful stop (SIGTERM): a leader with other voters transfers leadership first. */
export function stopMember(s: State, id: string): void {
  const m = s.etcd.members[id];
  if (!m) return;
  if (m.role === 'leader' && s.etcd.order.length > 1) transferLeadership(s, id);
  const now = s.etcd.members[id];
  now.running = false;
  dropVolatile(s, now);
  settle(s, false);
}

/** Hard kill or power loss: no goodbye. Others notice by missing heartbeats. */
export function crashMember(s: State, id: string): void {
  const m = s.etcd.members[id];
  if (!m) return;
  m.running = false;
  dropVolatile(s, m);
}

/** Process (re)start: term, vote, log and commit persist (HardState); the rest starts over. */
export function startMember(s: State, id: string): void {
  const m = s.etcd.members[id];
  if (!m) return;
  m.running = true;
  dropVolatile(s, m);
}

/** etcd PreVote flag (--pre-vote): off in 3.4, on from 3.5. */
export function setPreVote(s: State, enabled: boolean): void {
  s.config.knobs.preVote = enabled;
}

/** `etcdctl member add`: a new voter, empty, catching up by snapshot. Quorum grows at once. */
export function addMember(s: State, id: string, host: string): void {
  if (s.etcd.members[id]) return;
  const m = createMember(s, id, host, [...s.etcd.order, id]);
  s.etcd.members[id] = m;
  s.etcd.order.push(id);
  for (const oid of s.etcd.order) {
    const o = s.etcd.members[oid];
    // etcd marks a new peer recently active so CheckQuorum does not fire before it is contacted.
    if (o.role === 'leader' && oid !== id) o.progress[id] = { match: 0, next: lastIndex(o) + 1, recentActive: true };
  }
  const n = s.etcd.order.length;
  emit(s, 'etcd.member_added', id,
    `etcd member ${id} joined as a voter on ${host}: the cluster now has ${n} voters and needs ${quorum(s)} for quorum. It starts empty and catches up from the leader (snapshot, then log).`,
    causeOf(s, 'etcd.member'), { voters: n, quorum: quorum(s) });
}

/** `etcdctl member remove`: gone from every member's configuration at once. */
export function removeMember(s: State, id: string): void {
  const m = s.etcd.members[id];
  if (!m) return;
  const wasLeader = m.role === 'leader' && m.running;
  const term = m.term;
  delete s.etcd.members[id];
  s.etcd.order = s.etcd.order.filter((x) => x !== id);
  const out = newOutbox();
  for (const oid of s.etcd.order) {
    const o = s.etcd.members[oid];
    if (o.progress[id]) delete o.progress[id];
    if (o.votes[id] !== undefined) delete o.votes[id];
    if (o.leader === id) o.leader = null;
    if (o.role === 'leader') {
      if (o.leadTransferee === id) o.leadTransferee = null;
      // A smaller quorum may commit what was waiting.
      if (serving(s, oid) && maybeCommit(s, o)) bcastAppend(s, o, out);
    }
  }
  const n = s.etcd.order.length;
  emit(s, 'etcd.member_removed', id,
    `etcd member ${id} was removed: the cluster now has ${n} voter${n === 1 ? '' : 's'} and needs ${n ? quorum(s) : 0} for quorum.`,
    causeOf(s, 'etcd.member'), { voters: n, quorum: n ? quorum(s) : 0 });
  if (wasLeader) {
    emit(s, 'etcd.leader_stepped_down', id, `etcd member ${id} stopped being leader: it was removed from the cluster; the others elect a new leader after their election timeout.`,
      null, { term, reason: 'removed from the cluster' });
  }
  post(s, out, s.t);
  if (n) settle(s, false);
}
