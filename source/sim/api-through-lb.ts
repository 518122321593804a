// Whether a client outside the cluster (kubectl through the VIP) can reach the API and write. A
// rule of its own: the workloads' controllers and the views both ask it.
import type { State } from './types.js';
import { apiserverServing, etcdPathFor } from './apiserver.js';
import { connected, nodeUp } from './network.js';

/** Can a client (kubectl) write through the LB right now? Its VIP LB is up and some UP backend has a working etcd. */
export function apiThroughLb(s: State): { reachable: boolean; writes: boolean; reads: boolean } {
  const lb = s.lb.vipHolder;
  if (!lb || !nodeUp(s, lb) || s.network.partitioned[lb]) return { reachable: false, writes: false, reads: false };
  let reachable = false;
  let writes = false;
  for (const id of s.lb.order) {
    if (s.lb.backends[id].status !== 'UP') continue;
    if (!connected(s, lb, id) || !apiserverServing(s, id)) continue;
    reachable = true;
    if (etcdPathFor(s, id)) writes = true;
  }
  return { reachable, writes, reads: writes };
}
