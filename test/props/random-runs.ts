// Random clusters and random fault sequences for property tests.
import fc from 'fast-check';
import type { SimAction } from '../../source/sim/actions.js';
import type { ComponentKind, Config } from '../../source/sim/types.js';
import { defaultConfig } from '../../source/sim/config.js';
import { nodeNamesAtStart } from '../../source/sim/node-names.js';

export interface RandomRun {
  config: Config;
  /** [tick at which to apply, action] in tick order */
  faults: [number, SimAction][];
  ticks: number;
}

const COMPONENTS: ComponentKind[] = ['apiserver', 'controller-manager', 'scheduler', 'etcd'];

export function arbRun(ticks = 1500): fc.Arbitrary<RandomRun> {
  return fc
    .record({
      masters: fc.integer({ min: 1, max: 7 }),
      etcdMembers: fc.integer({ min: 1, max: 7 }),
      topology: fc.constantFrom('stacked' as const, 'external' as const),
      workers: fc.integer({ min: 0, max: 5 }),
      replicas: fc.integer({ min: 0, max: 12 }),
      lbPair: fc.boolean(),
      rps: fc.integer({ min: 0, max: 200 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
      preVote: fc.boolean(),
      lbCheck: fc.constantFrom('tls' as const, 'readyz' as const),
      redispatch: fc.boolean(),
      leaseS: fc.integer({ min: 4, max: 30 }),
      electionMs: fc.constantFrom(500, 1000, 1500, 2000),
      nfaults: fc.integer({ min: 0, max: 25 }),
      faultSeeds: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 25, maxLength: 25 }),
    })
    .map((r) => {
      const leaseMs = r.leaseS * 1000;
      // Knobs inside client-go's validation AND inside the safety margin (retry + renew < lease);
      // outside it the real algorithm can have two leaders at once (see the lessons).
      const renewMs = Math.floor(leaseMs / 2 / 100) * 100;
      const config = defaultConfig({
        masters: r.masters, etcdMembers: r.etcdMembers, topology: r.topology, workers: r.workers,
        replicas: r.replicas, lbPair: r.lbPair, rps: r.rps, seed: r.seed,
        knobs: {
          preVote: r.preVote, lbCheck: r.lbCheck, redispatch: r.redispatch,
          leaseDurationMs: leaseMs, renewDeadlineMs: renewMs, retryPeriodMs: Math.min(2_000, Math.floor((renewMs * 0.4) / 100) * 100),
          etcdElectionTimeoutMs: r.electionMs,
        },
      });
      const nodes = nodeNamesAtStart(config);
      const faults: [number, SimAction][] = [];
      for (let i = 0; i < r.nfaults; i++) {
        const [a, b, c, d, e] = r.faultSeeds[i];
        faults.push([a % ticks, makeFault(nodes, b, c, d, e)]);
      }
      faults.sort((x, y) => x[0] - y[0]);
      return { config, faults, ticks };
    });
}

/** Invalid targets (a node removed, a component absent) are fine: the simulation must reject them gracefully. */
function makeFault(nodes: string[], kind: number, x: number, y: number, z: number): SimAction {
  const n = (i: number) => nodes[i % nodes.length];
  const masters = nodes.filter((id) => id.startsWith('master-'));
  const m = (i: number) => masters[i % masters.length];
  switch (kind % 16) {
    case 0: return { type: 'crash', target: n(x) };
    case 1: return { type: 'stop', target: n(x) };
    case 2: case 3: return { type: 'recover', target: n(x) };
    case 4: return { type: 'kill', target: m(x), component: COMPONENTS[y % 4] };
    case 5: return { type: 'restart', target: m(x), component: COMPONENTS[y % 4] };
    case 6: return { type: 'stop', target: m(x), component: COMPONENTS[y % 4] };
    case 7: return { type: 'partition', target: n(x) };
    case 8: return { type: 'cut', from: n(x), to: n(y), both: z % 2 === 0 };
    case 9: return { type: 'heal', from: n(x), to: n(y), both: z % 2 === 0 };
    case 10: return { type: 'heal-all' };
    case 11: return { type: 'set-topology', topology: z % 2 ? 'external' : 'stacked' };
    case 12: return { type: 'set-rps', rps: (x % 10) * 20 };
    case 13: return { type: 'delete-pod' };
    case 14: return { type: 'heal-node', target: n(x) };
    default: return { type: 'set-pre-vote', enabled: z % 2 === 0 };
  }
}
