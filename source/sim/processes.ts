// Control-plane processes as the kubelet runs them (static pods): kill, graceful stop, start,
// and restarts with crash-loop back-off.
import type { ComponentKind, ElectorComponent, Master, State } from './types.js';
import { crashLoopBackoffMs, APISERVER_START_MS, CONTAINER_START_MS } from './config.js';
import { holderIdentity } from './ids.js';
import { nodeUp } from './network.js';
import { crashMember, startMember, stopMember, memberServing } from './etcd/index.js';
import { emit, causeOf, setCause } from './events.js';
import { failPending } from './apiserver.js';
import { NEVER } from './create.js';
import { releaseLease, leaseNameFor } from './lease-release.js';

/** The kubelet resets a container's back-off after it has run this long without exiting. */
const BACKOFF_RESET_MS = 600_000;

const LABEL: Record<ComponentKind, string> = {
  apiserver: 'kube-apiserver',
  'controller-manager': 'kube-controller-manager',
  scheduler: 'kube-scheduler',
  etcd: 'etcd',
};
export const componentLabel = (c: ComponentKind) => LABEL[c];

/** The kubelet's next restart: at once for the first exit, then crash-loop back-off; plus the start-up time. */
function nextBackoff(restarts: number, ranFor: number, startMs = CONTAINER_START_MS): { restarts: number; delay: number; backoff: number } {
  const r = ranFor >= BACKOFF_RESET_MS ? 1 : restarts + 1;
  const backoff = crashLoopBackoffMs(r);
  return { restarts: r, delay: backoff + startMs, backoff };
}

/** Marks an elector dead; if it led, note the story so the next acquisition can name its cause. */
function endElector(s: State, m: Master, c: ElectorComponent, state: 'killed' | 'stopped' | 'restarting', cause: string | null, exitCode: number | null, restart: boolean): void {
  const e = m.electors[c];
  if (e.leading) setCause(s, `lease:${leaseNameFor(c)}`, cause ?? causeOf(s, `lease:${leaseNameFor(c)}`) ?? '');
  const ranFor = s.t - e.since;
  e.state = state;
  e.since = s.t;
  e.leading = false;
  e.op = null;
  e.lastExitCode = exitCode;
  if (restart) {
    const b = nextBackoff(e.restarts, ranFor);
    e.restarts = b.restarts;
    e.restartAt = s.t + b.delay;
  } else {
    e.restartAt = null;
  }
}

/** SIGKILL a component; the kubelet restarts it (at once the first time, then with crash-loop back-off). */
export function killComponent(s: State, masterId: string, c: ComponentKind, cause: string | null = null): void {
  const m = s.masters[masterId];
  if (!m) return;
  if (c === 'apiserver') {
    const a = m.apiserver;
    if (a.state !== 'running') return;
    const b = nextBackoff(a.restarts, s.t - a.since, APISERVER_START_MS);
    a.state = 'killed';
    a.since = s.t;
    a.ready = false;
    a.restarts = b.restarts;
    a.restartAt = s.t + b.delay;
    failPending(s, m);
    const id = emit(s, 'component.killed', masterId, `kube-apiserver on ${masterId} was killed; the kubelet restarts it ${b.backoff ? `after a crash-loop back-off of ${b.backoff / 1000} s` : 'at once (its first exit)'} and it takes about ${APISERVER_START_MS / 1000} s to open its port again. Until the LB's health checks notice, requests sent to it fail or are retried.`, cause);
    setCause(s, `apiserver:${masterId}`, id);
    return;
  }
  if (c === 'etcd') {
    if (!m.etcdMember || !s.etcd.members[m.etcdMember]?.running) return;
    crashMember(s, m.etcdMember);
    const b = nextBackoff(m.etcdRestarts, 0);
    m.etcdRestarts = b.restarts;
    m.etcdRestartAt = s.t + b.delay;
    const id = emit(s, 'component.killed', masterId, `etcd member ${m.etcdMember} on ${masterId} was killed; the kubelet restarts it ${b.backoff ? `after a crash-loop back-off of ${b.backoff / 1000} s` : 'at once (its first exit)'}.`, cause);
    setCause(s, 'etcd.member', id);
    setCause(s, `etcd.member:${m.etcdMember}`, id);
    return;
  }
  const e = m.electors[c];
  if (e.state !== 'running') return;
  const wasLeader = e.leading;
  const id = emit(s, 'component.killed', masterId,
    `${LABEL[c]} on ${masterId} was killed${wasLeader ? ' while holding the lease; nobody releases it, so the others must wait for it to expire' : ''}.`, cause,
    { identity: e.identity, leader: wasLeader });
  endElector(s, m, c, 'killed', id, null, true);
  if (wasLeader) setCause(s, `lease:${leaseNameFor(c)}`, id);
}

