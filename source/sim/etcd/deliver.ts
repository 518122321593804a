// The in-call network used only for a leadership transfer (graceful stop), played out at once:
// zero latency, FIFO, dropped when the hosts cannot reach each other or the
// receiver is not serving. Bounded so a bug can never hang a tick.
import type { State } from '../types.js';
import { canDeliver } from '../network.js';
import type { Outbox } from './messages.js';
import { step } from './step.js';

export const MAX_MESSAGES_PER_CALL = 100_000;

export function deliver(s: State, out: Outbox): void {
  const members = s.etcd.members;
  let i = 0;
  while (i < out.length && i < MAX_MESSAGES_PER_CALL) {
    const msg = out[i++];
    const to = members[msg.to];
    const from = members[msg.from];
    if (!to || !from || !to.running) continue;
    if (!canDeliver(s, from.host, to.host)) continue;
    step(s, to, msg, out);
  }
  out.length = 0;
}
