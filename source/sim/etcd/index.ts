// etcd: the public face of the Raft module. Other modules (apiserver, engine, actions, UI
// selectors) use only these functions.
//
// CONTRACT (implementations live in the files of this folder):
// - The network inside a tick has zero latency: messages sent while handling a tick or a proposal
//   are delivered (or dropped by `canDeliver` between the hosts) before the call returns. Nothing
//   is carried over between ticks.
// - One tick = config.tickMs (100 ms). Heartbeat and election timeouts are in ticks:
//   heartbeatTicks = etcdHeartbeatMs / tickMs, electionTicks = etcdElectionTimeoutMs / tickMs,
//   randomized timeout in [electionTicks, 2 × electionTicks) drawn from the state's PRNG.
// - A member takes part only while `running` and its host node is up (s.nodes[host].state === 'up').
// - Committed entries are applied to the store exactly once, in index order, by calling
//   applyOp(s, op) (store.ts) for entries with index > s.etcd.appliedIndex; the returned delta is
//   added to s.etcd.revision, and s.etcd.appliedIndex advances.
export { createMember } from './member.js';
export { tickEtcd } from './tick.js';
export { proposeVia, linearizableReadOk, serializableRevision, memberServing, leaderOf } from './requests.js';
export { stopMember, crashMember, startMember, addMember, removeMember, setPreVote } from './lifecycle.js';
export { clusterStatus, type ClusterStatus } from './status.js';
