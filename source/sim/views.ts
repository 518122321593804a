// Read-only views over a snapshot: what the dashboard panes, NDJSON snapshots and lesson checks show.
import type { ComponentKind, ElectorComponent, LeaseName, ProcState, RaftRole, State, ZoneState } from './types.js';
import { etcdProblem } from './apiserver.js';
import { clusterStatus, memberServing } from './etcd/index.js';
import { nodeUp } from './network.js';
import { quorumOf } from './config.js';
import { etcdWords } from './verdict-words.js';

import { apiThroughLb } from './api-through-lb.js';
import { clientRates } from './ledger/window.js';
export { apiThroughLb };

export const LEASES: { name: LeaseName; component: ElectorComponent }[] = [
  { name: 'kube-controller-manager', component: 'controller-manager' },
  { name: 'kube-scheduler', component: 'scheduler' },
];

export function leaseNameOf(c: ElectorComponent): LeaseName {
  return c === 'controller-manager' ? 'kube-controller-manager' : 'kube-scheduler';
}

/** The master that holds a lease, from its holderIdentity `<host>_<id>`. */
export function hostOfIdentity(identity: string): string | null {
  if (!identity) return null;
  const i = identity.lastIndexOf('_');
  return i > 0 ? identity.slice(0, i) : identity;
}

export interface LeaseView {
  name: LeaseName;
  holder: string;
  holderHost: string | null;
  /** The holder process is running and believes it leads. */
  holderAlive: boolean;
  transitions: number;
  leaseDurationSeconds: number;
  renewTime: number | null;
  acquireTime: number | null;
  sinceRenewMs: number | null;
  /** The earliest moment a running follower may take over, from its own observation, minus now. */
  expiresInMs: number | null;
  resourceVersion: number;
  /** Processes that believe they lead (more than one means the safety margin was broken). */
  leaders: string[];
}

export function leaseView(s: State, name: LeaseName): LeaseView {
  const rec = s.store.leases[name];
  const component: ElectorComponent = name === 'kube-controller-manager' ? 'controller-manager' : 'scheduler';
  const electors = Object.values(s.masters).map((m) => m.electors[component]);
  const leaders = electors.filter((e) => e.state === 'running' && e.leading && nodeUp(s, e.host)).map((e) => e.identity);
  if (!rec) {
    return {
      name, holder: '', holderHost: null, holderAlive: false, transitions: 0, leaseDurationSeconds: 0,
      renewTime: null, acquireTime: null, sinceRenewMs: null, expiresInMs: null, resourceVersion: 0, leaders,
    };
  }
  const holderAlive = leaders.includes(rec.holderIdentity);
  let expiresInMs: number | null = null;
  if (rec.holderIdentity) {
    for (const e of electors) {
      if (e.state !== 'running' || e.leading || !nodeUp(s, e.host) || e.observedRecord === null) continue;
      const at = e.observedTime + rec.leaseDurationSeconds * 1000 - s.t;
      if (expiresInMs === null || at < expiresInMs) expiresInMs = at;
    }
  } else {
    expiresInMs = 0;
  }
  return {
    name,
    holder: rec.holderIdentity,
    holderHost: hostOfIdentity(rec.holderIdentity),
    holderAlive,
    transitions: rec.leaseTransitions,
    leaseDurationSeconds: rec.leaseDurationSeconds,
    renewTime: rec.renewTime,
    acquireTime: rec.acquireTime,
    sinceRenewMs: s.t - rec.renewTime,
    expiresInMs,
    resourceVersion: rec.resourceVersion,
    leaders,
  };
}

export interface EtcdMemberView {
  id: string;
  host: string;
  serving: boolean;
  role: RaftRole | 'down';
  term: number;
  commitIndex: number;
  appliedRevision: number;
  leader: string | null;
  isolated: boolean;
}

export interface EtcdView {
  members: EtcdMemberView[];
  leader: string | null;
  term: number;
  voters: number;
  serving: number;
  quorum: number;
  hasQuorum: boolean;
  revision: number;
}

