// Raft messages and the outbox a handler fills; the wire (wire.ts) carries them with latency.
import type { RaftMsg, RaftMsgType } from '../types.js';

export type MsgType = RaftMsgType;
export type Msg = RaftMsg;

/** Messages waiting to be sent, in send order. */
export type Outbox = Msg[];

export function newOutbox(): Outbox {
  return [];
}

export function send(out: Outbox, type: MsgType, from: string, to: string, term: number): Msg {
  const m: Msg = { type, from, to, term, index: 0, logTerm: 0, commit: 0, entries: null, reject: false, hint: 0, transfer: false };
  out.push(m);
  return m;
}
