// etcd: the public face of the Raft module. Other modules (apiserver, engine, actions, views)
// use only these functions.
//
// - The network inside a tick has zero latency: messages sent while handling a tick or a proposal
//   are delivered (or dropped when the hosts cannot reach each other) before the call returns.
// - One tick = config.tickMs (100 ms); heartbeat and election timeouts are counted in ticks,
//   the randomized timeout in [election, 2 × election) drawn from the state's PRNG.
// - A member takes part only while `running` and its host node is up.
// - Committed entries are applied to the store exactly once, in index order (applyOp).
export { createMember } from './member.js';
export { tickEtcd } from './tick.js';
export { proposeVia, linearizableReadOk, serializableRevision, memberServing, leaderOf } from './requests.js';
export { stopMember, crashMember, startMember, addMember, removeMember, setPreVote } from './lifecycle.js';
export { clusterStatus, type ClusterStatus } from './status.js';
