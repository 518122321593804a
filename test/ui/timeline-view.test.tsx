// The timeline's Ink components, rendered as the dashboard would: colour on and off, full view and strip.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { TimelineStrip, TimelineView } from '../../source/ui/timeline/view.js';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { createSession, dispatch, stepTicks } from '../../source/sim/session.js';
import { stripAnsi } from './helpers.js';
import { styledText } from '../../source/ui/styled-text.js';
import { timelineLines } from '../../source/ui/timeline/render.js';

const ESC = '\u001b[';

function crashedSession() {
  let s = createSession(createState(defaultConfig({ seed: 5, lbPair: true })), { paused: true });
  s = stepTicks(s, 200);
  s = dispatch(s, { type: 'crash', target: 'master-1' });
  return stepTicks(s, 300);
}

describe('TimelineView', () => {
  let level: typeof chalk.level;
  beforeEach(() => {
    level = chalk.level;
    chalk.level = 3;
  });
  afterEach(() => {
    chalk.level = level;
  });

  const session = crashedSession();

  it('draws every lane with its words, the crash marker and the time axis, in colour', () => {
    const r = render(<TimelineView session={session} width={120} height={30} noColor={false} />);
    const raw = r.lastFrame() ?? '';
    expect(raw).toContain(ESC);
    const f = stripAnsi(raw);
    for (const lane of ['API (clients)', 'writes', 'etcd leader', 'LB → master-1', 'LB → master-2', 'LB → master-3', 'VIP holder', 'KCM lease', 'scheduler lease', 'pods running']) {
      expect(f).toContain(lane);
    }
    expect(f).toContain('crash master-1');
    expect(f).toContain('▼');
    expect(f).toMatch(/\|00:20/);
    expect(f).toMatch(/LB → master-1 .*DOWN/);
    expect(f).toContain('no leader');
    r.unmount();
  });

  it('with NO_COLOR: not one colour code, and every state still has its glyph and word', () => {
    const r = render(<TimelineView session={session} width={80} height={22} noColor />);
    const raw = r.lastFrame() ?? '';
    expect(raw).not.toMatch(/\u001b\[(3\d|9\d|2)m/);
    const f = stripAnsi(raw);
    expect(f).toContain('✖ down');
    expect(f).toContain('! UP, cannot serve');
    expect(f).toContain('· no leader');
    for (const line of f.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(f.split('\n').length).toBeLessThanOrEqual(22);
    r.unmount();
  });

  it('the strip form fits a narrow column beside the panes', () => {
    const r = render(<TimelineStrip session={session} width={44} height={16} noColor />);
    const f = stripAnsi(r.lastFrame() ?? '');
    expect(f).toContain('Timeline');
    expect(f).toMatch(/^ KCM\s/m);
    for (const line of f.split('\n')) expect([...line].length).toBeLessThanOrEqual(44);
    expect(f.split('\n').length).toBeLessThanOrEqual(16);
    r.unmount();
  });

  it('the strip, re-rendered frame by frame, always shows the session it is given (its reuse never goes stale)', () => {
    let s = createSession(createState(defaultConfig({ seed: 5 })), { paused: true });
    const strip = () => <TimelineStrip session={s} width={100} height={14} noColor={false} />;
    const trimmed = (t: string) => t.split('\n').map((l) => l.trimEnd()).join('\n');
    const expected = () => trimmed(stripAnsi(styledText(timelineLines({ history: s.history, live: s.live, shown: s.state, width: 100, height: 14, compact: true }), 100, false)));
    const r = render(strip());
    const frames = new Set<string>();
    for (let i = 0; i < 400; i++) {
      s = stepTicks(s, 1);
      if (i === 150) s = dispatch(s, { type: 'crash', target: 'master-1' });
      r.rerender(strip());
      const f = trimmed(stripAnsi(r.lastFrame() ?? ''));
      expect(f, `frame ${i}`).toBe(expected());
      frames.add(f);
    }
    // It did change as time went on (the crash marker, new columns), so the comparison means something.
    expect(frames.size).toBeGreaterThan(30);
    expect([...frames].at(-1)).toContain('▼');
    r.unmount();
  });
});

