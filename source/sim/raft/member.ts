// A fresh etcd member: a follower at term 0 with an empty log.
import type { EtcdMember, State } from '../types.js';
import { resetRandomizedElectionTimeout } from './timing.js';

export function createMember(s: State, id: string, host: string, _peers: string[]): EtcdMember {
  const m: EtcdMember = {
    id, host, running: true, role: 'follower', term: 0, vote: null, leader: null,
    log: [], snapshotIndex: 0, snapshotTerm: 0, commitIndex: 0, appliedRevision: s.etcd.revision,
    electionElapsed: 0, heartbeatElapsed: 0, randomizedElectionTimeout: 10, votes: {}, progress: {},
    leadTransferee: null, noLeaderTicks: 0,
  };
  resetRandomizedElectionTimeout(s, m);
  return m;
}
