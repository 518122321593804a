// The engine: tick(state) -> state and apply(state, action) -> state, both pure, both immer.
import { produce } from 'immer';
import type { State } from './types.js';
import type { SimAction } from './actions.js';
import { tickEtcd } from './etcd/index.js';
import { withSteadyMembers } from './etcd/cluster.js';
import { tickProcesses } from './processes.js';
import { tickApiservers } from './apiserver.js';
import { tickElectors } from './leader-election.js';
import { tickKeepalived } from './keepalived.js';
import { tickHealthChecks } from './health-checks.js';
import { tickTraffic } from './traffic.js';
import { tickWorkloads } from './workloads.js';
import { pruneResults } from './store.js';
import { applyAction, validateAction } from './apply-action.js';
import { tickLedger, openOutage } from './ledger/index.js';
import { evolve } from './publish.js';

/** One tick of simulated time, on a draft. The order is the order of cause and effect. */
export function tickDraft(s: State): void {
  s.tick += 1;
  s.t += s.config.tickMs;
  tickEtcd(s);
  tickProcesses(s);
  withSteadyMembers(s, () => steadyRules(s));
}

/** The rules that change no etcd role, process, node or link (see withSteadyMembers). */
function steadyRules(s: State): void {
  tickApiservers(s);
  tickElectors(s);
  tickKeepalived(s);
  tickHealthChecks(s);
  tickTraffic(s);
  tickWorkloads(s);
  if (s.tick % 10 === 0) pruneResults(s);
  tickLedger(s);
}

export function tick(state: State): State {
  return evolve(state, tickDraft);
}

/**
 * Runs `ticks` ticks and publishes one snapshot: the same result as calling tick() that often.
 * The rules run on a private working copy at native speed (see publish.ts); the snapshot is
 * made with immer, frozen, sharing unchanged parts with `state`.
 */
export function advance(state: State, ticks: number): State {
  if (ticks <= 0) return state;
  return evolve(state, (w) => {
    for (let i = 0; i < ticks; i++) tickDraft(w);
  });
}

/** Advances to simulated time `t` (ms), whole ticks only. */
export function advanceTo(state: State, t: number): State {
  const ticks = Math.floor((t - state.t) / state.config.tickMs);
  return advance(state, ticks);
}

export function apply(state: State, action: SimAction): State {
  return produce(state, (d) => {
    const valid = validateAction(d, action) === null;
    applyAction(d, action);
    if (valid) openOutage(d, action);
  });
}
