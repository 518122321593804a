// The network between etcd members, in time: each message takes a seeded one-way latency
// (--net-latency, 0.2–2 ms by default) and a link keeps its messages in order (etcd's peer
// streams run over TCP). A message is dropped at delivery time if the hosts cannot reach each
// other then, or the receiver's process is not running.
import type { Ms, State } from '../types.js';
import { canDeliver } from '../network.js';
import { random } from '../rng.js';
import type { Outbox } from './messages.js';
import { step } from './step.js';

/** One-way latency of the next message, uniform in the knob's range. */
export function latencyMs(s: State): Ms {
  const { netLatencyMinMs: lo, netLatencyMaxMs: hi } = s.config.knobs;
  return hi > lo ? lo + random(s) * (hi - lo) : lo;
}

/** Puts the outbox on the wire at time `now`: each message arrives after its latency, in order per link. */
export function post(s: State, out: Outbox, now: Ms): void {
  const e = s.etcd;
  for (let i = 0; i < out.length; i++) {
    const msg = out[i];
    const links = e.linkAt[msg.from] ?? (e.linkAt[msg.from] = {});
    const at = Math.max(now + latencyMs(s), links[msg.to] ?? 0);
    links[msg.to] = at;
    e.wireSeq += 1;
    const w = { at, seq: e.wireSeq, msg };
    // Keep the wire sorted by arrival (then send order); new messages mostly go at the end.
    let j = e.wire.length;
    while (j > 0 && e.wire[j - 1].at > at) j--;
    e.wire.splice(j, 0, w);
  }
  out.length = 0;
}

/** Hands the first message on the wire to its receiver; what it sends goes on the wire at the same time. */
export function deliverNext(s: State, out: Outbox): void {
  const w = s.etcd.wire.shift();
  if (!w) return;
  const { msg } = w;
  const to = s.etcd.members[msg.to];
  const from = s.etcd.members[msg.from];
  if (!to || !from || !to.running) return;
  if (!canDeliver(s, from.host, to.host)) return;
  step(s, to, msg, out);
  if (out.length) post(s, out, w.at);
}
