// client-go leader election (tools/leaderelection) for kube-controller-manager and kube-scheduler,
// as docs/FIDELITY.md §1 describes it: Lease objects read and written through the process's own
// apiserver, optimistic concurrency on resourceVersion, the follower's observed-time rule,
// jittered retries, and the renew deadline after which a leader exits.
import type { Elector, ElectorOp, LeaseRecord, Master, State } from './types.js';
import { newRequestId } from './store.js';
import { JITTER_FACTOR, leaseRequestTimeoutMs } from './config.js';
import { apiserverServing, readOk, writeVia, pollWrite } from './apiserver.js';
import { nodeUp } from './network.js';
import { random } from './rng.js';
import { emit, causeOf, setCause } from './events.js';
import { exitAfterLostLease } from './processes.js';
import { leaseNameFor } from './lease-release.js';

type Spec = Omit<LeaseRecord, 'resourceVersion'>;

/** The raw record as the follower compares it ("the raw record bytes changed"). */
export function rawRecord(r: Spec): string {
  return `${r.holderIdentity}|${r.leaseDurationSeconds}|${r.acquireTime}|${r.renewTime}|${r.leaseTransitions}`;
}

/** wait.Jitter(RetryPeriod, 1.2): RetryPeriod × (1 + U[0, 1.2)) → 2–4.4 s with the defaults. */
function jitteredRetry(s: State): number {
  const p = s.config.knobs.retryPeriodMs;
  return Math.round(p + random(s) * JITTER_FACTOR * p);
}

/** The lease is still valid from this process's own observation (not the record's renewTime). */
function observedValid(s: State, e: Elector, durationSeconds: number): boolean {
  return e.observedRecord !== null && e.observedTime + durationSeconds * 1000 > s.t;
}

function startGet(s: State, e: Elector): void {
  e.op = { kind: 'get', requestId: newRequestId(s), startedAt: s.t };
}

function startUpdate(s: State, e: Elector, record: Spec, expectRV: number): void {
  e.op = { kind: 'update', requestId: newRequestId(s), startedAt: s.t, record, expectRV, proposed: false };
}

/** One tryAcquireOrRenew attempt begins: a leader takes the fast path (update from its cache). */
function beginAttempt(s: State, e: Elector): void {
  const name = leaseNameFor(e.component);
  const cached = s.store.leases[name];
  if (e.leading && e.observedRecord !== null && cached !== undefined && observedValid(s, e, s.config.knobs.leaseDurationMs / 1000)) {
    const spec = parseRaw(e.observedRecord);
    if (spec && spec.holderIdentity === e.identity) {
      startUpdate(s, e, { ...spec, renewTime: s.t, leaseDurationSeconds: s.config.knobs.leaseDurationMs / 1000 }, e.observedRV);
      e.op!.fast = true;
      return;
    }
  }
  startGet(s, e);
}

function parseRaw(raw: string): Spec | null {
  const [holderIdentity, d, a, r, tr] = raw.split('|');
  if (tr === undefined) return null;
  return { holderIdentity, leaseDurationSeconds: Number(d), acquireTime: Number(a), renewTime: Number(r), leaseTransitions: Number(tr) };
}

