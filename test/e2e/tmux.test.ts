// The built CLI in a real terminal (tmux): start the dashboard, crash a master with keys, see it on
// screen, quit with q, and check the terminal is given back (alternate screen left, cursor shown).
// dist/cli.js is the shipped bundle, so these run Ink with the patches of source/ui/ink-patches
// (its compositor, text measures and line-diff writer) end to end.
import { describe, expect, it, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCast } from '../../source/record/index.js';
import { CLI } from '../cli/run-cli.js';
import { tmuxSession } from './tmux-helpers.js';

const session = `kha-e2e-${process.pid}`;
const t = tmuxSession(session);
const { tmux, screen, waitScreen } = t;
const startSession = t.start;

afterAll(() => t.kill());

describe('the dashboard in a real terminal', () => {
  it('a keystroke script drives it unattended while --record writes a cast with markers', async () => {
    const cast = path.join(mkdtempSync(path.join(tmpdir(), 'kha-keys-')), 'demo.cast');
    startSession(120, 36,
      `NODE_ENV=production node ${CLI} --seed 3 --script test/fixtures/keys.json --record ${cast}; echo "EXITED rc=$?"; sleep 60`);
    await waitScreen((s) => s.includes('EXITED rc=0'), 'the script to quit the dashboard', 30_000);
    const parsed = parseCast(readFileSync(cast, 'utf8'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.header.width).toBe(120);
    expect(parsed.events.some((e) => e[1] === 'm' && e[2] === 'crash master-2')).toBe(true);
    const drawn = parsed.events.filter((e) => e[1] === 'o').map((e) => e[2]).join('');
    expect(drawn).toMatch(/master-2 .*✖ crashed/);
  }, 60_000);

  it('--size draws the dashboard at a fixed size inside a bigger terminal and records that size', async () => {
    const cast = path.join(mkdtempSync(path.join(tmpdir(), 'kha-size-')), 'demo.cast');
    startSession(130, 40,
      `NODE_ENV=production node ${CLI} --seed 3 --size 90x26 --record ${cast}; echo "EXITED rc=$?"; sleep 60`);
    const s = await waitScreen((x) => /API (OK|DEGRADED|DOWN)|STARTING ·/.test(x) && x.includes('Masters'), 'the dashboard');
    const lines = s.split('\n');
    expect(Math.max(...lines.map((l) => [...l.trimEnd()].length))).toBeLessThanOrEqual(90);
    expect(lines.filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(25);
    t.keys('q');
    await waitScreen((x) => x.includes('EXITED rc=0'), 'the program to exit');
    const parsed = parseCast(readFileSync(cast, 'utf8'));
    expect(parsed.problems).toEqual([]);
    expect([parsed.header.width, parsed.header.height]).toEqual([90, 26]);
  }, 60_000);

  it('--size larger than the terminal: one line and exit 2', async () => {
    startSession(100, 30,
      `NODE_ENV=production node ${CLI} --size 160x48; echo "EXITED rc=$?"; sleep 60`);
    const s = await waitScreen((x) => x.includes('EXITED rc='), 'the program to exit');
    expect(s).toContain('EXITED rc=2');
    expect(s).toMatch(/--size 160x48 does not fit this terminal \(100x30\)/);
    expect(s).not.toMatch(/at .*\.js:\d+/);
  }, 30_000);

  it('starts, shows a crash, quits with q and restores the terminal', async () => {
    expect(existsSync(CLI)).toBe(true);
    // A shell that prints a marker after the program exits, then waits: we read the screen after quitting.
    startSession(120, 36,
      `NODE_ENV=production node ${CLI} --seed 3; echo "EXITED rc=$?"; sleep 60`);
    await waitScreen((s) => s.includes('API OK') && s.includes('master-1'), 'the dashboard');
    // The dashboard hides the cursor while it runs (so the check after quitting means something).
    expect(tmux('display', '-p', '-t', session, '#{cursor_flag}').trim()).toBe('0');
    // master-1 is selected at start; c crashes it.
    t.keys('c');
    const crashed = await waitScreen((s) => /master-1\s+✖ crashed/.test(s), 'master-1 crashed');
    expect(crashed).toMatch(/etcd (leader master-\d · 2\/3 up|: no leader — 2\/3 members up)/);
    // Frames are written line by line, only what changed: after many frames the header is still
    // on the first row and the key hints on the last row but one (nothing drifted or was left over).
    await new Promise((r) => setTimeout(r, 3000));
    const rows = screen().split('\n');
    expect(rows[0]).toMatch(/^ kube-ha-lab {2}t \d\d:\d\d\.\d/);
    expect(rows[1]).toMatch(/^ . (API (OK|DEGRADED|DOWN)|STARTING) · /);
    expect(rows[34]).toMatch(/^ \? help/);
    expect(rows.filter((r) => r.includes('kube-ha-lab  t ')).length).toBe(1);
    t.keys('q');
    const after = await waitScreen((s) => s.includes('EXITED rc=0'), 'the program to exit');
    // The dashboard was drawn on the alternate screen: after quitting, none of it is left behind.
    expect(after).not.toMatch(/API (OK|DEGRADED|DOWN)|STARTING ·/);
    expect(after).not.toContain('Masters');
    const cursor = tmux('display', '-p', '-t', session, '#{cursor_flag}').trim();
    expect(cursor).toBe('1');
  }, 60_000);

  it('SIGTERM also restores the terminal', async () => {
    startSession(100, 30,
      `NODE_ENV=production node ${CLI} --seed 4; echo "EXITED rc=$?"; sleep 60`);
    await waitScreen((s) => s.includes('API OK'), 'the dashboard');
    const pid = tmux('display', '-p', '-t', session, '#{pane_pid}').trim();
    // The shell's child is the dashboard.
    const child = execFileSync('pgrep', ['-P', pid], { encoding: 'utf8' }).trim().split('\n')[0];
    process.kill(Number(child), 'SIGTERM');
    const after = await waitScreen((s) => s.includes('EXITED'), 'exit after SIGTERM');
    expect(after).toContain('EXITED rc=0');
    expect(after).not.toMatch(/API (OK|DEGRADED|DOWN)|STARTING ·/);
  }, 60_000);
});
