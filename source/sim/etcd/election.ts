// Elections: campaign (PreVote or Vote), granting votes with the up-to-date check, counting them.
import type { EtcdMember, State } from '../types.js';
import { emit, causeOf } from '../events.js';
import { electionTicks, quorum, voters } from './cluster.js';
import { isUpToDate, lastIndex, lastTerm } from './log.js';
import { send, type Msg, type Outbox } from './messages.js';
import { becomeCandidate, becomeFollower, becomeLeader, becomePreCandidate } from './roles.js';
import { bcastAppend, maybeCommit } from './replication.js';

/**
 * CheckQuorum's leader lease: a member that heard from a leader within the election timeout
 * ignores (Pre)Vote requests of higher terms (etcd raft `inLease`).
 */
export function inLease(s: State, m: EtcdMember): boolean {
  return m.leader !== null && m.electionElapsed < electionTicks(s);
}

/** etcd's campaign(): a PreVote round (term + 1 asked, not taken) or a real election. */
export function campaign(s: State, m: EtcdMember, kind: 'pre' | 'real', out: Outbox, transfer = false, announce = true): void {
  let term: number;
  if (kind === 'pre') {
    becomePreCandidate(m);
    term = m.term + 1;
  } else {
    becomeCandidate(s, m);
    term = m.term;
  }
  // A member cut off from the others campaigns every 1–2 s; say so once, then only now and then.
  const longAlone = !transfer && m.noLeaderTicks * s.config.tickMs > 2 * s.config.knobs.etcdElectionTimeoutMs;
  if (announce && longAlone && kind === 'real' && term % 5 === 0) {
    emit(s, 'etcd.election_started', m.id,
      `etcd member ${m.id} still hears no leader and keeps campaigning: its term is now ${term} (PreVote is off, so every attempt raises it).`,
      causeOf(s, 'etcd.member', 'network'), { term, prevote: false, transfer });
  }
  if (announce && !longAlone) {
    const msg = transfer
      ? `etcd member ${m.id} starts an election for term ${term} at once: the leader is handing leadership over to it.`
      : kind === 'pre'
        ? `etcd member ${m.id} heard no leader for ${m.randomizedElectionTimeout * s.config.knobs.etcdHeartbeatMs} ms and asks for pre-votes first (PreVote): its term stays ${m.term} unless a majority would elect it.`
        : `etcd member ${m.id} heard no leader for its election timeout and starts an election for term ${term} (PreVote is off: the term goes up at once).`;
    emit(s, 'etcd.election_started', m.id, msg, causeOf(s, 'etcd.member', 'network'), { term, prevote: kind === 'pre', transfer });
  }
  m.votes[m.id] = true;
  if (tally(s, m).won) {
    won(s, m, kind, out);
    return;
  }
  const li = lastIndex(m);
  const lt = lastTerm(m);
  for (const id of voters(s)) {
    if (id === m.id) continue;
    const v = send(out, kind === 'pre' ? 'preVote' : 'vote', m.id, id, term);
    v.index = li;
    v.logTerm = lt;
    v.transfer = transfer;
  }
}

function won(s: State, m: EtcdMember, kind: 'pre' | 'real', out: Outbox): void {
  if (kind === 'pre') {
    campaign(s, m, 'real', out, false, false);
  } else {
    becomeLeader(s, m, tally(s, m).granted);
    maybeCommit(s, m); // etcd's appendEntry: a single voter commits its empty entry at once
    bcastAppend(s, m, out);
  }
}

function tally(s: State, m: EtcdMember): { granted: number; won: boolean; lost: boolean } {
  const vs = voters(s);
  let granted = 0;
  let rejected = 0;
  for (const id of vs) {
    const v = m.votes[id];
    if (v === true) granted++;
    else if (v === false) rejected++;
  }
  const q = quorum(s);
  return { granted, won: granted >= q, lost: vs.length - rejected < q };
}

/** A (Pre)Vote request that passed the term checks in step(). */
export function handleVoteRequest(_s: State, m: EtcdMember, msg: Msg, out: Outbox): void {
  const pre = msg.type === 'preVote';
  const canVote = m.vote === msg.from
    || (m.vote === null && m.leader === null)
    || (pre && msg.term > m.term);
  if (canVote && isUpToDate(m, msg.index, msg.logTerm)) {
    send(out, pre ? 'preVoteResp' : 'voteResp', m.id, msg.from, msg.term);
    if (!pre) {
      m.electionElapsed = 0;
      m.vote = msg.from;
    }
  } else {
    const r = send(out, pre ? 'preVoteResp' : 'voteResp', m.id, msg.from, m.term);
    r.reject = true;
  }
}

/** A (pre)candidate counts a (pre)vote answer of its own round. */
export function handleVoteResponse(s: State, m: EtcdMember, msg: Msg, out: Outbox): void {
  const pre = msg.type === 'preVoteResp';
  if (pre !== (m.role === 'precandidate')) return;
  if (voters(s).indexOf(msg.from) < 0) return;
  if (m.votes[msg.from] !== undefined) return; // one answer per voter counts
  m.votes[msg.from] = !msg.reject;
  const t = tally(s, m);
  if (t.won) won(s, m, pre ? 'pre' : 'real', out);
  else if (t.lost) becomeFollower(s, m, m.term, null);
}
