// The configuration of a run: topology, sizes and the real knobs.
// Plain data, part of a simulation snapshot (the State in ../types.ts).

export type Ms = number;

export type Topology = 'stacked' | 'external';
export type LbAlgorithm = 'roundrobin' | 'leastconn' | 'random';
/** What the LB health check really probes: a TLS hello (kubeadm's sample config, docs/FIDELITY.md §5) or GET /readyz. */
export type LbCheck = 'tls' | 'readyz';

/** The real knobs, with docs/FIDELITY.md §9 defaults (see config.ts). */
export interface Knobs {
  leaseDurationMs: Ms;
  renewDeadlineMs: Ms;
  retryPeriodMs: Ms;
  etcdHeartbeatMs: Ms;
  etcdElectionTimeoutMs: Ms;
  preVote: boolean;
  checkIntervalMs: Ms;
  fall: number;
  rise: number;
  retries: number;
  redispatch: boolean;
  /** HAProxy `timeout connect`: how long a connect to a host that does not answer waits (5 s in kubeadm's example). */
  connectTimeoutMs: Ms;
  lbCheck: LbCheck;
  /** etcd ReqTimeout = 5 s + 2 × election timeout (7 s with defaults). Derived, kept for display. */
  etcdRequestTimeoutMs: Ms;
  /** node-monitor-grace-period (50 s from 1.32). */
  nodeMonitorGracePeriodMs: Ms;
  /** tolerationSeconds for not-ready / unreachable (300 s). */
  podEvictionTimeoutMs: Ms;
  /** One-way latency between etcd members, drawn per message uniformly in [min, max] (0.2–2 ms, LAN). */
  netLatencyMinMs: Ms;
  netLatencyMaxMs: Ms;
  /** keepalived preempt_delay: how long a returning higher-priority LB waits before taking the VIP back (0). */
  preemptDelayMs: Ms;
}

export interface Config {
  masters: number;
  /** Number of external etcd members (used in the external topology). */
  etcdMembers: number;
  topology: Topology;
  workers: number;
  replicas: number;
  lbAlgorithm: LbAlgorithm;
  /** Two LBs sharing a keepalived VIP instead of one. */
  lbPair: boolean;
  rps: number;
  /** Share of client requests that are writes (0..1). */
  writeRatio: number;
  /**
   * Share of client requests the apiserver answers from its watch cache (resourceVersion=0 lists,
   * watches): served while etcd has no quorum. The rest (1 - cached - writes) are consistent reads.
   */
  cachedReadRatio: number;
  seed: number;
  tickMs: Ms;
  knobs: Knobs;
}
