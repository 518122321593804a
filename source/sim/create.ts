// Builds the first snapshot of a cluster from a Config: nodes, masters, etcd, LB, workloads.
import { freeze } from 'immer';
import type { ApiServer, Backend, Config, Elector, ElectorComponent, Master, SimNode, State } from './types.js';
import { random, seedRng, step as stepRng } from './rng.js';
import { holderIdentity, podName, newId } from './ids.js';
import { createMember } from './etcd/index.js';
import { emit } from './events.js';
import { emptyLedger } from './ledger/index.js';
import { initVrrp } from './keepalived.js';
import { newInClusterClients } from './in-cluster-clients.js';
import { newKubeletConnection } from './client-connections.js';

/** A time long before the start: "never happened" in a JSON-safe number. */
export const NEVER = -1_000_000_000;

export const masterId = (i: number) => `master-${i}`;
export const etcdNodeId = (i: number) => `etcd-${i}`;
export const workerId = (i: number) => `worker-${i}`;
export const lbId = (i: number) => `lb-${i}`;

function node(id: string, kind: SimNode['kind']): SimNode {
  return { id, kind, state: 'up', since: 0 };
}

/**
 * The kubelet starts a node's static pods, and the apiserver they talk to takes seconds to come up:
 * each elector first tries for its lease at a seeded time in the first 5 s, so who leads first depends on the seed.
 */
export const STATIC_POD_START_SPREAD_MS = 5000;

export function newElector(s: State, component: ElectorComponent, host: string): Elector {
  const start = s.t + Math.floor(random(s) * STATIC_POD_START_SPREAD_MS / s.config.tickMs) * s.config.tickMs;
  return {
    identity: holderIdentity(s, host),
    component,
    host,
    state: 'running',
    since: s.t,
    leading: false,
    leadingSince: 0,
    roundStartedAt: 0,
    observedRecord: null,
    observedTime: 0,
    observedRV: 0,
    nextTryAt: start,
    lastRenewOkAt: 0,
    op: null,
    restarts: 0,
    restartAt: null,
    lastExitCode: null,
  };
}

export function newApiServer(s: State, endpoints: string[]): ApiServer {
  return {
    state: 'running',
    since: s.t,
    ready: false,
    endpoints,
    endpointCursor: 0,
    pending: [],
    etcdClient: { since: s.t, conns: {}, rr: [0, 0] },
    // Not ready until etcd has answered once.
    etcdOkAt: NEVER,
    restarts: 0,
    restartAt: null,
  };
}

export function newBackend(id: string, firstCheckAt = 0): Backend {
  // HAProxy starts servers UP unless told otherwise; health checks then confirm or take them down.
  return {
    id, status: 'UP', checkOk: 0, checkFail: 0, lastCheckAt: 0, served: 0, failed: 0, recent: [], activeConns: 0,
    slow: 0, inflight: 0, nextCheckAt: firstCheckAt, checkEndsAt: null,
  };
}

/** Ids of the etcd members for a topology: on the masters (stacked) or on etcd nodes (external). */
export function etcdHostsFor(s: State): string[] {
  return s.config.topology === 'stacked'
    ? Object.keys(s.masters)
    : s.nodeOrder.filter((id) => s.nodes[id].kind === 'etcd');
}

export function addNode(s: State, id: string, kind: SimNode['kind']): void {
  s.nodes[id] = { ...node(id, kind), since: s.t };
  if (!s.nodeOrder.includes(id)) s.nodeOrder.push(id);
  sortNodeOrder(s);
}

const KIND_RANK: Record<SimNode['kind'], number> = { lb: 0, master: 1, etcd: 2, worker: 3 };
export function sortNodeOrder(s: State): void {
  s.nodeOrder.sort((a, b) => {
    const ka = KIND_RANK[s.nodes[a].kind];
    const kb = KIND_RANK[s.nodes[b].kind];
    if (ka !== kb) return ka - kb;
    return Number(a.split('-').pop()) - Number(b.split('-').pop());
  });
}

export function addMasterRecord(s: State, id: string): Master {
  const stacked = s.config.topology === 'stacked';
  const endpoints = stacked ? [id] : etcdHostsFor(s);
  const m: Master = {
    id,
    apiserver: newApiServer(s, endpoints),
    electors: {
      'controller-manager': newElector(s, 'controller-manager', id),
      scheduler: newElector(s, 'scheduler', id),
    },
    etcdMember: stacked ? id : null,
    etcdRestartAt: null,
    etcdRestarts: 0,
  };
  s.masters[id] = m;
  return m;
}

