// HAProxy's side of a request: pick a server by the balance algorithm, connect, and on a failed
// connect retry or redispatch as `retries` and `option redispatch` say. Two kinds of dead: a
// process gone on a live host refuses at once (RST); a host that is down or cut off does not answer
// and the connect waits `timeout connect`.
import type { RequestMix, State } from './types.js';
import { connected } from './network.js';
import { apiserverServing } from './apiserver.js';
import { randomInt } from './rng.js';
import { turnAroundMs } from './config.js';
import { failMix } from './request-stats.js';

export type ConnectOutcome = 'serve' | 'refused' | 'silent';

/** What a connect from LB node `lb` to `server` meets right now. */
export function connectOutcome(s: State, lb: string, server: string): ConnectOutcome {
  if (!connected(s, lb, server)) return 'silent';
  return apiserverServing(s, server) ? 'serve' : 'refused';
}

/** Servers marked UP by the health checks, in the LB's order. */
export function upServers(s: State): string[] {
  const out: string[] = [];
  for (const id of s.lb.order) if (s.lb.backends[id].status === 'UP') out.push(id);
  return out;
}

/** One server among `up` by the LB's algorithm; leastconn counts current (in-flight) requests. */
export function pickServer(s: State, up: string[]): string {
  switch (s.lb.algorithm) {
    case 'random':
      return up[randomInt(s, up.length)];
    case 'leastconn': {
      let best = up[0];
      let bestLoad = Infinity;
      // Ties go round-robin, as HAProxy does.
      for (let i = 0; i < up.length; i++) {
        const id = up[(s.lb.rrCursor + i) % up.length];
        const l = s.lb.backends[id].inflight;
        if (l < bestLoad) { best = id; bestLoad = l; }
      }
      s.lb.rrCursor = (s.lb.rrCursor + 1) % up.length;
      return best;
    }
    default: {
      const id = up[s.lb.rrCursor % up.length];
      s.lb.rrCursor = (s.lb.rrCursor + 1) % up.length;
      return id;
    }
  }
}

const total = (m: RequestMix) => m[0] + m[1] + m[2];

/** Where the requests that reached a server go next (the apiserver). */
export type Deliver = (s: State, server: string, mix: RequestMix, sentAt: number) => void;

/**
 * Requests arriving at the LB (or redispatched, avoiding `avoid`): each picks a server, then the
 * requests bound for each server try to connect together.
 */
export function admit(s: State, lb: string, mix: RequestMix, sentAt: number, retriesLeft: number, avoid: string | null, deliver: Deliver): void {
  let up = upServers(s);
  if (avoid && up.length > 1) up = up.filter((id) => id !== avoid);
  if (up.length === 0) {
    // HAProxy answers 503 when no server is available.
    s.traffic.rejected += total(mix);
    failMix(s, null, mix);
    return;
  }
  if (up.length === 1) return connect(s, lb, up[0], mix, sentAt, retriesLeft, deliver);
  const by: (RequestMix | undefined)[] = new Array(up.length);
  for (let k = 0; k < 3; k++) {
    for (let i = 0; i < mix[k]; i++) {
      const id = pickServer(s, up);
      const j = up.indexOf(id);
      const m = by[j] ?? (by[j] = [0, 0, 0]);
      m[k] += 1;
      s.lb.backends[id].inflight += 1;
    }
  }
  for (let j = 0; j < up.length; j++) {
    const m = by[j];
    if (!m) continue;
    s.lb.backends[up[j]].inflight -= total(m);
    connect(s, lb, up[j], m, sentAt, retriesLeft, deliver);
  }
}

/** One connect attempt of a batch of requests to `server`. */
export function connect(s: State, lb: string, server: string, mix: RequestMix, sentAt: number, retriesLeft: number, deliver: Deliver): void {
  const o = connectOutcome(s, lb, server);
  if (o === 'serve') return deliver(s, server, mix, sentAt);
  if (o === 'silent') {
    s.lb.connecting.push({ server, phase: 'timeout', at: s.t + s.config.knobs.connectTimeoutMs, retriesLeft, sentAt, mix });
    s.lb.backends[server].inflight += total(mix);
    return;
  }
  attemptFailed(s, lb, server, mix, sentAt, retriesLeft, true, deliver);
}

/**
 * A connect attempt failed (refused now, or timed out). No retries left: 503. With `option
 * redispatch`, a non-hash algorithm and more than one usable server, the retry goes to another
 * server at once. Otherwise the same server again: after a turn-around if it refused, at once
 * after a timeout.
 */
export function attemptFailed(s: State, lb: string, server: string, mix: RequestMix, sentAt: number, retriesLeft: number, refused: boolean, deliver: Deliver): void {
  const k = s.config.knobs;
  if (retriesLeft <= 0) return failMix(s, server, mix);
  const be = s.lb.backends[server];
  const usable = upServers(s).length;
  if (k.redispatch && (usable > 1 || (be?.status === 'DOWN' && usable > 0))) {
    s.traffic.redispatched += total(mix);
    return admit(s, lb, mix, sentAt, retriesLeft - 1, server, deliver);
  }
  if (!be) return failMix(s, null, mix);
  if (refused) {
    s.lb.connecting.push({ server, phase: 'turnaround', at: s.t + turnAroundMs(k), retriesLeft: retriesLeft - 1, sentAt, mix });
    be.inflight += total(mix);
    return;
  }
  connect(s, lb, server, mix, sentAt, retriesLeft - 1, deliver);
}

/** Connect attempts whose time has come: timeouts fail (and maybe retry), turn-arounds try again. */
export function tickConnecting(s: State, lb: string | null, deliver: Deliver): void {
  const list = s.lb.connecting;
  if (list.length === 0) return;
  const due = list.filter((b) => b.at <= s.t);
  if (due.length === 0) return;
  s.lb.connecting = list.filter((b) => b.at > s.t);
  for (const b of due) {
    const be = s.lb.backends[b.server];
    if (!lb || !be) {
      // The LB holding the client side is gone, or the server was removed: the client sees a reset.
      failMix(s, be ? b.server : null, b.mix);
      continue;
    }
    if (b.phase === 'timeout') attemptFailed(s, lb, b.server, b.mix, b.sentAt, b.retriesLeft, false, deliver);
    else connect(s, lb, b.server, b.mix, b.sentAt, b.retriesLeft, deliver);
  }
}
