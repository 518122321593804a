// Elections: a PreVote round (etcd 3.5+ default) or a real one, with the up-to-date check on votes.
import type { EtcdMember, State } from '../types.js';
import type { Bus } from './messages.js';
import { becomeCandidate, becomeLeader, becomePreCandidate } from './roles.js';
import { quorum, voters } from './timing.js';
import { lastIndex, lastTerm } from './log.js';
import { bcastAppend, maybeCommit } from './replication.js';
import { emit, causeOf } from '../events.js';

export function campaign(s: State, m: EtcdMember, kind: 'preElection' | 'election', bus: Bus, transfer: boolean): void {
  const hadLeader = m.leader;
  let term: number;
  if (kind === 'preElection') {
    becomePreCandidate(m);
    term = m.term + 1;
  } else {
    becomeCandidate(s, m);
    term = m.term;
    emit(s, 'etcd.election_started', m.id,
      transfer
        ? `etcd member ${m.id} campaigns for term ${term} at once: the leader is handing leadership over to it.`
        : `etcd member ${m.id} heard no leader for its election timeout and starts an election for term ${term}.`,
      causeOf(s, 'etcd.member', 'network'), { term, prevote: false });
  }
  if (kind === 'preElection' && hadLeader !== null) {
    emit(s, 'etcd.election_started', m.id,
      `etcd member ${m.id} lost contact with leader ${hadLeader} and asks for pre-votes (PreVote: its term stays ${m.term} unless a majority would elect it).`,
      causeOf(s, 'etcd.member', 'network'), { term, prevote: true });
  }
  m.votes[m.id] = true;
  if (quorum(s) <= 1) {
    if (kind === 'preElection') return campaign(s, m, 'election', bus, transfer);
    becomeLeader(s, m);
    maybeCommit(s, m); // alone, its own log is the majority
    bcastAppend(s, m, bus);
    return;
  }
  const type = kind === 'preElection' ? 'preVote' : 'vote';
  const li = lastIndex(m);
  const lt = lastTerm(m);
  for (const id of voters(s)) {
    if (id === m.id) continue;
    bus.send({ type, from: m.id, to: id, term, index: li, logTerm: lt, transfer: transfer || undefined });
  }
}
