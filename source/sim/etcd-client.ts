// kube-apiserver's etcd client in the external topology (clientv3 3.4+, docs/FIDELITY.md §3):
// gRPC round-robin over every endpoint of --etcd-servers, one connection each. A member whose
// process is gone on a live host resets the connection at once and leaves the rotation. A member
// whose host is down or cut off sends nothing: its connection stays in the rotation, and the
// requests sent to it hang, until gRPC keepalive notices (a ping after 30 s without a frame, no
// answer in 10 s: ≈ 40 s) and closes it. Then the reads it held are retried on the next endpoint
// and the writes fail (clientv3 retries a write only if it was never sent).
import type { ApiServer, EtcdClient, PendingBatch, State } from './types.js';
import { connected } from './network.js';
import { apiserverServing } from './apiserver.js';
import { fail } from './request-stats.js';
import { linearizableReadOk } from './etcd/index.js';

/** The etcd-bound request classes: linearizable reads and writes. */
export type RequestClass = 'read' | 'write';

/** k/k storagebackend/factory/etcd3.go: keepaliveTime and keepaliveTimeout (docs/FIDELITY.md §3). */
export const ETCD_KEEPALIVE_TIME_MS = 30_000;
export const ETCD_KEEPALIVE_TIMEOUT_MS = 10_000;

/** What a request from `masterId` to endpoint `memberId` meets right now. */
export type EndpointReach = 'answers' | 'refused' | 'silent';

export function endpointReach(s: State, masterId: string, memberId: string): EndpointReach {
  const member = s.etcd.members[memberId];
  if (!member) return 'refused';
  // A graceful shutdown closes its connections on the way out: the client learns at once.
  if (s.nodes[member.host]?.state === 'stopped') return 'refused';
  if (!connected(s, masterId, member.host)) return 'silent';
  return member.running ? 'answers' : 'refused';
}

/**
 * Whether each member has a leader with quorum, computed once per traffic step: every apiserver
 * asks it for every batch, and within the step it does not change (the election ran before).
 * Cleared at the start of each step, so it never outlives one.
 */
const leaderOk = new Map<string, boolean>();

/** A request at `ep` from `masterId` would be served now: it answers and has a working leader. */
export function endpointHealthy(s: State, masterId: string, ep: string): boolean {
  if (endpointReach(s, masterId, ep) !== 'answers') return false;
  let ok = leaderOk.get(ep);
  if (ok === undefined) {
    ok = linearizableReadOk(s, ep);
    leaderOk.set(ep, ok);
  }
  return ok;
}

function freshClient(a: ApiServer): EtcdClient {
  return { since: a.since, conns: {}, rr: [0, 0] };
}

/**
 * A connection left the rotation (reset, keepalive, endpoint removed): the requests it held get an
 * error now. Reads go round-robin to the next ready endpoint (their request timeout starts again);
 * writes fail.
 */
function closeConn(s: State, a: ApiServer, ep: string): void {
  const conn = a.etcdClient.conns[ep];
  if (conn) {
    conn.ready = false;
    conn.silentSince = null;
  }
  if (a.pending.length === 0) return;
  const keep: PendingBatch[] = [];
  for (const b of a.pending) {
    if (b.endpoint !== ep || b.lost) keep.push(b);
    else if (b.kind === 'write') fail(s, b.backend, b.count, 'write');
    else {
      b.endpoint = pickEndpoint(a, 'read');
      b.startedAt = s.t;
      keep.push(b);
    }
  }
  a.pending = keep;
}

/** Per apiserver and endpoint: connections open, reset, go silent and are closed by keepalive. */
export function tickEtcdClients(s: State): void {
  if (leaderOk.size > 0) leaderOk.clear();
  if (s.config.topology !== 'external') return;
  for (const id in s.masters) {
    const a = s.masters[id].apiserver;
    if (!apiserverServing(s, id)) continue;
    if (a.etcdClient.since !== a.since) a.etcdClient = freshClient(a);
    const conns = a.etcdClient.conns;
    for (const ep of a.endpoints) {
      const r = endpointReach(s, id, ep);
      const conn = conns[ep];
      if (!conn) {
        conns[ep] = { ready: r === 'answers', silentSince: null };
        continue;
      }
      if (!conn.ready) {
        // A dial that gets through puts the endpoint back in the rotation (reconnect back-off not modelled).
        if (r === 'answers') conn.ready = true;
        continue;
      }
      if (r === 'refused') closeConn(s, a, ep);
      else if (r === 'silent') {
        if (conn.silentSince === null) conn.silentSince = s.t;
        else if (s.t - conn.silentSince >= ETCD_KEEPALIVE_TIME_MS + ETCD_KEEPALIVE_TIMEOUT_MS) closeConn(s, a, ep);
      } else if (conn.silentSince !== null) conn.silentSince = null;
    }
    for (const ep in conns) {
      if (a.endpoints.indexOf(ep) >= 0) continue;
      closeConn(s, a, ep);
      delete conns[ep];
    }
  }
}

/** The next endpoint in the round-robin over ready connections, or null when none is ready (the call waits). */
export function pickEndpoint(a: ApiServer, kind: RequestClass): string | null {
  const c = a.etcdClient;
  const eps = a.endpoints;
  const k = kind === 'read' ? 0 : 1;
  for (let i = 0; i < eps.length; i++) {
    const ep = eps[(c.rr[k] + i) % eps.length];
    if (c.conns[ep]?.ready) {
      c.rr[k] = (c.rr[k] + i + 1) % eps.length;
      return ep;
    }
  }
  return null;
}

/**
 * Spreads `n` requests over the ready connections, round-robin: at most one group per endpoint,
 * so the work does not grow with the number of requests. [endpoint, count] pairs; one
 * [null, n] pair when no connection is ready.
 */
export function spreadOverEndpoints(a: ApiServer, n: number, kind: RequestClass): [string | null, number][] {
  const out: [string | null, number][] = [];
  if (n <= 0) return out;
  const c = a.etcdClient;
  const k = kind === 'read' ? 0 : 1;
  const eps = a.endpoints;
  const ready: string[] = [];
  for (let i = 0; i < eps.length; i++) {
    const ep = eps[(c.rr[k] + i) % eps.length];
    if (c.conns[ep]?.ready) ready.push(ep);
  }
  if (ready.length === 0) return [[null, n]];
  const base = Math.floor(n / ready.length);
  const extra = n % ready.length;
  for (let i = 0; i < ready.length; i++) {
    const k = base + (i < extra ? 1 : 0);
    if (k > 0) out.push([ready[i], k]);
  }
  // The next call starts after the last endpoint that got one more.
  const last = ready[(extra + ready.length - 1) % ready.length];
  c.rr[k] = (eps.indexOf(last) + 1) % eps.length;
  return out;
}

/** For panes and snapshots: per apiserver, the endpoints in its rotation and those it has not noticed are silent. */
export function etcdClientView(s: State, masterId: string): { ready: string[]; silent: string[] } {
  const a = s.masters[masterId]?.apiserver;
  const ready: string[] = [];
  const silent: string[] = [];
  if (!a) return { ready, silent };
  for (const ep of a.endpoints) {
    const c = a.etcdClient.conns[ep];
    if (!c?.ready) continue;
    ready.push(ep);
    if (c.silentSince !== null) silent.push(ep);
  }
  return { ready, silent };
}
