// The node lifecycle controller's zone rules (docs/FIDELITY.md §6, §10.5), as small functions over counts.
// One zone here: every Kubernetes node (control-plane nodes included) is in it.
import type { ZoneState } from './types.js';

/** unhealthy-zone-threshold: a zone with at least this share of NotReady nodes is partially disrupted. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
/** A zone is partially disrupted only with more than this many NotReady nodes. */
export const PARTIAL_DISRUPTION_MIN_NOT_READY = 2;
/** large-cluster-size-threshold: at or below it, a partially disrupted zone stops tainting. */
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50;
/** node-eviction-rate and secondary-node-eviction-rate, in nodes per second. */
export const EVICTION_RATE_PER_S = 0.1;
export const SECONDARY_EVICTION_RATE_PER_S = 0.01;


/** The controller's ComputeZoneState: full when every node is NotReady, partial past the threshold. */
export function zoneState(notReady: number, total: number): ZoneState {
  if (total > 0 && notReady === total) return 'full';
  if (notReady > PARTIAL_DISRUPTION_MIN_NOT_READY && notReady / total >= UNHEALTHY_ZONE_THRESHOLD) return 'partial';
  return 'normal';
}

/**
 * How many nodes per second get the NoExecute taint (after which their pods have tolerationSeconds
 * left): the normal rate, the secondary rate (0 in small clusters) when partially disrupted, and 0
 * in full disruption ("master disruption mode" when every zone is fully disrupted, as here).
 */
export function taintRatePerS(state: ZoneState, clusterNodes: number): number {
  if (state === 'full') return 0;
  if (state === 'partial') return clusterNodes > LARGE_CLUSTER_SIZE_THRESHOLD ? SECONDARY_EVICTION_RATE_PER_S : 0;
  return EVICTION_RATE_PER_S;
}

/** What a NotReady node's pods can expect, in words (the NotReady event must not promise what the zone state stops). */
export function evictionOutlook(state: ZoneState, notReady: number, total: number, tolerationS: number): string {
  if (state === 'full') return `Every node of the zone is NotReady (${notReady}/${total}): the controller assumes the fault is on its own side (master disruption mode), so it evicts nothing.`;
  if (state === 'partial') {
    return total > LARGE_CLUSTER_SIZE_THRESHOLD
      ? `${notReady} of ${total} nodes are NotReady (≥ ${UNHEALTHY_ZONE_THRESHOLD * 100}%): the zone is partially disrupted and evictions slow to ${SECONDARY_EVICTION_RATE_PER_S} node/s.`
      : `${notReady} of ${total} nodes are NotReady (≥ ${UNHEALTHY_ZONE_THRESHOLD * 100}%): the zone is partially disrupted and, in a cluster of ≤ ${LARGE_CLUSTER_SIZE_THRESHOLD} nodes, evictions stop.`;
  }
  return `It gets the NoExecute taint (at most ${EVICTION_RATE_PER_S} node/s); its pods are evicted ${tolerationS} s later (tolerationSeconds) and recreated elsewhere.`;
}