export function createState(config: Config): State {
  const s: State = {
    t: 0,
    tick: 0,
    rng: seedRng(config.seed),
    config,
    nodes: {},
    nodeOrder: [],
    network: { partitioned: {}, cut: {} },
    masters: {},
    etcd: { members: {}, order: [], leader: null, leaderChangedAt: 0, term: 0, revision: 1, appliedIndex: 0, wire: [], wireSeq: 0, linkAt: {}, unsent: [] },
    store: { leases: {}, results: {}, lastRequestId: 0 },
    lb: {
      nodes: [],
      vipHolder: null,
      lastAdvertAt: {},
      vrrp: {},
      vipMoves: 0,
      algorithm: config.lbAlgorithm,
      backends: {},
      order: [],
      rrCursor: 0,
      connecting: [],
    },
    clients: { kubelets: {}, endpointLeases: {}, serviceEndpoints: [], inCluster: [], inClusterStats: { ok: 0, failed: 0, slow: 0, recent: [] } },
    traffic: { rps: config.rps, carry: 0, writeCarry: 0, redispatched: 0, ok: 0, failed: 0, slow: 0, slowMs: 0, cachedOk: 0, cachedFailed: 0, writesOk: 0, writesFailed: 0, rejected: 0, history: [], latency: [] },
    workloads: {
      deployment: 'web',
      rsHash: '',
      desired: config.replicas,
      pods: {},
      nodeSeenAt: {},
      notReadySince: {},
      taintedAt: {},
      lastTaintAt: null,
      zone: 'normal',
      stalledReason: null,
      kcmIdentity: null,
    },
    events: [],
    eventSeq: 0,
    causes: {},
    verdict: { api: 'STARTING', detail: 'etcd electing' },
    ledger: emptyLedger(),
  };

  const lbCount = config.lbPair ? 2 : 1;
  for (let i = 1; i <= lbCount; i++) {
    addNode(s, lbId(i), 'lb');
    s.lb.nodes.push(lbId(i));
    s.lb.lastAdvertAt[lbId(i)] = 0;
  }
  s.lb.vipHolder = s.lb.nodes[0];
  initVrrp(s);
  for (let i = 1; i <= config.masters; i++) addNode(s, masterId(i), 'master');
  if (config.topology === 'external') {
    for (let i = 1; i <= config.etcdMembers; i++) addNode(s, etcdNodeId(i), 'etcd');
  }
  for (let i = 1; i <= config.workers; i++) addNode(s, workerId(i), 'worker');

  // HAProxy spreads the first checks over the interval: each server's phase is drawn from the seed
  // (from a stream of its own, so the rest of the run draws the same numbers as before).
  const phases = seedRng(config.seed ^ 0x6c62);
  for (let i = 1; i <= config.masters; i++) {
    addMasterRecord(s, masterId(i));
    const phase = Math.floor((stepRng(phases) / 4294967296) * (config.knobs.checkIntervalMs / config.tickMs) + 1) * config.tickMs;
    s.lb.backends[masterId(i)] = newBackend(masterId(i), phase);
    s.lb.order.push(masterId(i));
  }

  const hosts = etcdHostsFor(s);
  for (const h of hosts) {
    s.etcd.members[h] = createMember(s, h, h, hosts);
    s.etcd.order.push(h);
  }

  // The Deployment's pods are already running, spread over the workers (the cluster was up before).
  const rsHash = newId(s, 10);
  s.workloads.rsHash = rsHash;
  const workers = s.nodeOrder.filter((id) => s.nodes[id].kind === 'worker');
  for (let i = 0; i < config.replicas; i++) {
    const name = podName(s, 'web', rsHash);
    s.workloads.pods[name] = { name, node: workers.length ? workers[i % workers.length] : null, phase: workers.length ? 'Running' : 'Pending', createdAt: 0 };
  }
  for (const w of workers) s.workloads.nodeSeenAt[w] = 0;
  // Each kubelet already holds its connection to an apiserver through the LB (spread in order).
  workers.forEach((w, i) => {
    s.clients.kubelets[w] = newKubeletConnection(s.lb.order.length ? s.lb.order[i % s.lb.order.length] : null, s.lb.vipHolder);
  });
  s.clients.inCluster = newInClusterClients(workers);

  emit(s, 'cluster.started', 'cluster',
    `A ${config.masters}-master cluster with ${config.topology} etcd (${hosts.length} members) starts: etcd elects a leader, then the controller-manager and scheduler take their leases.`);
  return freeze(s, true);
}

