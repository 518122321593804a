// A driver acts on a running simulation over time: a --script of timed actions, or a scenario.
// The headless runner, the dashboard and the recorder all consume this one protocol.
import type { State } from './types.js';
import type { SimAction } from './actions.js';

export interface CheckResult {
  /** Step index and a short description of the expectation, e.g. "lease kube-scheduler holder is not master-1". */
  step: number;
  expect: string;
  ok: boolean;
  /** What was actually seen. */
  actual: string;
  t: number;
}

export interface DriverOutput {
  actions: SimAction[];
  /** Narration that became current now. */
  say: string[];
  /** Marker names reached now (asciicast "m" events, NDJSON marker lines). */
  markers: string[];
  checks: CheckResult[];
}

export interface Driver {
  /**
   * Called once before every tick with the snapshot about to be ticked; returns what to do now.
   * `t` is state.t. Interactive drivers may also be told that the user pressed Enter (advance()).
   */
  poll(state: State): DriverOutput;
  /** True once every step has run (the runner may stop after a short tail). */
  done(state: State): boolean;
}

export const EMPTY_OUTPUT: DriverOutput = Object.freeze({ actions: [], say: [], markers: [], checks: [] }) as DriverOutput;
