// Workers and the Deployment's pods. Running pods keep running without a control plane; only the
// KCM leader (ReplicaSet and node lifecycle controllers) and the scheduler leader change anything,
// and only through their own apiserver.
import type { Elector, ElectorComponent, State, ZoneState } from './types.js';
import { newRequestId } from './store.js';
import { EVICTION_RATE_PER_S, evictionOutlook, taintRatePerS, zoneState } from './node-zone.js';
import { connected, nodeUp } from './network.js';
import { writeVia, readOk } from './apiserver.js';
import { apiThroughLb } from './api-through-lb.js';
import { podName } from './ids.js';
import { emit, causeOf, setCause } from './events.js';

/** A new KCM leader LISTs everything and waits for its informer caches before controllers act. */
export const KCM_CACHE_SYNC_MS = 2000;
/** node-monitor-period: how often the node lifecycle controller looks at node heartbeats. */
export const NODE_MONITOR_PERIOD_MS = 5000;

/**
 * etcd took the write (it commits within milliseconds, over the wire by the next tick, unless its
 * leader dies first): controllers act on it as their apiserver would answer them.
 */
function accepted(r: ReturnType<typeof writeVia>): boolean {
  return r === 'ok' || r === 'pending';
}

export function workerIds(s: State): string[] {
  return s.nodeOrder.filter((id) => s.nodes[id].kind === 'worker');
}

/** The running elector that believes it leads, on an up node, or null. */
export function activeLeader(s: State, c: ElectorComponent): { master: string; e: Elector } | null {
  for (const id of Object.keys(s.masters)) {
    const e = s.masters[id].electors[c];
    if (e.state === 'running' && e.leading && nodeUp(s, id)) return { master: id, e };
  }
  return null;
}

/**
 * A kubelet can post its node lease. A worker's kubelet holds its own connection through the LB
 * (client-connections.ts): it renews only while that connection answers and its apiserver can
 * write, so a kubelet stranded on a silent server misses renewals although other backends work.
 * Other nodes: up, reaching the LB VIP, which has a working backend.
 */
function kubeletHeartbeats(s: State, node: string, apiOk: boolean): boolean {
  if (!nodeUp(s, node)) return false;
  const conn = s.clients.kubelets[node];
  if (conn) return conn.nodeLeaseRenewable;
  const lb = s.lb.vipHolder;
  return !!lb && connected(s, node, lb) && apiOk;
}

function reasonStalled(s: State): string | null {
  const kcm = activeLeader(s, 'controller-manager');
  if (!kcm) return 'no kube-controller-manager holds the lease: nothing recreates missing pods';
  if (!readOk(s, kcm.master)) return `the KCM leader on ${kcm.master} cannot reach a working etcd through its apiserver`;
  if (s.t - kcm.e.leadingSince < KCM_CACHE_SYNC_MS) return `the new KCM leader on ${kcm.master} is syncing its caches`;
  const hasPending = Object.values(s.workloads.pods).some((p) => p.phase === 'Pending');
  if (hasPending) {
    const sch = activeLeader(s, 'scheduler');
    if (!sch) return 'no kube-scheduler holds the lease: new pods stay Pending';
    if (!readOk(s, sch.master)) return `the scheduler leader on ${sch.master} cannot reach a working etcd`;
    if (readyWorkers(s).length === 0) return 'no Ready worker to schedule onto';
  }
  return null;
}

function readyWorkers(s: State): string[] {
  return workerIds(s).filter((w) => s.workloads.notReadySince[w] === undefined);
}

/** Kubernetes nodes: workers and control-plane nodes (each runs a kubelet that renews its node lease). */
export function k8sNodeIds(s: State): string[] {
  return s.nodeOrder.filter((id) => s.nodes[id].kind === 'worker' || s.nodes[id].kind === 'master');
}

/**
 * The node lifecycle controller (KCM leader, every node-monitor-period): Ready → NotReady after the
 * grace period, the zone state, the rate-limited NoExecute taint, evictions after tolerationSeconds.
 */
