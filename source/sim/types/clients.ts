// The load balancer and its clients: backends, connects, traffic, kubelet and in-cluster connections.
// Plain data, part of a simulation snapshot (the State in ../types.ts).
import type { LbAlgorithm, Ms } from './config.js';

export interface Backend {
  id: string; // master id
  status: 'UP' | 'DOWN';
  /** Consecutive successful / failed checks since the last transition. */
  checkOk: number;
  checkFail: number;
  lastCheckAt: Ms;
  served: number;
  failed: number;
  /** Per-second buckets over the recent window (sec = t / 1000): served/failed counts for the share bar. */
  recent: { sec: number; served: number; failed: number }[];
  activeConns: number;
  /** Requests served but later than SLOW_MS (a subset of `served`). */
  slow: number;
  /** Requests assigned to this server and not answered yet: connecting, waiting on etcd, or hung. */
  inflight: number;
  /** When the next health check starts (the first one's phase is drawn from the seed). */
  nextCheckAt: Ms;
  /** A check to a host that does not answer: it ends (L4 timeout) at this time. */
  checkEndsAt: Ms | null;
}

/** Requests of one kind mix: [cached reads, consistent reads, writes]. */
export type RequestMix = [number, number, number];

/** Requests waiting on a connect attempt: a connect timeout to a silent host, or a turn-around before retrying. */
export interface ConnectBatch {
  server: string;
  /** timeout: the attempt to `server` fails at `at`; turnaround: a new attempt to `server` starts at `at`. */
  phase: 'timeout' | 'turnaround';
  at: Ms;
  retriesLeft: number;
  sentAt: Ms;
  mix: RequestMix;
}

export interface LoadBalancer {
  /** LB node ids; with a keepalived pair the VIP is on `vipHolder`. */
  nodes: string[];
  vipHolder: string | null;
  /** keepalived: when each instance last heard a VRRP advert from a master. */
  lastAdvertAt: Record<string, Ms>;
  /** keepalived: one VRRP instance per LB node. */
  vrrp: Record<string, VrrpInstance>;
  /** How often the VIP has moved since the start. */
  vipMoves: number;
  algorithm: LbAlgorithm;
  backends: Record<string, Backend>;
  order: string[];
  rrCursor: number;
  /** Requests between the LB and a server: connect attempts in progress. */
  connecting: ConnectBatch[];
}

export type VrrpState = 'MASTER' | 'BACKUP' | 'DOWN';

export interface VrrpInstance {
  state: VrrpState;
  priority: number;
  /** MASTER: when its next advert goes out (each instance has its own phase). */
  nextAdvertAt: Ms;
  /** BACKUP: when the master-down timer fires (3 × advert_int + skew after the last advert heard). */
  masterDownAt: Ms;
  /** BACKUP that heard a lower-priority master: when preempt_delay is over; null when not waiting. */
  preemptAt: Ms | null;
}

export interface Traffic {
  rps: number;
  /** Fractional request accumulators (requests per tick are rps × tick; writes a share of them). */
  carry: number;
  writeCarry: number;
  /** Requests refused by a dead backend and sent to another by redispatch. */
  redispatched: number;
  ok: number;
  failed: number;
  /** Requests answered but later than SLOW_MS (a subset of `ok`), of those sent after start-up ended. */
  slow: number;
  /** Summed latency (ms) of the slow ones. */
  slowMs: number;
  /** Per class (subsets of `ok` / `failed`): watch-cache reads and writes; the rest are consistent reads. */
  cachedOk: number;
  cachedFailed: number;
  writesOk: number;
  writesFailed: number;
  /** Requests that never reached a backend (LB down, no backend UP). */
  rejected: number;
  /** Latency histogram per simulated second (counts per LATENCY_BOUNDS_MS bucket), newest last, bounded. */
  latency: { sec: number; counts: number[] }[];
  /** One bucket per simulated second, newest last, bounded. */
  history: { t: Ms; ok: number; failed: number }[];
}

/** A worker kubelet's long-lived HTTP/2 connection to an apiserver, through the LB. */
export interface KubeletConnection {
  /** The apiserver it ends on, or null while the kubelet has none (its node down, reconnecting). */
  server: string | null;
  /** The LB node it goes through (a VIP move resets it). */
  lb: string | null;
  /** A dial through the LB to a silent server: the connection exists only from this time on. */
  readyAt: Ms;
  /** Its server went silent at this time (no RST): the kubelet does not know yet. */
  stuckSince: Ms | null;
  /** client-go's HTTP/2 health check closes a silent connection: read idle 30 s + ping timeout 15 s after it went silent. */
  closeAt: Ms | null;
  /**
   * Can the kubelet renew its node Lease now: its connection answers and its apiserver can write to
   * etcd. (The node lifecycle controller reads this.)
   */
  nodeLeaseRenewable: boolean;
}

/**
 * An in-cluster client (a controller in a pod on a worker) that reaches the API through the
 * `kubernetes` Service: kube-proxy on its node sends each new connection to one of the Service's
 * endpoints, not through the load balancer.
 */
export interface InClusterClient {
  node: string;
  /** controller: one long-lived HTTP/2 connection; short: a new connection for every request (a job, a script). */
  kind: 'controller' | 'short';
  /** short: requests whose connection waits on an endpoint that does not answer, failing at `at`. */
  waiting: { at: Ms; count: number }[];
  /** The apiserver its connection ends on (or is being dialled), or null. */
  server: string | null;
  /** A dial to an endpoint that does not answer: it fails at this time (null: no dial pending). */
  dialEndsAt: Ms | null;
  /** Its server went silent at this time (no RST): the client does not know yet. */
  stuckSince: Ms | null;
  /** client-go's HTTP/2 health check closes the silent connection at this time. */
  closeAt: Ms | null;
  /** Requests waiting on the pending dial or the silent connection, and since when the oldest waits. */
  held: number;
  heldSince: Ms;
  /** Fraction of a request carried to the next tick. */
  carry: number;
  /** Dials so far: with the seed, they choose the endpoint of each new connection. */
  dials: number;
  /** The endpoints kube-proxy on its node has programmed (frozen while the node is cut off). */
  rules: string[];
}

/** What the in-cluster clients saw: requests answered (late ones counted in `slow`) and failed. */
export interface InClusterStats {
  ok: number;
  failed: number;
  slow: number;
  /** Per simulated second, newest last, bounded. */
  recent: { sec: number; ok: number; failed: number }[];
}

export interface Clients {
  kubelets: Record<string, KubeletConnection>;
  /** The apiserver endpoint reconciler's leases: master id → last renewal. */
  endpointLeases: Record<string, Ms>;
  /** The `kubernetes` Service's endpoints as the reconcilers last wrote them (master ids). */
  serviceEndpoints: string[];
  inCluster: InClusterClient[];
  inClusterStats: InClusterStats;
}
