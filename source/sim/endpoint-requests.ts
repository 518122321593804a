// Client requests that kube-apiserver sends to one etcd endpoint, in the external topology
// (docs/FIDELITY.md §3, §10.3). The etcd client picks the endpoint round-robin (etcd-client.ts);
// what happens next depends on that member alone:
// - it has a leader with quorum: reads answer, writes are proposed and answer when committed;
// - it answers but has no leader (a minority): the request waits etcd's request timeout (7 s);
//   then a read is retried on the next endpoint and a write fails (it was sent: never retried);
// - it does not answer (host down or cut off): the request hangs until keepalive closes the
//   connection (etcd-client.ts) or the client's load balancer gives up first.
import type { Master, PendingBatch, State } from './types.js';
import { linearizableReadOk, proposeVia } from './etcd/index.js';
import { newRequestId, takeResult } from './store.js';
import { endpointHealthy, endpointReach, pickEndpoint, spreadOverEndpoints } from './etcd-client.js';
import { succeed, fail } from './request-stats.js';

/**
 * One more step of a request held at `b.endpoint`: 'ok' when answered, 'failed' when etcd gave up,
 * null while it waits. A request without an endpoint takes the next ready one.
 */
export function stepAtEndpoint(s: State, m: Master, b: PendingBatch): 'ok' | 'failed' | null {
  const a = m.apiserver;
  if (!b.endpoint) {
    b.endpoint = pickEndpoint(a, b.kind);
    if (!b.endpoint) return null; // no connection is ready: the call waits for one (WaitForReady)
    b.startedAt = s.t;
  }
  const ep = b.endpoint;
  if (endpointReach(s, m.id, ep) !== 'answers') return null; // silent: keepalive or the LB ends it
  const timedOut = s.t - b.startedAt >= s.config.knobs.etcdRequestTimeoutMs;
  if (b.kind === 'read') {
    if (linearizableReadOk(s, ep)) return 'ok';
    if (timedOut) {
      // "etcdserver: request timed out" is Unavailable: clientv3 retries the read on the next endpoint.
      b.endpoint = pickEndpoint(a, 'read');
      b.startedAt = s.t;
    }
    return null;
  }
  if (!b.proposed && proposeVia(s, ep, { kind: 'writes', requestId: b.requestId, count: b.count })) b.proposed = true;
  if (b.proposed && takeResult(s, b.requestId)) return 'ok';
  return timedOut ? 'failed' : null;
}

/** Requests that reached `server`'s apiserver and need etcd, spread over its endpoints. */
export function deliverToEndpoints(s: State, m: Master, reads: number, writes: number, sentAt: number): void {
  const a = m.apiserver;
  for (let k = 0; k < 2; k++) {
    const n = k === 0 ? reads : writes;
    if (n <= 0) continue;
    const kind = k === 0 ? 'read' : 'write';
    // Requests at members with a working leader fare the same whichever member took them (a
    // follower forwards a write to the leader): they go on as one batch, so a healthy cluster does
    // no more work per tick than with one endpoint.
    let healthy = 0;
    let healthyEp: string | null = null;
    for (const [ep, count] of spreadOverEndpoints(a, n, kind)) {
      if (ep && endpointHealthy(s, m.id, ep)) {
        healthy += count;
        healthyEp = ep;
      } else start(s, m, kind, count, sentAt, ep);
    }
    if (healthy === 0) continue;
    if (kind === 'read') succeed(s, m.id, healthy, sentAt, 'read');
    else start(s, m, kind, healthy, sentAt, healthyEp);
  }
}

/** A batch of requests sent to endpoint `ep` now: answered, failed, or held. */
function start(s: State, m: Master, kind: 'read' | 'write', count: number, sentAt: number, ep: string | null): void {
  const b: PendingBatch = {
    requestId: newRequestId(s), kind, count, startedAt: s.t, sentAt,
    backend: m.id, proposed: false, lost: false, endpoint: ep,
  };
  const r = stepAtEndpoint(s, m, b);
  if (r === 'ok') succeed(s, m.id, count, sentAt, kind);
  else if (r === 'failed') fail(s, m.id, count, kind);
  else m.apiserver.pending.push(b);
}
