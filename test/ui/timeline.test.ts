// The failover timeline's pure functions, over real sessions: markers at the right column, gaps
// drawn as gaps with their word, the window at every width, rewinding.
import { describe, expect, it } from 'vitest';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { createSession, dispatch, rewindBy, stepTicks, type Session } from '../../source/sim/session.js';
import { clusterStatus } from '../../source/sim/etcd/index.js';
import { packPieces, sameStripInputs, stripInputsKey, timelineLines, timelineModel, type TimelineInput } from '../../source/ui/timeline/render.js';
import { columnOf, sliceFor, timelineWindow } from '../../source/ui/timeline/window.js';
import { ledgerSentence } from '../../source/ui/timeline/ledger-words.js';
import { lineWidth, type Line } from '../../source/ui/lines.js';
import { lanesFor, WORD_MAX } from '../../source/ui/timeline/lanes.js';
import { samplesIn, stripsOf } from '../../source/ui/timeline/strips.js';
import { markersBetween } from '../../source/ui/timeline/markers.js';
import { ledgerOf } from '../../source/sim/ledger/index.js';

const text = (l: Line) => l.map((s) => s.t).join('');

/** Boots to 20 s, crashes the master that hosts the etcd leader, then runs `after` ticks. */
function crashEtcdLeader(seed: number, after: number): { session: Session; victim: string } {
  let s = createSession(createState(defaultConfig({ seed })), { paused: true });
  s = stepTicks(s, 200);
  const leader = clusterStatus(s.state).leader!;
  const victim = s.state.etcd.members[leader].host;
  s = dispatch(s, { type: 'crash', target: victim });
  return { session: stepTicks(s, after), victim };
}

const input = (s: Session, width: number, height = 40): TimelineInput => ({ history: s.history, live: s.live, shown: s.state, width, height });
const laneLine = (lines: Line[], label: string) => lines.find((l) => text(l).startsWith(` ${label}`))!;

describe('timeline window', () => {
  it('narrow terminals get fewer, wider slices; wide ones one second a character', () => {
    expect(sliceFor(51)).toBe(2000);
    expect(sliceFor(174)).toBe(1000);
    expect(sliceFor(20)).toBe(5000);
    const w = timelineWindow(50, 200_000);
    expect(w.to - w.from).toBe(50 * w.sliceMs);
    expect(columnOf(w, 200_000)).toBe(49);
    expect(columnOf(w, w.from - 1)).toBeNull();
  });

  it('starts at the session start until a whole span has passed', () => {
    const w = timelineWindow(100, 20_000);
    expect(w.from).toBe(0);
  });
});

describe('timeline lanes and markers', () => {
  const { session, victim } = crashEtcdLeader(7, 400);

  it('a crash at 20 s shows its marker at the column of 20 s, labelled', () => {
    for (const width of [80, 120, 200]) {
      const m = timelineModel(input(session, width));
      const col = columnOf(m.window, 20_000)!;
      const arrows = text(m.lines[2]);
      expect(arrows.indexOf('▼')).toBe(m.labelWidth + col);
      expect(text(m.lines[1])).toContain(`crash ${victim}`);
      expect(m.markers.map((x) => x.label)).toEqual([`crash ${victim}`]);
    }
  });

  it('fits the width and the height at 80 to 200 columns', () => {
    for (const [width, height] of [[80, 20], [120, 30], [160, 40], [200, 50]]) {
      const m = timelineModel(input(session, width, height));
      expect(m.lines.length).toBeLessThanOrEqual(height);
      for (const l of m.lines) expect(lineWidth(l)).toBeLessThanOrEqual(width);
    }
  });

  it('the crashed backend goes UP-but-dead, then DOWN; the etcd leader lane names the new leader', () => {
    const m = timelineModel(input(session, 120));
    const col = columnOf(m.window, 20_000)!;
    const backend = text(laneLine(m.lines, `LB → ${victim}`)).slice(m.labelWidth);
    // (At boot, before etcd has a leader, no apiserver can serve yet: skip the first seconds.)
    expect(backend.slice(col - 10, col)).not.toMatch(/[!✖]/);
    expect(backend.slice(col)).toMatch(/^!+✖+/);
    expect(text(laneLine(m.lines, `LB → ${victim}`))).toMatch(/DOWN\s*$/);
    const etcd = text(laneLine(m.lines, 'etcd leader'));
    const now = clusterStatus(session.state).leader!;
    expect(etcd.trimEnd().endsWith(session.state.etcd.members[now].host)).toBe(true);
  });
});

