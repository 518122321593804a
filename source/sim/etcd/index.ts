// etcd: the public face of the Raft module. Other modules (apiserver, engine, actions, views)
// use only these functions.
//
// - Time: every member's raft clock ticks every heartbeat interval on its own seeded phase, and
//   messages cross the wire (wire.ts) with a seeded latency (--net-latency), in order per link.
//   Inside each simulation tick (config.tickMs, 100 ms) these events run in time order at their
//   exact milliseconds (tick.ts); events they emit carry that time.
// - Election timeouts are counted in raft ticks, the randomized one in [election, 2 × election)
//   drawn from the state's PRNG and counted from the last message from the leader.
// - Proposals reach the leader at once and go out batched at the start of the next etcd step;
//   they commit when the followers' answers arrive. A leadership transfer (graceful stop) is
//   played out at once, without latency (deliver.ts).
// - A member takes part only while `running` and its host node is up.
// - Committed entries are applied to the store exactly once, in index order (applyOp).
export { createMember } from './member.js';
export { tickEtcd } from './tick.js';
export { proposeVia, linearizableReadOk, serializableRevision, memberServing, leaderOf } from './requests.js';
export { stopMember, crashMember, startMember, addMember, removeMember, setPreVote } from './lifecycle.js';
export { clusterStatus, type ClusterStatus } from './status.js';
