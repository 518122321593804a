// kube-apiserver: serves if its process runs on an up node; reads and writes need its etcd.
// Stacked: only the local member (127.0.0.1:2379). External: all members, first usable one wins.
import type { Master, RequestId, State, StoreOp } from './types.js';
import { connected, nodeUp } from './network.js';
import { linearizableReadOk, memberServing, proposeVia } from './etcd/index.js';
import { takeResult } from './store.js';
import { emit, causeOf, setCause } from './events.js';
import { APISERVER_START_MS, LIVENESS_RESTART_MS, STARTUP_PROBE_MS, apiserverProbeDeadline, crashLoopBackoffMs } from './config.js';

/** /readyz's etcd check times out after 2 s (--etcd-readycheck-timeout). */
export const READYZ_ETCD_TIMEOUT_MS = 2000;

/** The apiserver process answers on its port (it may still fail requests that need etcd). */
export function apiserverServing(s: State, masterId: string): boolean {
  const m = s.masters[masterId];
  return !!m && m.apiserver.state === 'running' && nodeUp(s, masterId);
}

/**
 * The etcd member this apiserver would use right now for a linearizable read or a write, or null.
 * Stacked: its local member only. External: the endpoints in order from its cursor (clientv3
 * round-robin, retries reads on Unavailable), the first that is reachable and has a quorum leader.
 */
export function etcdPathFor(s: State, masterId: string): string | null {
  const m = s.masters[masterId];
  if (!m || !apiserverServing(s, masterId)) return null;
  const eps = m.apiserver.endpoints;
  for (let i = 0; i < eps.length; i++) {
    const id = eps[(m.apiserver.endpointCursor + i) % eps.length];
    const member = s.etcd.members[id];
    if (!member) continue;
    if (!connected(s, masterId, member.host)) continue;
    if (linearizableReadOk(s, id)) return id;
  }
  return null;
}

/** Why this apiserver cannot reach a working etcd, in plain words (or null when it can). */
export function etcdProblem(s: State, masterId: string): string | null {
  const m = s.masters[masterId];
  if (!m) return 'no such master';
  if (etcdPathFor(s, masterId)) return null;
  if (s.config.topology === 'stacked') {
    const id = m.etcdMember ?? masterId;
    if (!memberServing(s, id)) return `its local etcd member ${id} is down (stacked: it talks only to 127.0.0.1:2379)`;
    return `its local etcd member ${id} has no leader with quorum`;
  }
  const reachable = m.apiserver.endpoints.filter((id) => s.etcd.members[id] && connected(s, masterId, s.etcd.members[id].host));
  if (reachable.length === 0) return 'no etcd endpoint is reachable';
  return 'no reachable etcd member has a leader with quorum';
}

/** Linearizable read through this apiserver succeeds now. */
export function readOk(s: State, masterId: string): boolean {
  return etcdPathFor(s, masterId) !== null;
}

/**
 * Proposes a write through this apiserver. Returns the outcome if it is known now:
 * 'ok' / 'conflict' once committed and applied, 'pending' if etcd accepted it but it has not
 * committed yet, 'blocked' if no etcd leader took it (the caller waits and times out),
 * 'refused' if the apiserver is not serving at all.
 */
export function writeVia(s: State, masterId: string, op: StoreOp): 'ok' | 'conflict' | 'pending' | 'blocked' | 'refused' {
  if (!apiserverServing(s, masterId)) return 'refused';
  const m = s.masters[masterId];
  const eps = m.apiserver.endpoints;
  for (let i = 0; i < eps.length; i++) {
    const idx = (m.apiserver.endpointCursor + i) % eps.length;
    const id = eps[idx];
    const member = s.etcd.members[id];
    if (!member || !connected(s, masterId, member.host)) continue;
    if (s.config.topology === 'external' && !linearizableReadOk(s, id)) continue;
    if (proposeVia(s, id, op)) {
      if (idx !== m.apiserver.endpointCursor) m.apiserver.endpointCursor = idx;
      const r = takeResult(s, op.requestId);
      return r ?? 'pending';
    }
  }
  return 'blocked';
}

/** Resolves a write that was accepted earlier, if it has since been applied. */
export function pollWrite(s: State, requestId: RequestId): 'ok' | 'conflict' | null {
  return takeResult(s, requestId);
}