describe('start-up in the lanes', () => {
  it('writes are "starting" while the API is, never "failing" before the cluster ever served', () => {
    const s = stepTicks(createSession(createState(defaultConfig({ seed: 5 })), { paused: true }), 40);
    const m = timelineModel(input(s, 120));
    const first = (label: string) => text(laneLine(m.lines, label)).slice(m.labelWidth, m.labelWidth + 2);
    expect(first('API')).toBe('……');
    expect(first('writes')).toBe('……');
    expect(text(laneLine(m.lines, 'writes'))).not.toContain('✖');
  });
});

describe('the words beside the strips', () => {
  it('are never longer than their column, whatever the state (faults of every kind, LB pair)', () => {
    let s = stepTicks(createSession(createState(defaultConfig({ seed: 8, lbPair: true, workers: 2 })), { paused: true }), 5);
    const steps: Parameters<typeof dispatch>[1][] = [
      { type: 'partition', target: 'master-2' }, { type: 'kill', target: 'master-1', component: 'apiserver' },
      { type: 'crash', target: 'lb-1' }, { type: 'crash', target: 'master-3' }, { type: 'crash', target: 'worker-1' },
    ];
    const words = new Set<string>();
    for (const a of steps) {
      s = dispatch(s, a);
      for (let i = 0; i < 40; i++) {
        s = stepTicks(s, 5);
        for (const lane of lanesFor(s.state)) {
          const c = lane.cell(s.state);
          if (c) words.add(c.word);
        }
      }
    }
    for (const w of words) expect([...w].length, w).toBeLessThanOrEqual(WORD_MAX);
    expect(words.size).toBeGreaterThan(8);
  });
});

describe('slices wider than a snapshot', () => {
  it('draw the worst state any snapshot in the slice shows (a short outage is never averaged away)', () => {
    const { session } = crashEtcdLeader(7, 400);
    const w = timelineWindow(40, session.live.t);
    expect(w.sliceMs).toBeGreaterThan(1000);
    const samples = samplesIn(session.history, session.live, w);
    const lanes = lanesFor(session.state);
    const strips = stripsOf(samples, lanes, w);
    let mixed = 0;
    lanes.forEach((lane, li) => {
      for (let col = 0; col < w.slices; col++) {
        const start = w.from + col * w.sliceMs;
        const inSlice = samples.filter((x) => x.t >= start && x.t < start + w.sliceMs);
        if (!inSlice.length) continue;
        const ranks = inSlice.map((x) => lane.cell(x)?.rank ?? -1);
        if (new Set(ranks).size > 1) mixed++;
        expect(strips[li][col]?.rank ?? -1).toBe(Math.max(...ranks));
      }
    });
    expect(mixed).toBeGreaterThan(0);
  });
});

describe('slices narrower than the snapshots', () => {
  it('carry the state of the snapshot before them, and stay empty before the first', () => {
    const { session } = crashEtcdLeader(7, 60);
    const wide = timelineWindow(120, session.live.t);
    // Quarter-second slices over 1 s snapshots: three slices in four hold no snapshot.
    const w = { ...wide, sliceMs: 250, slices: 480, to: wide.from + 480 * 250 };
    const samples = samplesIn(session.history, session.live, w);
    const lanes = lanesFor(session.state);
    const strips = stripsOf(samples, lanes, w);
    let carried = 0;
    lanes.forEach((lane, li) => {
      for (let col = 0; col < w.slices; col++) {
        const start = w.from + col * w.sliceMs;
        if (start > samples[samples.length - 1].t) {
          expect(strips[li][col]).toBeNull();
          continue;
        }
        const inSlice = samples.filter((x) => x.t >= start && x.t < start + w.sliceMs);
        const before = samples.filter((x) => x.t < start).at(-1);
        if (inSlice.length) {
          expect(strips[li][col]?.rank ?? -1).toBe(Math.max(...inSlice.map((x) => lane.cell(x)?.rank ?? -1)));
        } else {
          expect(strips[li][col]).toEqual(before ? lane.cell(before) : null);
          if (before) carried++;
        }
      }
    });
    expect(carried).toBeGreaterThan(lanes.length * 50);
  });
});

