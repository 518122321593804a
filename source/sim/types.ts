// The shape of one simulation snapshot. Everything here is plain data: no classes, no functions,
// so a snapshot can be frozen, kept in history, compared and printed as JSON. The parts are in
// types/ (config, nodes, etcd, components, clients, workloads, events); this file is the State
// and the one place to import them from.
import type { LedgerState, Verdict } from './ledger/state.js';
import type { Clients, LoadBalancer, Traffic } from './types/clients.js';
import type { Master } from './types/components.js';
import type { Config, Ms } from './types/config.js';
import type { EtcdCluster, Store } from './types/etcd.js';
import type { SimEvent } from './types/events.js';
import type { Network, SimNode } from './types/nodes.js';
import type { Workloads } from './types/workloads.js';
export type * from './types/config.js';
export type * from './types/nodes.js';
export type * from './types/etcd.js';
export type * from './types/components.js';
export type * from './types/clients.js';
export type * from './types/workloads.js';
export type * from './types/events.js';

// ---------------------------------------------------------------------------------------------

export interface State {
  t: Ms;
  tick: number;
  /** PRNG state (sfc32: four 32-bit words). */
  rng: [number, number, number, number];
  config: Config;
  nodes: Record<string, SimNode>;
  nodeOrder: string[];
  network: Network;
  masters: Record<string, Master>;
  etcd: EtcdCluster;
  store: Store;
  lb: LoadBalancer;
  traffic: Traffic;
  /** Long-lived client connections through the LB (worker kubelets). */
  clients: Clients;
  workloads: Workloads;
  /** Bounded log of recent events, oldest first. */
  events: SimEvent[];
  /** Total events ever emitted; each event carries its own `seq`, so readers can ask for "newer than". */
  eventSeq: number;
  /** Latest event id per "story" key, used to link causes (e.g. quorum lost → apiserver unavailable). */
  causes: Record<string, string>;
  /** What clients experience, from their requests' outcomes over the last few seconds (verdict.ts). */
  verdict: Verdict;
  /** The outage ledger: the verdict window and one record per fault or action the user injected. */
  ledger: LedgerState;
}