function setReady(s: State, m: Master, ready: boolean): void {
  if (m.apiserver.ready === ready) return;
  m.apiserver.ready = ready;
  if (ready) {
    emit(s, 'apiserver.ready', m.id, `kube-apiserver on ${m.id} is ready: /readyz passes, etcd answers.`);
  } else if (m.apiserver.state === 'running') {
    const why = etcdProblem(s, m.id) ?? 'etcd does not answer';
    const id = emit(s, 'apiserver.unavailable', m.id,
      `kube-apiserver on ${m.id} is up but not ready: ${why}. Writes and consistent reads through it fail.`,
      causeOf(s, 'etcd.quorum', `etcd.member:${m.etcdMember ?? ''}`, 'etcd.member'));
    setCause(s, `apiserver:${m.id}`, id);
  }
}

/** Readiness from the etcd check, and the kubelet's liveness restarts when etcd stays broken (~80 s). */
export function tickApiservers(s: State): void {
  for (const id of Object.keys(s.masters)) {
    const m = s.masters[id];
    const a = m.apiserver;
    if (a.state !== 'running' || !nodeUp(s, id)) {
      if (a.ready) a.ready = false;
      continue;
    }
    const ok = etcdPathFor(s, id) !== null;
    if (ok) a.etcdOkAt = s.t;
    const ready = ok || s.t - a.etcdOkAt < READYZ_ETCD_TIMEOUT_MS;
    setReady(s, m, ready);
    // /livez includes the etcd check: after ~80 s of failures the kubelet restarts the container;
    // a restarted one that cannot reach etcd fails its startup probe for 240 s before the next
    // restart (a slow crash loop, docs/FIDELITY.md §8 item 8, §10.5).
    const probe = apiserverProbeDeadline(a);
    if (!ok && s.t >= probe.at) {
      a.state = 'restarting';
      a.since = s.t;
      a.restarts += 1;
      a.restartAt = s.t + crashLoopBackoffMs(a.restarts) + APISERVER_START_MS;
      a.ready = false;
      failPending(s, m);
      emit(s, 'apiserver.liveness_restart', id,
        probe.probe === 'liveness'
          ? `The kubelet restarts kube-apiserver on ${id}: /livez has failed for ${LIVENESS_RESTART_MS / 1000} s because etcd is unusable; it will crash-loop until etcd is back.`
          : `The kubelet restarts kube-apiserver on ${id}: it has failed its startup probe for ${STARTUP_PROBE_MS / 1000} s (it cannot reach etcd); it will keep crash-looping until etcd is back.`,
        causeOf(s, `apiserver:${id}`));
    }
  }
}

/**
 * The process holding these requests died: no answer will come. The clients see a reset when its
 * host is up (or the stop was graceful), silence until `timeout server` when the host is gone
 * (resolved on the next tick, once the node's fate is known).
 */
export function failPending(_s: State, m: Master): void {
  for (const b of m.apiserver.pending) b.lost = true;
}

/**
 * Adds to the current one-second bucket of the traffic history and the backend's recent window.
 * Buckets are replaced, never changed in place, so snapshots can share them.
 */
export function recordBucket(s: State, ok: number, failed: number, backend: string | null): void {
  const sec = Math.floor(s.t / 1000) * 1000;
  const h = s.traffic.history;
  const last = h[h.length - 1];
  if (!last || last.t !== sec) {
    h.push({ t: sec, ok, failed });
    if (h.length > TRAFFIC_HISTORY_SECONDS) h.splice(0, h.length - TRAFFIC_HISTORY_SECONDS);
  } else {
    h[h.length - 1] = { t: sec, ok: last.ok + ok, failed: last.failed + failed };
  }
  if (backend) {
    const be = s.lb.backends[backend];
    if (!be) return;
    const r = be.recent;
    const bucket = Math.floor(s.t / 1000);
    const lb = r[r.length - 1];
    if (!lb || lb.sec !== bucket) {
      r.push({ sec: bucket, served: ok, failed });
      if (r.length > BACKEND_RECENT_SECONDS) r.splice(0, r.length - BACKEND_RECENT_SECONDS);
    } else {
      r[r.length - 1] = { sec: bucket, served: lb.served + ok, failed: lb.failed + failed };
    }
  }
}

export const TRAFFIC_HISTORY_SECONDS = 120;
export const BACKEND_RECENT_SECONDS = 10;
