// No knob without effect: one standard fault sequence, run once per value of every flag that takes
// one (through the CLI's own flag parsing); a flag that is parsed and ignored gives the same run
// twice and fails here.
import { describe, expect, it } from 'vitest';
import type { State } from '../../source/sim/types.js';
import { createState } from '../../source/sim/create.js';
import { advanceTo, apply } from '../../source/sim/engine.js';
import { FLAGS, toOptions, type RawFlags } from '../../source/cli/flags.js';
import { latencyPercentile } from '../../source/sim/request-stats.js';
import { holder, etcdLeader } from './helpers.js';

interface Outcome {
  /** Everything that happened, in order: a knob that changes nothing leaves this identical. */
  story: string;
  downAfterMs: number | null;
  upAfterRecoverMs: number | null;
  /** Requests failed / answered late in the 25 s after the crash. */
  failed: number;
  slow: number;
  p99AtDownMs: number | null;
  served: number[];
}

/**
 * The standard fault: the KCM leader's master crashes at 20 s and recovers at 45 s; etcd on
 * another master stops at 60 s and restarts at 75 s; the etcd leader's master is partitioned at
 * 85 s; everything heals at 110 s; the run ends at 140 s.
 */
function standardFault(flags: RawFlags): Outcome {
  const opts = toOptions({ seed: '5', ...flags }, () => 0);
  let s: State = createState(opts.config);
  s = advanceTo(s, 20_000);
  const victim = holder(s, 'kube-controller-manager') ?? 'master-1';
  const before = { failed: s.traffic.failed, slow: s.traffic.slow };
  s = apply(s, { type: 'crash', target: victim });
  let downAfterMs: number | null = null;
  let p99AtDownMs: number | null = null;
  let upAfterRecoverMs: number | null = null;
  for (let t = 20_100; t <= 45_000; t += 100) {
    s = advanceTo(s, t);
    if (downAfterMs === null && s.lb.backends[victim].status === 'DOWN') {
      downAfterMs = t - 20_000;
      p99AtDownMs = latencyPercentile(s, 0.99);
    }
  }
  const window = { failed: s.traffic.failed - before.failed, slow: s.traffic.slow - before.slow };
  s = apply(s, { type: 'recover', target: victim });
  for (let t = 45_100; t <= 60_000; t += 100) {
    s = advanceTo(s, t);
    if (upAfterRecoverMs === null && s.lb.backends[victim].status === 'UP') upAfterRecoverMs = t - 45_000;
  }
  const other = s.lb.order.find((id) => id !== victim)!;
  s = apply(s, { type: 'stop', target: other, component: 'etcd' });
  s = advanceTo(s, 75_000);
  s = apply(s, { type: 'restart', target: other, component: 'etcd' });
  s = advanceTo(s, 85_000);
  s = apply(s, { type: 'partition', target: etcdLeader(s) ?? victim });
  s = advanceTo(s, 110_000);
  s = apply(s, { type: 'heal-all' });
  s = advanceTo(s, 140_000);
  return {
    story: [
      ...s.events.map((e) => `${e.t} ${e.kind} ${e.subject}`),
      ...s.traffic.history.map((h) => `${h.t} ok ${h.ok} failed ${h.failed}`),
      `${s.traffic.ok}/${s.traffic.failed}/${s.traffic.slow}/${s.etcd.term}`,
    ].join('\n'),
    downAfterMs, upAfterRecoverMs, p99AtDownMs,
    failed: window.failed, slow: window.slow,
    served: s.lb.order.map((id) => s.lb.backends[id].served),
  };
}

/** Each flag with values that must give different runs (and the other flags that make it matter). */
const WITH: Record<string, RawFlags> = { retries: { redispatch: false } };
const FLAG_VALUES: Record<string, (string | boolean)[]> = {
  retries: ['0', '1', '3'],
  connectTimeout: ['1s', '5s'],
  fall: ['2', '3'],
  rise: ['1', '3'],
  checkInterval: ['1s', '2s'],
  lb: ['roundrobin', 'leastconn', 'random'],
  redispatch: [true, false],
  lbCheck: ['readyz', 'tls'],
  leaseDuration: ['15s', '20s'],
  renewDeadline: ['10s', '6s'],
  retryPeriod: ['2s', '1s'],
  etcdElectionTimeout: ['1000ms', '2000ms'],
  preVote: [true, false],
  // etcd members tick on their own heartbeat clocks and messages take a seeded latency.
  etcdHeartbeat: ['100ms', '200ms'],
  netLatency: ['0.2ms-2ms', '10ms-50ms'],
  rps: ['50', '80'],
};

/** Flags whose effect needs another setup than the standard fault, and the test that shows it. */
const TESTED_ELSEWHERE: Record<string, string> = {
  preemptDelay: "keepalived.test.ts 'preempt_delay postpones the move back by that long' (needs an LB pair and an LB failover)",
};

describe('no knob without effect', () => {
  for (const [flag, values] of Object.entries(FLAG_VALUES)) {
    it(`--${flag}: every value changes the run`, () => {
      const runs = values.map((v) => standardFault({ ...WITH[flag], [flag]: v }));
      for (let i = 0; i < runs.length; i++) {
        for (let j = i + 1; j < runs.length; j++) expect(runs[i].story, `--${flag} ${values[i]} vs ${values[j]}`).not.toBe(runs[j].story);
      }
    });
  }

  it('every flag that takes a value is covered here, or is not a simulation knob', () => {
    const notKnobs = ['headless', 'listScenarios', 'masters', 'etcd', 'topology', 'workers', 'replicas', 'lbPair', 'seed', 'speed', 'duration',
      'snapshotEvery', 'scenario', 'script', 'record', 'title', 'size', 'keys', 'showKeys', 'lint', 'step', 'present', 'compare', 'compareScenario', 'color', 'help', 'version'];
    for (const name of Object.keys(FLAGS)) {
      if (notKnobs.includes(name)) continue;
      expect(name in FLAG_VALUES || name in TESTED_ELSEWHERE, `--${name} has no effect test`).toBe(true);
    }
  });

  it('the LB knobs change the outcome they name', () => {
    const base = standardFault({});
    expect(base.failed).toBe(0);
    expect(base.slow).toBeGreaterThan(0);
    // fewer checks or shorter ones: DOWN sooner
    expect(standardFault({ fall: '2' }).downAfterMs!).toBeLessThan(base.downAfterMs!);
    expect(standardFault({ checkInterval: '1s' }).downAfterMs!).toBeLessThan(base.downAfterMs!);
    expect(standardFault({ rise: '3' }).upAfterRecoverMs!).toBeGreaterThan(base.upAfterRecoverMs!);
    // no retries, or retries on the silent server only: failed requests
    expect(standardFault({ retries: '0' }).failed).toBeGreaterThan(0);
    expect(standardFault({ redispatch: false }).failed).toBeGreaterThan(0);
    // a shorter connect timeout: the late requests are less late
    // p99 is the upper bound of its histogram bucket: the connect timeout, plus the tick a write
    // waits for its commit after the redispatch (writes commit when the followers' answers arrive),
    // lands in the bucket above the timeout (5-6 s; 1-2 s).
    expect(base.p99AtDownMs).toBe(6_000);
    const short = standardFault({ connectTimeout: '1s' }).p99AtDownMs!;
    expect(short).toBeLessThanOrEqual(2_000);
    expect(short).toBeLessThan(base.p99AtDownMs!);
    // the algorithm changes who serves what
    expect(standardFault({ lb: 'random' }).served).not.toEqual(base.served);
  });
});
