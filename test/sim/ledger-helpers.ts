// Helpers for the ledger and verdict tests: run a fault on a booted cluster, find its record and
// the events that tell the same story.
import type { SimEvent, State } from '../../source/sim/types.js';
import type { SimAction } from '../../source/sim/actions.js';
import { ledgerOf, type OutageRecord } from '../../source/sim/ledger/index.js';
import { act, runFor } from './helpers.js';

export const SEEDS = [1, 2, 3, 4, 5, 6];

/** Applies the actions now and runs `ms`; returns the state and the record of the first action. */
export function inject(s: State, actions: SimAction[], ms: number): { state: State; at: number } {
  const at = s.t;
  for (const a of actions) s = act(s, a);
  return { state: runFor(s, ms), at };
}

export function recordOf(s: State, fault: string, at: number): OutageRecord {
  const r = ledgerOf(s).find((x) => x.fault === fault && x.at === at);
  if (!r) throw new Error(`no record "${fault}" at ${at}: ${JSON.stringify(ledgerOf(s).map((x) => x.fault))}`);
  return r;
}

/** The first event after `t` that matches. */
export function firstEvent(s: State, t: number, pred: (e: SimEvent) => boolean): SimEvent {
  const e = s.events.find((x) => x.t > t && pred(x));
  if (!e) throw new Error(`no matching event after ${t}`);
  return e;
}

export function leaseHolderHost(s: State, name: 'kube-controller-manager' | 'kube-scheduler'): string {
  const id = s.store.leases[name]?.holderIdentity ?? '';
  return id.slice(0, id.lastIndexOf('_'));
}
