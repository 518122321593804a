// Long-lived client connections through the LB: each worker's kubelet holds one HTTP/2 connection
// to an apiserver. A server that dies with a RST (process gone, host up) is left at once and the
// kubelet re-dials; a server that goes silent (host crashed, powered off, cut off) is noticed only
// by client-go's HTTP/2 health check: no frame for 30 s → ping, no answer in 15 s → close, re-dial.
// A kubelet whose connection does not reach a writing apiserver cannot renew its node Lease.
import type { KubeletConnection, State } from './types.js';
import { nodeUp } from './network.js';
import { etcdPathFor } from './apiserver.js';
import { connectOutcome, pickServer, upServers } from './lb-connect.js';

/** client-go http2 ReadIdleTimeout (30 s) + PingTimeout (15 s). */
export const HTTP2_READ_IDLE_MS = 30_000;
export const HTTP2_PING_TIMEOUT_MS = 15_000;

export function newKubeletConnection(server: string | null, lb: string | null): KubeletConnection {
  return { server, lb, readyAt: 0, stuckSince: null, closeAt: null, nodeLeaseRenewable: server !== null };
}

function drop(c: KubeletConnection): void {
  c.server = null;
  c.lb = null;
  c.stuckSince = null;
  c.closeAt = null;
}

/**
 * Dials through the LB, which connects as it does for requests: a refused server is skipped at
 * once (redispatch), a silent one costs `timeout connect` before the retry goes elsewhere.
 */
function dial(s: State, c: KubeletConnection, lb: string): void {
  const up = upServers(s);
  if (up.length === 0) return;
  const k = s.config.knobs;
  const first = pickServer(s, up);
  const o = connectOutcome(s, lb, first);
  if (o === 'serve') {
    c.server = first;
    c.lb = lb;
    c.readyAt = s.t;
    return;
  }
  if (k.retries === 0 || !k.redispatch || up.length < 2) {
    // The dial fails (after the connect timeout if silent); the kubelet tries again.
    c.readyAt = s.t + (o === 'silent' ? k.connectTimeoutMs : 0);
    return;
  }
  const others = up.filter((id) => id !== first);
  const second = pickServer(s, others);
  if (connectOutcome(s, lb, second) !== 'serve') {
    c.readyAt = s.t + (o === 'silent' ? k.connectTimeoutMs : 0);
    return;
  }
  c.server = second;
  c.lb = lb;
  c.readyAt = s.t + (o === 'silent' ? k.connectTimeoutMs : 0);
}

export function tickClientConnections(s: State): void {
  const holder = s.lb.vipHolder;
  const lb = holder && nodeUp(s, holder) && !s.network.partitioned[holder] ? holder : null;
  for (const w in s.clients.kubelets) {
    const c = s.clients.kubelets[w];
    if (!nodeUp(s, w) || s.network.partitioned[w] || !s.nodes[w]) {
      if (c.server !== null) drop(c);
      c.nodeLeaseRenewable = false;
      continue;
    }
    if (c.server !== null && c.lb !== lb) drop(c); // the VIP moved or the LB died: the new holder resets
    if (c.server !== null) {
      const o = lb ? connectOutcome(s, lb, c.server) : 'silent';
      if (o === 'refused') drop(c);
      else if (o === 'silent') {
        if (c.stuckSince === null) {
          c.stuckSince = s.t;
          c.closeAt = s.t + HTTP2_READ_IDLE_MS + HTTP2_PING_TIMEOUT_MS;
        } else if (s.t >= (c.closeAt ?? s.t)) drop(c);
      } else if (c.stuckSince !== null) {
        // The path came back before the health check gave up (TCP retransmits get through).
        c.stuckSince = null;
        c.closeAt = null;
      }
    }
    if (c.server === null && lb && s.t >= c.readyAt) dial(s, c, lb);
    c.nodeLeaseRenewable = c.server !== null && c.stuckSince === null && s.t >= c.readyAt && etcdPathFor(s, c.server) !== null;
  }
}

/** For panes and snapshots: connections stuck on a silent server, and the longest wait so far. */
export function clientConnectionsView(s: State): { kubelets: number; connected: number; stuck: number; longestStuckMs: number | null; leaseRenewable: number } {
  let connected = 0;
  let stuck = 0;
  let longest: number | null = null;
  let renewable = 0;
  for (const w in s.clients.kubelets) {
    const c = s.clients.kubelets[w];
    if (c.server !== null && s.t >= c.readyAt) connected++;
    if (c.stuckSince !== null) {
      stuck++;
      longest = Math.max(longest ?? 0, s.t - c.stuckSince);
    }
    if (c.nodeLeaseRenewable) renewable++;
  }
  return { kubelets: Object.keys(s.clients.kubelets).length, connected, stuck, longestStuckMs: longest, leaseRenewable: renewable };
}
