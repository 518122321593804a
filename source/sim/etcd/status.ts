// The cluster at a glance, computed live from the members.
import type { State } from '../types.js';
import { quorum } from './cluster.js';
import { maxTerm, quorumLeader, servingCount } from './view.js';

export interface ClusterStatus {
  /** The leader that can reach a quorum of serving voters, or null. */
  leader: string | null;
  term: number;
  voters: number;
  serving: number;
  quorum: number;
  hasQuorum: boolean;
  revision: number;
}

export function clusterStatus(s: State): ClusterStatus {
  const l = quorumLeader(s);
  return {
    leader: l ? l.id : null,
    term: l ? l.term : maxTerm(s),
    voters: s.etcd.order.length,
    serving: servingCount(s),
    quorum: quorum(s),
    hasQuorum: l !== null,
    revision: s.etcd.revision,
  };
}
