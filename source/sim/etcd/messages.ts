// Raft messages and the in-call network: a FIFO queue drained before the call returns.
import type { LogEntry } from '../types.js';

export type MsgType =
  | 'app' | 'appResp' | 'heartbeat' | 'heartbeatResp'
  | 'vote' | 'voteResp' | 'preVote' | 'preVoteResp'
  | 'snap' | 'timeoutNow';

export interface Msg {
  type: MsgType;
  from: string;
  to: string;
  term: number;
  /** app: prevIndex; appResp: last matched index (or the rejected prevIndex); (pre)vote: candidate's last index; snap: snapshot index. */
  index: number;
  /** app: prevTerm; (pre)vote: candidate's last term; snap: snapshot term. */
  logTerm: number;
  /** Leader's commit (app, heartbeat, snap). */
  commit: number;
  entries: LogEntry[] | null;
  reject: boolean;
  /** appResp reject: the follower's hint of where logs may match. */
  hint: number;
  /** A leadership-transfer campaign: voters ignore their leader lease. */
  transfer: boolean;
}

/** Messages waiting for delivery, in send order. */
export type Outbox = Msg[];

export function newOutbox(): Outbox {
  return [];
}

export function send(out: Outbox, type: MsgType, from: string, to: string, term: number): Msg {
  const m: Msg = { type, from, to, term, index: 0, logTerm: 0, commit: 0, entries: null, reject: false, hint: 0, transfer: false };
  out.push(m);
  return m;
}
