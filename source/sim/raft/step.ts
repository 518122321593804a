// Step: how a member handles one message (etcd raft's Step / stepLeader / stepCandidate / stepFollower).
import type { EtcdMember, State } from '../types.js';
import type { Bus, Msg } from './messages.js';
import { becomeFollower, becomeLeader } from './roles.js';
import { electionTicks, quorum, voters } from './timing.js';
import { isUpToDate, lastIndex } from './log.js';
import { bcastAppend, handleAppend, handleHeartbeat, handleSnapshot, maybeCommit, sendAppend } from './replication.js';
import { campaign } from './campaign.js';
import { emit, causeOf } from '../events.js';

/** With CheckQuorum, a member that heard from a leader within the election timeout ignores votes. */
function inLease(s: State, m: EtcdMember): boolean {
  return m.leader !== null && m.electionElapsed < electionTicks(s);
}

function stepDownFromHigherTerm(s: State, m: EtcdMember, msg: Msg): void {
  const wasLeader = m.role === 'leader';
  const lead = msg.type === 'app' || msg.type === 'heartbeat' || msg.type === 'snap' ? msg.from : null;
  if (wasLeader) {
    const id = emit(s, 'etcd.leader_stepped_down', m.id,
      `etcd leader ${m.id} stepped down: ${msg.from} sent term ${msg.term}, higher than its ${m.term}` +
      (s.config.knobs.preVote ? '.' : ' (without PreVote, a member that was cut off keeps raising its term and disrupts the leader when it returns).'),
      causeOf(s, 'network'), { term: msg.term, reason: 'higher term' });
    if (!s.config.knobs.preVote && (msg.type === 'appResp' || msg.type === 'heartbeatResp' || msg.type === 'vote')) {
      emit(s, 'etcd.term_bumped_by_rejoin', msg.from, `${msg.from} rejoined with term ${msg.term} and forced an election (the etcd 3.4 behaviour, PreVote off).`, id, { term: msg.term });
    }
  }
  becomeFollower(s, m, msg.term, lead);
}

export function step(s: State, msg: Msg, bus: Bus): void {
  const m = s.etcd.members[msg.to];
  if (msg.term > m.term) {
    if (msg.type === 'vote' || msg.type === 'preVote') {
      if (!msg.transfer && inLease(s, m)) return; // leader lease: ignore the disruptive candidate
    }
    if (msg.type === 'preVote') {
      // never change our term in response to a PreVote
    } else if (msg.type === 'preVoteResp' && !msg.reject) {
      // granted pre-votes carry the future term; the campaign handles them below
    } else {
      stepDownFromHigherTerm(s, m, msg);
    }
  } else if (msg.term < m.term) {
    if (msg.type === 'heartbeat' || msg.type === 'app') {
      // Tell a stale leader about the newer term so it steps down.
      bus.send({ type: 'appResp', from: m.id, to: msg.from, term: m.term, index: 0, logTerm: 0 });
    } else if (msg.type === 'preVote') {
      bus.send({ type: 'preVoteResp', from: m.id, to: msg.from, term: m.term, index: 0, logTerm: 0, reject: true });
    }
    return;
  }

  if (msg.type === 'vote' || msg.type === 'preVote') {
    const canVote = m.vote === msg.from || (m.vote === null && m.leader === null) || (msg.type === 'preVote' && msg.term > m.term);
    const resp = msg.type === 'vote' ? 'voteResp' : 'preVoteResp';
    if (canVote && isUpToDate(m, msg.index, msg.logTerm)) {
      bus.send({ type: resp, from: m.id, to: msg.from, term: msg.term, index: 0, logTerm: 0, reject: false });
      if (msg.type === 'vote') {
        m.electionElapsed = 0;
        m.vote = msg.from;
      }
    } else {
      bus.send({ type: resp, from: m.id, to: msg.from, term: m.term, index: 0, logTerm: 0, reject: true });
    }
    return;
  }

  switch (m.role) {
    case 'leader': return stepLeader(s, m, msg, bus);
    case 'candidate':
    case 'precandidate': return stepCandidate(s, m, msg, bus);
    case 'follower': return stepFollower(s, m, msg, bus);
  }
}

function stepLeader(s: State, m: EtcdMember, msg: Msg, bus: Bus): void {
  const pr = m.progress[msg.from];
  if (!pr) return;
  if (msg.type === 'appResp') {
    pr.recentActive = true;
    if (msg.reject) {
      pr.next = Math.max(1, Math.min(msg.index + 1, pr.next - 1));
      sendAppend(m, msg.from, bus);
      return;
    }
    if (msg.index > pr.match) {
      pr.match = msg.index;
      pr.next = msg.index + 1;
      if (maybeCommit(s, m)) bcastAppend(s, m, bus);
      else if (pr.match < lastIndex(m)) sendAppend(m, msg.from, bus);
    } else if (pr.match < lastIndex(m) && pr.next <= lastIndex(m) && msg.index + 1 >= pr.next) {
      sendAppend(m, msg.from, bus);
    }
    if (m.leadTransferee === msg.from && pr.match === lastIndex(m)) {
      bus.send({ type: 'timeoutNow', from: m.id, to: msg.from, term: m.term, index: 0, logTerm: 0 });
    }
  } else if (msg.type === 'heartbeatResp') {
    pr.recentActive = true;
    if (pr.match < lastIndex(m)) sendAppend(m, msg.from, bus);
  }
}

function stepCandidate(s: State, m: EtcdMember, msg: Msg, bus: Bus): void {
  const myResp = m.role === 'precandidate' ? 'preVoteResp' : 'voteResp';
  switch (msg.type) {
    case 'app':
      becomeFollower(s, m, msg.term, msg.from);
      return handleAppend(m, msg, bus);
    case 'heartbeat':
      becomeFollower(s, m, msg.term, msg.from);
      return handleHeartbeat(m, msg, bus);
    case 'snap':
      becomeFollower(s, m, msg.term, msg.from);
      return handleSnapshot(m, msg, bus);
    default:
      if (msg.type !== myResp) return;
      m.votes[msg.from] = !msg.reject;
      let granted = 0;
      let rejected = 0;
      for (const v of Object.values(m.votes)) v ? granted++ : rejected++;
      const q = quorum(s);
      if (granted >= q) {
        if (m.role === 'precandidate') campaign(s, m, 'election', bus, false);
        else {
          becomeLeader(s, m);
          bcastAppend(s, m, bus);
        }
      } else if (rejected > voters(s).length - q) {
        becomeFollower(s, m, m.term, null);
      }
  }
}

function stepFollower(s: State, m: EtcdMember, msg: Msg, bus: Bus): void {
  switch (msg.type) {
    case 'app':
      m.electionElapsed = 0;
      m.leader = msg.from;
      return handleAppend(m, msg, bus);
    case 'heartbeat':
      m.electionElapsed = 0;
      m.leader = msg.from;
      return handleHeartbeat(m, msg, bus);
    case 'snap':
      m.electionElapsed = 0;
      m.leader = msg.from;
      return handleSnapshot(m, msg, bus);
    case 'timeoutNow':
      // Leadership transfer: campaign at once, without PreVote, ignoring leases.
      return campaign(s, m, 'election', bus, true);
  }
}
