// Convergence of the load balancer: after any random faults, once every fault is healed (nodes
// recovered, components restarted, links healed), within a bounded time every backend is UP, no
// request fails and no backend keeps flapping.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createState } from '../../source/sim/create.js';
import { tickDraft } from '../../source/sim/engine.js';
import { applyAction } from '../../source/sim/apply-action.js';
import { thaw } from '../../source/sim/publish.js';
import type { State } from '../../source/sim/types.js';
import type { SimAction } from '../../source/sim/actions.js';
import { arbRun, type RandomRun } from './random-runs.js';

const RUNS = Math.max(25, Math.floor(Number(process.env.PROPERTY_RUNS ?? 500) / 20));
const FAULT_TICKS = 600;
/** Every backend UP within this long after the heal (a restarted apiserver needs etcd, then rise × inter). */
const SETTLE_MS = 90_000;
/** Then this long with no failed request and no backend changing state. */
const QUIET_MS = 30_000;

/** The rules at native speed on a working copy (as the invariants property does). */
const advance = (s: State, ticks: number): State => {
  for (let i = 0; i < ticks; i++) tickDraft(s);
  return s;
};
const apply = (s: State, a: SimAction): State => {
  applyAction(s, a);
  return s;
};

function healEverything(s: State): State {
  const acts: SimAction[] = [{ type: 'heal-all' }];
  for (const id of s.nodeOrder) if (s.nodes[id].state !== 'up') acts.push({ type: 'recover', target: id });
  for (const id of Object.keys(s.masters)) {
    for (const component of ['etcd', 'apiserver', 'controller-manager', 'scheduler'] as const) {
      if (component === 'etcd' && !s.masters[id].etcdMember) continue;
      acts.push({ type: 'restart', target: id, component });
    }
  }
  for (const a of acts) s = apply(s, a);
  return s;
}

function converges(r: RandomRun): string | null {
  let s = thaw(createState(r.config));
  let fi = 0;
  for (let i = 0; i < FAULT_TICKS; i++) {
    while (fi < r.faults.length && r.faults[fi][0] === i) s = apply(s, r.faults[fi++][1]);
    s = advance(s, 1);
  }
  s = healEverything(s);
  const healedAt = s.t;
  const allUp = (x: State) => x.lb.order.every((id) => x.lb.backends[id].status === 'UP');
  while (!allUp(s) && s.t - healedAt < SETTLE_MS) s = advance(s, 10);
  if (!allUp(s)) return `backends not all UP ${SETTLE_MS / 1000} s after the heal: ${s.lb.order.filter((id) => s.lb.backends[id].status !== 'UP').join(', ')}`;
  // Requests sent before the heal may still be failing at their timeouts: wait those out.
  s = advance(s, 200);
  const failed0 = s.traffic.failed;
  const seq0 = s.eventSeq;
  s = advance(s, QUIET_MS / s.config.tickMs);
  if (s.traffic.failed !== failed0) return `${s.traffic.failed - failed0} requests failed after convergence`;
  const flaps = s.events.filter((e) => e.seq > seq0 && (e.kind === 'lb.backend_down' || e.kind === 'lb.backend_up'));
  if (flaps.length) return `backends flap after convergence: ${flaps.map((e) => `${e.kind} ${e.subject} at ${e.t}`).join('; ')}`;
  return null;
}

describe('LB convergence after every fault is healed', () => {
  it(`all backends UP, no failed requests, no flaps (${RUNS} random runs)`, () => {
    fc.assert(
      fc.property(arbRun(FAULT_TICKS), (r) => {
        const problem = converges(r);
        expect(problem, `seed ${r.config.seed}`).toBeNull();
      }),
      { numRuns: RUNS, seed: 11 },
    );
  }, 300_000);
});
