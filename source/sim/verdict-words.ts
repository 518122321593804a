// The verdict and the etcd summary in words. Pure: numbers in, words out; the dashboard header,
// the NDJSON snapshot and lessons print the same strings.
import type { Ms, State } from './types.js';
import { perSec } from './ledger/window.js';
import { clusterStatus } from './etcd/index.js';
import { reachableVoters } from './etcd/cluster.js';

const seconds = (ms: Ms) => {
  const s = ms / 1000;
  return s < 10 ? `${Number(s.toFixed(1))} s` : `${Math.round(s)} s`;
};

/** A share in words: "all", "1 in 3", "30%" (at least 1%). */
export function shareWords(part: number, total: number): string {
  if (total <= 0 || part >= total) return 'all';
  const r = part / total;
  const n = Math.round(1 / r);
  if (n >= 2 && n <= 10 && Math.abs(1 / n - r) <= 0.02) return `1 in ${n}`;
  return `${Math.max(1, Math.min(99, Math.round(r * 100)))}%`;
}

/** "all requests", "1 in 3 requests", "30% of requests". */
function requests(part: number, total: number): string {
  const sh = shareWords(part, total);
  return sh === 'all' ? 'all requests' : sh.endsWith('%') ? `${sh} of requests` : `${sh} requests`;
}

export function failingWords(failed: number, total: number): string {
  return `${requests(failed, total)} fail via the LB`;
}

export function lateWords(slow: number, total: number, meanLateMs: Ms): string {
  return meanLateMs > 0 ? `${requests(slow, total)} ${seconds(meanLateMs)} late` : `${requests(slow, total)} more than 1 s late`;
}

export function waitingWords(late: number, total: number, oldestMs: Ms, onEtcd: boolean): string {
  return `${requests(late, total)} waiting${onEtcd ? ' on etcd' : ''}, up to ${seconds(oldestMs)}`;
}

export function writesFailingWords(): string {
  return 'writes failing, cached reads served';
}

export function downWords(sinceSuccessMs: Ms | null, why: string | null): string {
  const head = sinceSuccessMs === null ? 'no request has succeeded yet' : `no request succeeds (none for ${Math.floor(sinceSuccessMs / 1000)} s)`;
  return why ? `${head} — ${why}` : head;
}

export function okWords(answered: number, windowMs: Ms): string {
  return windowMs > 0 ? `all requests served (${Math.round(perSec(answered, windowMs))}/s)` : 'all requests served';
}

/** " · 1 kubelet stuck 20 s on a dead connection", or nothing. */
export function stuckWords(k: { count: number; longestMs: Ms } | undefined): string {
  if (!k || k.count === 0) return '';
  return ` · ${k.count} kubelet${k.count > 1 ? 's' : ''} stuck ${Math.floor(k.longestMs / 1000)} s on a dead connection`;
}

/** The verdict as one line: "API DEGRADED · 1 in 3 requests fail via the LB", "STARTING · etcd electing". */
export function verdictText(v: { api: string; detail: string }): string {
  return v.api === 'STARTING' ? `STARTING · ${v.detail}` : `API ${v.api} · ${v.detail}`;
}

export type Tone = 'ok' | 'warn' | 'bad';

/**
 * etcd in a few true words: "etcd leader master-2 · 3/3 up", "etcd leader master-2 · 2 of 3
 * reachable from the leader's side", "etcd: no leader — 3/3 members up, electing", "etcd: no
 * quorum — 1 of 3 up, 2 needed".
 */
export function etcdWords(s: State): { text: string; tone: Tone } {
  const st = clusterStatus(s);
  if (st.leader !== null) {
    const reach = reachableVoters(s, st.leader);
    if (reach < st.voters) {
      return st.serving > reach
        ? { text: `etcd leader ${st.leader} · ${reach} of ${st.voters} reachable from the leader's side`, tone: 'warn' }
        : { text: `etcd leader ${st.leader} · ${st.serving}/${st.voters} up`, tone: 'warn' };
    }
    return { text: `etcd leader ${st.leader} · ${st.voters}/${st.voters} up`, tone: 'ok' };
  }
  if (st.serving >= st.quorum) {
    let best = 0;
    for (const id of s.etcd.order) best = Math.max(best, reachableVoters(s, id));
    return best >= st.quorum
      ? { text: `etcd: no leader — ${st.serving}/${st.voters} members up, electing`, tone: 'warn' }
      : { text: `etcd: no leader — ${st.serving}/${st.voters} up but at most ${best} reach each other, ${st.quorum} needed`, tone: 'bad' };
  }
  return { text: `etcd: no quorum — ${st.serving} of ${st.voters} up, ${st.quorum} needed`, tone: 'bad' };
}
