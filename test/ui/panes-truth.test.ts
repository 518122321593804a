// The panes say what is really happening: etcd's columns never run together, the compact legend
// explains every glyph it uses, and the leases and masters panes say whether the holder renews.
import { describe, expect, it } from 'vitest';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { createSession, dispatch, stepTicks, type Session } from '../../source/sim/session.js';
import { leaseView } from '../../source/sim/views.js';
import { etcdPane } from '../../source/ui/panes/etcd.js';
import { mastersPane, legendFor } from '../../source/ui/panes/masters.js';
import { leasesPane } from '../../source/ui/panes/leases.js';
import { leaseWords, renewFailingFor, RENEW_OVERDUE_MS } from '../../source/ui/lease-words.js';
import { lineWidth, type Line } from '../../source/ui/lines.js';

const text = (lines: Line[]) => lines.map((l) => l.map((s) => s.t).join('')).join('\n');

function booted(seed: number): Session {
  return stepTicks(createSession(createState(defaultConfig({ seed })), { paused: true }), 200);
}

/** Partitions master-1 and steps until one etcd member is a pre-candidate. */
function withPreCandidate(seed: number): Session {
  let s = dispatch(booted(seed), { type: 'partition', target: 'master-1' });
  for (let i = 0; i < 60; i++) {
    s = stepTicks(s, 1);
    if (Object.values(s.state.etcd.members).some((m) => m.role === 'precandidate')) return s;
  }
  throw new Error('no pre-candidate');
}

const kcmHolder = (s: Session) => leaseView(s.state, 'kube-controller-manager').holderHost!;

describe('etcd pane columns', () => {
  const s = withPreCandidate(7).state;
  it.each([80, 54, 40])('keep "◇ pre-candidate" apart from the term at %i columns', (width) => {
    const t = text(etcdPane(s, null, width));
    expect(t).toMatch(/◇ pre-candidate {2,}term +\d/);
  });

  it('the masters pane shows the whole word', () => {
    expect(text(mastersPane(s, null, 54))).toMatch(/etcd +◇ pre-candidate/);
  });
});

describe('the compact masters legend', () => {
  it('explains every glyph the one-line form uses, ◇ and ⊘ included', () => {
    const s = withPreCandidate(7).state;
    const lines = mastersPane(s, null, 80, 5);
    const rows = lines.slice(0, 3);
    const legend = text(lines.slice(3));
    expect(legend).toContain('◇ pre-candidate');
    expect(legend).toContain('⊘ isolated');
    for (const g of ['●', '◐', '○', '✖', '↻', '★', '◆', '◇', '⊘']) {
      if (text(rows).includes(g)) expect(legend).toContain(`${g} `);
    }
  });

  it('wraps to the width rather than cutting', () => {
    const many: Line[] = [[{ t: '● ◐ ○ ✖ ↻ ★ ◆ ◇ ⊘' }]];
    const legend = legendFor(many, 40);
    expect(legend.length).toBeGreaterThan(1);
    for (const l of legend) expect(l.map((x) => x.t).join('').length).toBeLessThanOrEqual(40);
    expect(text(legend)).toContain('⊘ isolated');
  });
});