describe('a leaderless gap', () => {
  it('shows as · in the etcd lane at the crash, with the words "no leader" while it lasts', () => {
    let seen = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const { session } = crashEtcdLeader(seed, 5);
      if (clusterStatus(session.state).leader) continue;
      seen++;
      const m = timelineModel(input(session, 120));
      const col = columnOf(m.window, 20_000)!;
      const lane = text(laneLine(m.lines, 'etcd leader'));
      expect(lane[m.labelWidth + col]).toBe('·');
      expect(lane[m.labelWidth + col - 1]).toMatch(/\d/);
      expect(lane).toMatch(/no leader 2\/3 up/);
    }
    expect(seen).toBeGreaterThan(3);
  });
});

describe('paused and rewound', () => {
  it('marks the moment on screen with ▲ and keeps the future lanes drawn', () => {
    const { session } = crashEtcdLeader(7, 400);
    const back = rewindBy(session, 30_000);
    const m = timelineModel(input(back, 120));
    const axis = text(m.lines.find((l) => text(l).startsWith(' time'))!);
    expect(axis.indexOf('▲')).toBe(m.labelWidth + columnOf(m.window, back.state.t)!);
    expect(text(m.lines[0])).toContain('on screen');
  });

  it('follows the moment on screen when it is rewound past the window', () => {
    let s = createSession(createState(defaultConfig({ seed: 2 })), { paused: true });
    s = stepTicks(s, 3000);
    const back = rewindBy(s, 250_000);
    const m = timelineModel(input(back, 80));
    expect(columnOf(m.window, back.state.t)).not.toBeNull();
  });
});

describe('the ledger in words', () => {
  it('reads the outage record the way the issue words it, leaving out what was never affected', () => {
    const r = {
      fault: 'crash master-1', at: 20_000, apiDegradedMs: 10_900, apiDownMs: 0, failedRequests: 0, slowRequests: 182,
      writesUnavailableMs: 0, etcdLeaderlessMs: 1300, kcmLeaderlessMs: 16_800, schedulerLeaderlessMs: 2900,
      backendsWronglyUpMs: 10_900, backendsWronglyDownMs: 0, podsBelowDesiredMs: 0, greenAfterMs: 18_100,
    };
    expect(ledgerSentence(r, 60_000)).toBe(
      'crash master-1 at 00:20.0 → API degraded 10.9 s (182 requests late) · etcd leaderless 1.3 s · ' +
      'backend master-1 still UP 10.9 s · KCM leaderless 16.8 s · scheduler leaderless 2.9 s · everything green again after 18.1 s',
    );
    expect(ledgerSentence({ ...r, greenAfterMs: null }, 30_000)).toMatch(/not green yet \(10\.0 s so far\)$/);
  });

  it('by default spells out the newest record of the simulation\'s own ledger', () => {
    const { session, victim } = crashEtcdLeader(7, 400);
    const m = timelineModel(input(session, 200));
    const all = m.lines.map(text).join('\n');
    expect(all).toMatch(new RegExp(`◆ crash ${victim} at 00:20\\.0 → .*etcd leaderless \\d+\\.\\d s`));
    expect(all).toMatch(/everything green again after \d+\.\d s/);
  });

  it('is drawn under the lanes for the selected fault', () => {
    const { session } = crashEtcdLeader(7, 100);
    const rec = (fault: string, at: number) => ({
      fault, at, apiDegradedMs: 0, apiDownMs: 0, failedRequests: 3, slowRequests: 0, writesUnavailableMs: 1200, etcdLeaderlessMs: 1200,
      kcmLeaderlessMs: 0, schedulerLeaderlessMs: 0, backendsWronglyUpMs: 0, backendsWronglyDownMs: 0, podsBelowDesiredMs: 0, greenAfterMs: 6000,
    });
    const outages = [rec('stop master-9', 5000), rec('crash master-1', 20_000)];
    const m = timelineModel({ ...input(session, 120), outages, selectedFault: 0 });
    const all = m.lines.map(text).join('\n');
    expect(all).toContain('fault 1 of 2: stop master-9 at 00:05.0 → 3 requests failed · writes unavailable 1.2 s');
    expect(all).not.toContain('crash master-1 at');
  });
});

