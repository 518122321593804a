// The `kubernetes` Service that in-cluster clients use: its endpoints are kept by the apiservers'
// endpoint reconciler. Each apiserver renews its own lease (TTL 15 s) every 10 s through etcd; an
// apiserver whose lease expired is dropped from the endpoints. So a dead apiserver's address stays
// in the Service for 5-15 s, and in-cluster clients keep dialling it meanwhile.
import type { State } from './types.js';
import { nodeUp } from './network.js';
import { etcdPathFor } from './apiserver.js';

/** --endpoint-reconciler-type=lease: lease TTL and reconcile interval. */
export const ENDPOINT_LEASE_TTL_MS = 15_000;
export const ENDPOINT_RECONCILE_MS = 10_000;

export function tickServiceEndpoints(s: State): void {
  const leases = s.clients.endpointLeases;
  for (const id in s.masters) {
    const last = leases[id];
    const due = last === undefined || s.t - last >= ENDPOINT_RECONCILE_MS;
    if (!due) continue;
    const a = s.masters[id].apiserver;
    // The renewal is a write to etcd through this apiserver.
    if (a.state === 'running' && nodeUp(s, id) && etcdPathFor(s, id) !== null) leases[id] = s.t;
  }
  for (const id in leases) if (!s.masters[id]) delete leases[id];
}

/** The apiservers listed in the `kubernetes` Service's endpoints now (unexpired leases). */
export function serviceEndpoints(s: State): string[] {
  const leases = s.clients.endpointLeases;
  return Object.keys(s.masters).filter((id) => leases[id] !== undefined && s.t - leases[id] < ENDPOINT_LEASE_TTL_MS);
}
