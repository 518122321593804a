// Client requests inside kube-apiserver: the watch cache answers resourceVersion=0 lists and
// watches from memory (stale while etcd has no quorum, but answered); consistent reads and writes
// need etcd and wait up to its request timeout. A request whose server died or went silent hangs
// until HAProxy's `timeout server`; a server whose process died on a live host resets it at once.
import type { Master, RequestMix, State } from './types.js';
import { newRequestId } from './store.js';
import { connected, nodeUp } from './network.js';
import { readOk, writeVia, pollWrite } from './apiserver.js';
import { LB_SERVER_TIMEOUT_MS } from './config.js';
import { succeed, fail, failMix } from './request-stats.js';
import { deliverToEndpoints, stepAtEndpoint } from './endpoint-requests.js';

/** The watch cache has been filled since this process started (etcd answered at least once). */
export function watchCacheReady(m: Master): boolean {
  return m.apiserver.state === 'running' && m.apiserver.etcdOkAt >= m.apiserver.since;
}

/** Requests that reached `server`'s apiserver now (sent by clients at `sentAt`). */
export function deliverToApiserver(s: State, server: string, mix: RequestMix, sentAt: number): void {
  const m = s.masters[server];
  if (!m) return failMix(s, null, mix);
  let reads = mix[1];
  if (mix[0] > 0) {
    if (watchCacheReady(m)) succeed(s, server, mix[0], sentAt, 'cached');
    else reads += mix[0]; // an empty cache cannot answer: the list waits for etcd like a consistent read
  }
  // External topology: the etcd client spreads them over its endpoints (endpoint-requests.ts).
  if (s.config.topology === 'external') return deliverToEndpoints(s, m, reads, mix[2], sentAt);
  if (reads > 0) {
    if (readOk(s, server)) succeed(s, server, reads, sentAt, 'read');
    else m.apiserver.pending.push({ requestId: newRequestId(s), kind: 'read', count: reads, startedAt: s.t, sentAt, backend: server, proposed: false, lost: false });
  }
  const w = mix[2];
  if (w > 0) {
    const requestId = newRequestId(s);
    const res = writeVia(s, server, { kind: 'writes', requestId, count: w });
    if (res === 'ok' || res === 'conflict') succeed(s, server, w, sentAt, 'write');
    else if (res === 'refused') fail(s, server, w, 'write');
    else m.apiserver.pending.push({ requestId, kind: 'write', count: w, startedAt: s.t, sentAt, backend: server, proposed: res === 'pending', lost: false });
  }
}

/**
 * Requests an apiserver is holding: answered when etcd answers, failed at etcd's request timeout.
 * Answers reach the client only while the LB can reach the server; a lost or unreachable request
 * hangs until `timeout server`, unless the server's host is up and resets it.
 */
export function resolvePending(s: State, m: Master, lb: string | null): void {
  const a = m.apiserver;
  if (a.pending.length === 0) return;
  const timeout = s.config.knobs.etcdRequestTimeoutMs;
  const reachable = lb !== null && connected(s, lb, m.id);
  const keep = [];
  let changed = false;
  for (const b of a.pending) {
    let done: 'ok' | 'failed' | null = null;
    const hungOut = s.t - b.sentAt >= LB_SERVER_TIMEOUT_MS;
    if (b.lost) {
      // The process died: its host, if up and reachable, answers with a RST (a graceful stop closes too).
      if ((reachable && nodeUp(s, m.id)) || a.state === 'stopped' || hungOut) done = 'failed';
    } else if (!reachable) {
      if (hungOut) done = 'failed';
    } else if (b.endpoint !== undefined) {
      // At one etcd endpoint (external topology): it answers, times out, or hangs; the LB gives up at `timeout server`.
      done = stepAtEndpoint(s, m, b) ?? (hungOut ? 'failed' : null);
    } else if (b.kind === 'read') {
      if (readOk(s, m.id)) done = 'ok';
    } else if (b.proposed) {
      if (pollWrite(s, b.requestId)) done = 'ok';
    } else {
      const r = writeVia(s, m.id, { kind: 'writes', requestId: b.requestId, count: b.count });
      if (r === 'ok' || r === 'conflict') done = 'ok';
      else if (r === 'pending') { b.proposed = true; changed = true; }
    }
    if (!done && !b.lost && reachable && b.endpoint === undefined && s.t - b.startedAt >= timeout) done = 'failed';
    if (done === 'ok') succeed(s, b.backend, b.count, b.sentAt, b.kind);
    else if (done === 'failed') fail(s, b.backend, b.count, b.kind);
    if (done) changed = true;
    else keep.push(b);
  }
  if (changed) a.pending = keep;
}