describe('markers older than the newest event log', () => {
  it('are found in older snapshots once the bounded log has dropped them', () => {
    let s = stepTicks(createSession(createState(defaultConfig({ seed: 4 })), { paused: true }), 20);
    for (let i = 0; i < 450; i++) s = stepTicks(dispatch(s, { type: 'set-rps', rps: 40 + (i % 20) }), 1);
    const newestLog = s.live.events.filter((e) => e.kind === 'traffic.rate').length;
    expect(newestLog).toBeLessThan(450);
    const all = markersBetween(s.history, s.live, 0, s.live.t + 1);
    expect(all.filter((m) => m.label === 'request rate')).toHaveLength(450);
    expect(new Set(all.map((m) => m.eventId)).size).toBe(all.length);
  });
});

describe('choosing an older fault', () => {
  it('brings the window back to it and spells out its ledger', () => {
    let s = stepTicks(createSession(createState(defaultConfig({ seed: 6 })), { paused: true }), 200);
    s = stepTicks(dispatch(s, { type: 'crash', target: 'master-3' }), 100);
    s = stepTicks(dispatch(s, { type: 'recover', target: 'master-3' }), 2700);
    s = stepTicks(dispatch(s, { type: 'kill', target: 'master-1', component: 'apiserver' }), 300);
    const newest = timelineModel(input(s, 120));
    expect(columnOf(newest.window, 20_000)).toBeNull();
    expect(newest.lines.map(text).join('\n')).toContain('fault 2 of 2: kill apiserver on master-1');
    const older = timelineModel({ ...input(s, 120), selectedFault: 0 });
    const col = columnOf(older.window, 20_000);
    expect(col).not.toBeNull();
    expect(text(older.lines[2]).indexOf('▼')).toBe(older.labelWidth + col!);
    expect(older.lines.map(text).join('\n')).toContain('fault 1 of 2: crash master-3 at 00:20.0 →');
  });
});

describe('lanes agree with the outage ledger', () => {
  it('the seconds a lane shows "no leader" or "cannot serve" match the ledger measure to within a slice', () => {
    let shown = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { session } = crashEtcdLeader(seed, 600);
      const m = timelineModel(input(session, 200));
      expect(m.window.sliceMs).toBe(1000);
      const rec = ledgerOf(session.state).find((r) => r.at === 20_000)!;
      const after = (label: string, glyph: string) => {
        const lane = text(laneLine(m.lines, label)).slice(m.labelWidth);
        return [...lane.slice(columnOf(m.window, 20_000)!)].filter((c) => c === glyph).length;
      };
      const near = (n: number, ms: number) => {
        expect(Math.abs(n - ms / 1000), `seed ${seed}: ${n} slices vs ${ms} ms`).toBeLessThanOrEqual(1);
        if (ms > 0) shown++;
      };
      near(after('etcd leader', '·'), rec.etcdLeaderlessMs);
      near(after('KCM lease', '·'), rec.kcmLeaderlessMs);
      near(after('scheduler lease', '·'), rec.schedulerLeaderlessMs);
      const wronglyUp = session.state.lb.order.reduce((n, id) => n + after(`LB → ${id}`, '!'), 0);
      near(wronglyUp, rec.backendsWronglyUpMs);
    }
    expect(shown).toBeGreaterThanOrEqual(12);
  });
});

describe('the time axis', () => {
  it('labels ticks with whole mm:ss only, never a cut one', () => {
    for (const width of [80, 97, 120, 163, 200]) {
      for (const ticks of [100, 437, 1234]) {
        const s = stepTicks(createSession(createState(defaultConfig({ seed: 1 })), { paused: true }), ticks);
        const m = timelineModel(input(s, width));
        const axis = text(m.lines.find((l) => text(l).startsWith(' time'))!).slice(m.labelWidth);
        for (const part of axis.split('|').slice(1)) expect(part.trimEnd()).toMatch(/^(\d\d:\d\d)?$/);
      }
    }
  });
});

