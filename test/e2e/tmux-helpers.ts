// A tmux session per test file, for driving the built dashboard in a real terminal: start a
// command at a size, send keys, read the screen, wait until it shows something.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../cli/run-cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/**
 * Each start gets a tmux server of its own (its own socket, `-L`): when a session ends, its server
 * exits, and a new session asked of a server that is exiting fails ("server exited unexpectedly"),
 * as happened when test files running side by side shared the default server.
 */
export function tmuxSession(name: string) {
  let starts = 0;
  let socket = `${name}-0`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  // The server leaves its socket file behind: removed with it, so test runs leave nothing in /tmp.
  const stop = () => {
    if (!hasTmux) return;
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(path.join(process.env.TMUX_TMPDIR || '/tmp', `tmux-${process.getuid?.() ?? 0}`, socket), { force: true });
  };
  const screen = () => tmux('capture-pane', '-p', '-t', name);
  return {
    tmux,
    screen,
    keys: (...keys: string[]) => tmux('send-keys', '-t', name, ...keys),
    /** A fresh session of `cols`x`rows` in the project folder, running `command`. */
    start(cols: number, rows: number, command: string): void {
      if (!hasTmux) throw new Error('tmux is not installed: install it (apt-get install -y tmux); .ci/run does this in CI');
      stop();
      socket = `${name}-${++starts}`;
      tmux('new-session', '-d', '-s', name, '-x', String(cols), '-y', String(rows), '-c', ROOT, command);
    },
    resize: (cols: number, rows: number) => tmux('resize-window', '-t', name, '-x', String(cols), '-y', String(rows)),
    kill: stop,
    async waitScreen(pred: (s: string) => boolean, what: string, ms = 15_000): Promise<string> {
      const end = Date.now() + ms;
      let last = '';
      while (Date.now() < end) {
        last = screen();
        if (pred(last)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${what}; screen was:\n${last}`);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
