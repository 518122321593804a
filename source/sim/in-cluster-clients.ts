// In-cluster clients: controllers in pods that reach the API through the `kubernetes` Service
// (docs/FIDELITY.md §10.2), not through the load balancer. kube-proxy on the client's node sends
// each new connection to one of the Service's endpoints (iptables mode: at random), and the
// endpoints drop a dead apiserver only when its reconciler lease has expired (service-endpoints.ts).
// No health check and no redispatch stand in between, so until then:
// - a dial to an apiserver whose process is gone on a live host is refused at once: its requests fail;
// - a dial to a host that does not answer waits the dialer's timeout (30 s), its requests with it;
// - an open connection to a server that went silent is left only by client-go's HTTP/2 health
//   check (30 s + 15 s), and the requests sent on it meanwhile fail then.
import type { InClusterClient, State } from './types.js';
import { nodeUp } from './network.js';
import { connectOutcome } from './lb-connect.js';
import { HTTP2_PING_TIMEOUT_MS, HTTP2_READ_IDLE_MS } from './client-connections.js';
import { SLOW_MS } from './config.js';

/**
 * Per worker: one controller with a long-lived connection and one short-lived client (a job, a
 * script: a new connection per request), each sending this many requests per second.
 */
export const IN_CLUSTER_RPS_PER_CLIENT = 2;
/** client-go's default dialer timeout (k8s.io/apimachinery util/net: 30 s). */
export const DIAL_TIMEOUT_MS = 30_000;
/** Seconds of per-second outcome buckets kept for the view. */
const RECENT_SECONDS = 10;

export function newInClusterClients(workers: string[]): InClusterClient[] {
  const out: InClusterClient[] = [];
  for (const node of workers) {
    for (const kind of ['controller', 'short'] as const) {
      out.push({ node, kind, waiting: [], server: null, dialEndsAt: null, stuckSince: null, closeAt: null, held: 0, heldSince: 0, carry: 0, dials: 0, rules: [] });
    }
  }
  return out;
}

function record(s: State, ok: number, failed: number, waitedMs: number): void {
  const st = s.clients.inClusterStats;
  st.ok += ok;
  st.failed += failed;
  if (ok > 0 && waitedMs > SLOW_MS) st.slow += ok;
  const sec = Math.floor(s.t / 1000);
  const r = st.recent;
  const last = r[r.length - 1];
  if (!last || last.sec !== sec) {
    r.push({ sec, ok, failed });
    if (r.length > RECENT_SECONDS) r.splice(0, r.length - RECENT_SECONDS);
  } else {
    r[r.length - 1] = { sec, ok: last.ok + ok, failed: last.failed + failed };
  }
}

/** The held requests get their answer now (late), or fail now. */
function release(s: State, c: InClusterClient, ok: boolean): void {
  if (c.held === 0) return;
  if (ok) record(s, c.held, 0, s.t - c.heldSince);
  else record(s, 0, c.held, 0);
  c.held = 0;
}

function hold(s: State, c: InClusterClient, n: number): void {
  if (c.held === 0) c.heldSince = s.t;
  c.held += n;
}

