// Workloads: pods, the Deployment, node lifecycle zones.
// Plain data, part of a simulation snapshot (the State in ../types.ts).
import type { Ms } from './config.js';

export type PodPhase = 'Pending' | 'Running' | 'Terminating';
/** normal; partial: > 2 NotReady and ≥ 55 % of the zone; full: all NotReady (master disruption mode). */
export type ZoneState = 'normal' | 'partial' | 'full';

export interface Pod {
  name: string;
  node: string | null;
  phase: PodPhase;
  createdAt: Ms;
}

export interface Workloads {
  deployment: string;
  /** pod-template-hash of the Deployment's ReplicaSet (pod names are `<deployment>-<hash>-<id>`). */
  rsHash: string;
  desired: number;
  pods: Record<string, Pod>;
  /** Per worker: when the node lifecycle controller last saw it healthy (KCM leader clock). */
  nodeSeenAt: Record<string, Ms>;
  /** Per node (workers and control-plane nodes): NotReady since. */
  notReadySince: Record<string, Ms>;
  /** Per NotReady node: when it got the NoExecute `unreachable` taint (its pods' tolerationSeconds start). */
  taintedAt: Record<string, Ms>;
  /** When the rate-limited taint queue last tainted a node. */
  lastTaintAt: Ms | null;
  /** The zone's state as the node lifecycle controller computes it (one zone: all nodes). */
  zone: ZoneState;
  /** Why nothing is being reconciled right now, in plain words, or null. */
  stalledReason: string | null;
  /** Identity of the KCM leader whose node lifecycle controller last ran (a new one resets grace periods). */
  kcmIdentity: string | null;
}
