// The knobs a sweep can vary and the grid they form. A knob is any cluster flag of the CLI; each
// grid point's config is made by the CLI's own flag validation (toOptions), from the scenario's
// setup written back as flags, then the fixed flags, then the point's values, so a bad value gets
// the same one line as on the command line.
import type { Config } from '../sim/types.js';
import { FLAGS, kebab, toOptions, UsageError, type RawFlags } from './flags.js';
import { distance } from './argv.js';
import { parseDuration } from '../sim/duration.js';

/** Every cluster flag, and how a config says it (so a scenario's setup becomes flags). */
export const KNOB_FLAGS: Record<string, (c: Config) => string | boolean> = {
  masters: (c) => String(c.masters),
  etcd: (c) => String(c.etcdMembers),
  topology: (c) => c.topology,
  workers: (c) => String(c.workers),
  replicas: (c) => String(c.replicas),
  lb: (c) => c.lbAlgorithm,
  lbPair: (c) => c.lbPair,
  lbCheck: (c) => c.knobs.lbCheck,
  rps: (c) => String(c.rps),
  leaseDuration: (c) => `${c.knobs.leaseDurationMs}ms`,
  renewDeadline: (c) => `${c.knobs.renewDeadlineMs}ms`,
  retryPeriod: (c) => `${c.knobs.retryPeriodMs}ms`,
  etcdHeartbeat: (c) => `${c.knobs.etcdHeartbeatMs}ms`,
  etcdElectionTimeout: (c) => `${c.knobs.etcdElectionTimeoutMs}ms`,
  preVote: (c) => c.knobs.preVote,
  checkInterval: (c) => `${c.knobs.checkIntervalMs}ms`,
  fall: (c) => String(c.knobs.fall),
  rise: (c) => String(c.knobs.rise),
  retries: (c) => String(c.knobs.retries),
  redispatch: (c) => c.knobs.redispatch,
  connectTimeout: (c) => `${c.knobs.connectTimeoutMs}ms`,
  preemptDelay: (c) => `${c.knobs.preemptDelayMs}ms`,
  netLatency: (c) => `${c.knobs.netLatencyMinMs}ms-${c.knobs.netLatencyMaxMs}ms`,
};

/** The CLI's flags that are not knobs of the cluster (a test holds FLAGS to these two lists). */
export const NOT_KNOBS = ['headless', 'listScenarios', 'lint', 'step', 'present', 'seed', 'speed', 'duration', 'snapshotEvery', 'scenario', 'script', 'record', 'title', 'size', 'keys', 'showKeys', 'color', 'help', 'version', 'compare', 'compareScenario'];

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const knobNames = () => Object.keys(KNOB_FLAGS).map(kebab);

/** The knob a --vary name means (kebab-case, as the flag), or a one-line problem. */
export function knobNamed(name: string): { knob: string } | { error: string } {
  const key = camel(name);
  if (/^[a-z][a-z0-9-]*$/.test(name) && KNOB_FLAGS[key]) return { knob: key };
  if (NOT_KNOBS.includes(key)) {
    const why = key === 'seed' ? '; seeds come from --seeds and --seed-from' : '';
    return { error: `--vary: "${name}" is not a knob of the cluster${why}` };
  }
  let best = '';
  let bestD = Infinity;
  for (const k of knobNames()) {
    const d = distance(name.toLowerCase(), k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  const hint = bestD <= Math.max(1, Math.floor(name.length / 4)) ? ` (did you mean ${best}?)` : ` (knobs: ${knobNames().join(', ')})`;
  return { error: `--vary: unknown knob "${name}"${hint}` };
}

/** A knob's value from the command line as toOptions takes it (switches take on/off). */
export function knobValue(knob: string, value: string): string | boolean {
  if (FLAGS[knob]?.type !== 'boolean') return value;
  if (['on', 'true', 'yes'].includes(value)) return true;
  if (['off', 'false', 'no'].includes(value)) return false;
  throw new UsageError(`--vary ${kebab(knob)}: a switch takes on or off (got "${value}")`);
}

/** A scenario's cluster written as knob flags. */
export function flagsOf(c: Config): RawFlags {
  return Object.fromEntries(Object.entries(KNOB_FLAGS).map(([k, f]) => [k, f(c)]));
}

/** The config of one grid point: the base (scenario or defaults), fixed flags, then the point. Throws UsageError. */
export function pointConfig(base: Config, fixed: RawFlags, point: RawFlags): Config {
  const { config } = toOptions({ ...flagsOf(base), ...fixed, ...point }, () => base.seed);
  return { ...config, seed: base.seed };
}

export interface Vary {
  knob: string;
  values: string[];
}

/**
 * A knob's values in the grid's order: ascending when they are all numbers or durations (10s before
 * 1m, 3 before 5), as given otherwise (stacked,external).
 */
export function sortValues(values: readonly string[]): string[] {
  const ms = values.map((v) => parseDuration(v));
  if (ms.some((x) => x === null)) return [...values];
  return values.map((v, i) => ({ v, x: ms[i]! })).sort((a, b) => a.x - b.x).map((e) => e.v);
}

/** The grid's points in order: the first --vary changes slowest, each knob's values sorted (sortValues). */
export function gridPoints(vary: readonly Vary[]): [string, string][][] {
  let points: [string, string][][] = [[]];
  for (const v of vary) points = points.flatMap((p) => sortValues(v.values).map((x) => [...p, [v.knob, x] as [string, string]]));
  return points;
}

export const gridSize = (vary: readonly Vary[]): number => vary.reduce((n, v) => n * v.values.length, 1);