/** SIGTERM a component and keep it stopped (its manifest is moved away) until `restart`. */
export function stopComponent(s: State, masterId: string, c: ComponentKind, cause: string | null = null): void {
  const m = s.masters[masterId];
  if (!m) return;
  if (c === 'apiserver') {
    const a = m.apiserver;
    if (a.state === 'stopped') return;
    a.state = 'stopped';
    a.since = s.t;
    a.ready = false;
    a.restartAt = null;
    failPending(s, m);
    const id = emit(s, 'component.stopped', masterId, `kube-apiserver on ${masterId} was stopped gracefully.`, cause);
    setCause(s, `apiserver:${masterId}`, id);
    return;
  }
  if (c === 'etcd') {
    if (!m.etcdMember) return;
    const member = s.etcd.members[m.etcdMember];
    if (!member || !member.running) return;
    const id = emit(s, 'component.stopped', masterId, `etcd member ${m.etcdMember} on ${masterId} is stopping gracefully${member.role === 'leader' ? ' and hands leadership over first' : ''}.`, cause);
    setCause(s, 'etcd.member', id);
    setCause(s, `etcd.member:${m.etcdMember}`, id);
    stopMember(s, m.etcdMember);
    m.etcdRestartAt = null;
    return;
  }
  const e = m.electors[c];
  if (e.state !== 'running') return;
  const wasLeader = e.leading;
  let id: string;
  if (wasLeader && c === 'scheduler') {
    const released = releaseLease(s, m, e);
    id = emit(s, 'component.stopped', masterId, released
      ? `kube-scheduler on ${masterId} got SIGTERM and released its lease (ReleaseOnCancel): holder is now empty, so a standby can take it on its next retry (≤ 4.4 s).`
      : `kube-scheduler on ${masterId} got SIGTERM but could not release its lease (its apiserver did not answer); the standbys must wait for it to expire.`, cause,
      { identity: e.identity, released });
  } else {
    id = emit(s, 'component.stopped', masterId, wasLeader
      ? `${LABEL[c]} on ${masterId} was stopped gracefully, but kube-controller-manager never releases its lease: the standbys still wait the full lease duration.`
      : `${LABEL[c]} on ${masterId} was stopped gracefully.`, cause, { identity: e.identity });
  }
  endElector(s, m, c, 'stopped', id, 0, false);
  if (wasLeader) setCause(s, `lease:${leaseNameFor(c)}`, id);
}

