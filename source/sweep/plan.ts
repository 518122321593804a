// What a sweep runs in every run: the fault, from a scenario or a script of timed actions, and how
// long a run lasts (the headless CLI's rules, so one run of a sweep is one `--headless` run).
import type { Scenario } from '../scenario/index.js';
import type { TimedAction } from '../cli/script.js';

export type Plan =
  | { kind: 'scenario'; name: string; scenario: Scenario; durationMs: number | null }
  | { kind: 'script'; name: string; entries: TimedAction[]; durationMs: number | null };

/** After a scenario's last step the run goes on this long (as `--headless --scenario`). */
export const SCENARIO_TAIL_MS = 3000;
/** A scenario that never finishes stops here. */
export const MAX_RUN_MS = 60 * 60_000;

/** A script runs for --duration, else the usual minute or until 30 s after its last action. */
export function scriptEndMs(entries: readonly TimedAction[], durationMs: number | null): number {
  return durationMs ?? Math.max(60_000, (entries.at(-1)?.atMs ?? 0) + 30_000);
}
