// The replicated state machine behind etcd: applied once, in log order, for each committed entry.
import type { LeaseName, LeaseRecord, RequestId, State, StoreOp } from './types.js';

/** Results nobody picked up (their requester timed out or died) are dropped after this long. */
const RESULT_TTL_MS = 30_000;

/** Applies one committed op; returns how much the etcd revision advances (one per change). */
export function applyOp(s: State, op: StoreOp): number {
  switch (op.kind) {
    case 'writes':
      s.store.results[op.requestId] = { result: 'ok', t: s.t };
      return op.count;
    case 'pods':
      s.store.results[op.requestId] = { result: 'ok', t: s.t };
      return op.create + op.bind + op.remove;
    case 'lease': {
      const current = s.store.leases[op.name];
      const currentRV = current ? current.resourceVersion : 0;
      if (currentRV !== op.expectRV) {
        s.store.results[op.requestId] = { result: 'conflict', t: s.t };
        return 0;
      }
      const rv = s.etcd.revision + 1;
      s.store.leases[op.name] = { ...op.record, resourceVersion: rv };
      s.store.results[op.requestId] = { result: 'ok', t: s.t };
      return 1;
    }
  }
}

/**
 * A new request id, unique in the run. Numbers rather than names: results are looked up by id
 * several times a tick, and numeric keys cost no string hashing.
 */
export function newRequestId(s: State): RequestId {
  s.store.lastRequestId += 1;
  return s.store.lastRequestId;
}

/** Takes (and forgets) the result of a request, if it has been applied. */
export function takeResult(s: State, requestId: RequestId): 'ok' | 'conflict' | null {
  const r = s.store.results[requestId];
  if (!r) return null;
  delete s.store.results[requestId];
  return r.result;
}

export function pruneResults(s: State): void {
  const results = s.store.results;
  for (const id in results) {
    if (s.t - results[id].t > RESULT_TTL_MS) delete results[id];
  }
}

export function leaseOf(s: State, name: LeaseName): LeaseRecord | undefined {
  return s.store.leases[name];
}
