// A fresh etcd member: a follower at term 0 with an empty log, its raft clock on its own phase.
import type { EtcdMember, State } from '../types.js';
import { resetRandomizedElectionTimeout } from './cluster.js';
import { random } from '../rng.js';

/**
 * `peers` (all voter ids, itself included) documents the initial cluster; the voter set itself is
 * `s.etcd.order`, which membership changes keep in sync for every member at once.
 */
export function createMember(s: State, id: string, host: string, _peers: string[]): EtcdMember {
  const m: EtcdMember = {
    id, host, running: true, role: 'follower', term: 0, vote: null, leader: null,
    log: [], snapshotIndex: 0, snapshotTerm: 0, commitIndex: 0,
    appliedRevision: s.etcd ? s.etcd.revision : 0,
    electionElapsed: 0, heartbeatElapsed: 0, randomizedElectionTimeout: 0,
    votes: {}, progress: {}, leadTransferee: null, noLeaderTicks: 0,
    nextTickAt: 0,
  };
  // Its raft clock ticks every heartbeat interval from its own start: a seeded phase (ms, fractional).
  m.nextTickAt = (s.t ?? 0) + random(s) * s.config.knobs.etcdHeartbeatMs;
  resetRandomizedElectionTimeout(s, m);
  return m;
}
