// The keystroke overlay in a real terminal: a dashboard recording driven by a keystroke script
// shows each key and what it did in the footer for a moment, and --no-keys leaves it out.
// The cast is read back through the export module's terminal model at the times that matter.
import { describe, expect, it, afterAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI } from '../cli/run-cli.js';
import { castScreens } from '../record/cast-screen.js';
import { tmuxSession } from './tmux-helpers.js';

const term = tmuxSession(`kha-keys-${process.pid}`);

async function recordWithScript(extra: string[]): Promise<string> {
  const cast = path.join(mkdtempSync(path.join(tmpdir(), 'kha-overlay-')), 'demo.cast');
  term.start(120, 36, `NODE_ENV=production node ${CLI} --seed 3 --script test/fixtures/keys.json --record ${cast} ${extra.join(' ')}; echo "EXITED rc=$?"; sleep 60`);
  const end = Date.now() + 30_000;
  while (Date.now() < end && !term.screen().includes('EXITED rc=')) await new Promise((r) => setTimeout(r, 100));
  expect(term.screen()).toContain('EXITED rc=0');
  return readFileSync(cast, 'utf8');
}

afterAll(() => term.kill());

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
