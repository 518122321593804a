// Test helpers: build a cluster, run it until something holds, read leases and etcd at a glance.
import type { Config, LeaseName, State } from '../../source/sim/types.js';
import type { SimAction } from '../../source/sim/actions.js';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { advance, apply, tick } from '../../source/sim/engine.js';
import { clusterStatus } from '../../source/sim/etcd/index.js';
import { hostOfIdentity } from '../../source/sim/views.js';

export type ConfigOverrides = Parameters<typeof defaultConfig>[0];

export function cluster(overrides: ConfigOverrides = {}): State {
  return createState(defaultConfig({ seed: 42, ...overrides }));
}

/** A cluster that has finished bootstrapping: an etcd leader, both leases held. */
export function booted(overrides: ConfigOverrides = {}): State {
  let s = cluster(overrides);
  const r = runUntil(s, (x) => clusterStatus(x).hasQuorum && !!holder(x, 'kube-controller-manager') && !!holder(x, 'kube-scheduler'), 60_000);
  if (!r.ok) throw new Error('cluster did not boot in 60 s');
  s = advance(r.state, 30); // settle a little
  return s;
}

/** Ticks one at a time until pred holds (checked after each tick), at most maxMs of simulated time. */
export function runUntil(s: State, pred: (s: State) => boolean, maxMs: number): { state: State; ok: boolean; t: number } {
  const end = s.t + maxMs;
  let cur = s;
  while (cur.t < end) {
    cur = tick(cur);
    if (pred(cur)) return { state: cur, ok: true, t: cur.t };
  }
  return { state: cur, ok: false, t: cur.t };
}

export function runFor(s: State, ms: number): State {
  return advance(s, Math.round(ms / s.config.tickMs));
}

export function act(s: State, a: SimAction): State {
  return apply(s, a);
}

/** The master whose process holds the lease (from holderIdentity), or null when empty. */
export function holder(s: State, name: LeaseName): string | null {
  const rec = s.store.leases[name];
  return rec && rec.holderIdentity ? hostOfIdentity(rec.holderIdentity) : null;
}

export function leaseRecord(s: State, name: LeaseName) {
  return s.store.leases[name];
}

export function etcdLeader(s: State): string | null {
  return clusterStatus(s).leader;
}

export function eventsOfKind(s: State, kind: string) {
  return s.events.filter((e) => e.kind === kind);
}

export type { Config };
