// Starts the live A/B comparison in the real terminal (full-screen.tsx: alternate screen, hidden
// cursor, the terminal restored on quit or on a signal).
import type { Config } from '../sim/types.js';
import { createState } from '../sim/create.js';
import { createSession } from '../sim/session.js';
import { CompareApp } from '../ui/compare/compare-app.js';
import type { CompareSides } from './compare-args.js';
import { readyFullScreen, runFullScreen } from './full-screen.js';

export interface CompareDashboardOptions {
  config: Config;
  sides: CompareSides;
  speed: number;
  noColor: boolean;
  size?: { cols: number; rows: number };
}

export async function startCompareDashboard(opts: CompareDashboardOptions): Promise<number> {
  const out = process.stdout;
  if (!(await readyFullScreen(opts.size, out))) return 2;
  const pair = {
    a: createSession(createState(opts.config), { speed: opts.speed }),
    b: createSession(createState(opts.sides.config), { speed: opts.speed }),
  };
  return runFullScreen({
    stdout: out,
    stdin: process.stdin,
    app: (quit) => (
      <CompareApp
        pair={pair}
        labelA={opts.sides.labelA}
        labelB={opts.sides.labelB}
        noColor={opts.noColor}
        cols={opts.size?.cols}
        rows={opts.size?.rows}
        onQuit={quit}
      />
    ),
  });
}
