// keepalived (VRRP v2) between the LBs, one instance per LB node (docs/FIDELITY.md §5.2, §10.4).
// A MASTER sends an advert every advert_int (1 s) on its own phase. A BACKUP that hears an advert from
// a master of equal or higher priority restarts its master-down timer (3 × advert_int + skew ≈ 3.6 s);
// when that timer fires it becomes MASTER, takes the VIP and sends gratuitous ARPs. A BACKUP of higher
// priority that hears a lower-priority master preempts it (after preempt_delay, 0 by default); a MASTER
// that hears a higher-priority advert steps back to BACKUP. So a failure moves the VIP once, and the
// recovery of the preferred LB once more, then the pair is quiet.
// Timers fire at exact millisecond times, in order, inside each simulation tick.
import type { Ms, State, VrrpInstance } from './types.js';
import { VRRP_ADVERT_MS, vrrpMasterDownMs, vrrpPriority } from './config.js';
import { canDeliver, nodeUp } from './network.js';
import { emit, causeOf, setCause } from './events.js';
import { randomInt } from './rng.js';

/** The VRRP instances of a fresh LB pair: the first LB is MASTER with a seeded advert phase. */
export function initVrrp(s: State): void {
  if (s.lb.nodes.length < 2) return;
  s.lb.nodes.forEach((id, i) => {
    const priority = vrrpPriority(i);
    s.lb.vrrp[id] = i === 0
      ? { state: 'MASTER', priority, nextAdvertAt: randomInt(s, VRRP_ADVERT_MS), masterDownAt: 0, preemptAt: null }
      : { state: 'BACKUP', priority, nextAdvertAt: 0, masterDownAt: vrrpMasterDownMs(priority), preemptAt: null };
  });
}

type TimerKind = 'advert' | 'master-down' | 'preempt';

/** The instance's next timer, or null (a DOWN instance has none). */
function nextTimer(v: VrrpInstance): { kind: TimerKind; at: Ms } | null {
  if (v.state === 'MASTER') return { kind: 'advert', at: v.nextAdvertAt };
  if (v.state === 'BACKUP') {
    if (v.preemptAt !== null && v.preemptAt < v.masterDownAt) return { kind: 'preempt', at: v.preemptAt };
    return { kind: 'master-down', at: v.masterDownAt };
  }
  return null;
}

export function tickKeepalived(s: State): void {
  const lbs = s.lb.nodes;
  if (lbs.length < 2) return;
  const windowStart = s.t - s.config.tickMs;
  for (const id of lbs) followPower(s, id, windowStart);
  // Fire every timer due in this tick, earliest first; a firing may schedule another (a new master adverts at once).
  for (let guard = 0; guard < 1000; guard++) {
    let due: { id: string; kind: TimerKind; at: Ms } | null = null;
    for (const id of lbs) {
      const n = nextTimer(s.lb.vrrp[id]);
      if (n && n.at <= s.t && (!due || n.at < due.at)) due = { id, ...n };
    }
    if (!due) return;
    const at = Math.max(due.at, windowStart);
    if (due.kind === 'advert') sendAdvert(s, due.id, at);
    else becomeMaster(s, due.id, at, due.kind === 'preempt' ? 'preempt' : 'master-down');
  }
}

/** A crashed or stopped LB has no VRRP instance running; on return keepalived starts as BACKUP. */
function followPower(s: State, id: string, at: Ms): void {
  const v = s.lb.vrrp[id];
  const up = nodeUp(s, id);
  if (!up && v.state !== 'DOWN') {
    v.state = 'DOWN';
    v.preemptAt = null;
  } else if (up && v.state === 'DOWN') {
    v.state = 'BACKUP';
    v.masterDownAt = at + vrrpMasterDownMs(v.priority);
    v.preemptAt = null;
  }
}

function sendAdvert(s: State, from: string, at: Ms): void {
  const v = s.lb.vrrp[from];
  v.nextAdvertAt = at + VRRP_ADVERT_MS;
  for (const to of s.lb.nodes) {
    if (to !== from && canDeliver(s, from, to)) receiveAdvert(s, to, from, at);
  }
}

function receiveAdvert(s: State, id: string, from: string, at: Ms): void {
  const v = s.lb.vrrp[id];
  const theirs = s.lb.vrrp[from].priority;
  s.lb.lastAdvertAt[id] = at;
  if (v.state === 'BACKUP') {
    if (theirs >= v.priority) {
      v.masterDownAt = at + vrrpMasterDownMs(v.priority);
      v.preemptAt = null;
      return;
    }
    // A lower-priority master: preempt it, at once or after preempt_delay.
    const delay = s.config.knobs.preemptDelayMs;
    if (delay <= 0) return becomeMaster(s, id, at, 'preempt');
    if (v.preemptAt === null) v.preemptAt = at + delay;
    v.masterDownAt = at + vrrpMasterDownMs(v.priority);
  } else if (v.state === 'MASTER') {
    if (theirs > v.priority) {
      v.state = 'BACKUP';
      v.masterDownAt = at + vrrpMasterDownMs(v.priority);
      v.preemptAt = null;
      // It releases the VIP; the other master (which kept it configured) now answers for it.
      if (s.lb.vipHolder === id) takeVip(s, from, at, `${id} heard ${from}'s higher-priority advert (${theirs} > ${v.priority}), stepped down to BACKUP and released the VIP: ${from}, still MASTER, answers for it.`, causeOf(s, `node:${from}`));
    } else if (theirs < v.priority) {
      // Two masters (after a partition between the LBs heals): the higher one adverts at once and re-announces the VIP.
      v.nextAdvertAt = at;
      takeVip(s, id, at, `${id} heard ${from} also acting as VRRP MASTER with a lower priority (${theirs} < ${v.priority}): it forces a new election, adverts at once and re-announces the VIP with gratuitous ARPs.`, causeOf(s, `node:${from}`));
    }
  }
}

type Why = 'master-down' | 'preempt';

function becomeMaster(s: State, id: string, at: Ms, why: Why): void {
  const v = s.lb.vrrp[id];
  v.state = 'MASTER';
  v.nextAdvertAt = at;
  v.preemptAt = null;
  const prev = s.lb.vipHolder;
  const delay = s.config.knobs.preemptDelayMs;
  const message = why === 'master-down'
    ? `keepalived on ${id} heard no VRRP advert for ${(vrrpMasterDownMs(v.priority) / 1000).toFixed(1)} s (3 × advert_int + skew) and became MASTER: it takes the VIP and sends gratuitous ARPs; clients reconnect to it.`
    : `${id} is back with the higher VRRP priority (${v.priority}) and preempts${delay > 0 ? ` after preempt_delay ${delay / 1000} s` : ''}: it becomes MASTER and the VIP moves to it; its adverts keep the other LB in BACKUP.`;
  takeVip(s, id, at, message, causeOf(s, `node:${why === 'master-down' ? prev ?? id : id}`));
}

function takeVip(s: State, id: string, at: Ms, message: string, cause: string | null): void {
  const prev = s.lb.vipHolder;
  if (prev === id) return;
  s.lb.vipHolder = id;
  s.lb.vipMoves += 1;
  const ev = emit(s, 'lb.vip_moved', id, message, cause, { from: prev, to: id, atMs: at });
  setCause(s, 'lb.vip', ev);
}
