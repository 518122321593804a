// The outage ledger of one fault in words, under the timeline: what was unavailable and for how
// long, in the order a person cares about, leaving out what was never affected.
import { clock } from '../lines.js';

/** The fields of the simulation's outage record that the sentence reads. */
export interface OutageFigures {
  fault: string;
  at: number;
  apiDegradedMs: number;
  apiDownMs: number;
  failedRequests: number;
  slowRequests: number;
  writesUnavailableMs: number;
  etcdLeaderlessMs: number;
  kcmLeaderlessMs: number;
  schedulerLeaderlessMs: number;
  backendsWronglyUpMs: number;
  backendsWronglyDownMs: number;
  podsBelowDesiredMs: number;
  /** Null while something is still not green. */
  greenAfterMs: number | null;
}

/** Seconds with one decimal: "1.3 s". */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The node a fault names ("crash master-1" → "master-1"), if any. */
function subjectOf(fault: string): string | null {
  const m = /\b((?:master|etcd|lb|worker)-\d+)\b/.exec(fault);
  return m ? m[1] : null;
}

/** The parts of the sentence after the arrow, each "what duration (detail)". */
export function ledgerParts(r: OutageFigures, nowT: number): string[] {
  const parts: string[] = [];
  const requests: string[] = [];
  if (r.failedRequests > 0) requests.push(`${r.failedRequests} requests failed`);
  if (r.slowRequests > 0) requests.push(`${r.slowRequests} requests late`);
  const req = requests.length ? ` (${requests.join(', ')})` : '';
  if (r.apiDownMs > 0) parts.push(`API down ${seconds(r.apiDownMs)}`);
  if (r.apiDegradedMs > 0) parts.push(`API degraded ${seconds(r.apiDegradedMs)}${r.apiDownMs > 0 ? '' : req}`);
  else if (req) parts.push(req.slice(2, -1));
  if (r.writesUnavailableMs > 0) parts.push(`writes unavailable ${seconds(r.writesUnavailableMs)}`);
  if (r.etcdLeaderlessMs > 0) parts.push(`etcd leaderless ${seconds(r.etcdLeaderlessMs)}`);
  if (r.backendsWronglyUpMs > 0) {
    const who = subjectOf(r.fault);
    parts.push(`${who ? `backend ${who}` : 'a dead backend'} still UP ${seconds(r.backendsWronglyUpMs)}`);
  }
  if (r.backendsWronglyDownMs > 0) parts.push(`a working backend DOWN ${seconds(r.backendsWronglyDownMs)}`);
  if (r.kcmLeaderlessMs > 0) parts.push(`KCM leaderless ${seconds(r.kcmLeaderlessMs)}`);
  if (r.schedulerLeaderlessMs > 0) parts.push(`scheduler leaderless ${seconds(r.schedulerLeaderlessMs)}`);
  if (r.podsBelowDesiredMs > 0) parts.push(`pods below desired ${seconds(r.podsBelowDesiredMs)}`);
  if (r.greenAfterMs !== null) parts.push(parts.length ? `everything green again after ${seconds(r.greenAfterMs)}` : 'nothing went red');
  else parts.push(`not green yet (${seconds(Math.max(0, nowT - r.at))} so far)`);
  return parts;
}

/** "crash master-1 at 00:20.0 → etcd leaderless 1.3 s · … · everything green again after 18.1 s" */
export function ledgerSentence(r: OutageFigures, nowT: number): string {
  return `${r.fault} at ${clock(r.at)} → ${ledgerParts(r, nowT).join(' · ')}`;
}
