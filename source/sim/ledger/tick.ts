// One tick of the verdict and the outage ledger, run last in the engine's tick: read this tick's
// request outcomes, update the verdict window and the verdict, charge every open record with the
// windows that are bad now, and close the records after which everything is green again.
import type { Ms, State } from '../types.js';
import type { LedgerState } from './state.js';
import type { LedgerMeasure } from './record.js';
import { readTickOutcomes, readWaiting, type Waiting } from './outcomes.js';
import { pushWindow, windowSums, VERDICT_WINDOW_MS } from './window.js';
import { etcdLeaderless, leaseLeaderless, liveVipLb, podsBelowDesired, writesUnavailable, wrongBackends } from './conditions.js';
import { clientsSeeDown, clientsSeeTrouble, judgeVerdict } from '../verdict.js';
import { clientConnectionsView } from '../client-connections.js';

/** Closed records kept in the state (the NDJSON stream and the sweep read them as they close). */
export const LEDGER_CLOSED_LIMIT = 500;

/**
 * Charges every open record with a window that ends at the next tick: the state a tick leaves
 * holds until the next one (sample and hold), so a window seen at tick `t` is [from, t + tick).
 * A record never pays for time before its action, and its first tick also covers the moment
 * between the action and that tick (the action's effect starts when it is applied).
 */
function charge(L: LedgerState, field: LedgerMeasure, from: Ms, t: Ms, tick: Ms, times = 1): void {
  for (const r of L.open) {
    const start = t - r.at <= tick ? r.at : Math.max(from, r.at);
    (r[field] as number) += (t + tick - start) * times;
  }
}

function chargeCount(L: LedgerState, field: LedgerMeasure, n: number): void {
  for (const r of L.open) (r[field] as number) += n;
}

/** Client-visible trouble this tick: 'down', 'degraded' or null. */
function apiLevel(s: State, L: LedgerState, trouble: boolean): 'down' | 'degraded' | null {
  if (!trouble) return null;
  return clientsSeeDown(s.t, L.lastSuccessAt, s.traffic.rps) ? 'down' : 'degraded';
}

/** Why clients cannot get through, from the state, in a few words (for DOWN). */
function whyDown(s: State, waiting: Waiting): string | null {
  const lb = s.lb.vipHolder;
  if (!lb) return 'no load balancer holds the VIP';
  if (!liveVipLb(s)) return `the load balancer ${lb} is down`;
  if (s.lb.order.every((id) => s.lb.backends[id].status === 'DOWN')) return 'the LB marks every apiserver DOWN';
  if (waiting.onEtcd && s.etcd.leader === null) return 'requests wait on etcd, which has no leader';
  return null;
}

function startingWhat(s: State): string {
  if (s.etcd.leader === null) return 'etcd electing';
  for (const id in s.masters) if (s.masters[id].apiserver.ready) return 'first requests in flight';
  return 'apiservers connecting to etcd';
}

/**
 * The previous tick charged etcd as leaderless up to this tick, but the election ended between the
 * two (etcd events run at their exact time): give back the part after the leader was elected, so
 * the measure ends when the event says.
 */
function refundElectedEarly(s: State, L: LedgerState): void {
  const e = s.etcd;
  const tick = s.config.tickMs;
  if (e.leader === null || e.leaderChangedAt <= s.t - tick || e.leaderChangedAt >= s.t) return;
  for (const r of L.open) {
    // Whole milliseconds: the ledger's figures are printed as they are (no float noise in NDJSON).
    const back = Math.round(s.t - Math.max(e.leaderChangedAt, r.at));
    if (back > 0 && r.etcdLeaderlessMs >= back) r.etcdLeaderlessMs -= back;
  }
}

/** State-based measures, charged while a record is open; true when any of them is not green. */
function chargeState(s: State, L: LedgerState): boolean {
  const tick = s.config.tickMs;
  let bad = false;
  const flag = (field: LedgerMeasure, on: boolean) => {
    if (!on) return;
    bad = true;
    charge(L, field, s.t, s.t, tick);
  };
  flag('writesUnavailableMs', writesUnavailable(s));
  flag('etcdLeaderlessMs', etcdLeaderless(s));
  if (L.etcdWasLeaderless) refundElectedEarly(s, L);
  flag('kcmLeaderlessMs', leaseLeaderless(s, 'controller-manager'));
  flag('schedulerLeaderlessMs', leaseLeaderless(s, 'scheduler'));
  const wrong = wrongBackends(s);
  if (wrong.up > 0) { bad = true; charge(L, 'backendsWronglyUpMs', s.t, s.t, tick, wrong.up); }
  if (wrong.down > 0) { bad = true; charge(L, 'backendsWronglyDownMs', s.t, s.t, tick, wrong.down); }
  flag('podsBelowDesiredMs', podsBelowDesired(s));
  return bad;
}

