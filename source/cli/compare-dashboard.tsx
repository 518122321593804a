// Starts the live A/B comparison in the real terminal: alternate screen, hidden cursor, and the
// terminal restored on quit or on a signal.
import { render } from 'ink';
import type { Config } from '../sim/types.js';
import { createState } from '../sim/create.js';
import { createSession } from '../sim/session.js';
import { CompareApp } from '../ui/compare/compare-app.js';
import { installFastOutput } from '../ui/ink-patches/fast-output.js';
import type { CompareSides } from './compare-args.js';
import { terminalSize } from '../ui/terminal-size.js';

export interface CompareDashboardOptions {
  config: Config;
  sides: CompareSides;
  speed: number;
  noColor: boolean;
  size?: { cols: number; rows: number };
}

const ALT_SCREEN_ON = '\u001b[?1049h';
const ALT_SCREEN_OFF = '\u001b[?1049l';
const CURSOR_HIDE = '\u001b[?25l';
const CURSOR_SHOW = '\u001b[?25h';

export async function startCompareDashboard(opts: CompareDashboardOptions): Promise<number> {
  await installFastOutput();
  const out = process.stdout;
  const term = terminalSize(out);
  if (opts.size && (term.cols < opts.size.cols || term.rows < opts.size.rows)) {
    process.stderr.write(`kube-ha-lab: --size ${opts.size.cols}x${opts.size.rows} does not fit this terminal (${term.cols}x${term.rows}); enlarge it or ask for less\n`);
    return 2;
  }
  const pair = {
    a: createSession(createState(opts.config), { speed: opts.speed }),
    b: createSession(createState(opts.sides.config), { speed: opts.speed }),
  };
  out.write(ALT_SCREEN_ON + CURSOR_HIDE);
  return new Promise<number>((resolve) => {
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
      try {
        app.unmount();
      } catch {
        // already unmounted
      }
      out.write(CURSOR_SHOW + ALT_SCREEN_OFF);
      resolve(code);
    };
    const onSignal = () => {
      finish(0);
      process.exit(0);
    };
    process.prependListener('SIGTERM', onSignal);
    process.prependListener('SIGHUP', onSignal);
    const app = render(
      <CompareApp
        pair={pair}
        labelA={opts.sides.labelA}
        labelB={opts.sides.labelB}
        noColor={opts.noColor}
        cols={opts.size?.cols}
        rows={opts.size?.rows}
        onQuit={() => setImmediate(() => finish(0))}
      />,
      { stdout: out, stdin: process.stdin, exitOnCtrlC: false, patchConsole: true },
    );
    app.waitUntilExit().then(() => finish(0), () => finish(1));
  });
}
