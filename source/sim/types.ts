// The shape of one simulation snapshot. Everything here is plain data: no classes, no functions,
// so a snapshot can be frozen, kept in history, compared and printed as JSON.
import type { LedgerState, Verdict } from './ledger/state.js';

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

// ---------------------------------------------------------------------------------------------
// Nodes and network

export type NodeKind = 'master' | 'etcd' | 'worker' | 'lb';
/** up: powered and running; crashed: hard failure (no goodbye); stopped: graceful shutdown. */
export type NodeState = 'up' | 'crashed' | 'stopped';

export interface SimNode {
  id: string;
  kind: NodeKind;
  state: NodeState;
  since: Ms;
}

export interface Network {
  /** Nodes cut off from every other node. */
  partitioned: Record<string, true>;
  /** Directed cut links, keyed `from>to`. */
  cut: Record<string, true>;
}

// ---------------------------------------------------------------------------------------------
// etcd (Raft)

export type RaftRole = 'follower' | 'precandidate' | 'candidate' | 'leader';

export interface LogEntry {
  term: number;
  index: number;
  /** What the entry carries once committed; undefined for the empty entry a new leader appends. */
  op?: StoreOp;
}

export interface Progress {
  match: number;
  next: number;
  recentActive: boolean;
}

export interface EtcdMember {
  id: string; // e.g. "etcd-master-1" or "etcd-1"
  host: string; // node id it runs on
  /** process state: running, or killed/stopped (a component on a master, or the whole etcd node) */
  running: boolean;
  role: RaftRole;
  term: number;
  vote: string | null;
  leader: string | null;
  /** Log entries after the snapshot. */
  log: LogEntry[];
  snapshotIndex: number;
  snapshotTerm: number;
  commitIndex: number;
  /** Revision of this member's applied state (stale on a member cut off from the leader). */
  appliedRevision: number;
  electionElapsed: number;
  heartbeatElapsed: number;
  randomizedElectionTimeout: number; // in ticks
  votes: Record<string, boolean>; // (pre)votes received in the current campaign
  progress: Record<string, Progress>; // leader only
  /** Leadership transfer target (graceful stop). */
  leadTransferee: string | null;
  /** Ticks since this member last had a leader (for the no-leader stream cancel, 3 election timeouts). */
  noLeaderTicks: number;
  /** When this member's own raft clock ticks next (every heartbeat interval, with its own phase). */
  nextTickAt: Ms;
}

export type RaftMsgType =
  | 'app' | 'appResp' | 'heartbeat' | 'heartbeatResp'
  | 'vote' | 'voteResp' | 'preVote' | 'preVoteResp'
  | 'snap' | 'timeoutNow';

export interface RaftMsg {
  type: RaftMsgType;
  from: string;
  to: string;
  term: number;
  /** app: prevIndex; appResp: last matched index (or the rejected prevIndex); (pre)vote: candidate's last index; snap: snapshot index. */
  index: number;
  /** app: prevTerm; (pre)vote: candidate's last term; snap: snapshot term. */
  logTerm: number;
  /** Leader's commit (app, heartbeat, snap). */
  commit: number;
  entries: LogEntry[] | null;
  reject: boolean;
  /** appResp reject: the follower's hint of where logs may match. */
  hint: number;
  /** A leadership-transfer campaign: voters ignore their leader lease. */
  transfer: boolean;
}

/** A raft message on the wire between members: delivered at `at` (ms), in send order per link. */
export interface WireMsg {
  at: Ms;
  seq: number;
  msg: RaftMsg;
}

export interface EtcdCluster {
  members: Record<string, EtcdMember>;
  /** Ordered member ids. */
  order: string[];
  /** Last leader seen with a majority, for display and events. */
  leader: string | null;
  /** When `leader` last changed, to the microsecond (an election ends between two simulation ticks). */
  leaderChangedAt: Ms;
  term: number;
  /** Cluster-wide revision of the applied state machine (k8s resourceVersion). */
  revision: number;
  /** Highest raft index applied to the store. */
  appliedIndex: number;
  /** Messages in flight between members, earliest first. */
  wire: WireMsg[];
  wireSeq: number;
  /** Per link, linkAt[from][to]: when its last message arrives (TCP keeps a link's messages in order). */
  linkAt: Record<string, Record<string, Ms>>;
  /** Leaders that took proposals since the last etcd step: their appends go out batched, as etcd's Ready loop does. */
  unsent: string[];
}

