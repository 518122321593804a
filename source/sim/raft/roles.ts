// Role changes of a member (etcd raft's becomeFollower / becomePreCandidate / becomeCandidate / becomeLeader).
import type { EtcdMember, State } from '../types.js';
import { resetRandomizedElectionTimeout, voters } from './timing.js';
import { lastIndex } from './log.js';
import { emit, causeOf } from '../events.js';

function reset(s: State, m: EtcdMember, term: number): void {
  if (m.term !== term) {
    m.term = term;
    m.vote = null;
  }
  m.leader = null;
  m.electionElapsed = 0;
  m.heartbeatElapsed = 0;
  resetRandomizedElectionTimeout(s, m);
  m.votes = {};
  m.progress = {};
  m.leadTransferee = null;
}

export function becomeFollower(s: State, m: EtcdMember, term: number, leader: string | null): void {
  reset(s, m, term);
  m.role = 'follower';
  m.leader = leader;
}

export function becomePreCandidate(m: EtcdMember): void {
  // Does not change the term or the vote: that is the point of PreVote.
  m.role = 'precandidate';
  m.votes = {};
  m.leader = null;
}

export function becomeCandidate(s: State, m: EtcdMember): void {
  reset(s, m, m.term + 1);
  m.vote = m.id;
  m.role = 'candidate';
}

export function becomeLeader(s: State, m: EtcdMember): void {
  const granted = Object.values(m.votes).filter(Boolean).length;
  reset(s, m, m.term);
  m.role = 'leader';
  m.leader = m.id;
  const next = lastIndex(m) + 1;
  for (const id of voters(s)) {
    if (id === m.id) continue;
    m.progress[id] = { match: 0, next, recentActive: false };
  }
  // A new leader appends an empty entry of its term; committing it commits everything before.
  m.log.push({ term: m.term, index: next });
  m.progress[m.id] = { match: next, next: next + 1, recentActive: true };
  emit(s, 'etcd.leader_elected', m.id,
    `etcd member ${m.id} won the election for term ${m.term}${granted ? ` with ${granted} of ${voters(s).length} votes` : ''}: it now orders every write.`,
    causeOf(s, 'etcd.member', 'network'), { term: m.term });
}