export function etcdView(s: State): EtcdView {
  const st = clusterStatus(s);
  const members = s.etcd.order.map((id) => {
    const m = s.etcd.members[id];
    const serving = memberServing(s, id);
    return {
      id, host: m.host, serving, role: serving ? m.role : ('down' as const), term: m.term,
      commitIndex: m.commitIndex, appliedRevision: m.appliedRevision, leader: m.leader,
      isolated: !!s.network.partitioned[m.host],
    };
  });
  return { members, leader: st.leader, term: st.term, voters: st.voters, serving: st.serving, quorum: quorumOf(st.voters), hasQuorum: st.hasQuorum, revision: st.revision };
}

export interface ComponentView {
  kind: ComponentKind;
  state: ProcState | 'node-down' | 'absent';
  leading?: boolean;
  ready?: boolean;
  role?: RaftRole | 'down';
  detail?: string;
}

export interface MasterView {
  id: string;
  node: 'up' | 'crashed' | 'stopped';
  isolated: boolean;
  apiserver: ComponentView;
  controllerManager: ComponentView;
  scheduler: ComponentView;
  etcd: ComponentView;
}

export function mastersView(s: State): MasterView[] {
  return Object.keys(s.masters).map((id) => {
    const m = s.masters[id];
    const up = nodeUp(s, id);
    const proc = (st: ProcState) => (up ? st : ('node-down' as const));
    const elector = (c: ElectorComponent): ComponentView => {
      const e = m.electors[c];
      return { kind: c, state: proc(e.state), leading: up && e.state === 'running' && e.leading };
    };
    const member = m.etcdMember ? s.etcd.members[m.etcdMember] : undefined;
    return {
      id,
      node: s.nodes[id].state,
      isolated: !!s.network.partitioned[id],
      apiserver: {
        kind: 'apiserver',
        state: proc(m.apiserver.state),
        ready: up && m.apiserver.ready,
        detail: up && m.apiserver.state === 'running' && !m.apiserver.ready ? (etcdProblem(s, id) ?? undefined) : undefined,
      },
      controllerManager: elector('controller-manager'),
      scheduler: elector('scheduler'),
      etcd: member
        ? { kind: 'etcd', state: proc(member.running ? 'running' : m.etcdRestartAt !== null ? 'restarting' : 'stopped'), role: memberServing(s, member.id) ? member.role : 'down' }
        : { kind: 'etcd', state: 'absent' },
    };
  });
}

export interface BackendView {
  id: string;
  status: 'UP' | 'DOWN';
  checkOk: number;
  checkFail: number;
  served: number;
  failed: number;
  /** Served later than 1 s (a subset of served). */
  slow: number;
  /** Requests on this server not answered yet (connecting, waiting on etcd, hung). */
  inflight: number;
  /** Share of the requests of the last few seconds that went to this backend (0..1). */
  share: number;
  recentServed: number;
  recentFailed: number;
  errorsPerSec: number;
}

export interface LbView {
  nodes: { id: string; up: boolean; vip: boolean }[];
  vipHolder: string | null;
  algorithm: string;
  check: string;
  backends: BackendView[];
  okPerSec: number;
  failedPerSec: number;
  /** Failed requests per simulated second, oldest first (for a sparkline). */
  errorHistory: number[];
  okHistory: number[];
}

const RECENT_WINDOW_S = 5;