// The replicated state machine: what kube-apiserver keeps in etcd that the simulation cares about.
export interface LeaseRecord {
  holderIdentity: string;
  leaseDurationSeconds: number;
  acquireTime: Ms;
  renewTime: Ms;
  leaseTransitions: number;
  /** mod_revision in etcd = resourceVersion in Kubernetes. */
  resourceVersion: number;
}

export type StoreOp =
  | { kind: 'writes'; requestId: string; count: number }
  | { kind: 'lease'; requestId: string; name: LeaseName; expectRV: number; record: Omit<LeaseRecord, 'resourceVersion'> }
  | { kind: 'pods'; requestId: string; create: number; bind: number; remove: number };

export interface Store {
  leases: Partial<Record<LeaseName, LeaseRecord>>;
  /** Results of applied ops awaiting pickup by their requester (pruned after a while). */
  results: Record<string, { result: 'ok' | 'conflict'; t: Ms }>;
}

// ---------------------------------------------------------------------------------------------
// Control-plane components

export type ComponentKind = 'apiserver' | 'controller-manager' | 'scheduler' | 'etcd';
/** running; killed: hard kill; stopped: graceful stop; restarting: kubelet brings it back (static pod). */
export type ProcState = 'running' | 'killed' | 'stopped' | 'restarting';

export interface ApiServer {
  state: ProcState;
  since: Ms;
  /** /readyz: needs a working etcd (a linearizable read). */
  ready: boolean;
  /** The etcd member ids it talks to: stacked = only its local member; external = all. */
  endpoints: string[];
  /** Index into endpoints of the member it currently uses (external failover). */
  endpointCursor: number;
  /** Client requests (from the LB) waiting on etcd, in batches. */
  pending: PendingBatch[];
  /** Its etcd client's connections (external topology: round-robin over every endpoint, etcd-client.ts). */
  etcdClient: EtcdClient;
  /** When etcd was last usable from here (for /livez restarts after ~80 s). */
  etcdOkAt: Ms;
  restarts: number;
  restartAt: Ms | null;
}

/** The apiserver's gRPC connection to one etcd endpoint. */
export interface EtcdSubconn {
  /** In the round-robin; false once refused or closed by keepalive, until a dial succeeds again. */
  ready: boolean;
  /** Ready, but its host stopped answering at this time: the client does not know it yet. */
  silentSince: Ms | null;
}

/** clientv3 inside one apiserver process (a restarted process starts a new client). */
export interface EtcdClient {
  /** The `since` of the apiserver process this client belongs to. */
  since: Ms;
  conns: Record<string, EtcdSubconn>;
  /**
   * Round-robin positions over the ready connections, for reads and for writes. (The real picker
   * is one rotation shared by calls that come at random times; the simulation's requests come in
   * evenly spaced batches, and one shared position would line the writes up on one endpoint.)
   */
  rr: [number, number];
}

export interface PendingBatch {
  requestId: string;
  kind: 'read' | 'write';
  count: number;
  /** When the apiserver took them (etcd's request timeout counts from here). */
  startedAt: Ms;
  /** When the clients sent them (latency counts from here; earlier than startedAt after a retry). */
  sentAt: Ms;
  /** The process holding them died: no answer will come (a RST if its host is up, else silence). */
  lost: boolean;
  /** Which LB backend stats to credit. */
  backend: string;
  /** Writes: etcd took the proposal (waiting for commit) rather than blocking for want of a leader. */
  proposed: boolean;
  /**
   * External topology: the etcd endpoint the request was sent to (null while no connection is
   * ready: the call waits for one). Undefined in the stacked topology (the local member).
   */
  endpoint?: string | null;
}

export type LeaseName = 'kube-controller-manager' | 'kube-scheduler';
export type ElectorComponent = 'controller-manager' | 'scheduler';

export interface Elector {
  /** `<host>_<id>`; a new one on every process start. */
  identity: string;
  component: ElectorComponent;
  host: string;
  state: ProcState;
  since: Ms;
  leading: boolean;
  /** When this process became leader (KCM syncs its caches before controllers act). */
  leadingSince: Ms;
  /** Leader: when the current renew round (bounded by renewDeadline) started. */
  roundStartedAt: Ms;
  /** The raw record (as JSON) last seen, and when it was seen, on this process's own clock. */
  observedRecord: string | null;
  observedTime: Ms;
  observedRV: number;
  /** Next attempt of tryAcquireOrRenew. */
  nextTryAt: Ms;
  /** Leader: last successful renew. */
  lastRenewOkAt: Ms;
  /** An in-flight request to the local apiserver. */
  op: ElectorOp | null;
  /** Crash-loop back-off after exits. */
  restarts: number;
  restartAt: Ms | null;
  lastExitCode: number | null;
}

