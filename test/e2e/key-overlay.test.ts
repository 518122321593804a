// The keystroke overlay in a real terminal: a dashboard recording driven by a keystroke script
// shows each key and what it did in the footer for a moment, and --no-keys leaves it out.
// The cast is read back through the export module's terminal model at the times that matter.
import { describe, expect, it, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, ROOT } from '../cli/run-cli.js';
import { castScreens } from '../record/cast-screen.js';

const session = `kha-keys-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });

async function recordWithScript(extra: string[]): Promise<string> {
  if (spawnSync('tmux', ['-V']).status !== 0) throw new Error('tmux is not installed: install it (apt-get install -y tmux)');
  const cast = path.join(mkdtempSync(path.join(tmpdir(), 'kha-overlay-')), 'demo.cast');
  spawnSync('tmux', ['kill-session', '-t', session]);
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '36', '-c', ROOT,
    `NODE_ENV=production node ${CLI} --seed 3 --script test/fixtures/keys.json --record ${cast} ${extra.join(' ')}; echo "EXITED rc=$?"; sleep 60`);
  const end = Date.now() + 30_000;
  while (Date.now() < end && !tmux('capture-pane', '-p', '-t', session).includes('EXITED rc=')) await new Promise((r) => setTimeout(r, 100));
  expect(tmux('capture-pane', '-p', '-t', session)).toContain('EXITED rc=0');
  return readFileSync(cast, 'utf8');
}

afterAll(() => {
  spawnSync('tmux', ['kill-session', '-t', session]);
});

describe('the keystroke overlay of a dashboard recording', () => {
  it('shows the key and the action it ran in the footer, then goes away', async () => {
    const c = await castScreens(await recordWithScript([]));
    const crashAt = c.marker('crash master-2');
    const soon = c.at(crashAt + 0.5);
    expect(soon.some((l) => l.includes('⌨ c crash master-2'))).toBe(true);
    // The ↓ before it, named from the keymap: "select a node".
    expect(c.at(crashAt - 0.2).some((l) => l.includes('⌨ ↓ select a node'))).toBe(true);
    // Gone a few seconds later (it stays about 1.5 s), while the dashboard still runs.
    const later = c.at(crashAt + 2.8);
    expect(later.some((l) => l.includes('master-2'))).toBe(true);
    expect(later.some((l) => l.includes('⌨'))).toBe(false);
  }, 60_000);

  it('--no-keys records without it', async () => {
    const text = await recordWithScript(['--no-keys']);
    expect(text).toContain('crashed');
    expect(text).not.toContain('⌨');
  }, 60_000);
});
