// etcd's timers in ticks: heartbeat 100 ms = 1 tick, election timeout 1000 ms = 10 ticks,
// randomized in [electionTimeout, 2 × electionTimeout).
import type { EtcdMember, State } from '../types.js';
import { randomInt } from '../rng.js';
import { quorumOf } from '../config.js';

export function heartbeatTicks(s: State): number {
  return Math.max(1, Math.round(s.config.knobs.etcdHeartbeatMs / s.config.tickMs));
}

export function electionTicks(s: State): number {
  return Math.max(2, Math.round(s.config.knobs.etcdElectionTimeoutMs / s.config.tickMs));
}

export function resetRandomizedElectionTimeout(s: State, m: EtcdMember): void {
  const et = electionTicks(s);
  m.randomizedElectionTimeout = et + randomInt(s, et);
}

export function voters(s: State): string[] {
  return s.etcd.order;
}

export function quorum(s: State): number {
  return quorumOf(s.etcd.order.length);
}
