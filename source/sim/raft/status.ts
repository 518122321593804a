// The cluster at a glance: the leader that really has a majority, the term, how many serve.
import type { State } from '../types.js';
import { reach, serving } from './messages.js';
import { quorumOf } from '../config.js';

export interface ClusterStatus {
  leader: string | null;
  term: number;
  voters: number;
  serving: number;
  quorum: number;
  hasQuorum: boolean;
  revision: number;
}

/** Members a leader can exchange messages with right now (itself included), serving ones only. */
export function reachableVoters(s: State, leader: string): number {
  let n = 0;
  for (const id of s.etcd.order) if (serving(s, id) && reach(s, leader, id)) n++;
  return n;
}

export function clusterStatus(s: State): ClusterStatus {
  const order = s.etcd.order;
  const q = quorumOf(order.length);
  let servingCount = 0;
  let leader: string | null = null;
  let leaderTerm = -1;
  let maxTerm = 0;
  for (const id of order) {
    if (!serving(s, id)) continue;
    servingCount++;
    const m = s.etcd.members[id];
    if (m.term > maxTerm) maxTerm = m.term;
    if (m.role === 'leader' && m.term > leaderTerm && reachableVoters(s, id) >= q) {
      leader = id;
      leaderTerm = m.term;
    }
  }
  return { leader, term: leader ? leaderTerm : maxTerm, voters: order.length, serving: servingCount, quorum: q, hasQuorum: leader !== null, revision: s.etcd.revision };
}
