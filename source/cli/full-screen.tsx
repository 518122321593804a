// Runs an Ink app full screen in the real terminal: alternate screen and hidden cursor while it
// runs, and the terminal restored however it ends (quit, Ink's exit, SIGTERM or SIGHUP). One
// start and restore for the dashboard and the comparison.
import type { ReactElement } from 'react';
import { render } from 'ink';
import { terminalSize } from '../ui/terminal-size.js';
import { installFastOutput } from '../ui/ink-patches/fast-output.js';

const ALT_SCREEN_ON = '\u001b[?1049h';
const ALT_SCREEN_OFF = '\u001b[?1049l';
const CURSOR_HIDE = '\u001b[?25l';
const CURSOR_SHOW = '\u001b[?25h';

/** Why a fixed frame size (--size) cannot be shown in this terminal, or null when it fits. */
function sizeMisfit(size: { cols: number; rows: number } | undefined, out: NodeJS.WriteStream): string | null {
  const term = terminalSize(out);
  if (!size || (term.cols >= size.cols && term.rows >= size.rows)) return null;
  return `--size ${size.cols}x${size.rows} does not fit this terminal (${term.cols}x${term.rows}); enlarge it or ask for less`;
}

/** Readies Ink's fast output and checks a fixed size fits; false (after one line on stderr) when it does not. */
export async function readyFullScreen(size: { cols: number; rows: number } | undefined, out: NodeJS.WriteStream): Promise<boolean> {
  await installFastOutput();
  const misfit = sizeMisfit(size, out);
  if (misfit) process.stderr.write(`kube-ha-lab: ${misfit}\n`);
  return misfit === null;
}

export interface FullScreenRun {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** The app to draw, given the function it calls when the user quits. */
  app: (quit: () => void) => ReactElement;
  /** Before the app unmounts (stop feeding it keys). */
  beforeUnmount?: () => void;
  /** After the terminal is restored (stop a recording, say where it went). */
  afterRestore?: () => void;
}

/** Draws the app until it ends; resolves with the exit code (0, or 1 when Ink ends with an error). */
export function runFullScreen(run: FullScreenRun): Promise<number> {
  const { stdout } = run;
  stdout.write(ALT_SCREEN_ON + CURSOR_HIDE);
  return new Promise<number>((resolve) => {
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
      run.beforeUnmount?.();
      try {
        app.unmount();
      } catch {
        // already unmounted
      }
      stdout.write(CURSOR_SHOW + ALT_SCREEN_OFF);
      run.afterRestore?.();
      resolve(code);
    };
    // Ink's exit hook would re-raise the signal and kill the process before the promise settles:
    // clean up first (terminal writes are synchronous), then exit on our own terms.
    const onSignal = () => {
      finish(0);
      process.exit(0);
    };
    process.prependListener('SIGTERM', onSignal);
    process.prependListener('SIGHUP', onSignal);
    const app = render(run.app(() => setImmediate(() => finish(0))), { stdout, stdin: run.stdin, exitOnCtrlC: false, patchConsole: true });
    app.waitUntilExit().then(() => finish(0), () => finish(1));
  });
}
