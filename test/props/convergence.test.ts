// Liveness beside the safety invariants: after a random fault sequence, once every node is back,
// every link healed and every component restarted, the cluster settles within a time derived from
// the knobs, and then stays settled: one etcd leader, the VIP on one LB with no further moves, both
// leases held and renewed, the desired pods running on reachable nodes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createState } from '../../source/sim/create.js';
import { tickDraft } from '../../source/sim/engine.js';
import { applyAction } from '../../source/sim/apply-action.js';
import { thaw } from '../../source/sim/publish.js';
import { clusterStatus } from '../../source/sim/etcd/index.js';
import { workloadsView } from '../../source/sim/views.js';
import type { SimAction } from '../../source/sim/actions.js';
import type { ComponentKind, LeaseName, State } from '../../source/sim/types.js';
import { arbRun } from './random-runs.js';

const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 40);
const FAULT_TICKS = 600;
/** How long to watch a settled cluster for changes. */
const WATCH_MS = 30_000;

/** The longest the cluster may take to settle once everything is back, from the knobs. */
function settleBoundMs(s: State): number {
  const k = s.config.knobs;
  // A crash-looping component waits up to 5 min; then leases can take lease + 2.2 × retry to move,
  // nodes a grace period to be Ready, etcd a few election timeouts, keepalived its master-down time.
  return 300_000 + 2 * (k.leaseDurationMs + 2.2 * k.retryPeriodMs) + k.nodeMonitorGracePeriodMs + 10 * k.etcdElectionTimeoutMs + 10_000;
}

function healEverything(s: State): void {
  const act = (a: SimAction) => applyAction(s, a);
  act({ type: 'heal-all' });
  for (const id of s.nodeOrder) if (s.nodes[id].state !== 'up') act({ type: 'recover', target: id });
  for (const id of Object.keys(s.masters)) {
    const m = s.masters[id];
    const down = (st: string) => st === 'killed' || st === 'stopped';
    const comps: [ComponentKind, boolean][] = [
      ['apiserver', down(m.apiserver.state)],
      ['controller-manager', down(m.electors['controller-manager'].state)],
      ['scheduler', down(m.electors.scheduler.state)],
      ['etcd', m.etcdMember !== null && !s.etcd.members[m.etcdMember]?.running],
    ];
    for (const [component, isDown] of comps) if (isDown) act({ type: 'restart', target: id, component });
  }
  if (s.traffic.rps === 0) act({ type: 'set-rps', rps: 20 });
}

function run(s: State, ms: number): void {
  for (let t = 0; t < ms; t += s.config.tickMs) tickDraft(s);
}

interface Look {
  leader: string | null;
  term: number;
  leaders: number;
  vip: string | null;
  vipMoves: number;
  holders: Record<LeaseName, string | null>;
  renewed: Record<LeaseName, number>;
}

function look(s: State): Look {
  const st = clusterStatus(s);
  const lease = (n: LeaseName) => s.store.leases[n];
  return {
    leader: st.leader,
    term: st.term,
    leaders: s.etcd.order.filter((id) => s.etcd.members[id].role === 'leader').length,
    vip: s.lb.vipHolder,
    vipMoves: s.lb.vipMoves,
    holders: { 'kube-controller-manager': lease('kube-controller-manager')?.holderIdentity || null, 'kube-scheduler': lease('kube-scheduler')?.holderIdentity || null },
    renewed: { 'kube-controller-manager': lease('kube-controller-manager')?.renewTime ?? -1, 'kube-scheduler': lease('kube-scheduler')?.renewTime ?? -1 },
  };
}

/** What must hold once settled; returns the first problem, or null. */
function settledProblem(s: State, before: Look, after: Look): string | null {
  if (after.leader === null || after.leaders !== 1) return `etcd: leader ${after.leader}, ${after.leaders} members in the leader role`;
  if (after.leader !== before.leader || after.term !== before.term) return `etcd leadership changed while settled: ${before.leader}@${before.term} → ${after.leader}@${after.term}`;
  if (s.lb.nodes.length > 1 && after.vip !== s.lb.nodes[0]) return `VIP on ${after.vip}, not on the preferred ${s.lb.nodes[0]}`;
  if (after.vipMoves !== before.vipMoves) return `the VIP moved ${after.vipMoves - before.vipMoves} times while settled`;
  for (const n of ['kube-controller-manager', 'kube-scheduler'] as LeaseName[]) {
    if (!after.holders[n]) return `${n}: nobody holds the lease`;
    if (after.holders[n] !== before.holders[n]) return `${n}: the lease moved while settled`;
    if (after.renewed[n] <= before.renewed[n]) return `${n}: the lease was not renewed while settled`;
  }
  const v = workloadsView(s);
  const workers = s.nodeOrder.some((id) => s.nodes[id].kind === 'worker');
  if (workers && (v.runningReachable !== v.desired || v.pending !== 0 || v.terminating !== 0)) {
    return `pods: ${v.runningReachable}/${v.desired} running on reachable nodes, ${v.pending} pending, ${v.terminating} terminating`;
  }
  return null;
}

describe('convergence after random faults', () => {
  it(`${RUNS} random clusters settle within a bound from their knobs and stay settled`, () => {
    let runs = 0;
    fc.assert(
      fc.property(arbRun(FAULT_TICKS), (r) => {
        runs++;
        const s = thaw(createState(r.config));
        let fi = 0;
        for (let i = 0; i < r.ticks; i++) {
          while (fi < r.faults.length && r.faults[fi][0] === i) applyAction(s, r.faults[fi++][1]);
          tickDraft(s);
        }
        healEverything(s);
        run(s, settleBoundMs(s));
        const before = look(s);
        run(s, WATCH_MS);
        const problem = settledProblem(s, before, look(s));
        if (problem) throw new Error(`${problem} (seed ${r.config.seed}, t=${s.t} ms)`);
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261201) },
    );
    expect(runs).toBe(RUNS);
  }, 600_000);
});
