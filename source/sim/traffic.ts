// Client requests through the LB at --rps, split into watch-cache reads, consistent reads and
// writes. Each tick: connect attempts whose time has come, requests the apiservers were holding,
// then the new requests: the LB picks a server, connects, retries and redispatches (lb-connect.ts).
import type { RequestMix, State } from './types.js';
import { nodeUp } from './network.js';
import { tickConnecting, admit } from './lb-connect.js';
import { deliverToApiserver, resolvePending } from './apiserver-requests.js';
import { failMix } from './request-stats.js';
import { tickClientConnections } from './client-connections.js';
import { tickServiceEndpoints } from './service-endpoints.js';
import { tickEtcdClients } from './etcd-client.js';
import { tickInClusterClients } from './in-cluster-clients.js';

/** The new requests of this tick (rps spread over ticks, fractions carried), by kind. */
function newRequests(s: State): RequestMix | null {
  const tr = s.traffic;
  const exact = tr.carry + (tr.rps * s.config.tickMs) / 1000;
  const count = Math.floor(exact);
  tr.carry = exact - count;
  if (count === 0) return null;
  const wexact = tr.writeCarry + count * s.config.writeRatio;
  const writes = Math.min(count, Math.floor(wexact));
  tr.writeCarry = wexact - writes;
  // Cached reads take their share of what is left after the writes, rounded the same way each tick.
  const cachedShare = s.config.cachedReadRatio / Math.max(1e-9, 1 - s.config.writeRatio);
  const cached = Math.min(count - writes, Math.round((count - writes) * Math.min(1, cachedShare)));
  return [cached, count - writes - cached, writes];
}

/** In-flight requests per server: connect attempts in progress and requests its apiserver holds. */
function countInflight(s: State): void {
  for (const id of s.lb.order) {
    const be = s.lb.backends[id];
    let n = 0;
    const m = s.masters[id];
    if (m) for (const b of m.apiserver.pending) n += b.count;
    be.inflight = n;
  }
  for (const c of s.lb.connecting) {
    const be = s.lb.backends[c.server];
    if (be) be.inflight += c.mix[0] + c.mix[1] + c.mix[2];
  }
}

export function tickTraffic(s: State): void {
  const holder = s.lb.vipHolder;
  const lb = holder && nodeUp(s, holder) && !s.network.partitioned[holder] ? holder : null;
  tickEtcdClients(s);
  tickConnecting(s, lb, deliverToApiserver);
  for (const id of Object.keys(s.masters)) resolvePending(s, s.masters[id], lb);
  const mix = newRequests(s);
  if (mix) {
    if (!lb) {
      s.traffic.rejected += mix[0] + mix[1] + mix[2];
      failMix(s, null, mix);
    } else {
      admit(s, lb, mix, s.t, s.config.knobs.retries, null, deliverToApiserver);
    }
  }
  countInflight(s);
  tickClientConnections(s);
  tickServiceEndpoints(s);
  tickInClusterClients(s);
}
