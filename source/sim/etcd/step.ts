// etcd raft's Step: the term rules first, then what each role does with a message.
import type { EtcdMember, State } from '../types.js';
import { emit, causeOf } from '../events.js';
import { campaign, handleVoteRequest, handleVoteResponse, inLease } from './election.js';
import { becomeFollower, stepDown } from './roles.js';
import { send, type Msg, type Outbox } from './messages.js';
import {
  handleAppendEntries, handleAppendResponse, handleHeartbeat, handleHeartbeatResponse, handleSnapshot,
} from './replication.js';

export function step(s: State, m: EtcdMember, msg: Msg, out: Outbox): void {
  const t = msg.type;
  if (msg.term > m.term) {
    if (t === 'vote' || t === 'preVote') {
      // CheckQuorum is always on: within the lease, a vote request of a higher term is ignored,
      // unless it is a leadership-transfer campaign.
      if (!msg.transfer && inLease(s, m)) return;
    }
    if (t === 'preVote' || (t === 'preVoteResp' && !msg.reject)) {
      // A pre-vote never changes anybody's term.
    } else {
      const fromLeader = t === 'app' || t === 'heartbeat' || t === 'snap';
      if (m.role === 'leader') {
        const transfer = t === 'vote' && msg.transfer;
        if (!transfer && (t === 'appResp' || t === 'heartbeatResp')) {
          const ev = emit(s, 'etcd.term_bumped_by_rejoin', msg.from,
            `etcd member ${msg.from} came back with term ${msg.term}, higher than leader ${m.id}'s term ${m.term}: it kept starting elections while it was cut off (PreVote is off, the etcd 3.4 default). The leader must step down and the cluster holds a new election.`,
            causeOf(s, 'network', 'etcd.member'), { term: msg.term, leaderTerm: m.term, leader: m.id });
          s.causes['etcd.rejoin'] = ev;
        }
        stepDown(s, m, msg.term, fromLeader ? msg.from : null,
          transfer ? 'transferred leadership' : `saw higher term ${msg.term}`);
      } else {
        becomeFollower(s, m, msg.term, fromLeader ? msg.from : null);
      }
    }
  } else if (msg.term < m.term) {
    if (t === 'heartbeat' || t === 'app') {
      // Tell the stale leader about our term so it steps down (checkQuorum / preVote).
      send(out, 'appResp', m.id, msg.from, m.term);
    } else if (t === 'preVote') {
      const r = send(out, 'preVoteResp', m.id, msg.from, m.term);
      r.reject = true;
    }
    return;
  }

  switch (t) {
    case 'vote':
    case 'preVote':
      handleVoteRequest(s, m, msg, out);
      return;
  }

  switch (m.role) {
    case 'leader':
      if (t === 'appResp') handleAppendResponse(s, m, msg, out);
      else if (t === 'heartbeatResp') handleHeartbeatResponse(m, msg, out);
      return;
    case 'precandidate':
    case 'candidate':
      if (t === 'app' || t === 'heartbeat' || t === 'snap') {
        becomeFollower(s, m, msg.term, msg.from);
        followerStep(s, m, msg, out);
      } else if (t === 'voteResp' || t === 'preVoteResp') {
        handleVoteResponse(s, m, msg, out);
      }
      return;
    case 'follower':
      followerStep(s, m, msg, out);
      return;
  }
}

function followerStep(s: State, m: EtcdMember, msg: Msg, out: Outbox): void {
  switch (msg.type) {
    case 'app':
      m.electionElapsed = 0;
      if (m.leader !== msg.from) m.leader = msg.from;
      handleAppendEntries(m, msg, out);
      return;
    case 'heartbeat':
      m.electionElapsed = 0;
      if (m.leader !== msg.from) m.leader = msg.from;
      handleHeartbeat(m, msg, out);
      return;
    case 'snap':
      m.electionElapsed = 0;
      if (m.leader !== msg.from) m.leader = msg.from;
      handleSnapshot(m, msg, out);
      return;
    case 'timeoutNow':
      // The leader hands over: campaign at once, skipping PreVote and ignoring leases.
      if (s.etcd.order.indexOf(m.id) >= 0) campaign(s, m, 'real', out, true);
      return;
    default:
      return;
  }
}
