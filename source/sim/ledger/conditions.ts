// What "green" means, one small rule per measure, read from the state at the end of a tick.
// Each is a few comparisons: the ledger evaluates them every tick while a record is open.
import type { ElectorComponent, State } from '../types.js';
import { connected, nodeUp } from '../network.js';
import { apiserverServing, etcdPathFor } from '../apiserver.js';

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** The LB reaches a backend both ways (with no partition and no cut link: both nodes are up). */
function lbReaches(s: State, lb: string, id: string): boolean {
  if (isEmpty(s.network.partitioned) && isEmpty(s.network.cut)) return nodeUp(s, lb) && nodeUp(s, id);
  return connected(s, lb, id);
}

/** The load balancer that holds the VIP, if it is up and not cut off; null otherwise. */
export function liveVipLb(s: State): string | null {
  const lb = s.lb.vipHolder;
  if (!lb || !nodeUp(s, lb) || s.network.partitioned[lb]) return null;
  return lb;
}

/** etcd has no leader that reaches a quorum (as of this tick's etcd step). */
export function etcdLeaderless(s: State): boolean {
  return s.etcd.leader === null;
}

/** No backend marked UP behind the VIP has an apiserver that can commit a write. */
export function writesUnavailable(s: State): boolean {
  const lb = liveVipLb(s);
  // Without a leader that reaches a quorum no member can commit (as of this tick's etcd step).
  if (!lb || s.etcd.leader === null) return true;
  for (const id of s.lb.order) {
    if (s.lb.backends[id].status !== 'UP' || !lbReaches(s, lb, id)) continue;
    if (etcdPathFor(s, id) !== null) return false;
  }
  return true;
}

/**
 * No process leads this component's lease and can act: running on an up node, believing it leads,
 * with its own apiserver serving and ready (a leader whose apiserver lost etcd cannot do its job).
 */
export function leaseLeaderless(s: State, c: ElectorComponent): boolean {
  for (const id in s.masters) {
    const m = s.masters[id];
    const e = m.electors[c];
    if (e.state === 'running' && e.leading && nodeUp(s, id) && m.apiserver.ready && apiserverServing(s, id)) return false;
  }
  return true;
}

/** A backend can serve a request: its apiserver runs, is ready, and the VIP's LB reaches it. */
export function backendAlive(s: State, lb: string, id: string): boolean {
  const m = s.masters[id];
  return !!m && m.apiserver.ready && apiserverServing(s, id) && lbReaches(s, lb, id);
}

/**
 * Backends marked UP while they cannot serve (they receive traffic and fail or stall it), and
 * backends marked DOWN while they could serve. Counted only while the VIP's LB is up.
 */
export function wrongBackends(s: State): { up: number; down: number } {
  const lb = liveVipLb(s);
  if (!lb) return { up: 0, down: 0 };
  let up = 0;
  let down = 0;
  for (const id of s.lb.order) {
    const alive = backendAlive(s, lb, id);
    const status = s.lb.backends[id].status;
    if (status === 'UP' && !alive && s.traffic.rps > 0) up++;
    else if (status === 'DOWN' && alive) down++;
  }
  return { up, down };
}

/** Fewer of the Deployment's pods really running (phase Running on a worker that is up) than desired. */
export function podsBelowDesired(s: State): boolean {
  const desired = s.workloads.desired;
  if (desired === 0) return false;
  let running = 0;
  const pods = s.workloads.pods;
  for (const name in pods) {
    const p = pods[name];
    if (p.phase === 'Running' && p.node !== null && nodeUp(s, p.node) && ++running >= desired) return false;
  }
  return true;
}
