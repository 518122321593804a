// The Lease each elector holds, and giving it up on a graceful stop (ReleaseOnCancel). Its own
// file so the kubelet's rules (processes.ts) and leader election do not import each other.
import type { Elector, ElectorComponent, LeaseName, Master, State } from './types.js';
import { newRequestId } from './store.js';
import { writeVia } from './apiserver.js';

export function leaseNameFor(c: ElectorComponent): LeaseName {
  return c === 'controller-manager' ? 'kube-controller-manager' : 'kube-scheduler';
}

/**
 * ReleaseOnCancel (kube-scheduler only): write holder "" with a 1 s duration, transitions unchanged.
 * Best effort: succeeds only if the local apiserver can write right now.
 */
export function releaseLease(s: State, m: Master, e: Elector): boolean {
  const name = leaseNameFor(e.component);
  const rec = s.store.leases[name];
  if (!rec || rec.holderIdentity !== e.identity) return false;
  const r = writeVia(s, m.id, {
    kind: 'lease', requestId: newRequestId(s), name, expectRV: rec.resourceVersion,
    record: { holderIdentity: '', leaseDurationSeconds: 1, acquireTime: s.t, renewTime: s.t, leaseTransitions: rec.leaseTransitions },
  });
  return r === 'ok' || r === 'pending'; // etcd took it: it commits within milliseconds
}