/** The GET came back: the decision part of tryAcquireOrRenew. */
function onGot(s: State, m: Master, e: Elector, rec: LeaseRecord | undefined): void {
  const k = s.config.knobs;
  const dur = k.leaseDurationMs / 1000;
  if (!rec) {
    startUpdate(s, e, { holderIdentity: e.identity, leaseDurationSeconds: dur, acquireTime: s.t, renewTime: s.t, leaseTransitions: 0 }, 0);
    return;
  }
  const raw = rawRecord(rec);
  if (raw !== e.observedRecord) {
    e.observedRecord = raw;
    e.observedTime = s.t;
  }
  e.observedRV = rec.resourceVersion;
  if (rec.holderIdentity !== '' && rec.holderIdentity !== e.identity && observedValid(s, e, rec.leaseDurationSeconds)) {
    // Someone else holds a lease that has not expired from our point of view.
    if (e.leading) loseLeadership(s, m, e, `another holder (${rec.holderIdentity}) owns the lease`);
    else attemptDone(s, e, false);
    return;
  }
  const mine = rec.holderIdentity === e.identity;
  const takeover = mine ? undefined : { from: rec.holderIdentity, observedAgoMs: s.t - e.observedTime };
  startUpdate(s, e, {
    holderIdentity: e.identity,
    leaseDurationSeconds: dur,
    acquireTime: mine ? rec.acquireTime : s.t,
    renewTime: s.t,
    leaseTransitions: mine ? rec.leaseTransitions : rec.leaseTransitions + 1,
  }, rec.resourceVersion);
  if (takeover) e.op!.takeover = takeover;
}

function onUpdated(s: State, m: Master, e: Elector, record: Spec, takeover?: { from: string; observedAgoMs: number }): void {
  const name = leaseNameFor(e.component);
  const stored = s.store.leases[name];
  e.observedRecord = rawRecord(record);
  e.observedTime = s.t;
  e.observedRV = stored ? stored.resourceVersion : e.observedRV;
  e.lastRenewOkAt = s.t;
  if (!e.leading) {
    e.leading = true;
    e.leadingSince = s.t;
    const cause = causeOf(s, `lease:${name}`);
    const why = !takeover ? ''
      : takeover.from === '' ? ': the previous holder had released it (empty holderIdentity), so no waiting'
      : `: it last saw ${takeover.from} renew ${(takeover.observedAgoMs / 1000).toFixed(1)} s ago, more than the ${record.leaseDurationSeconds} s lease duration`;
    const id = emit(s, 'lease.acquired', name,
      `${m.id}'s ${e.component === 'controller-manager' ? 'kube-controller-manager' : 'kube-scheduler'} (${e.identity}) acquired the lease ${name}` +
      (record.leaseTransitions > 0 ? ` (transition ${record.leaseTransitions})` : '') + why +
      (e.component === 'controller-manager' ? '; it now starts its informers and syncs caches before controllers act.' : '; its caches are already warm, so it schedules at once.'),
      cause, { holder: e.identity, host: m.id, transitions: record.leaseTransitions, waitedMs: takeover ? takeover.observedAgoMs : null });
    setCause(s, `lease:${name}`, id);
  }
  attemptDone(s, e, true);
}

/** Schedules the next attempt: leaders renew every RetryPeriod, followers retry with jitter. */
function attemptDone(s: State, e: Elector, ok: boolean): void {
  e.op = null;
  const k = s.config.knobs;
  if (e.leading) {
    e.nextTryAt = s.t + k.retryPeriodMs;
    // A successful round ends; the next round (and its renew deadline) starts at the next attempt.
    if (ok) e.roundStartedAt = e.nextTryAt;
  } else {
    e.nextTryAt = s.t + jitteredRetry(s);
  }
}

function loseLeadership(s: State, m: Master, e: Elector, why: string): void {
  const name = leaseNameFor(e.component);
  const label = e.component === 'controller-manager' ? 'kube-controller-manager' : 'kube-scheduler';
  const id = emit(s, 'lease.lost', name,
    `${label} on ${m.id} lost the lease ${name}: ${why}. The process exits with code 1 and the kubelet restarts it as a follower with a new identity.`,
    causeOf(s, `apiserver:${m.id}`, 'etcd.quorum'), { holder: e.identity, host: m.id });
  setCause(s, `lease:${name}`, id);
  exitAfterLostLease(s, m, e.component, id);
}

