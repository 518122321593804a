// One tick of every serving member: election and heartbeat timers (tickElection / tickHeartbeat
// with CheckQuorum), message delivery, apply, and cluster-level events.
import type { EtcdMember, State } from '../types.js';
import { Bus, drain, reach, serving } from './messages.js';
import { step } from './step.js';
import { campaign } from './campaign.js';
import { becomeFollower } from './roles.js';
import { electionTicks, heartbeatTicks, quorum, voters } from './timing.js';
import { applyCommitted, bcastHeartbeat } from './replication.js';
import { clusterStatus } from './status.js';
import { emit, causeOf, setCause } from '../events.js';

function tickElection(s: State, m: EtcdMember, bus: Bus): void {
  m.electionElapsed++;
  if (m.electionElapsed >= m.randomizedElectionTimeout) {
    m.electionElapsed = 0;
    campaign(s, m, s.config.knobs.preVote ? 'preElection' : 'election', bus, false);
  }
}

function tickHeartbeat(s: State, m: EtcdMember, bus: Bus): void {
  m.heartbeatElapsed++;
  m.electionElapsed++;
  if (m.electionElapsed >= electionTicks(s)) {
    m.electionElapsed = 0;
    // CheckQuorum: step down unless a quorum of voters was active in the last election timeout.
    let active = 0;
    for (const id of voters(s)) {
      if (id === m.id) active++;
      else if (m.progress[id]?.recentActive) active++;
    }
    if (active < quorum(s)) {
      const id = emit(s, 'etcd.leader_stepped_down', m.id,
        `etcd leader ${m.id} stepped down: it heard from only ${active} of ${voters(s).length} members in the last election timeout (CheckQuorum). A leader without a majority cannot commit anything.`,
        causeOf(s, 'network', 'etcd.member'), { term: m.term, reason: 'quorum not active' });
      setCause(s, 'etcd.stepdown', id);
      becomeFollower(s, m, m.term, null);
      return;
    }
    for (const id of voters(s)) if (id !== m.id && m.progress[id]) m.progress[id].recentActive = false;
    if (m.leadTransferee !== null) m.leadTransferee = null; // transfer timed out
  }
  if (m.heartbeatElapsed >= heartbeatTicks(s)) {
    m.heartbeatElapsed = 0;
    bcastHeartbeat(s, m, bus);
  }
}

export function deliver(s: State, bus: Bus): void {
  drain(s, bus, step);
  applyCommitted(s);
}

export function tickEtcd(s: State): void {
  const bus = new Bus();
  for (const id of s.etcd.order) {
    if (!serving(s, id)) continue;
    const m = s.etcd.members[id];
    if (m.role === 'leader') tickHeartbeat(s, m, bus);
    else tickElection(s, m, bus);
    // Deliver after each member so that cause and effect stay in order within the tick.
    if (bus.queue.length) deliver(s, bus);
  }
  deliver(s, bus);
  for (const id of s.etcd.order) {
    const m = s.etcd.members[id];
    const hasLeader = serving(s, id) && m.leader !== null && reach(s, id, m.leader) && s.etcd.members[m.leader]?.role === 'leader';
    const n = hasLeader ? 0 : m.noLeaderTicks + 1;
    if (n !== m.noLeaderTicks) m.noLeaderTicks = n;
  }
  updateClusterView(s);
}

/** Keeps s.etcd.leader / term and emits quorum lost / restored when they change. */
export function updateClusterView(s: State): void {
  const st = clusterStatus(s);
  const had = s.etcd.leader;
  if (st.leader !== had) {
    if (had !== null && st.leader === null) {
      const id = emit(s, 'etcd.quorum_lost', 'etcd',
        `etcd has no leader with a majority (${st.serving} of ${st.voters} members serving, ${st.quorum} needed${st.serving >= st.quorum ? ', but they cannot all reach each other' : ''}): writes and linearizable reads hang and fail after ${s.config.knobs.etcdRequestTimeoutMs / 1000} s; serializable reads still answer.`,
        causeOf(s, 'etcd.stepdown', 'etcd.member', 'network'), { serving: st.serving, voters: st.voters, quorum: st.quorum });
      setCause(s, 'etcd.quorum', id);
    } else if (had === null && st.leader !== null && s.t > 0 && s.causes['etcd.quorum']) {
      emit(s, 'etcd.quorum_restored', 'etcd', `etcd has a leader with a majority again (${st.leader}, term ${st.term}): writes work.`, causeOf(s, 'etcd.quorum'));
      delete s.causes['etcd.quorum'];
    }
    s.etcd.leader = st.leader;
  }
  if (st.term !== s.etcd.term) s.etcd.term = st.term;
}