export interface ElectorOp {
  kind: 'get' | 'update';
  requestId: string;
  startedAt: Ms;
  /** For update: the record being written. */
  record?: Omit<LeaseRecord, 'resourceVersion'>;
  expectRV?: number;
  /** The write was proposed to raft (true) or is still waiting for a leader. */
  proposed?: boolean;
  /** The leader's optimistic fast path (update from its cached record, no GET first). */
  fast?: boolean;
  /** Taking over another holder's lease: the previous holder, and how long ago we saw its last change. */
  takeover?: { from: string; observedAgoMs: number };
}

export interface Master {
  id: string;
  apiserver: ApiServer;
  electors: Record<ElectorComponent, Elector>;
  /** The stacked etcd member on this master, if any. */
  etcdMember: string | null;
  /** Stacked etcd static pod: when the kubelet restarts it after a kill, and how often it has. */
  etcdRestartAt: Ms | null;
  etcdRestarts: number;
}

// ---------------------------------------------------------------------------------------------
// Load balancer and clients

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
  /** Numbers the apiserver request ids of this run. */
  seq: number;
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

// ---------------------------------------------------------------------------------------------
// Workloads

export type PodPhase = 'Pending' | 'Running' | 'Terminating';
/** normal; partial: > 2 NotReady and ≥ 55 % of the zone; full: all NotReady (master disruption mode). */
export type ZoneState = 'normal' | 'partial' | 'full';

export interface Pod {
  name: string;
  node: string | null;
  phase: PodPhase;
  createdAt: Ms;
}

export interface Workloads {
  deployment: string;
  /** pod-template-hash of the Deployment's ReplicaSet (pod names are `<deployment>-<hash>-<id>`). */
  rsHash: string;
  desired: number;
  pods: Record<string, Pod>;
  /** Per worker: when the node lifecycle controller last saw it healthy (KCM leader clock). */
  nodeSeenAt: Record<string, Ms>;
  /** Per node (workers and control-plane nodes): NotReady since. */
  notReadySince: Record<string, Ms>;
  /** Per NotReady node: when it got the NoExecute `unreachable` taint (its pods' tolerationSeconds start). */
  taintedAt: Record<string, Ms>;
  /** When the rate-limited taint queue last tainted a node. */
  lastTaintAt: Ms | null;
  /** The zone's state as the node lifecycle controller computes it (one zone: all nodes). */
  zone: ZoneState;
  /** Why nothing is being reconciled right now, in plain words, or null. */
  stalledReason: string | null;
  /** Identity of the KCM leader whose node lifecycle controller last ran (a new one resets grace periods). */
  kcmIdentity: string | null;
}

// ---------------------------------------------------------------------------------------------
// Events

export interface SimEvent {
  id: string;
  seq: number;
  t: Ms;
  kind: string;
  subject: string;
  message: string;
  cause: string | null;
  data?: Record<string, string | number | boolean | null>;
}

// ---------------------------------------------------------------------------------------------

export interface State {
  t: Ms;
  tick: number;
  /** PRNG state (sfc32: four 32-bit words). */
  rng: [number, number, number, number];
  config: Config;
  nodes: Record<string, SimNode>;
  nodeOrder: string[];
  network: Network;
  masters: Record<string, Master>;
  etcd: EtcdCluster;
  store: Store;
  lb: LoadBalancer;
  traffic: Traffic;
  /** Long-lived client connections through the LB (worker kubelets). */
  clients: Clients;
  workloads: Workloads;
  /** Bounded log of recent events, oldest first. */
  events: SimEvent[];
  /** Total events ever emitted; each event carries its own `seq`, so readers can ask for "newer than". */
  eventSeq: number;
  /** Latest event id per "story" key, used to link causes (e.g. quorum lost → apiserver unavailable). */
  causes: Record<string, string>;
  /** What clients experience, from their requests' outcomes over the last few seconds (verdict.ts). */
  verdict: Verdict;
  /** The outage ledger: the verdict window and one record per fault or action the user injected. */
  ledger: LedgerState;
}
