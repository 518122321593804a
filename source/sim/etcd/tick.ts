// One tick for every serving member: followers and candidates count towards an election,
// leaders send heartbeats and check their quorum. Messages are delivered before it returns.
import type { EtcdMember, State } from '../types.js';
import { electionTicks, heartbeatTicks, serving } from './cluster.js';
import { campaign } from './election.js';
import { newOutbox, type Outbox } from './messages.js';
import { bcastHeartbeat } from './replication.js';
import { stepDown } from './roles.js';
import { deliver } from './deliver.js';
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

/**
 * Every member's clock advances together; then, in member order, those past their randomized
 * election timeout campaign, each campaign delivered at once (one that times out in the same tick
 * hears the earlier candidate first, like members whose ticks are out of phase); then leaders
 * send heartbeats. So a follower's elapsed count is 0 after a tick in which it heard its leader,
 * and a crashed leader is noticed after exactly the randomized timeout.
 */
export function tickEtcd(s: State): void {
  const out = newOutbox();
  const order = s.etcd.order;
  const members = s.etcd.members;
  let due = false;
  for (let i = 0; i < order.length; i++) {
    const m = members[order[i]];
    if (m.role === 'leader' || !serving(s, m.id)) continue;
    tickElection(m);
    if (m.electionElapsed >= m.randomizedElectionTimeout) due = true;
  }
  if (due) {
    for (let i = 0; i < order.length; i++) {
      const m = members[order[i]];
      if (!serving(s, m.id)) continue;
      maybeCampaign(s, m, out);
      if (out.length) deliver(s, out);
    }
  }
  for (let i = 0; i < order.length; i++) {
    const m = members[order[i]];
    if (m.role === 'leader' && serving(s, m.id)) tickHeartbeat(s, m, out);
  }
  if (out.length) deliver(s, out);
  settle(s, true);
}

/** After messages were delivered: apply commits, refresh what others read, emit cluster events. */
export function settle(s: State, countTick: boolean): void {
  applyCommitted(s);
  updateClusterView(s);
  refreshMembers(s, countTick);
}
