// A member's raft log: entries after a snapshot point (index, term), compacted as it grows.
import type { EtcdMember, LogEntry } from '../types.js';

export function lastIndex(m: EtcdMember): number {
  const n = m.log.length;
  return n ? m.log[n - 1].index : m.snapshotIndex;
}

/** The term of the entry at `index`, or undefined if compacted away or not there. */
export function termAt(m: EtcdMember, index: number): number | undefined {
  if (index === m.snapshotIndex) return m.snapshotTerm;
  if (index < m.snapshotIndex) return undefined;
  const e = m.log[index - m.snapshotIndex - 1];
  return e ? e.term : undefined;
}

export function lastTerm(m: EtcdMember): number {
  return termAt(m, lastIndex(m)) ?? 0;
}

/** Entries (from, to] of this member's log (caller checks they are not compacted). */
export function entriesAfter(m: EtcdMember, from: number, max: number): LogEntry[] {
  const start = from - m.snapshotIndex; // position of index from+1
  return m.log.slice(start, Math.min(m.log.length, start + max));
}

/** Raft's up-to-date check: a candidate's log is at least as up to date as ours. */
export function isUpToDate(m: EtcdMember, candLastIndex: number, candLastTerm: number): boolean {
  const lt = lastTerm(m);
  return candLastTerm > lt || (candLastTerm === lt && candLastIndex >= lastIndex(m));
}

/** Appends entries after `prevIndex`, truncating a conflicting suffix. Returns the last new index. */
export function appendAfter(m: EtcdMember, prevIndex: number, entries: LogEntry[]): number {
  for (const e of entries) {
    const existing = termAt(m, e.index);
    if (existing === e.term) continue;
    if (existing !== undefined) {
      // Conflict: drop this entry and everything after it (never below the commit index).
      m.log.length = Math.max(0, e.index - m.snapshotIndex - 1);
    }
    if (e.index === lastIndex(m) + 1) m.log.push(e);
  }
  return prevIndex + entries.length;
}

/** Keeps at most `keep` entries at or below `upTo` (the applied index) in the log. */
export const COMPACT_KEEP = 16;
export function compact(m: EtcdMember, upTo: number): void {
  const target = upTo - COMPACT_KEEP;
  if (target - m.snapshotIndex < COMPACT_KEEP) return;
  const t = termAt(m, target);
  if (t === undefined) return;
  m.log.splice(0, target - m.snapshotIndex);
  m.snapshotIndex = target;
  m.snapshotTerm = t;
}