function nodeLifecycle(s: State, kcmMaster: string, kcm: Elector): void {
  const wl = s.workloads;
  if (wl.kcmIdentity !== kcm.identity) {
    // A newly elected KCM gives every node a fresh grace period (probeTimestamp = now).
    wl.kcmIdentity = kcm.identity;
    for (const n of k8sNodeIds(s)) wl.nodeSeenAt[n] = s.t;
  }
  if (s.t % NODE_MONITOR_PERIOD_MS !== 0) return;
  const nodes = k8sNodeIds(s);
  const apiOk = apiThroughLb(s).writes;
  const k = s.config.knobs;
  const fresh: { node: string; silent: number }[] = [];
  for (const n of nodes) {
    if (kubeletHeartbeats(s, n, apiOk)) wl.nodeSeenAt[n] = s.t;
    const silent = s.t - (wl.nodeSeenAt[n] ?? s.t);
    if (silent > k.nodeMonitorGracePeriodMs && wl.notReadySince[n] === undefined) {
      wl.notReadySince[n] = s.t;
      fresh.push({ node: n, silent });
    } else if (silent <= k.nodeMonitorGracePeriodMs && wl.notReadySince[n] !== undefined) {
      nodeReadyAgain(s, n);
    }
  }
  const notReady = Object.keys(wl.notReadySince).length;
  const zone = zoneState(notReady, nodes.length);
  if (zone !== wl.zone) zoneChanged(s, wl.zone, zone, notReady, nodes.length);
  for (const { node, silent } of fresh) {
    const id = emit(s, 'node.not_ready', node,
      `${node} has not renewed its node lease for ${Math.round(silent / 1000)} s (node-monitor-grace-period ${k.nodeMonitorGracePeriodMs / 1000} s): Ready=Unknown, tainted unreachable:NoSchedule. ${evictionOutlook(zone, notReady, nodes.length, k.podEvictionTimeoutMs / 1000)}`,
      causeOf(s, `node:${node}`), { zone });
    setCause(s, `notready:${node}`, id);
  }
  taintQueue(s, zone, nodes.length);
  for (const n of Object.keys(wl.taintedAt)) {
    if (s.t - wl.taintedAt[n] < k.podEvictionTimeoutMs) continue;
    const victims = Object.values(wl.pods).filter((p) => p.node === n && p.phase !== 'Terminating');
    if (victims.length === 0) continue;
    const r = writeVia(s, kcmMaster, { kind: 'pods', requestId: newRequestId(s), create: 0, bind: 0, remove: victims.length });
    if (!accepted(r)) continue;
    // The kubelet on an unreachable node cannot confirm: the pods stay Terminating until it returns.
    for (const p of victims) wl.pods[p.name].phase = 'Terminating';
    emit(s, 'pods.evicted', n, `${victims.length} pod(s) on ${n} were evicted ${k.podEvictionTimeoutMs / 1000} s after the NoExecute taint; they show Terminating until ${n} comes back, and the ReplicaSet replaces them on Ready nodes.`, causeOf(s, `notready:${n}`), { count: victims.length });
  }
}

/** The rate-limited taint queue: NotReady nodes get the NoExecute taint one by one, at the zone's rate. */
function taintQueue(s: State, zone: ZoneState, clusterNodes: number): void {
  const wl = s.workloads;
  const rate = taintRatePerS(zone, clusterNodes);
  if (rate <= 0) return;
  const gapMs = 1000 / rate;
  const waiting = Object.keys(wl.notReadySince).filter((n) => wl.taintedAt[n] === undefined).sort((a, b) => wl.notReadySince[a] - wl.notReadySince[b]);
  for (const n of waiting) {
    if (wl.lastTaintAt !== null && s.t - wl.lastTaintAt < gapMs) return;
    wl.taintedAt[n] = s.t;
    wl.lastTaintAt = s.t;
    emit(s, 'node.tainted', n, `${n} got the node.kubernetes.io/unreachable:NoExecute taint: its pods are evicted in ${s.config.knobs.podEvictionTimeoutMs / 1000} s (tolerationSeconds) unless it comes back.`, causeOf(s, `notready:${n}`));
  }
}

function zoneChanged(s: State, from: ZoneState, to: ZoneState, notReady: number, total: number): void {
  const wl = s.workloads;
  wl.zone = to;
  if (to === 'full') wl.taintedAt = {}; // master disruption mode removes the NoExecute taints
  const text = to === 'full'
    ? `All ${total} nodes are NotReady: the node lifecycle controller enters master disruption mode (it assumes the fault is its own connectivity): it removes the NoExecute taints and evicts nothing.`
    : to === 'partial'
      ? `${notReady} of ${total} nodes are NotReady: the zone is partially disrupted. ${evictionOutlook('partial', notReady, total, s.config.knobs.podEvictionTimeoutMs / 1000)}`
      : `The zone is back to normal (${notReady} of ${total} nodes NotReady${from === 'full' ? ', master disruption mode is over' : ''}): NotReady nodes are tainted at ${EVICTION_RATE_PER_S} node/s again.`;
  emit(s, 'node.zone_state', 'zone', text, causeOf(s, 'etcd.quorum', 'lb.vip'), { from, to, notReady, total });
}

/** A node renews its lease again: Ready, untainted; its Terminating pods are finally gone. */
function nodeReadyAgain(s: State, n: string): void {
  const wl = s.workloads;
  delete wl.notReadySince[n];
  delete wl.taintedAt[n];
  let gone = 0;
  for (const p of Object.values(wl.pods)) {
    if (p.node === n && p.phase === 'Terminating') {
      delete wl.pods[p.name];
      gone++;
    }
  }
  emit(s, 'node.ready', n, `${n} is Ready again.${gone ? ` Its kubelet confirms the ${gone} evicted pod(s) are stopped: they are gone.` : ''}`);
}

