// Raft messages and the in-tick network: zero latency, delivered in order before the call returns,
// dropped when the hosts cannot reach each other or the receiver is not serving.
import type { LogEntry, State } from '../types.js';
import { canDeliver, nodeUp } from '../network.js';

export type MsgType =
  | 'app' | 'appResp' | 'heartbeat' | 'heartbeatResp' | 'vote' | 'voteResp'
  | 'preVote' | 'preVoteResp' | 'snap' | 'timeoutNow';

export interface Msg {
  type: MsgType;
  from: string;
  to: string;
  term: number;
  /** app: prevIndex; appResp: the index matched (or the reject hint); vote: candidate's last index; snap: snapshot index */
  index: number;
  /** app: prevTerm; vote: candidate's last term; snap: snapshot term */
  logTerm: number;
  entries?: LogEntry[];
  commit?: number;
  reject?: boolean;
  /** A leadership-transfer campaign: voters ignore their leader lease. */
  transfer?: boolean;
}

export class Bus {
  queue: Msg[] = [];
  send(m: Msg): void {
    this.queue.push(m);
  }
}

export function serving(s: State, id: string): boolean {
  const m = s.etcd.members[id];
  return !!m && m.running && nodeUp(s, m.host);
}

/** Both directions between the hosts of two members (a member always reaches itself). */
export function reach(s: State, a: string, b: string): boolean {
  if (a === b) return true;
  const ma = s.etcd.members[a];
  const mb = s.etcd.members[b];
  if (!ma || !mb) return false;
  return canDeliver(s, ma.host, mb.host) && canDeliver(s, mb.host, ma.host);
}

const MAX_MESSAGES = 100_000;

/** Delivers every queued message (and those they cause) in FIFO order. */
export function drain(s: State, bus: Bus, step: (s: State, msg: Msg, bus: Bus) => void): void {
  let i = 0;
  while (i < bus.queue.length && i < MAX_MESSAGES) {
    const msg = bus.queue[i++];
    const from = s.etcd.members[msg.from];
    const to = s.etcd.members[msg.to];
    if (!from || !to || !serving(s, msg.to)) continue;
    if (!canDeliver(s, from.host, to.host)) continue;
    step(s, msg, bus);
  }
  bus.queue.length = 0;
}
