// The members' raft clocks: followers and candidates count towards an election, leaders send
// heartbeats and check their quorum; each member on its own phase, messages with latency.
import type { EtcdMember, Ms, State } from '../types.js';
import { electionTicks, heartbeatTicks, serving } from './cluster.js';
import { campaign } from './election.js';
import { newOutbox, type Outbox } from './messages.js';
import { bcastAppend, bcastHeartbeat } from './replication.js';
import { stepDown } from './roles.js';
import { post, deliverNext } from './wire.js';
import { applyCommitted } from './apply.js';
import { refreshMembers, updateClusterView } from './view.js';

/** Followers and candidates: one more tick without hearing from a leader. */
export function tickElection(m: EtcdMember): void {
  m.electionElapsed++;
}

/** etcd's pastElectionTimeout → MsgHup: campaign (PreVote first when enabled). */
export function maybeCampaign(s: State, m: EtcdMember, out: Outbox): void {
  if (m.role === 'leader' || m.electionElapsed < m.randomizedElectionTimeout) return;
  if (s.etcd.order.indexOf(m.id) < 0) return; // not promotable
  m.electionElapsed = 0;
  campaign(s, m, s.config.knobs.preVote ? 'pre' : 'real', out);
}

/** CheckQuorum (always on in etcd): step down unless a quorum of voters was recently active. */
export function checkQuorum(s: State, m: EtcdMember): void {
  let active = 0;
  const order = s.etcd.order;
  for (const id of order) {
    if (id === m.id || m.progress[id]?.recentActive) active++;
  }
  if (active < Math.floor(order.length / 2) + 1) {
    stepDown(s, m, m.term, null, 'quorum not active (CheckQuorum)',
      `only ${active} of ${order.length} members (itself included) answered within the last election timeout, fewer than a majority, so it stops accepting writes (CheckQuorum)`);
    return;
  }
  for (const id of order) {
    const pr = m.progress[id];
    if (id !== m.id && pr && pr.recentActive) pr.recentActive = false;
  }
}

/** Leaders: heartbeat every heartbeat tick; CheckQuorum every election timeout. */
export function tickHeartbeat(s: State, m: EtcdMember, out: Outbox): void {
  m.heartbeatElapsed++;
  m.electionElapsed++;
  if (m.electionElapsed >= electionTicks(s)) {
    m.electionElapsed = 0;
    checkQuorum(s, m);
    if (m.role === 'leader' && m.leadTransferee !== null) m.leadTransferee = null; // transfer timed out
  }
  if (m.role !== 'leader') return;
  if (m.heartbeatElapsed >= heartbeatTicks(s)) {
    m.heartbeatElapsed = 0;
    bcastHeartbeat(s, m, out);
  }
}

/** One raft tick of one member, at its own time: count towards an election, or lead. */
function tickMember(s: State, m: EtcdMember, out: Outbox): void {
  if (m.role === 'leader') {
    tickHeartbeat(s, m, out);
    return;
  }
  tickElection(m);
  maybeCampaign(s, m, out);
}

/** Event times are kept to the microsecond, so printed times stay short. */
function toMicros(t: Ms): Ms {
  return Math.round(t * 1000) / 1000;
}

/** The member whose raft clock ticks first within the window, or null. */
function nextMemberTick(s: State, end: Ms): EtcdMember | null {
  const e = s.etcd;
  let next: EtcdMember | null = null;
  for (let i = 0; i < e.order.length; i++) {
    const m = e.members[e.order[i]];
    if (m.nextTickAt <= end && (next === null || m.nextTickAt < next.nextTickAt)) next = m;
  }
  return next;
}

/** Proposals taken since the last step go out now, one append per follower and leader (etcd batches them). */
function flushProposals(s: State, at: Ms, out: Outbox): void {
  const e = s.etcd;
  if (e.unsent.length === 0) return;
  const t = s.t;
  s.t = at;
  for (const id of e.unsent) {
    const l = e.members[id];
    if (!l || l.role !== 'leader' || !serving(s, id)) continue;
    bcastAppend(s, l, out);
    post(s, out, at);
  }
  e.unsent = [];
  s.t = t;
}

/** Bound on the events one simulation tick may process, so a bug can never hang a tick. */
export const MAX_EVENTS_PER_TICK = 100_000;

/**
 * The etcd members over one simulation tick (s.t − tickMs, s.t]: every member's raft clock ticks
 * every heartbeat interval at its own phase, and messages arrive after their latency (wire.ts).
 * These events run in time order, each at its exact millisecond: while one runs, s.t is its time,
 * so the events it emits carry that time. A follower's randomized election timeout counts from
 * the last message it got from the leader, in its own ticks.
 */
export function tickEtcd(s: State): void {
  const end = s.t;
  const out = newOutbox();
  const e = s.etcd;
  const hb = s.config.knobs.etcdHeartbeatMs;
  flushProposals(s, end - s.config.tickMs, out);
  let next = nextMemberTick(s, end);
  for (let n = 0; n < MAX_EVENTS_PER_TICK; n++) {
    const w = e.wire.length ? e.wire[0] : null;
    const wireAt = w !== null && w.at <= end ? w.at : Infinity;
    if (next === null && wireAt === Infinity) break;
    // Only one member changes per event: the one that ticks or receives.
    // (A message may be for the very member that ticks next: tell the two apart by time, not by member.)
    const isTick = next !== null && next.nextTickAt < wireAt;
    const m = isTick ? next! : e.members[w!.msg.to];
    const role = m?.role;
    const term = m?.term;
    const commit = m?.commitIndex;
    if (isTick) {
      s.t = toMicros(m.nextTickAt);
      m.nextTickAt += hb;
      next = nextMemberTick(s, end);
      if (!serving(s, m.id)) continue;
      tickMember(s, m, out);
      if (out.length) post(s, out, s.t);
    } else {
      s.t = toMicros(wireAt);
      deliverNext(s, out);
    }
    if (!m) continue;
    if (m.commitIndex !== commit) applyCommitted(s);
    if (m.role !== role || m.term !== term) updateClusterView(s);
  }
  s.t = end;
  settle(s, true);
}

/** After messages were delivered: apply commits, refresh what others read, emit cluster events. */
export function settle(s: State, countTick: boolean): void {
  applyCommitted(s);
  updateClusterView(s);
  refreshMembers(s, countTick);
}
