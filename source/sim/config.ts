// Defaults from docs/FIDELITY.md §9 and the accepted ranges of every knob.
import type { Config, Knobs } from './types.js';

export const TICK_MS = 100;
/** client-go leaderelection JitterFactor. */
export const JITTER_FACTOR = 1.2;
/** client-go lease request timeout: max(1 s, renewDeadline / 2). */
export function leaseRequestTimeoutMs(k: Knobs): number {
  return Math.max(1000, k.renewDeadlineMs / 2);
}
/** etcd ReqTimeout = 5 s + 2 × election timeout. */
export function etcdRequestTimeoutMs(electionTimeoutMs: number): number {
  return 5000 + 2 * electionTimeoutMs;
}
/** keepalived advert_int (1 s) and the backup's priority (100): Master_Down_Interval = 3 × advert + skew. */
export const VRRP_ADVERT_MS = 1000;
export const VRRP_BACKUP_PRIORITY = 100;
export function vrrpMasterDownMs(): number {
  return 3 * VRRP_ADVERT_MS + Math.round(((256 - VRRP_BACKUP_PRIORITY) / 256) * 1000);
}
/** kubeadm liveness probe: period 10 s × failureThreshold 8 ≈ 80 s before the kubelet restarts a component. */
export const LIVENESS_RESTART_MS = 80_000;
/** kubelet crash-loop back-off: 10 s doubling to 300 s. */
export function crashLoopBackoffMs(restarts: number): number {
  return Math.min(300_000, 10_000 * 2 ** Math.max(0, restarts - 1));
}

export function defaultKnobs(): Knobs {
  return {
    leaseDurationMs: 15_000,
    renewDeadlineMs: 10_000,
    retryPeriodMs: 2_000,
    etcdHeartbeatMs: 100,
    etcdElectionTimeoutMs: 1_000,
    preVote: true,
    checkIntervalMs: 2_000,
    fall: 3,
    rise: 2,
    retries: 3,
    redispatch: true,
    lbCheck: 'readyz',
    etcdRequestTimeoutMs: etcdRequestTimeoutMs(1_000),
    nodeMonitorGracePeriodMs: 50_000,
    podEvictionTimeoutMs: 300_000,
  };
}

export function defaultConfig(overrides: Partial<Omit<Config, 'knobs'>> & { knobs?: Partial<Knobs> } = {}): Config {
  const knobs = { ...defaultKnobs(), ...(overrides.knobs ?? {}) };
  knobs.etcdRequestTimeoutMs = etcdRequestTimeoutMs(knobs.etcdElectionTimeoutMs);
  const { knobs: _k, ...rest } = overrides;
  return {
    masters: 3,
    etcdMembers: 3,
    topology: 'stacked',
    workers: 3,
    replicas: 6,
    lbAlgorithm: 'roundrobin',
    lbPair: false,
    rps: 50,
    writeRatio: 0.2,
    seed: 1,
    tickMs: TICK_MS,
    ...rest,
    knobs,
  };
}

/** Accepted ranges, shared by the CLI, scenario files and the cluster menu. */
export const LIMITS = {
  masters: { min: 1, max: 7 },
  etcdMembers: { min: 1, max: 7 },
  workers: { min: 0, max: 50 },
  replicas: { min: 0, max: 500 },
  rps: { min: 0, max: 10_000 },
  seed: { min: 0, max: 4_294_967_295 },
  leaseDurationMs: { min: 1_000, max: 600_000 },
  renewDeadlineMs: { min: 1_000, max: 600_000 },
  retryPeriodMs: { min: 100, max: 60_000 },
  etcdHeartbeatMs: { min: 100, max: 1_000 },
  etcdElectionTimeoutMs: { min: 500, max: 10_000 },
  checkIntervalMs: { min: 100, max: 60_000 },
  fall: { min: 1, max: 20 },
  rise: { min: 1, max: 20 },
  retries: { min: 0, max: 10 },
} as const;

/**
 * Cross-field rules of client-go (NewLeaderElector) and etcd: returns a list of problems, empty when valid.
 * Simulated time moves in 100 ms ticks, so etcd timings must be whole ticks.
 */
export function validateKnobs(k: Knobs): string[] {
  const problems: string[] = [];
  if (!(k.leaseDurationMs > k.renewDeadlineMs)) problems.push('--lease-duration must be greater than --renew-deadline');
  if (!(k.renewDeadlineMs > JITTER_FACTOR * k.retryPeriodMs))
    problems.push('--renew-deadline must be greater than 1.2 × --retry-period');
  if (k.etcdHeartbeatMs % TICK_MS !== 0) problems.push('--etcd-heartbeat must be a multiple of 100ms');
  if (k.etcdElectionTimeoutMs % TICK_MS !== 0) problems.push('--etcd-election-timeout must be a multiple of 100ms');
  if (!(k.etcdElectionTimeoutMs >= 5 * k.etcdHeartbeatMs))
    problems.push('--etcd-election-timeout must be at least 5 × --etcd-heartbeat');
  return problems;
}

export function quorumOf(voters: number): number {
  return Math.floor(voters / 2) + 1;
}
