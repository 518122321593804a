// The NDJSON "snapshot" line (README "Headless output"): what a person or a test wants to know at a moment.
import type { State } from '../sim/types.js';
import { etcdView, lbView, leaseView, LEASES, mastersView, workloadsView } from '../sim/views.js';
import { verdictText } from '../sim/verdict-words.js';
import { latencyPercentile } from '../sim/request-stats.js';
import { clientConnectionsView } from '../sim/client-connections.js';
import { serviceEndpoints } from '../sim/service-endpoints.js';
import { inClusterView } from '../sim/in-cluster-clients.js';

export function snapshotLine(s: State) {
  const etcd = etcdView(s);
  const lb = lbView(s);
  const w = workloadsView(s);
  return {
    type: 'snapshot',
    t: s.t,
    verdict: { api: s.verdict.api, detail: s.verdict.detail, text: verdictText(s.verdict) },
    topology: s.config.topology,
    nodes: Object.fromEntries(s.nodeOrder.map((id) => [id, { kind: s.nodes[id].kind, state: s.nodes[id].state, partitioned: !!s.network.partitioned[id] }])),
    masters: mastersView(s).map((m) => ({
      id: m.id,
      node: m.node,
      partitioned: m.isolated,
      apiserver: { state: m.apiserver.state, ready: !!m.apiserver.ready, ...(m.apiserver.detail ? { reason: m.apiserver.detail } : {}) },
      controllerManager: { state: m.controllerManager.state, leader: !!m.controllerManager.leading },
      scheduler: { state: m.scheduler.state, leader: !!m.scheduler.leading },
      etcd: m.etcd.state === 'absent' ? null : { state: m.etcd.state, role: m.etcd.role },
    })),
    etcd: {
      leader: etcd.leader,
      term: etcd.term,
      quorum: etcd.quorum,
      voters: etcd.voters,
      serving: etcd.serving,
      hasQuorum: etcd.hasQuorum,
      revision: etcd.revision,
      members: etcd.members.map((m) => ({ id: m.id, host: m.host, role: m.role, term: m.term, commitIndex: m.commitIndex, revision: m.appliedRevision })),
    },
    leases: LEASES.map(({ name }) => {
      const l = leaseView(s, name);
      return { name, holder: l.holder, holderHost: l.holderHost, transitions: l.transitions, sinceRenewMs: l.sinceRenewMs, expiresInMs: l.expiresInMs, leaders: l.leaders.length };
    }),
    lb: {
      vip: lb.vipHolder,
      algorithm: lb.algorithm,
      check: s.config.knobs.lbCheck,
      backends: lb.backends.map((b) => ({ id: b.id, status: b.status, served: b.served, failed: b.failed, slow: b.slow, inflight: b.inflight, share: Number(b.share.toFixed(3)) })),
    },
    requests: {
      ok: s.traffic.ok, failed: s.traffic.failed, slow: s.traffic.slow, rejected: s.traffic.rejected, redispatched: s.traffic.redispatched, rps: s.traffic.rps,
      p50Ms: latencyPercentile(s, 0.5), p99Ms: latencyPercentile(s, 0.99),
    },
    clients: { ...clientConnectionsView(s), serviceEndpoints: serviceEndpoints(s), inCluster: inClusterView(s) },
    pods: { desired: w.desired, running: w.running, runningReachable: w.runningReachable, terminating: w.terminating, pending: w.pending, onUnreachableNodes: w.onUnreachableNodes, zone: w.zone, stalledReason: w.stalledReason },
  };
}