function failAttempt(s: State, m: Master, e: Elector, why: string): void {
  const wasFastPath = e.leading && !!e.op?.fast;
  e.op = null;
  if (e.leading) {
    if (!s.causes[`renewfail:${e.identity}`]) {
      const id = emit(s, 'lease.renew_failed', leaseNameFor(e.component),
        `${m.id} could not renew ${leaseNameFor(e.component)}: ${why}. It keeps trying until the renew deadline (${s.config.knobs.renewDeadlineMs / 1000} s).`,
        causeOf(s, `apiserver:${m.id}`, 'etcd.quorum'), { holder: e.identity });
      setCause(s, `renewfail:${e.identity}`, id);
    }
    if (wasFastPath) {
      // "Failed to update lock optimistically, falling back to slow path": GET, then update.
      startGet(s, e);
      return;
    }
    e.nextTryAt = s.t + s.config.knobs.retryPeriodMs;
  } else {
    e.nextTryAt = s.t + jitteredRetry(s);
  }
}

/** Advances the in-flight request of an elector, if any. */
function progressOp(s: State, m: Master, e: Elector): void {
  const op = e.op!;
  const timeout = leaseRequestTimeoutMs(s.config.knobs);
  if (op.kind === 'get') {
    if (!apiserverServing(s, m.id)) return failAttempt(s, m, e, 'its apiserver refuses connections');
    if (readOk(s, m.id)) return onGot(s, m, e, s.store.leases[leaseNameFor(e.component)]);
    if (s.t - op.startedAt >= timeout) return failAttempt(s, m, e, `the GET timed out after ${timeout / 1000} s (etcd has no usable leader)`);
    return;
  }
  // update
  let r: 'ok' | 'conflict' | 'pending' | 'blocked' | 'refused' | null;
  if (!op.proposed) {
    r = writeVia(s, m.id, { kind: 'lease', requestId: op.requestId, name: leaseNameFor(e.component), expectRV: op.expectRV!, record: op.record! });
    if (r === 'pending') op.proposed = true;
  } else {
    r = pollWrite(s, op.requestId);
  }
  if (r === 'ok') return onUpdated(s, m, e, op.record!, op.takeover);
  if (r === 'conflict') {
    // 409 Conflict: somebody else wrote first (optimistic concurrency).
    if (e.leading) return failAttempt(s, m, e, 'conflict');
    return attemptDone(s, e, false);
  }
  if (r === 'refused') return failAttempt(s, m, e, 'its apiserver refuses connections');
  if (s.t - op.startedAt >= timeout) return failAttempt(s, m, e, `the update timed out after ${timeout / 1000} s`);
}

export function tickElector(s: State, m: Master, e: Elector): void {
  if (e.state !== 'running' || !nodeUp(s, m.id)) return;
  const k = s.config.knobs;
  // Renew deadline: a leader whose current round has not succeeded within RenewDeadline gives up.
  if (e.leading && s.t >= e.roundStartedAt + k.renewDeadlineMs && e.lastRenewOkAt < e.roundStartedAt) {
    loseLeadership(s, m, e, `it could not renew for ${k.renewDeadlineMs / 1000} s (renew deadline)`);
    return;
  }
  if (e.op) {
    progressAndChain(s, m, e);
    return;
  }
  if (s.t >= e.nextTryAt) {
    if (e.leading && e.roundStartedAt < e.lastRenewOkAt) e.roundStartedAt = s.t;
    beginAttempt(s, e);
    progressAndChain(s, m, e);
  }
}

/** A GET that completes chains straight into its update, as in one tryAcquireOrRenew call. */
function progressAndChain(s: State, m: Master, e: Elector): void {
  progressOp(s, m, e);
  const op: ElectorOp | null = e.op;
  if (op && op.startedAt === s.t && op.kind === 'update' && !op.proposed) progressOp(s, m, e);
}

export function tickElectors(s: State): void {
  for (const id of Object.keys(s.masters)) {
    const m = s.masters[id];
    tickElector(s, m, m.electors['controller-manager']);
    tickElector(s, m, m.electors.scheduler);
  }
}

