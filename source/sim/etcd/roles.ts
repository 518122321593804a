// Role changes (etcd raft's becomeFollower / becomePreCandidate / becomeCandidate / becomeLeader).
import type { EtcdMember, State } from '../types.js';
import { emit, causeOf } from '../events.js';
import { resetRandomizedElectionTimeout, voters } from './cluster.js';
import { lastIndex } from './log.js';

/** etcd's reset(term): new term forgets the vote; timers, votes and progress start over. */
/** Volatile state back to a fresh start at `term` (the vote is kept when the term does not change). */
export function reset(s: State, m: EtcdMember, term: number): void {
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

/**
 * A leader (or anyone) turning follower, with the reason told when it was leading.
 * Returns the id of the step-down event, if one was emitted.
 */
export function stepDown(s: State, m: EtcdMember, term: number, leader: string | null, reason: string, detail = ''): string | null {
  const wasLeader = m.role === 'leader';
  const oldTerm = m.term;
  becomeFollower(s, m, term, leader);
  if (!wasLeader) return null;
  return emit(s, 'etcd.leader_stepped_down', m.id,
    `etcd member ${m.id} stopped being leader of term ${oldTerm}: ${detail || reason}.`,
    causeOf(s, 'etcd.quorum', 'etcd.member', 'network'), { term: oldTerm, reason });
}

/** PreVote: ask first, without touching the term or the vote (that is the point). */
export function becomePreCandidate(m: EtcdMember): void {
  m.role = 'precandidate';
  m.votes = {};
  m.leader = null;
}

export function becomeCandidate(s: State, m: EtcdMember): void {
  reset(s, m, m.term + 1);
  m.role = 'candidate';
  m.vote = m.id;
}

export function becomeLeader(s: State, m: EtcdMember, votes: number): void {
  reset(s, m, m.term);
  m.role = 'leader';
  m.leader = m.id;
  // The leader's own progress is its log; everyone else is probed from the end of it.
  const next = lastIndex(m) + 1;
  for (const id of voters(s)) {
    m.progress[id] = id === m.id
      ? { match: next - 1, next, recentActive: true }
      : { match: 0, next, recentActive: false };
  }
  // An empty entry of its own term: entries of older terms commit only under one of the current term.
  m.log.push({ term: m.term, index: next });
  m.progress[m.id].match = next;
  m.progress[m.id].next = next + 1;
  const n = voters(s).length;
  emit(s, 'etcd.leader_elected', m.id,
    `etcd member ${m.id} won the election for term ${m.term} with ${votes} of ${n} votes; it now sends heartbeats every ${s.config.knobs.etcdHeartbeatMs} ms and all writes go through it.`,
    causeOf(s, 'etcd.quorum', 'etcd.member', 'network'), { term: m.term, votes, voters: n });
}