describe('what gives way to the height', () => {
  const { session } = crashEtcdLeader(7, 300);

  it('lanes, markers and axis stay; then a legend line and the ledger line; labels and the rest after', () => {
    const full = timelineModel(input(session, 80, 60)).lines.map(text);
    const lanes = lanesFor(session.state).length;
    const short = timelineModel(input(session, 80, lanes + 5)).lines.map(text);
    expect(short).toHaveLength(lanes + 5);
    expect(short.some((l) => l.startsWith(' time'))).toBe(true);
    expect(short.filter((l) => l.startsWith(' ─ ok'))).toHaveLength(1);
    expect(short.filter((l) => l.startsWith(' ◆ '))).toHaveLength(1);
    expect(short[1]).toMatch(/^ +▼/);
    expect(full[1]).toContain('crash');
    const strip = timelineModel({ ...input(session, 44, lanes + 4), compact: true }).lines.map(text);
    expect(strip.at(-1)).toMatch(/^ ─ ok/);
  });

  it('the ledger wraps between its parts, never inside "1.3 s"', () => {
    const lines = packPieces(['crash master-1 at 00:20.0 →', 'etcd leaderless 1.3 s', 'KCM leaderless 16.8 s', 'everything green again after 18.1 s'], 40, ' · ', ' ');
    for (const l of lines) {
      expect([...l].length).toBeLessThanOrEqual(40);
      expect(l).not.toMatch(/\d$/);
    }
    expect(lines.join(' ')).toContain('etcd leaderless 1.3 s');
    expect(lines).toEqual(['crash master-1 at 00:20.0 →', 'etcd leaderless 1.3 s ·', 'KCM leaderless 16.8 s ·', 'everything green again after 18.1 s']);
    const long = packPieces(['a', 'one piece much longer than the ten columns', 'b'], 10, ' · ');
    expect(long.join(' ')).toBe('a · one piece much longer than the ten columns · b');
    for (const l of long) expect([...l].length).toBeLessThanOrEqual(12);
  });

  it('under the lanes, too', () => {
    for (const width of [64, 72, 80, 90]) {
      const m = timelineModel(input(session, width));
      const ledger = m.lines.map(text).filter((_l, i, all) => i >= all.findIndex((x) => x.startsWith(' ◆')));
      expect(ledger.length).toBeGreaterThan(1);
      for (const l of ledger) expect(l).not.toMatch(/\d$/);
    }
  });
});

describe('the strip beside the panes, drawn again only when its inputs change', () => {
  // Tick by tick through a crash, a recovery, a partition, a rewind, a fork from the past and a
  // resume: whenever a frame's key equals the key of the frame before, its lines must be the same.
  it('equal inputs always draw equal lines; the lines are reused on most frames', () => {
    type Step = number | ((x: Session) => Session);
    const steps: Step[] = [
      150, (x) => dispatch(x, { type: 'crash', target: 'master-1' }), 400, (x) => dispatch(x, { type: 'recover', target: 'master-1' }),
      300, (x) => dispatch(x, { type: 'partition', target: 'master-2' }), 300, (x) => rewindBy(x, 30_000), (x) => rewindBy(x, 5_000),
      (x) => dispatch(x, { type: 'heal-all' }), 900,
    ];
    for (const seed of [1, 2, 3]) {
      let s = createSession(createState(defaultConfig({ seed, lbPair: seed === 2 })), { paused: true });
      let previous: { key: readonly unknown[]; lines: string } | null = null;
      let frames = 0;
      let reused = 0;
      const frame = () => {
        const inp = { ...input(s, 160, 14), compact: true };
        const key = stripInputsKey(inp);
        const lines = JSON.stringify(timelineLines(inp));
        frames++;
        if (previous && sameStripInputs(previous.key, key)) {
          reused++;
          expect(lines, `seed ${seed} at ${s.state.t} ms`).toBe(previous.lines);
        }
        previous = { key, lines };
      };
      for (const step of steps) {
        if (typeof step === 'number') {
          for (let i = 0; i < step; i++) {
            s = stepTicks(s, 1);
            frame();
          }
        } else {
          s = step(s);
          frame();
        }
      }
      expect(reused / frames).toBeGreaterThan(0.6);
    }
  });
});