describe('the leases pane tells what the holder is doing', () => {
  it('renewing every 2 s while renewals succeed', () => {
    const s = booted(3);
    const t = text(leasesPane(s.state, 60));
    expect(t.match(/renewing every 2 s/g)?.length).toBe(2);
  });

  it('a partitioned holder: renew failing with its cause and the deadline, then holder exited, then expired and racing', () => {
    let s = booted(3);
    const holder = kcmHolder(s);
    s = dispatch(s, { type: 'partition', target: holder });
    s = stepTicks(s, 60);
    const failing = leaseWords(s.state, 'kube-controller-manager').map((w) => w.text).join(' | ');
    expect(failing).toMatch(/^renew failing for \d+\.\d s \(its apiserver cannot reach etcd\) — exits at 10 s$/);
    expect(text(leasesPane(s.state, 80))).not.toMatch(/controller-manager[^\n]*\n[^\n]*\n\s+renewing every/);
    expect(text(mastersPane(s.state, null, 100))).toMatch(/ctrl-mgr +● running +★ LEADER renew failing for \d+\.\d s — exits at 10 s/);
    // Past the renew deadline the process exits; the lease still names it.
    s = stepTicks(s, 60);
    expect(leaseWords(s.state, 'kube-controller-manager')[0].text).toBe('holder exited');
    expect(text(leasesPane(s.state, 80))).toMatch(/holder exited\n\s+expires in \d/);
    // Then, until a standby's retry lands, it has expired on the followers' clocks.
    let racing = false;
    for (let i = 0; i < 80 && !racing; i++) {
      s = stepTicks(s, 1);
      if (kcmHolder(s) !== holder) break;
      racing = leaseWords(s.state, 'kube-controller-manager')[1]?.text.startsWith("expired on followers' clocks, candidates racing") ?? false;
    }
    expect(racing).toBe(true);
  });

  it("a crashed holder's node is named", () => {
    let s = booted(5);
    const holder = kcmHolder(s);
    s = stepTicks(dispatch(s, { type: 'crash', target: holder }), 10);
    const w = leaseWords(s.state, 'kube-controller-manager');
    expect(w[0].text).toBe(`holder's node ${holder} is crashed`);
    expect(w[1].text).toMatch(/^expires on followers' clocks in \d+\.\d s$/);
  });
});

describe('the masters pane at every width', () => {
  it('says what each process does in full where it fits, in short where not, and never cuts a word', () => {
    let s = booted(3);
    const holder = kcmHolder(s);
    s = stepTicks(dispatch(s, { type: 'partition', target: holder }), 60);
    for (const width of [40, 54, 64, 80, 110]) {
      const lines = mastersPane(s.state, null, width);
      for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(width);
      const t = text(lines);
      if (width >= 110) expect(t).toMatch(/★ LEADER renew failing for \d+\.\d s — exits at 10 s/);
      else if (width >= 54) expect(t).toMatch(/★ LEADER (renew )?failing (for )?\d+\.\d s/);
      if (width >= 54) expect(t).toMatch(/apiserver ◐ not ready +(its local etcd member|cannot reach etcd)/);
    }
  });
});

describe('a renew in flight', () => {
  it('counts as failing only once its round is overdue, so the words do not flicker', () => {
    const s = booted(3).state;
    const e0 = Object.values(s.masters).map((m) => m.electors['controller-manager']).find((e) => e.leading)!;
    const open = (ms: number) => ({ ...e0, roundStartedAt: s.t - ms, lastRenewOkAt: s.t - ms - 2000 });
    expect(renewFailingFor(s, open(RENEW_OVERDUE_MS - 100))).toBeNull();
    expect(renewFailingFor(s, open(RENEW_OVERDUE_MS + 500))).toBe(RENEW_OVERDUE_MS + 500);
    expect(renewFailingFor(s, { ...open(5000), leading: false })).toBeNull();
  });
});

describe('the etcd pane header', () => {
  const header = (st: Session) => text(etcdPane(st.state, null, 80).slice(0, 1));

  it('while electing at start-up: electing, never "no quorum" with every member up', () => {
    const s = stepTicks(createSession(createState(defaultConfig({ seed: 3 })), { paused: true }), 5);
    expect(s.state.etcd.leader).toBeNull();
    expect(header(s)).toContain('3 of 3 up, 2 needed  … electing, no leader yet');
    expect(header(s)).not.toMatch(/NO QUORUM/);
  });

  it('with a leader: quorum; with two of three crashed: NO QUORUM', () => {
    let s = booted(3);
    expect(header(s)).toContain('✔ quorum');
    s = dispatch(dispatch(s, { type: 'crash', target: 'master-1' }), { type: 'crash', target: 'master-2' });
    s = stepTicks(s, 30);
    expect(header(s)).toContain('1 of 3 up, 2 needed  ✖ NO QUORUM');
  });

  it('members up but cut off from each other: says so', () => {
    let s = booted(4);
    s = dispatch(dispatch(s, { type: 'cut', from: 'master-1', to: 'master-2', both: true }), { type: 'cut', from: 'master-2', to: 'master-3', both: true });
    s = dispatch(s, { type: 'cut', from: 'master-1', to: 'master-3', both: true });
    s = stepTicks(s, 40);
    expect(header(s)).toContain('3 of 3 up, 2 needed  ✖ no leader: too few reach each other');
  });
});
