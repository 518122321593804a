// The load-balancer pane shows what clients feel from simulation state: requests in flight on a
// silent server, the late answers' p99, and kubelets stuck on it.
import { describe, expect, it } from 'vitest';
import { lbPane } from '../../source/ui/panes/lb.js';
import { act, booted, runFor } from '../sim/helpers.js';

const text = (lines: ReturnType<typeof lbPane>) => lines.map((l) => l.map((x) => x.t).join('')).join('\n');

describe('LB pane', () => {
  it('shows in-flight requests, p99 and stuck kubelets while a crashed master is still UP', () => {
    let s = runFor(booted({ seed: 51, workers: 3 }), 15_000); // past the boot, whose first answers waited for etcd
    expect(text(lbPane(s, null, 120))).not.toMatch(/in flight|p99|stuck/);
    const victim = s.clients.kubelets['worker-1'].server!;
    s = act(s, { type: 'crash', target: victim });
    s = runFor(s, 7_000);
    const out = text(lbPane(s, null, 120));
    expect(out).toMatch(new RegExp(`${victim}.*\\d+ in flight`));
    expect(out).toMatch(/p99 [56] s/); // answers ~5 s late (one connect timeout), in the 5-6 s bucket
    expect(out).toMatch(/kubelets? stuck [67] s/);
    // In a narrow pane the summary wraps between figures instead of being cut.
    const narrow = lbPane(s, null, 44);
    const summary = narrow.map((l) => l.map((x) => x.t).join('')).filter((l) => /ok\/s|p99|stuck/.test(l));
    expect(summary.length).toBeGreaterThan(1);
    for (const l of summary) expect([...l].length).toBeLessThanOrEqual(44);
    expect(text(narrow)).toMatch(/p99 [56] s/);
    expect(text(narrow)).toMatch(/kubelets? stuck [67] s/);
  });

  it('shows the in-cluster clients failing on a killed apiserver the LB hides', () => {
    let s = runFor(booted({ seed: 52 }), 15_000);
    expect(text(lbPane(s, null, 120))).not.toMatch(/in-cluster/);
    s = act(s, { type: 'kill', target: 'master-2', component: 'apiserver' });
    s = runFor(s, 4_000);
    expect(text(lbPane(s, null, 120))).toMatch(/in-cluster (?!0\.0 )[\d.]+ err\/s/);
  });
});
