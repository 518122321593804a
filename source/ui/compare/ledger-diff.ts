// The outage ledgers of the two clusters of a comparison, fault by fault, in words: each measure
// either side saw, B's figure against A's, "equal" when they match.
// "crash master-1 at 00:20.0 → external: writes unavailable 0.0 s vs stacked 1.3 s; KCM leaderless equal"
import type { OutageRecord } from '../../sim/ledger/index.js';
import { clock } from '../lines.js';
import { seconds } from '../timeline/ledger-words.js';

type Measure = Exclude<keyof OutageRecord, 'fault' | 'at'>;

/** The measures in the order a person cares about, with their words and units. */
const MEASURES: { key: Measure; words: string; count?: boolean }[] = [
  { key: 'apiDownMs', words: 'API down' },
  { key: 'apiDegradedMs', words: 'API degraded' },
  { key: 'failedRequests', words: 'failed requests', count: true },
  { key: 'slowRequests', words: 'late requests', count: true },
  { key: 'writesUnavailableMs', words: 'writes unavailable' },
  { key: 'etcdLeaderlessMs', words: 'etcd leaderless' },
  { key: 'backendsWronglyUpMs', words: 'dead backend still UP' },
  { key: 'backendsWronglyDownMs', words: 'working backend DOWN' },
  { key: 'kcmLeaderlessMs', words: 'KCM leaderless' },
  { key: 'schedulerLeaderlessMs', words: 'scheduler leaderless' },
  { key: 'podsBelowDesiredMs', words: 'pods below desired' },
];

export interface FaultDiff {
  fault: string;
  at: number;
  /** The sentence after the arrow. */
  text: string;
  /** True when some measure differs between the two sides. */
  differs: boolean;
}

const figure = (v: number, count: boolean | undefined) => (count ? String(v) : seconds(v));
const green = (r: OutageRecord) => (r.greenAfterMs === null ? 'not green yet' : `green after ${seconds(r.greenAfterMs)}`);

/** One fault seen by both sides: the measures either side saw, B against A. */
export function diffRecords(a: OutageRecord, b: OutageRecord, labelA: string, labelB: string): FaultDiff {
  const seen = MEASURES.filter((m) => (a[m.key] as number) !== 0 || (b[m.key] as number) !== 0);
  const gap = (m: (typeof MEASURES)[number]) => Math.abs((a[m.key] as number) - (b[m.key] as number));
  // The biggest differences in time first, then counts of requests, then what was equal.
  const differing = seen.filter((m) => gap(m) > 0).sort((x, y) => Number(!!x.count) - Number(!!y.count) || gap(y) - gap(x));
  const parts = differing.map((m, i) => {
    const x = figure(a[m.key] as number, m.count);
    const y = figure(b[m.key] as number, m.count);
    return i === 0 ? `${labelB}: ${m.words} ${y} vs ${labelA} ${x}` : `${m.words} ${y} vs ${x}`;
  });
  let differs = differing.length > 0; // also set when only the time to green differs
  for (const m of seen) if (gap(m) === 0) parts.push(`${m.words} equal`);
  if (a.greenAfterMs !== b.greenAfterMs) {
    differs = true;
    parts.push(`${green(b)} vs ${green(a)}`);
  } else parts.push(a.greenAfterMs === null ? 'both not green yet' : parts.length ? `both ${green(a)}` : 'nothing went red on either');
  if (!differs && parts.length > 1) parts.unshift('no difference');
  return { fault: a.fault, at: a.at, text: parts.join('; '), differs };
}

/** Every fault of either ledger, oldest first: paired by action and time, or seen on one side only. */
export function ledgerDiffs(a: readonly OutageRecord[], b: readonly OutageRecord[], labelA: string, labelB: string): FaultDiff[] {
  const out: FaultDiff[] = [];
  const unmatched = b.slice();
  for (const ra of a) {
    const i = unmatched.findIndex((rb) => rb.fault === ra.fault && rb.at === ra.at);
    if (i >= 0) {
      out.push(diffRecords(ra, unmatched[i], labelA, labelB));
      unmatched.splice(i, 1);
    } else out.push({ fault: ra.fault, at: ra.at, text: `only ${labelA} has a record of it`, differs: true });
  }
  for (const rb of unmatched) out.push({ fault: rb.fault, at: rb.at, text: `only ${labelB} has a record of it`, differs: true });
  return out.sort((x, y) => x.at - y.at);
}

/** "crash master-1 at 00:20.0 → …" */
export function diffSentence(d: FaultDiff): string {
  return `${d.fault} at ${clock(d.at)} → ${d.text}`;
}
