// Applying committed entries to the store: exactly once, in index order.
import type { EtcdMember, State } from '../types.js';
import { applyOp } from '../store.js';
import { serving } from './cluster.js';
import { maybeCompact } from './log.js';

/**
 * Applies entries in (appliedIndex, commit] from the serving member that committed furthest
 * (the leader when there is one: committed entries are the same on every member that has them).
 */
export function applyCommitted(s: State): void {
  const e = s.etcd;
  let src: EtcdMember | null = null;
  for (const id of e.order) {
    const m = e.members[id];
    if (m.commitIndex <= e.appliedIndex || !serving(s, id)) continue;
    if (!src || m.commitIndex > src.commitIndex || (m.commitIndex === src.commitIndex && m.role === 'leader')) src = m;
  }
  if (src) {
    const commit = src.commitIndex;
    let i = Math.max(e.appliedIndex + 1, src.snapshotIndex + 1);
    for (; i <= commit; i++) {
      const entry = src.log[i - src.snapshotIndex - 1];
      if (entry && entry.op) e.revision += applyOp(s, entry.op);
    }
    e.appliedIndex = commit;
  }
  for (const id of e.order) {
    const m = e.members[id];
    maybeCompact(s, m);
  }
}
