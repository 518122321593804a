// A member's raft log: the entries after its snapshot point (snapshotIndex, snapshotTerm).
import type { EtcdMember, LogEntry, State } from '../types.js';

/** Keep at least this many applied entries for slow followers before compacting. */
export const KEEP_ENTRIES = 16;
/** Compact once the log holds this many entries (amortised: one splice per ~24 entries; a follower further behind gets a snapshot). */
export const COMPACT_AT = 40;

export function lastIndex(m: EtcdMember): number {
  const n = m.log.length;
  return n ? m.log[n - 1].index : m.snapshotIndex;
}

/** Term of the entry at `index`; undefined when compacted away or beyond the end. */
export function termAt(m: EtcdMember, index: number): number | undefined {
  if (index === m.snapshotIndex) return m.snapshotTerm;
  if (index < m.snapshotIndex) return undefined;
  const e = m.log[index - m.snapshotIndex - 1];
  return e === undefined ? undefined : e.term;
}

export function lastTerm(m: EtcdMember): number {
  const n = m.log.length;
  return n ? m.log[n - 1].term : m.snapshotTerm;
}

/** Raft's up-to-date check (the Raft paper, §5.4.1): the candidate's log is at least as up to date as ours. */
export function isUpToDate(m: EtcdMember, candLastIndex: number, candLastTerm: number): boolean {
  const lt = lastTerm(m);
  return candLastTerm > lt || (candLastTerm === lt && candLastIndex >= lastIndex(m));
}

/** Entries (after, after + max] of the log; the caller checks `after >= snapshotIndex`. */
export function entriesFrom(m: EtcdMember, after: number, max: number): LogEntry[] {
  const start = after - m.snapshotIndex;
  const end = Math.min(m.log.length, start + max);
  return start >= end ? EMPTY : m.log.slice(start, end);
}

const EMPTY: LogEntry[] = [];

/**
 * etcd's maybeAppend after the prev check: skip entries we already hold with the same term,
 * truncate at the first conflict and append the rest. Returns the last index of the new entries.
 */
export function appendEntries(m: EtcdMember, prevIndex: number, entries: LogEntry[]): number {
  const n = entries.length;
  let i = 0;
  const last = lastIndex(m);
  for (; i < n; i++) {
    const e = entries[i];
    if (e.index > last) break;
    if (termAt(m, e.index) !== e.term) {
      // Conflict: drop it and everything after (never a committed entry: the leader has those).
      m.log.length = e.index - m.snapshotIndex - 1;
      break;
    }
  }
  for (; i < n; i++) m.log.push(entries[i]);
  return prevIndex + n;
}

/**
 * Largest index <= `index` whose term is <= `term` (etcd's findConflictByTerm), used as the
 * reject hint so a leader skips a whole diverging tail in one round.
 */
export function conflictHint(m: EtcdMember, index: number, term: number): number {
  let i = Math.min(index, lastIndex(m));
  while (i > m.snapshotIndex) {
    const t = termAt(m, i);
    if (t !== undefined && t <= term) break;
    i--;
  }
  return i;
}

/** Log compaction: fold old applied entries into the snapshot point, keeping KEEP_ENTRIES. */
export function maybeCompact(s: State, m: EtcdMember): void {
  if (m.log.length < COMPACT_AT) return;
  const upTo = Math.min(m.commitIndex, s.etcd.appliedIndex) - KEEP_ENTRIES;
  if (upTo <= m.snapshotIndex) return;
  const t = termAt(m, upTo);
  if (t === undefined) return;
  m.log.splice(0, upTo - m.snapshotIndex);
  m.snapshotIndex = upTo;
  m.snapshotTerm = t;
}

/** MsgSnap restore: the log becomes empty at the snapshot point, committed up to it. */
export function restoreSnapshot(m: EtcdMember, index: number, term: number): void {
  m.log = [];
  m.snapshotIndex = index;
  m.snapshotTerm = term;
  m.commitIndex = index;
}
