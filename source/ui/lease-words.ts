// What a lease's holder and each elector are really doing, in words, read from the simulation's
// state: "renewing every 2 s" only while renewals succeed; a failing renew with its cause and the
// renew deadline; a holder that exited or whose node is down; a lease expired on the followers'
// clocks with candidates racing for it.
import type { ElectorComponent, Elector, LeaseName, State } from '../sim/types.js';
import type { Tone } from './lines.js';
import { leaseView } from '../sim/views.js';
import { apiserverServing, etcdProblem } from '../sim/apiserver.js';
import { nodeUp } from '../sim/network.js';
import { JITTER_FACTOR } from '../sim/config.js';
import { seconds } from './timeline/ledger-words.js';

export interface Words {
  text: string;
  /** The same in a few words, for a line with little room. */
  short?: string;
  tone: Tone;
}

const componentOf = (name: LeaseName): ElectorComponent => (name === 'kube-controller-manager' ? 'controller-manager' : 'scheduler');

/** Whole seconds without a decimal ("2 s", "10 s"), else one decimal ("2.5 s"). */
const knob = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : seconds(ms));

/** The elector process that holds `identity`, if it still exists under that identity. */
function electorWithIdentity(s: State, c: ElectorComponent, identity: string): Elector | null {
  for (const id in s.masters) {
    const e = s.masters[id].electors[c];
    if (e.identity === identity) return e;
  }
  return null;
}

/** Why this master's apiserver cannot carry a renew, in a few words. */
function apiserverTrouble(s: State, host: string): string {
  if (!apiserverServing(s, host)) return 'its apiserver is down';
  const p = etcdProblem(s, host);
  return p ? 'its apiserver cannot reach etcd' : 'its requests time out';
}

/**
 * A renew round open this long is not an ordinary one in flight (those take a few ticks): below
 * it the leader is still said to be renewing, so the words do not flicker.
 */
export const RENEW_OVERDUE_MS = 1000;

/** A leader's current renew round has not succeeded and has been open this long (ms), or null. */
export function renewFailingFor(s: State, e: Elector): number | null {
  if (!e.leading || e.state !== 'running') return null;
  if (s.t <= e.roundStartedAt || e.lastRenewOkAt >= e.roundStartedAt) return null;
  const open = s.t - e.roundStartedAt;
  return open >= RENEW_OVERDUE_MS ? open : null;
}

/** A leader's renew, in words (`short` leaves out the cause, for a line that has it beside it). */
export function leaderWords(s: State, e: Elector, short = false): Words {
  const k = s.config.knobs;
  const failing = renewFailingFor(s, e);
  if (failing === null) return { text: `renewing every ${knob(k.retryPeriodMs)}`, short: 'renewing', tone: 'ok' };
  const why = short ? '' : ` (${apiserverTrouble(s, e.host)})`;
  return { text: `renew failing for ${seconds(failing)}${why} — exits at ${knob(k.renewDeadlineMs)}`, short: `failing ${seconds(failing)}`, tone: 'bad' };
}

/** When followers may take the lease, from their own observations. */
function expiryWords(s: State, expiresInMs: number | null): Words {
  if (expiresInMs === null) return { text: 'no running follower is watching it', tone: 'bad' };
  if (expiresInMs > 0) return { text: `expires on followers' clocks in ${seconds(expiresInMs)}`, tone: 'warn' };
  const p = s.config.knobs.retryPeriodMs;
  return { text: `expired on followers' clocks, candidates racing (each retries every ${seconds(p)}–${seconds(p * (1 + JITTER_FACTOR))})`, tone: 'warn' };
}

/** What the holder of a lease is doing, and for a dead one when the others may take over. */
export function leaseWords(s: State, name: LeaseName): Words[] {
  const v = leaseView(s, name);
  const rec = s.store.leases[name];
  if (!rec) return [{ text: 'not acquired yet: candidates are racing for it', tone: 'warn' }];
  if (!v.holder) return [{ text: 'released by its holder: the next retry of a standby takes it at once', tone: 'warn' }];
  const e = electorWithIdentity(s, componentOf(name), v.holder);
  const host = v.holderHost ?? '?';
  if (e && e.state === 'running' && e.leading && nodeUp(s, e.host)) return [leaderWords(s, e)];
  let holder: Words;
  if (!nodeUp(s, host)) holder = { text: `holder's node ${host} is ${s.nodes[host]?.state ?? 'gone'}`, tone: 'bad' };
  else if (!e || e.state !== 'running') holder = { text: 'holder exited', tone: 'bad' };
  else holder = { text: 'holder stopped leading', tone: 'bad' };
  return [holder, expiryWords(s, v.expiresInMs)];
}

/**
 * One controller-manager or scheduler process, in words, for its line in the masters pane (the
 * apiserver's line above it says why a renew fails).
 */
export function electorWords(s: State, masterId: string, c: ElectorComponent): Words | null {
  const m = s.masters[masterId];
  if (!m || !nodeUp(s, masterId)) return null;
  const e = m.electors[c];
  if (e.state === 'restarting' && e.restartAt !== null) return { text: `exited (code ${e.lastExitCode ?? 1}), restarts in ${seconds(Math.max(0, e.restartAt - s.t))}`, short: 'exited', tone: 'warn' };
  if (e.state !== 'running') return null;
  if (e.leading) return leaderWords(s, e, true);
  const name: LeaseName = c === 'controller-manager' ? 'kube-controller-manager' : 'kube-scheduler';
  const v = leaseView(s, name);
  if (!v.holder) return { text: 'standby: lease free, takes it at its next retry', short: 'standby, lease free', tone: 'warn' };
  if (v.holderAlive) return { text: `standby (${v.holderHost} leads)`, short: 'standby', tone: 'off' };
  if (e.observedRecord === null) return { text: 'standby: has not read the lease yet', short: 'standby', tone: 'warn' };
  const left = e.observedTime + v.leaseDurationSeconds * 1000 - s.t;
  return left > 0
    ? { text: `standby: lease expires on its clock in ${seconds(left)}`, short: `standby, expires ${seconds(left)}`, tone: 'warn' }
    : { text: 'standby: lease expired on its clock, racing for it', short: 'standby, racing', tone: 'warn' };
}
