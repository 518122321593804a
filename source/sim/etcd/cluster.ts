// Who takes part and how long things take: voters, quorum, serving members, reachability, timeouts.
import type { EtcdMember, State } from '../types.js';
import { connected } from '../network.js';
import { quorumOf } from '../config.js';
import { randomInt } from '../rng.js';

/** The voters: every member of the cluster (membership changes apply at once everywhere). */
export function voters(s: State): string[] {
  return s.etcd.order;
}

export function quorum(s: State): number {
  return quorumOf(s.etcd.order.length);
}

/**
 * ElectionTick: the election timeout in raft ticks. etcd's raft clock ticks every heartbeat
 * interval (TickMs), so ElectionTick = election timeout / heartbeat, rounded down (10 with the defaults).
 */
export function electionTicks(s: State): number {
  return Math.max(1, Math.floor(s.config.knobs.etcdElectionTimeoutMs / s.config.knobs.etcdHeartbeatMs));
}

/** HeartbeatTick: etcd sets it to 1 (a heartbeat every raft tick). */
export function heartbeatTicks(_s: State): number {
  return 1;
}

/** A member takes part only while its process runs and its host node is up. */
export function serving(s: State, id: string): boolean {
  const m = s.etcd.members[id];
  return !!m && m.running && s.nodes[m.host]?.state === 'up';
}

/** A request/response exchange between the hosts of two members works in both directions. */
export function reachable(s: State, a: string, b: string): boolean {
  const ma = s.etcd.members[a];
  const mb = s.etcd.members[b];
  if (!ma || !mb) return false;
  if (ma.host === mb.host) return s.nodes[ma.host]?.state === 'up';
  return connected(s, ma.host, mb.host);
}

/** etcd's resetRandomizedElectionTimeout: electionTimeout + rand(electionTimeout) ticks. */
export function resetRandomizedElectionTimeout(s: State, m: EtcdMember): void {
  const e = electionTicks(s);
  m.randomizedElectionTimeout = e + randomInt(s, e);
}

/**
 * Who leads and who reaches whom among the members cannot change while the rules after the etcd
 * step run (only etcd's own step, the processes and actions change roles, terms, processes,
 * nodes and links; a proposal appends and commits but moves no leader). Over such a stretch the
 * answers of leaderOf and reachableVoters are computed once per member.
 */
interface SteadyFacts {
  s: State;
  leader: Record<string, string | null>;
  voters: Record<string, number>;
}
let steady: SteadyFacts | null = null;

/** Runs `rules`, none of which changes etcd roles, processes, nodes or links, with those facts computed once. */
export function withSteadyMembers(s: State, rules: () => void): void {
  const outer = steady;
  steady = { s, leader: {}, voters: {} };
  try {
    rules();
  } finally {
    steady = outer;
  }
}

/** The leader member `id` follows (itself when leading), if that member really leads its term and is reachable. */
export function leaderOf(s: State, id: string): string | null {
  const f = steady !== null && steady.s === s ? steady : null;
  if (f === null) return computeLeaderOf(s, id);
  const known = f.leader[id];
  if (known !== undefined) return known;
  return (f.leader[id] = computeLeaderOf(s, id));
}

function computeLeaderOf(s: State, id: string): string | null {
  if (!serving(s, id)) return null;
  const m = s.etcd.members[id];
  const lid = m.role === 'leader' ? id : m.leader;
  if (lid === null) return null;
  if (lid === id) return id;
  const l = s.etcd.members[lid];
  if (!l || l.role !== 'leader' || l.term !== m.term || !serving(s, lid)) return null;
  return reachable(s, id, lid) ? lid : null;
}

/** How many voters a member can talk to right now, itself included (serving, both directions). */
export function reachableVoters(s: State, id: string): number {
  const f = steady !== null && steady.s === s ? steady : null;
  if (f === null) return countReachableVoters(s, id);
  const known = f.voters[id];
  if (known !== undefined) return known;
  return (f.voters[id] = countReachableVoters(s, id));
}

function countReachableVoters(s: State, id: string): number {
  let n = 0;
  for (const v of s.etcd.order) if (v === id ? serving(s, v) : serving(s, v) && reachable(s, id, v)) n++;
  return n;
}
