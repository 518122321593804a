// Nodes and the network between them.
// Plain data, part of a simulation snapshot (the State in ../types.ts).
import type { Ms } from './config.js';

export type NodeKind = 'master' | 'etcd' | 'worker' | 'lb';
/** up: powered and running; crashed: hard failure (no goodbye); stopped: graceful shutdown. */
export type NodeState = 'up' | 'crashed' | 'stopped';

export interface SimNode {
  id: string;
  kind: NodeKind;
  state: NodeState;
  since: Ms;
}

export interface Network {
  /** Nodes cut off from every other node. */
  partitioned: Record<string, true>;
  /** Directed cut links, keyed `from>to`. */
  cut: Record<string, true>;
}
