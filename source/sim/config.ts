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
/** kubeadm's example: the first LB is MASTER with priority 101, the others BACKUP with 100. */
export function vrrpPriority(lbIndex: number): number {
  return lbIndex === 0 ? VRRP_BACKUP_PRIORITY + 1 : VRRP_BACKUP_PRIORITY;
}
export function vrrpMasterDownMs(priority = VRRP_BACKUP_PRIORITY): number {
  return 3 * VRRP_ADVERT_MS + Math.round(((256 - priority) / 256) * 1000);
}
/** kubeadm liveness probe: period 10 s × failureThreshold 8 ≈ 80 s before the kubelet restarts a component. */
export const LIVENESS_RESTART_MS = 80_000;
/**
 * kubeadm startup probe: period 10 s × failureThreshold 24 = 240 s. Until the apiserver has passed
 * it once (etcd usable since it started), liveness does not apply; failing it that long restarts it.
 */
export const STARTUP_PROBE_MS = 240_000;
/** When the kubelet restarts an apiserver whose etcd checks fail: startup probe first, then liveness. */
export function apiserverProbeDeadline(a: { since: number; etcdOkAt: number }): { at: number; probe: 'startup' | 'liveness' } {
  return a.etcdOkAt >= a.since
    ? { at: a.etcdOkAt + LIVENESS_RESTART_MS, probe: 'liveness' }
    : { at: a.since + STARTUP_PROBE_MS, probe: 'startup' };
}
/**
 * kubelet restart delay before the n-th restart since the back-off was last reset: the first exit
 * is restarted at once; from the second, crash-loop back-off 10 s doubling to 300 s.
 */
export function crashLoopBackoffMs(restarts: number): number {
  if (restarts <= 1) return 0;
  return Math.min(300_000, 10_000 * 2 ** (restarts - 2));
}
/** Starting a container again (controller-manager, scheduler, etcd) takes about a second. */
export const CONTAINER_START_MS = 1000;
/** kube-apiserver takes seconds after its (re)start before its port accepts connections. */
export const APISERVER_START_MS = 10_000;

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
    connectTimeoutMs: 5_000,
    lbCheck: 'readyz',
    etcdRequestTimeoutMs: etcdRequestTimeoutMs(1_000),
    nodeMonitorGracePeriodMs: 50_000,
    podEvictionTimeoutMs: 300_000,
    preemptDelayMs: 0,
    netLatencyMinMs: 0.2,
    netLatencyMaxMs: 2,
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
    cachedReadRatio: 0.4,
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
  etcdHeartbeatMs: { min: 50, max: 1_000 },
  etcdElectionTimeoutMs: { min: 500, max: 10_000 },
  checkIntervalMs: { min: 100, max: 60_000 },
  fall: { min: 1, max: 20 },
  rise: { min: 1, max: 20 },
  retries: { min: 0, max: 10 },
  preemptDelayMs: { min: 0, max: 1_000_000 },
  netLatencyMs: { min: 0, max: 1_000 },
  connectTimeoutMs: { min: 100, max: 60_000 },
} as const;

/** HAProxy `timeout server` in kubeadm's example: a request on a server that went silent fails after it. */
export const LB_SERVER_TIMEOUT_MS = 20_000;
/** HAProxy's turn-around before retrying the same server after a refused connect: min(timeout connect, 1 s). */
export function turnAroundMs(k: Knobs): number {
  return Math.min(k.connectTimeoutMs, 1_000);
}
/** A request answered later than this counts as slow (stalled, not failed). */
export const SLOW_MS = 1_000;

/**
 * Cross-field rules of client-go (NewLeaderElector), etcd and the latency range: returns a list of
 * problems, empty when valid.
 */
export function validateKnobs(k: Knobs): string[] {
  const problems: string[] = [];
  if (!(k.leaseDurationMs > k.renewDeadlineMs)) problems.push('--lease-duration must be greater than --renew-deadline');
  if (!(k.renewDeadlineMs > JITTER_FACTOR * k.retryPeriodMs))
    problems.push('--renew-deadline must be greater than 1.2 × --retry-period');
  // etcd members keep their own raft clocks (one tick per heartbeat, any whole number of ms);
  // ElectionTick = election timeout / heartbeat, rounded down, as etcd computes it.
  if (!Number.isInteger(k.etcdHeartbeatMs)) problems.push('--etcd-heartbeat must be a whole number of milliseconds');
  if (!(k.etcdElectionTimeoutMs >= 5 * k.etcdHeartbeatMs))
    problems.push('--etcd-election-timeout must be at least 5 × --etcd-heartbeat');
  if (!(k.netLatencyMinMs >= 0 && k.netLatencyMaxMs >= k.netLatencyMinMs && k.netLatencyMaxMs <= LIMITS.netLatencyMs.max))
    problems.push(`--net-latency must be MIN-MAX with 0 <= MIN <= MAX <= ${LIMITS.netLatencyMs.max}ms`);
  return problems;
}

export function quorumOf(voters: number): number {
  return Math.floor(voters / 2) + 1;
}
