// Client requests (kubectl users, kubelets) through the LB at --rps: the LB picks an UP backend
// by its algorithm; a refused connection is retried and, with redispatch, sent elsewhere; a
// black-holed one fails; the apiserver answers reads and writes only through a working etcd and
// makes the client wait up to etcd's request timeout (7 s) before failing.
import type { Master, PendingBatch, State } from './types.js';
import { connected, nodeUp } from './network.js';
import { apiserverServing, readOk, writeVia, pollWrite, recordBucket } from './apiserver.js';
import { randomInt } from './rng.js';

function succeed(s: State, backend: string, n: number): void {
  if (n <= 0) return;
  s.traffic.ok += n;
  s.lb.backends[backend].served += n;
  recordBucket(s, n, 0, backend);
}

function fail(s: State, backend: string | null, n: number): void {
  if (n <= 0) return;
  s.traffic.failed += n;
  if (backend) s.lb.backends[backend].failed += n;
  recordBucket(s, 0, n, backend);
}

/** Requests an apiserver is holding while etcd is unusable: answered when it recovers, failed at the timeout. */
function resolvePending(s: State, m: Master): void {
  const a = m.apiserver;
  if (a.pending.length === 0) return;
  const timeout = s.config.knobs.etcdRequestTimeoutMs;
  const keep: PendingBatch[] = [];
  let changed = false;
  for (const b of a.pending) {
    let done: 'ok' | 'failed' | null = null;
    if (b.kind === 'read') {
      if (readOk(s, m.id)) done = 'ok';
    } else if (b.proposed) {
      const r = pollWrite(s, b.requestId);
      if (r) done = 'ok';
    } else {
      const r = writeVia(s, m.id, { kind: 'writes', requestId: b.requestId, count: b.count });
      if (r === 'ok' || r === 'conflict') done = 'ok';
      else if (r === 'pending') { b.proposed = true; changed = true; }
    }
    if (!done && s.t - b.startedAt >= timeout) done = 'failed';
    if (done === 'ok') succeed(s, b.backend, b.count);
    else if (done === 'failed') fail(s, b.backend, b.count);
    if (done) changed = true;
    else keep.push(b);
  }
  if (changed) a.pending = keep;
}

/** Picks a backend among the UP ones by the LB's algorithm. */
function pick(s: State, up: string[], load: Record<string, number>): string {
  switch (s.lb.algorithm) {
    case 'random':
      return up[randomInt(s, up.length)];
    case 'leastconn': {
      let best = up[0];
      let bestLoad = Infinity;
      // Ties go round-robin, as HAProxy does.
      for (let i = 0; i < up.length; i++) {
        const id = up[(s.lb.rrCursor + i) % up.length];
        const l = load[id] ?? 0;
        if (l < bestLoad) { best = id; bestLoad = l; }
      }
      s.lb.rrCursor = (s.lb.rrCursor + 1) % Math.max(1, up.length);
      return best;
    }
    default: {
      const id = up[s.lb.rrCursor % up.length];
      s.lb.rrCursor = (s.lb.rrCursor + 1) % up.length;
      return id;
    }
  }
}

type Outcome = 'serve' | 'refused' | 'blackhole';
function connectOutcome(s: State, lb: string, backend: string): Outcome {
  if (!connected(s, lb, backend)) return 'blackhole';
  return apiserverServing(s, backend) ? 'serve' : 'refused';
}

export function tickTraffic(s: State): void {
  for (const id of Object.keys(s.masters)) resolvePending(s, s.masters[id]);

  const tr = s.traffic;
  const exact = tr.carry + (tr.rps * s.config.tickMs) / 1000;
  const count = Math.floor(exact);
  tr.carry = exact - count;
  if (count === 0) return;
  const wexact = tr.writeCarry + count * s.config.writeRatio;
  const writes = Math.min(count, Math.floor(wexact));
  tr.writeCarry = wexact - writes;

  const lb = s.lb.vipHolder;
  if (!lb || !nodeUp(s, lb) || s.network.partitioned[lb]) {
    tr.rejected += count;
    fail(s, null, count);
    return;
  }
  const up = s.lb.order.filter((id) => s.lb.backends[id].status === 'UP');
  if (up.length === 0) {
    // HAProxy answers 503 when no server is available.
    tr.rejected += count;
    fail(s, null, count);
    return;
  }
  const load: Record<string, number> = {};
  for (const id of up) load[id] = s.masters[id]?.apiserver.pending.reduce((a, b) => a + b.count, 0) ?? 0;
  const reads: Record<string, number> = {};
  const wr: Record<string, number> = {};
  const k = s.config.knobs;
  for (let i = 0; i < count; i++) {
    const isWrite = i < writes;
    let target = pick(s, up, load);
    let outcome = connectOutcome(s, lb, target);
    if (outcome === 'refused') {
      // Retries go to the same server; with redispatch the last one may go to another server.
      if (k.redispatch && up.length > 1) {
        const others = up.filter((u) => u !== target);
        const alt = others[(i + s.tick) % others.length];
        const altOutcome = connectOutcome(s, lb, alt);
        if (altOutcome === 'serve') {
          tr.redispatched += 1;
          target = alt;
          outcome = 'serve';
        }
      }
    }
    if (outcome !== 'serve') {
      fail(s, target, 1);
      continue;
    }
    load[target] = (load[target] ?? 0) + 1;
    if (isWrite) wr[target] = (wr[target] ?? 0) + 1;
    else reads[target] = (reads[target] ?? 0) + 1;
  }
  for (const id of up) {
    const m = s.masters[id];
    const r = reads[id] ?? 0;
    if (r > 0) {
      if (readOk(s, id)) succeed(s, id, r);
      else m.apiserver.pending.push({ requestId: `r-${s.tick}-${id}`, kind: 'read', count: r, startedAt: s.t, backend: id, proposed: false });
    }
    const w = wr[id] ?? 0;
    if (w > 0) {
      const requestId = `w-${s.tick}-${id}`;
      const res = writeVia(s, id, { kind: 'writes', requestId, count: w });
      if (res === 'ok' || res === 'conflict') succeed(s, id, w);
      else if (res === 'refused') fail(s, id, w);
      else m.apiserver.pending.push({ requestId, kind: 'write', count: w, startedAt: s.t, backend: id, proposed: res === 'pending' });
    }
  }
}
