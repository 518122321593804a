// The menu and help components drawn by Ink at 80 columns, with and without colour.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { HelpView, MenuBox } from '../../source/ui/menu-view.js';
import { KEYS } from '../../source/ui/keymap.js';
import { VIEW_KEYS } from '../../source/ui/view-keys.js';
import { stripAnsi } from './helpers.js';

describe('menu and help views', () => {
  let level: typeof chalk.level;
  beforeEach(() => {
    level = chalk.level;
    chalk.level = 3;
  });
  afterEach(() => {
    chalk.level = level;
  });

  const labels = Array.from({ length: 14 }, (_, i) => `action ${i + 1} on master-2`);

  it('a 14-item menu in 8 rows: keys, the highlight, both indicators', () => {
    const r = render(<MenuBox title="Actions on master-2" labels={labels} index={10} width={80} rows={8} noColor={false} />);
    const raw = r.lastFrame() ?? '';
    expect(raw).toMatch(/\u001b\[(3\d|7)m/);
    const lines = stripAnsi(raw).split('\n');
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(lines[1]).toMatch(/▲ \d+ more/);
    expect(lines[lines.length - 1]).toMatch(/▼ \d+ more/);
    expect(lines.join('\n')).toContain('▶ b action 11 on master-2');
    r.unmount();
  });

  it('help at 80x24 without colour: every key, no colour codes, 22 lines at most', () => {
    const keys = [...KEYS, ...VIEW_KEYS];
    const r = render(<HelpView keys={keys} width={80} rows={22} noColor />);
    const raw = r.lastFrame() ?? '';
    expect(raw).not.toMatch(/\u001b\[3\dm/);
    const f = stripAnsi(raw);
    expect(f.split('\n').length).toBeLessThanOrEqual(22);
    for (const [k] of keys) expect(f).toContain(k);
    for (const l of f.split('\n')) expect([...l].length).toBeLessThanOrEqual(80);
    r.unmount();
  });
});
