// The overlay follows the views' state: keys through viewKey, frames through Ink.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { createSession, dispatch, stepTicks } from '../../source/sim/session.js';
import { NO_VIEWS, viewKey, type ViewsState } from '../../source/ui/view-keys.js';
import { overlayOpen, ViewsOverlay } from '../../source/ui/views-overlay.js';
import { stripAnsi } from './helpers.js';

describe('ViewsOverlay', () => {
  let level: typeof chalk.level;
  beforeEach(() => {
    level = chalk.level;
    chalk.level = 3;
  });
  afterEach(() => {
    chalk.level = level;
  });

  let session = stepTicks(createSession(createState(defaultConfig({ seed: 9 })), { paused: true }), 200);
  session = stepTicks(dispatch(session, { type: 'crash', target: 'master-2' }), 250);
  const press = (v: ViewsState, input: string, key = {}) => viewKey(v, input, key, session.state) ?? v;
  const draw = (views: ViewsState) => {
    const r = render(<ViewsOverlay views={views} session={session} width={100} height={30} noColor={false} />);
    const f = stripAnsi(r.lastFrame() ?? '');
    r.unmount();
    return f;
  };

  it('nothing while no view is open', () => {
    expect(overlayOpen(NO_VIEWS)).toBe(false);
    expect(draw(NO_VIEWS)).toBe('');
  });

  it('T: the timeline with the crash marker and its ledger', () => {
    const v = press(NO_VIEWS, 'T');
    expect(overlayOpen(v)).toBe(true);
    const f = draw(v);
    expect(f).toContain('Failover timeline');
    expect(f).toContain('crash master-2');
    expect(f).toMatch(/◆ crash master-2 at 00:20\.0 →/);
  });

  it('e, ↓ to the crash, Enter: the event with "your action"', () => {
    let v = press(NO_VIEWS, 'e');
    const crashIdx = session.state.events.findIndex((e) => e.kind === 'node.crashed');
    for (let i = session.state.events.length - 1; i > crashIdx; i--) v = press(v, '', { downArrow: true });
    v = press(v, '', { return: true });
    expect(overlayOpen(v)).toBe(true);
    const f = draw(v);
    expect(f).toContain('node.crashed');
    expect(f).toContain('◆ this is your action');
  });
});
