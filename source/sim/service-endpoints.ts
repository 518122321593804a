// The `kubernetes` Service that in-cluster clients use: its endpoints are kept by the apiservers'
// lease endpoint reconciler (docs/FIDELITY.md §3, §10.2). Every 10 s each apiserver renews its
// own lease (TTL 15 s) in etcd, lists the leases that have not expired, and rewrites the
// endpoints if they differ. A dead apiserver's lease expires 5-15 s after it died, and its address
// leaves the endpoints at the next reconcile of a live apiserver after that (up to 10 s later).
// An apiserver that stops gracefully removes its lease and its address on the way out.
import type { State } from './types.js';
import { nodeUp } from './network.js';
import { etcdPathFor } from './apiserver.js';
import { linearizableReadOk } from './etcd/index.js';

/** --endpoint-reconciler-type=lease: lease TTL and reconcile interval. */
export const ENDPOINT_LEASE_TTL_MS = 15_000;
export const ENDPOINT_RECONCILE_MS = 10_000;

/** The leases that have not expired, in master order. */
function liveLeases(s: State): string[] {
  const leases = s.clients.endpointLeases;
  const out: string[] = [];
  for (const id in s.masters) if (leases[id] !== undefined && s.t - leases[id] < ENDPOINT_LEASE_TTL_MS) out.push(id);
  return out;
}

/** doReconcile: the endpoints become the listed leases (never none: it refuses to erase them all). */
function rewrite(s: State): void {
  const listed = liveLeases(s);
  const cur = s.clients.serviceEndpoints;
  if (listed.length === 0) return;
  if (listed.length === cur.length && listed.every((id, i) => cur[i] === id)) return;
  s.clients.serviceEndpoints = listed;
}

export function tickServiceEndpoints(s: State): void {
  const leases = s.clients.endpointLeases;
  for (const id in s.masters) {
    const a = s.masters[id].apiserver;
    const last = leases[id];
    if (a.state === 'stopped' && last !== undefined) {
      // RemoveEndpoints on a graceful shutdown: a write through its etcd endpoints, still up.
      if (nodeUp(s, id) && a.endpoints.some((ep) => linearizableReadOk(s, ep))) {
        delete leases[id];
        rewrite(s);
      }
      continue;
    }
    const due = last === undefined || s.t - last >= ENDPOINT_RECONCILE_MS;
    if (!due) continue;
    // The renewal and the rewrite are requests to etcd through this apiserver.
    if (a.state === 'running' && nodeUp(s, id) && etcdPathFor(s, id) !== null) {
      leases[id] = s.t;
      rewrite(s);
    }
  }
  for (const id in leases) if (!s.masters[id]) delete leases[id];
}

/** The apiservers listed in the `kubernetes` Service's endpoints now. */
export function serviceEndpoints(s: State): string[] {
  return s.clients.serviceEndpoints;
}
