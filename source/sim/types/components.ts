// Control-plane components: apiservers and their etcd clients, leader electors, masters.
// Plain data, part of a simulation snapshot (the State in ../types.ts).
import type { Ms } from './config.js';
import type { LeaseRecord, RequestId } from './etcd.js';

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
  requestId: RequestId;
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
  requestId: RequestId;
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