export function tickLedger(s: State): void {
  const L = s.ledger;
  const out = readTickOutcomes(s, L.seen);
  const waiting = readWaiting(s);
  const starting = L.startedAt === null;
  if (out.ok + out.slow > 0) L.lastSuccessAt = s.t;
  // Start-up ends with the first answered request (or, with no client traffic, once a write would succeed).
  if (starting && (L.lastSuccessAt !== null || (s.traffic.rps === 0 && !writesUnavailable(s)))) L.startedAt = s.t;
  // Requests queued while the cluster first comes up are not held against it.
  if (!starting) pushWindow(L.recent, s.t, out);

  const trouble = !starting && clientsSeeTrouble(out, waiting);
  const level = apiLevel(s, L, trouble);
  if (level !== null) {
    // Bad moments less than a window apart count as one stretch (requests only sample the API).
    const bridged = L.lastApiBadAt !== null && s.t - L.lastApiBadAt <= VERDICT_WINDOW_MS;
    const from = bridged ? L.lastApiBadAt! + s.config.tickMs : s.t;
    charge(L, level === 'down' ? 'apiDownMs' : 'apiDegradedMs', from, s.t, s.config.tickMs);
    L.lastApiBadAt = s.t;
    L.lastApiBad = level;
  }
  if (L.open.length > 0) {
    if (out.failed > 0) chargeCount(L, 'failedRequests', out.failed);
    if (out.slow > 0) chargeCount(L, 'slowRequests', out.slow);
    const stateBad = chargeState(s, L);
    if (stateBad || level !== null) L.lastNotGreenAt = s.t;
    closeGreen(s, L, stateBad);
  } else if (level !== null) {
    L.lastNotGreenAt = s.t;
  }

  const next = judgeVerdict({
    t: s.t,
    rps: s.traffic.rps,
    window: windowSums(L.recent),
    waiting,
    lastSuccessAt: L.lastSuccessAt,
    starting,
    windowMs: L.recent.length * s.config.tickMs,
    why: trouble || s.traffic.rps === 0 ? whyDown(s, waiting) : null,
    startingWhat: starting ? startingWhat(s) : '',
    writable: s.traffic.rps === 0 ? !writesUnavailable(s) : true,
    stuckKubelets: stuckKubelets(s),
  });
  if (next.api !== s.verdict.api || next.detail !== s.verdict.detail) s.verdict = next;
  const leaderless = etcdLeaderless(s);
  if (L.etcdWasLeaderless !== leaderless) L.etcdWasLeaderless = leaderless;
}

/**
 * Closes the open records after which everything is green: nothing state-based is bad now, and
 * clients have seen no trouble for a whole verdict window, and a window has passed since the action.
 */
function closeGreen(s: State, L: LedgerState, stateBad: boolean): void {
  if (stateBad) return;
  if (L.lastApiBadAt !== null && s.t - L.lastApiBadAt <= VERDICT_WINDOW_MS) return;
  const keep = [];
  for (const r of L.open) {
    if (s.t - r.at < VERDICT_WINDOW_MS) { keep.push(r); continue; }
    // Green from the first tick after the last one that was not green.
    r.greenAfterMs = L.lastNotGreenAt !== null && L.lastNotGreenAt > r.at ? L.lastNotGreenAt + s.config.tickMs - r.at : 0;
    L.history.push(r);
    L.closedSeq += 1;
  }
  if (keep.length !== L.open.length) {
    L.open = keep;
    if (L.history.length > LEDGER_CLOSED_LIMIT) L.history.splice(0, L.history.length - LEDGER_CLOSED_LIMIT);
  }
}

function stuckKubelets(s: State): { count: number; longestMs: Ms } {
  const v = clientConnectionsView(s);
  return { count: v.stuck, longestMs: v.longestStuckMs ?? 0 };
}
