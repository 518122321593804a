// etcd (Raft): members, messages on the wire, the replicated store.
// Plain data, part of a simulation snapshot (the State in ../types.ts).
import type { LeaseName } from './components.js';
import type { Ms } from './config.js';

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

/** Identifies one request to etcd until its result is taken (store.ts newRequestId). */
export type RequestId = number;

export type StoreOp =
  | { kind: 'writes'; requestId: RequestId; count: number }
  | { kind: 'lease'; requestId: RequestId; name: LeaseName; expectRV: number; record: Omit<LeaseRecord, 'resourceVersion'> }
  | { kind: 'pods'; requestId: RequestId; create: number; bind: number; remove: number };

export interface Store {
  leases: Partial<Record<LeaseName, LeaseRecord>>;
  /** Results of applied ops awaiting pickup by their requester (pruned after a while). */
  results: Record<RequestId, { result: 'ok' | 'conflict'; t: Ms }>;
  /** The last request id handed out. */
  lastRequestId: RequestId;
}