export function lbView(s: State): LbView {
  const nowSec = Math.floor(s.t / 1000);
  const windowed = (be: State['lb']['backends'][string]) => {
    let served = 0;
    let failed = 0;
    for (const b of be.recent) {
      if (b.sec > nowSec - RECENT_WINDOW_S && b.sec <= nowSec) {
        served += b.served;
        failed += b.failed;
      }
    }
    return { served, failed };
  };
  const wins = s.lb.order.map((id) => windowed(s.lb.backends[id]));
  const total = wins.reduce((a, w) => a + w.served + w.failed, 0);
  const backends = s.lb.order.map((id, i) => {
    const be = s.lb.backends[id];
    const w = wins[i];
    return {
      id, status: be.status, checkOk: be.checkOk, checkFail: be.checkFail, served: be.served, failed: be.failed, slow: be.slow, inflight: be.inflight,
      share: total ? (w.served + w.failed) / total : 0, recentServed: w.served, recentFailed: w.failed,
      errorsPerSec: w.failed / RECENT_WINDOW_S,
    };
  });
  const hist = s.traffic.history.filter((h) => h.t / 1000 < nowSec);
  const rates = clientRates(s.ledger.recent, s.config.tickMs);
  return {
    nodes: s.lb.nodes.map((id) => ({ id, up: nodeUp(s, id), vip: s.lb.vipHolder === id })),
    vipHolder: s.lb.vipHolder,
    algorithm: s.lb.algorithm,
    check: s.config.knobs.lbCheck === 'readyz' ? 'GET /readyz' : 'TLS hello',
    backends,
    okPerSec: rates.servedPerSec,
    failedPerSec: rates.failedPerSec,
    errorHistory: hist.map((h) => h.failed),
    okHistory: hist.map((h) => h.ok),
  };
}

export interface WorkloadsView {
  deployment: string;
  desired: number;
  running: number;
  pending: number;
  terminating: number;
  /** Running in the API but on a worker that is down or cut off: the API does not know yet. */
  onUnreachableNodes: number;
  /** Running on a node that is up and reachable: the pods that really serve. */
  runningReachable: number;
  /** The node lifecycle controller's zone state (normal, partial, full = master disruption mode). */
  zone: ZoneState;
  notReadyNodes: string[];
  stalledReason: string | null;
}

export function workloadsView(s: State): WorkloadsView {
  let running = 0;
  let pending = 0;
  let terminating = 0;
  let onUnreachableNodes = 0;
  for (const p of Object.values(s.workloads.pods)) {
    if (p.phase === 'Running') {
      running++;
      if (p.node && (!nodeUp(s, p.node) || s.network.partitioned[p.node])) onUnreachableNodes++;
    } else if (p.phase === 'Pending') pending++;
    else terminating++;
  }
  return {
    deployment: s.workloads.deployment,
    desired: s.workloads.desired,
    running, pending, terminating, onUnreachableNodes,
    runningReachable: running - onUnreachableNodes,
    zone: s.workloads.zone,
    notReadyNodes: Object.keys(s.workloads.notReadySince),
    stalledReason: s.workloads.stalledReason,
  };
}

export interface Verdict {
  apiWrites: boolean;
  apiReachable: boolean;
  etcdQuorum: { serving: number; voters: number; quorum: number; hasQuorum: boolean; leader: string | null };
  kcmLeader: string | null;
  schedulerLeader: string | null;
  /** e.g. "API writes OK · etcd leader master-1 · 3/3 up · KCM master-1 · scheduler master-2" */
  text: string;
}

export function verdict(s: State): Verdict {
  const api = apiThroughLb(s);
  const st = clusterStatus(s);
  const kcm = leaseView(s, 'kube-controller-manager');
  const sch = leaseView(s, 'kube-scheduler');
  const kcmLeader = kcm.holderAlive ? kcm.holderHost : null;
  const schedulerLeader = sch.holderAlive ? sch.holderHost : null;
  const parts = [
    api.writes ? 'API writes OK' : api.reachable ? 'API writes FAILING' : 'API UNREACHABLE',
    etcdWords(s).text,
    `KCM ${kcmLeader ?? 'none'}`,
    `scheduler ${schedulerLeader ?? 'none'}`,
  ];
  return {
    apiWrites: api.writes,
    apiReachable: api.reachable,
    etcdQuorum: { serving: st.serving, voters: st.voters, quorum: quorumOf(st.voters), hasQuorum: st.hasQuorum, leader: st.leader },
    kcmLeader,
    schedulerLeader,
    text: parts.join(' · '),
  };
}
