// A tmux session per test file, for driving the built dashboard in a real terminal: start a
// command at a size, send keys, read the screen, wait until it shows something.
import { execFileSync, spawnSync } from 'node:child_process';
import { ROOT } from '../cli/run-cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export function tmuxSession(name: string) {
  const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', name);
  return {
    tmux,
    screen,
    keys: (...keys: string[]) => tmux('send-keys', '-t', name, ...keys),
    /** A fresh session of `cols`x`rows` in the project folder, running `command`. */
    start(cols: number, rows: number, command: string): void {
      if (!hasTmux) throw new Error('tmux is not installed: install it (apt-get install -y tmux); .ci/run does this in CI');
      spawnSync('tmux', ['kill-session', '-t', name]);
      tmux('new-session', '-d', '-s', name, '-x', String(cols), '-y', String(rows), '-c', ROOT, command);
    },
    resize: (cols: number, rows: number) => tmux('resize-window', '-t', name, '-x', String(cols), '-y', String(rows)),
    kill: () => {
      if (hasTmux) spawnSync('tmux', ['kill-session', '-t', name]);
    },
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
