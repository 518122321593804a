// Workers and the Deployment's pods. Running pods keep running without a control plane; only the
// KCM leader (ReplicaSet and node lifecycle controllers) and the scheduler leader change anything,
// and only through their own apiserver.
import type { Elector, ElectorComponent, State } from './types.js';
import { connected, nodeUp } from './network.js';
import { writeVia, readOk } from './apiserver.js';
import { apiThroughLb } from './api-through-lb.js';
import { podName } from './ids.js';
import { emit, causeOf, setCause } from './events.js';

/** A new KCM leader LISTs everything and waits for its informer caches before controllers act. */
export const KCM_CACHE_SYNC_MS = 2000;
/** node-monitor-period: how often the node lifecycle controller looks at node heartbeats. */
export const NODE_MONITOR_PERIOD_MS = 5000;
/** unhealthy-zone-threshold: with more NotReady nodes than this share, small clusters stop evicting. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;

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

/** A kubelet can post its node lease: its node is up and reaches the LB VIP, which has a working backend. */
function kubeletHeartbeats(s: State, worker: string, apiOk: boolean): boolean {
  const lb = s.lb.vipHolder;
  return nodeUp(s, worker) && !!lb && connected(s, worker, lb) && apiOk;
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
  return workerIds(s).filter((w) => !s.workloads.notReadySince[w]);
}

function nodeLifecycle(s: State, kcmMaster: string, kcm: Elector): void {
  const wl = s.workloads;
  const workers = workerIds(s);
  if (wl.kcmIdentity !== kcm.identity) {
    // A newly elected KCM gives every node a fresh grace period (probeTimestamp = now).
    wl.kcmIdentity = kcm.identity;
    for (const w of workers) wl.nodeSeenAt[w] = s.t;
  }
  if (s.t % NODE_MONITOR_PERIOD_MS !== 0) return;
  const apiOk = apiThroughLb(s).writes;
  const k = s.config.knobs;
  for (const w of workers) {
    if (kubeletHeartbeats(s, w, apiOk)) wl.nodeSeenAt[w] = s.t;
    const silent = s.t - (wl.nodeSeenAt[w] ?? s.t);
    if (silent > k.nodeMonitorGracePeriodMs && !wl.notReadySince[w]) {
      wl.notReadySince[w] = s.t;
      const id = emit(s, 'node.not_ready', w,
        `${w} has not renewed its node lease for ${Math.round(silent / 1000)} s (node-monitor-grace-period ${k.nodeMonitorGracePeriodMs / 1000} s): Ready=Unknown, tainted unreachable. Its pods are evicted after ${k.podEvictionTimeoutMs / 1000} s more (tolerationSeconds).`,
        causeOf(s, `node:${w}`));
      setCause(s, `notready:${w}`, id);
    } else if (silent <= k.nodeMonitorGracePeriodMs && wl.notReadySince[w]) {
      delete wl.notReadySince[w];
      emit(s, 'node.ready', w, `${w} is Ready again.`);
    }
  }
  // Taint-based eviction, unless too much of the zone is down (small clusters stop evicting).
  const notReady = Object.keys(wl.notReadySince).length;
  if (workers.length === 0 || notReady / workers.length >= UNHEALTHY_ZONE_THRESHOLD) return;
  for (const w of Object.keys(wl.notReadySince)) {
    if (s.t - wl.notReadySince[w] < k.podEvictionTimeoutMs) continue;
    const victims = Object.values(wl.pods).filter((p) => p.node === w);
    if (victims.length === 0) continue;
    const r = writeVia(s, kcmMaster, { kind: 'pods', requestId: `evict-${s.tick}-${w}`, create: 0, bind: 0, remove: victims.length });
    if (r !== 'ok') continue;
    for (const p of victims) delete wl.pods[p.name];
    emit(s, 'pods.evicted', w, `${victims.length} pod(s) on ${w} were evicted after ${k.podEvictionTimeoutMs / 1000} s NotReady; the ReplicaSet replaces them.`, causeOf(s, `notready:${w}`));
  }
}

function replicaSet(s: State, kcmMaster: string): void {
  const wl = s.workloads;
  const active = Object.values(wl.pods).filter((p) => p.phase !== 'Terminating');
  const diff = wl.desired - active.length;
  if (diff === 0) return;
  if (diff > 0) {
    const r = writeVia(s, kcmMaster, { kind: 'pods', requestId: `rs-${s.tick}`, create: diff, bind: 0, remove: 0 });
    if (r !== 'ok') return;
    const names: string[] = [];
    for (let i = 0; i < diff; i++) {
      const name = podName(s, wl.deployment, wl.rsHash);
      wl.pods[name] = { name, node: null, phase: 'Pending', createdAt: s.t };
      names.push(name);
    }
    emit(s, 'pods.created', wl.deployment, `The ReplicaSet controller (KCM leader on ${kcmMaster}) created ${diff} pod(s) to get back to ${wl.desired}: ${names.join(', ')}.`, causeOf(s, 'pods.deleted'), { count: diff });
  } else {
    const extra = active.sort((a, b) => (a.phase === b.phase ? b.createdAt - a.createdAt : a.phase === 'Pending' ? -1 : 1)).slice(0, -diff);
    const r = writeVia(s, kcmMaster, { kind: 'pods', requestId: `rs-${s.tick}`, create: 0, bind: 0, remove: extra.length });
    if (r !== 'ok') return;
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
  const r = writeVia(s, schedMaster, { kind: 'pods', requestId: `bind-${s.tick}`, create: 0, bind: pending.length, remove: 0 });
  if (r !== 'ok') return;
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
  const r = writeVia(s, via, { kind: 'pods', requestId: `del-${s.tick}`, create: 0, bind: 0, remove: 1 });
  if (r !== 'ok') return false;
  delete wl.pods[pod.name];
  const id = emit(s, 'pods.deleted', pod.name,
    `Pod ${pod.name} was deleted. Only the KCM leader's ReplicaSet controller will create a replacement${activeLeader(s, 'controller-manager') ? '' : ' — and there is no KCM leader right now'}.`);
  setCause(s, 'pods.deleted', id);
  return true;
}
