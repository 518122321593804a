// The header's leader words agree with the leases pane: after the KCM holder's master crashes the
// header says "KCM none" and, while the dead holder's lease runs out on the followers' clocks, the
// same countdown the leases pane shows; once a new holder leads, the header names it.
import { describe, expect, it } from 'vitest';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { createSession, dispatch, stepTicks } from '../../source/sim/session.js';
import { leaseView } from '../../source/sim/views.js';
import { verdictLine } from '../../source/ui/verdict-text.js';
import { leasesPane } from '../../source/ui/panes/leases.js';
import { lbPane } from '../../source/ui/panes/lb.js';
import { lineWidth, type Line } from '../../source/ui/lines.js';

const text = (l: Line) => l.map((s) => s.t).join('');

describe('header leader words', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: a crashed holder reads as one story in the header and the leases pane', (seed) => {
    let s = stepTicks(createSession(createState(defaultConfig({ seed })), { paused: true }), 200);
    const holder = leaseView(s.state, 'kube-controller-manager').holderHost!;
    expect(text(verdictLine(s.state))).toContain(`KCM ${holder}`);
    s = stepTicks(dispatch(s, { type: 'crash', target: holder }), 50);
    const v = leaseView(s.state, 'kube-controller-manager');
    expect(v.holderAlive).toBe(false);
    expect(v.expiresInMs).toBeGreaterThan(0);
    const header = text(verdictLine(s.state));
    const m = new RegExp(`KCM none \\(${holder}'s lease expires in ([\\d.]+s)\\)`).exec(header);
    expect(m, header).not.toBeNull();
    const pane = leasesPane(s.state, 66).map(text).join('\n');
    expect(pane).toContain(`expires in ${m![1]}`);
    // Narrow: the countdown goes first, the words stay.
    const narrow = verdictLine(s.state, 80);
    expect(lineWidth(narrow)).toBeLessThan(lineWidth(verdictLine(s.state)));
    expect(text(narrow)).toMatch(/KCM none +·/);
    // Later a new holder leads and the header names it, with no countdown.
    for (let i = 0; i < 40 && !leaseView(s.state, 'kube-controller-manager').holderAlive; i++) s = stepTicks(s, 10);
    const after = leaseView(s.state, 'kube-controller-manager');
    expect(after.holderAlive).toBe(true);
    expect(after.holderHost).not.toBe(holder);
    expect(text(verdictLine(s.state))).toContain(`KCM ${after.holderHost}`);
    expect(text(verdictLine(s.state))).not.toContain('expires in');
  });
});

describe('one request rate', () => {
  it.each([1, 2, 3])('seed %i: the header\'s "all requests served (N/s)" and the LB pane\'s ok/s are the same figure', (seed) => {
    let s = createSession(createState(defaultConfig({ seed })), { paused: true });
    let compared = 0;
    // From the start-up backlog (answers of requests queued while etcd elected) to steady state.
    for (let i = 0; i < 60; i++) {
      s = stepTicks(s, 5);
      const m = /all requests served \((\d+)\/s\)/.exec(text(verdictLine(s.state)));
      if (!m) continue;
      const lb = /(\d+) ok\/s · (\d+) err\/s/.exec(lbPane(s.state, null, 120).map(text).join('\n'))!;
      expect(lb[1], `t=${s.state.t}`).toBe(m[1]);
      expect(lb[2]).toBe('0');
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });
});