function replicaSet(s: State, kcmMaster: string): void {
  const wl = s.workloads;
  const active = Object.values(wl.pods).filter((p) => p.phase !== 'Terminating');
  const diff = wl.desired - active.length;
  if (diff === 0) return;
  if (diff > 0) {
    const r = writeVia(s, kcmMaster, { kind: 'pods', requestId: newRequestId(s), create: diff, bind: 0, remove: 0 });
    if (!accepted(r)) return;
    const names: string[] = [];
    for (let i = 0; i < diff; i++) {
      const name = podName(s, wl.deployment, wl.rsHash);
      wl.pods[name] = { name, node: null, phase: 'Pending', createdAt: s.t };
      names.push(name);
    }
    emit(s, 'pods.created', wl.deployment, `The ReplicaSet controller (KCM leader on ${kcmMaster}) created ${diff} pod(s) to get back to ${wl.desired}: ${names.join(', ')}.`, causeOf(s, 'pods.deleted'), { count: diff });
  } else {
    const extra = active.sort((a, b) => (a.phase === b.phase ? b.createdAt - a.createdAt : a.phase === 'Pending' ? -1 : 1)).slice(0, -diff);
    const r = writeVia(s, kcmMaster, { kind: 'pods', requestId: newRequestId(s), create: 0, bind: 0, remove: extra.length });
    if (!accepted(r)) return;
    for (const p of extra) delete wl.pods[p.name];
    emit(s, 'pods.deleted', wl.deployment, `The ReplicaSet controller scaled down by ${extra.length} pod(s).`);
  }
}

function schedule(s: State, schedMaster: string): void {
  const wl = s.workloads;
  const pending = Object.values(wl.pods).filter((p) => p.phase === 'Pending');
  if (pending.length === 0) return;
  const ready = readyWorkers(s);
  if (ready.length === 0) return;
  const r = writeVia(s, schedMaster, { kind: 'pods', requestId: newRequestId(s), create: 0, bind: pending.length, remove: 0 });
  if (!accepted(r)) return;
  const count: Record<string, number> = {};
  for (const w of ready) count[w] = 0;
  for (const p of Object.values(wl.pods)) if (p.node && p.node in count) count[p.node]++;
  for (const p of pending) {
    const w = ready.reduce((best, x) => (count[x] < count[best] ? x : best), ready[0]);
    count[w]++;
    const pod = wl.pods[p.name];
    pod.node = w;
    pod.phase = 'Running';
  }
  emit(s, 'pods.scheduled', wl.deployment, `The scheduler leader on ${schedMaster} bound ${pending.length} pending pod(s) to Ready workers.`, causeOf(s, 'pods.deleted'), { count: pending.length });
}

export function tickWorkloads(s: State): void {
  const wl = s.workloads;
  const kcm = activeLeader(s, 'controller-manager');
  if (kcm && readOk(s, kcm.master)) {
    nodeLifecycle(s, kcm.master, kcm.e);
    if (s.t - kcm.e.leadingSince >= KCM_CACHE_SYNC_MS) replicaSet(s, kcm.master);
  }
  const sch = activeLeader(s, 'scheduler');
  if (sch && readOk(s, sch.master)) schedule(s, sch.master);
  if (s.tick % 5 === 0) {
    const reason = reasonStalled(s);
    const active = Object.values(wl.pods).filter((p) => p.phase !== 'Terminating').length;
    const needed = active !== wl.desired || Object.values(wl.pods).some((p) => p.phase === 'Pending');
    const shown = needed ? reason : null;
    if (shown !== wl.stalledReason) wl.stalledReason = shown;
  }
}

/** `kubectl delete pod` through the LB: needs API writes to work. */
export function deletePod(s: State, name: string | undefined): boolean {
  const wl = s.workloads;
  const pod = name ? wl.pods[name] : Object.values(wl.pods).find((p) => p.phase === 'Running');
  if (!pod) return false;
  const lb = s.lb.vipHolder;
  const via = s.lb.order.find((id) => s.lb.backends[id].status === 'UP' && lb && connected(s, lb, id) && readOk(s, id));
  if (!via) {
    emit(s, 'pods.delete_failed', pod.name, `kubectl delete pod ${pod.name} failed: the API cannot write right now.`, causeOf(s, 'etcd.quorum'));
    return false;
  }
  const r = writeVia(s, via, { kind: 'pods', requestId: newRequestId(s), create: 0, bind: 0, remove: 1 });
  if (!accepted(r)) return false;
  delete wl.pods[pod.name];
  const id = emit(s, 'pods.deleted', pod.name,
    `Pod ${pod.name} was deleted. Only the KCM leader's ReplicaSet controller will create a replacement${activeLeader(s, 'controller-manager') ? '' : ' — and there is no KCM leader right now'}.`);
  setCause(s, 'pods.deleted', id);
  return true;
}