/** Starts a component now (a fresh process: electors get a new identity). */
export function startComponent(s: State, masterId: string, c: ComponentKind, cause: string | null = null, quiet = false): void {
  const m = s.masters[masterId];
  if (!m || !nodeUp(s, masterId)) return;
  if (c === 'apiserver') {
    const a = m.apiserver;
    if (a.state === 'running') return;
    a.state = 'running';
    a.since = s.t;
    a.restartAt = null;
    a.ready = false;
    a.etcdOkAt = NEVER;
    if (!quiet) emit(s, 'component.started', masterId, `kube-apiserver on ${masterId} started.`, cause);
    return;
  }
  if (c === 'etcd') {
    if (!m.etcdMember || !s.etcd.members[m.etcdMember]) return;
    if (!memberServing(s, m.etcdMember)) startMember(s, m.etcdMember);
    m.etcdRestartAt = null;
    if (!quiet) emit(s, 'component.started', masterId, `etcd member ${m.etcdMember} on ${masterId} started and rejoins as a follower.`, cause);
    return;
  }
  const e = m.electors[c];
  if (e.state === 'running') return;
  e.identity = holderIdentity(s, masterId);
  e.state = 'running';
  e.since = s.t;
  e.leading = false;
  e.op = null;
  e.observedRecord = null;
  e.observedTime = 0;
  e.observedRV = 0;
  e.nextTryAt = s.t;
  e.restartAt = null;
  if (!quiet) emit(s, 'component.started', masterId,
    `${LABEL[c]} on ${masterId} started as ${e.identity}: a new identity, so it must first watch the lease for a full lease duration.`, cause,
    { identity: e.identity });
}

/** Process exit after losing leadership (client-go OnStoppedLeading → exit 1), restarted by the kubelet. */
export function exitAfterLostLease(s: State, m: Master, c: ElectorComponent, cause: string | null): void {
  endElector(s, m, c, 'restarting', cause, 1, true);
}

/** The kubelet's restarts: whatever has a restartAt in the past starts again (if its node is up). */
export function tickProcesses(s: State): void {
  for (const id of Object.keys(s.masters)) {
    if (!nodeUp(s, id)) continue;
    const m = s.masters[id];
    const a = m.apiserver;
    if (a.restartAt !== null && s.t >= a.restartAt) startComponent(s, id, 'apiserver', null, a.state === 'restarting');
    for (const c of ['controller-manager', 'scheduler'] as const) {
      const e = m.electors[c];
      if (e.restartAt !== null && s.t >= e.restartAt) startComponent(s, id, c, null);
    }
    if (m.etcdRestartAt !== null && s.t >= m.etcdRestartAt) startComponent(s, id, 'etcd', null);
  }
}

/** A whole master goes down: every process dies with it (hard) or stops (graceful). */
export function downMaster(s: State, masterId: string, graceful: boolean, cause: string | null): void {
  const m = s.masters[masterId];
  if (!m) return;
  if (graceful) {
    // Static pods get SIGTERM: the scheduler releases, etcd transfers leadership, KCM releases nothing.
    stopComponent(s, masterId, 'scheduler', cause);
    stopComponent(s, masterId, 'controller-manager', cause);
    stopComponent(s, masterId, 'etcd', cause);
    stopComponent(s, masterId, 'apiserver', cause);
  } else {
    for (const c of ['controller-manager', 'scheduler'] as const) {
      const e = m.electors[c];
      if (e.state === 'running' || e.restartAt !== null) {
        const wasLeader = e.leading && e.state === 'running';
        endElector(s, m, c, 'killed', cause, null, false);
        if (wasLeader) setCause(s, `lease:${leaseNameFor(c)}`, cause ?? '');
      }
    }
    if (m.etcdMember && s.etcd.members[m.etcdMember]) crashMember(s, m.etcdMember);
    m.etcdRestartAt = null;
    const a = m.apiserver;
    failPending(s, m);
    a.state = 'killed';
    a.since = s.t;
    a.ready = false;
    a.restartAt = null;
  }
  // Nothing restarts until the node is back.
  m.apiserver.restartAt = null;
  m.electors['controller-manager'].restartAt = null;
  m.electors.scheduler.restartAt = null;
  m.etcdRestartAt = null;
}

/** A master boots: the kubelet starts every static pod from its manifests. */
export function upMaster(s: State, masterId: string, cause: string | null): void {
  const m = s.masters[masterId];
  if (!m) return;
  if (m.etcdMember) startComponent(s, masterId, 'etcd', cause, true);
  startComponent(s, masterId, 'apiserver', cause, true);
  startComponent(s, masterId, 'controller-manager', cause, true);
  startComponent(s, masterId, 'scheduler', cause, true);
}