/** A seeded choice that leaves the simulation's PRNG stream alone (so adding clients moves nothing else). */
function pick(seed: number, client: number, dial: number, n: number): number {
  let h = (seed ^ Math.imul(client + 1, 0x9e3779b1) ^ Math.imul(dial + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) % n;
}

/** A new connection: kube-proxy's rules choose the endpoint. */
function dial(s: State, c: InClusterClient, index: number): void {
  if (c.rules.length === 0) return; // no endpoints: kube-proxy rejects the connection
  c.dials += 1;
  const server = c.rules[pick(s.config.seed, index, c.dials, c.rules.length)];
  const o = connectOutcome(s, c.node, server);
  if (o === 'refused') return;
  c.server = server;
  c.dialEndsAt = o === 'silent' ? s.t + DIAL_TIMEOUT_MS : null;
}

function drop(c: InClusterClient): void {
  c.server = null;
  c.dialEndsAt = null;
  c.stuckSince = null;
  c.closeAt = null;
}

/** A short-lived client: each tick's requests open their own connection, wherever kube-proxy sends it. */
function stepShort(s: State, c: InClusterClient, index: number, n: number): void {
  while (c.waiting.length > 0 && c.waiting[0].at <= s.t) record(s, 0, c.waiting.shift()!.count, 0);
  if (n === 0) return;
  dial(s, c, index);
  if (c.server === null) record(s, 0, n, 0);
  else if (c.dialEndsAt !== null) c.waiting.push({ at: c.dialEndsAt, count: n });
  else record(s, n, 0, 0);
  drop(c); // the connection closes with its request
}

function step(s: State, c: InClusterClient, index: number): void {
  const exact = c.carry + (IN_CLUSTER_RPS_PER_CLIENT * s.config.tickMs) / 1000;
  const n = Math.floor(exact);
  c.carry = exact - n;
  if (!nodeUp(s, c.node)) {
    // The client's pod is down with its node: nothing is sent, nothing answered.
    drop(c);
    c.held = 0;
    c.waiting = [];
    return;
  }
  // kube-proxy follows the endpoints while it can reach the API; a cut-off node keeps its old rules.
  if (!s.network.partitioned[c.node] && c.rules !== s.clients.serviceEndpoints) c.rules = s.clients.serviceEndpoints;
  if (c.kind === 'short') return stepShort(s, c, index, n);
  if (c.server !== null) {
    const o = connectOutcome(s, c.node, c.server);
    if (c.dialEndsAt !== null) {
      if (o === 'serve') {
        c.dialEndsAt = null; // a retransmitted SYN got through
        release(s, c, true);
      } else if (o === 'refused' || s.t >= c.dialEndsAt) {
        release(s, c, false);
        drop(c);
      }
    } else if (o === 'refused') {
      release(s, c, false); // a RST: the requests in flight fail, the next one dials again
      drop(c);
    } else if (o === 'silent') {
      if (c.stuckSince === null) {
        c.stuckSince = s.t;
        c.closeAt = s.t + HTTP2_READ_IDLE_MS + HTTP2_PING_TIMEOUT_MS;
      } else if (s.t >= (c.closeAt ?? s.t)) {
        release(s, c, false);
        drop(c);
      }
    } else if (c.stuckSince !== null) {
      c.stuckSince = null;
      c.closeAt = null;
      release(s, c, true);
    }
  }
  if (n === 0) return;
  if (c.server === null) dial(s, c, index);
  if (c.server === null) record(s, 0, n, 0);
  else if (c.dialEndsAt !== null || c.stuckSince !== null) hold(s, c, n);
  else record(s, n, 0, 0);
}

export function tickInClusterClients(s: State): void {
  const list = s.clients.inCluster;
  for (let i = 0; i < list.length; i++) step(s, list[i], i);
}

/** For panes and snapshots: connections, those waiting on a dead apiserver, and recent outcomes. */
export function inClusterView(s: State): { clients: number; connected: number; waiting: number; okPerSec: number; failedPerSec: number; ok: number; failed: number; slow: number } {
  let connected = 0;
  let waiting = 0;
  for (const c of s.clients.inCluster) {
    if (c.server !== null && c.dialEndsAt === null && c.stuckSince === null) connected++;
    if (c.dialEndsAt !== null || c.stuckSince !== null || c.waiting.length > 0) waiting++;
  }
  const st = s.clients.inClusterStats;
  const nowSec = Math.floor(s.t / 1000);
  let ok = 0;
  let failed = 0;
  let secs = 0;
  // The last few whole seconds (the current one is still filling).
  for (const b of st.recent) {
    if (b.sec >= nowSec || b.sec < nowSec - 3) continue;
    ok += b.ok;
    failed += b.failed;
    secs++;
  }
  const per = Math.max(1, secs);
  return { clients: s.clients.inCluster.length, connected, waiting, okPerSec: ok / per, failedPerSec: failed / per, ok: st.ok, failed: st.failed, slow: st.slow };
}
