// Command-line flags: their spec, one-line validation errors, and the options they make.
import type { Config, LbAlgorithm, LbCheck, Topology } from '../sim/types.js';
import { defaultConfig, LIMITS, validateKnobs } from '../sim/config.js';
import { parseDuration, formatDuration } from '../sim/duration.js';

export type FlagType = 'boolean' | 'string';

/** Every flag the CLI accepts (camelCase name as meow gives it; kebab-case on the command line). */
export const FLAGS: Record<string, { type: FlagType; help: string; shownAs?: string }> = {
  headless: { type: 'boolean', help: 'no UI: run the simulation and print NDJSON to stdout' },
  listScenarios: { type: 'boolean', help: 'print the built-in lessons and exit' },
  step: { type: 'string', help: 'start a --scenario lesson at step N (the steps before it run at once, unasked)' },
  present: { type: 'boolean', help: 'presenter mode: a large verdict, the panes the lesson step is about, the narration in a wide box (key P toggles it)' },
  lint: { type: 'string', help: "check a lesson file against the authors' rules: every finding as file:line, exit 1 if any" },
  masters: { type: 'string', help: 'control-plane nodes, 1-7 (default 3)' },
  etcd: { type: 'string', help: 'external etcd members, 1-7 (default 3)' },
  topology: { type: 'string', help: 'stacked | external (default stacked)' },
  workers: { type: 'string', help: 'worker nodes, 0-50 (default 3)' },
  replicas: { type: 'string', help: "pods of the Deployment, 0-500 (default 6)" },
  lb: { type: 'string', help: 'roundrobin | leastconn | random (default roundrobin)' },
  lbPair: { type: 'boolean', help: 'two load balancers sharing a keepalived VIP' },
  lbCheck: { type: 'string', help: 'readyz | tls: what the LB health check probes (default readyz)' },
  rps: { type: 'string', help: 'client requests per second through the LB, 0-10000 (default 50)' },
  seed: { type: 'string', help: 'PRNG seed, 0-4294967295 (default: random, always shown)' },
  speed: { type: 'string', help: 'simulated seconds per wall second, 0.25-64 (default 1)' },
  duration: { type: 'string', help: 'headless: how long to simulate (default 60s; a script: till 30s after its last action; a scenario: its length)' },
  snapshotEvery: { type: 'string', help: 'headless: a snapshot line this often (default: only at the end)' },
  scenario: { type: 'string', help: 'a built-in lesson name or a scenario file (YAML/JSON)' },
  script: { type: 'string', help: 'a file of timed actions (headless) or keystrokes (dashboard)' },
  record: { type: 'string', help: 'write an asciicast v2 recording to FILE.cast' },
  title: { type: 'string', help: 'the title of a --record cast (default: the lesson title, or kube-ha-lab)' },
  size: { type: 'string', help: 'COLSxROWS of a headless recording (default 120x36), or a fixed dashboard size' },
  keys: { type: 'boolean', help: '--no-keys: no keystroke overlay in a dashboard --record (on by default when recording)' },
  showKeys: { type: 'boolean', help: 'show each key pressed in the footer for a moment, without recording too' },
  leaseDuration: { type: 'string', help: 'leader-election lease duration (default 15s)' },
  renewDeadline: { type: 'string', help: 'leader-election renew deadline (default 10s)' },
  retryPeriod: { type: 'string', help: 'leader-election retry period (default 2s)' },
  etcdHeartbeat: { type: 'string', help: 'etcd heartbeat interval, 50ms-1s (default 100ms)' },
  etcdElectionTimeout: { type: 'string', help: 'etcd election timeout (default 1000ms)' },
  netLatency: { type: 'string', help: 'one-way latency between etcd members, MIN-MAX or one value (default 0.2ms-2ms; WAN-like 10ms-50ms)' },
  preVote: { type: 'boolean', help: 'etcd PreVote (default on, as etcd 3.5+; --no-pre-vote for 3.4)' },
  preemptDelay: { type: 'string', help: 'keepalived preempt_delay: a returning higher-priority LB waits this long before taking the VIP back, 0-1000s (default 0)' },
  checkInterval: { type: 'string', help: 'LB health-check interval, HAProxy inter (default 2s)' },
  fall: { type: 'string', help: 'failed checks before DOWN (default 3)' },
  rise: { type: 'string', help: 'good checks before UP (default 2)' },
  retries: { type: 'string', help: 'LB connection retries (default 3)' },
  redispatch: { type: 'boolean', help: 'retry on another server (default on; --no-redispatch)' },
  connectTimeout: { type: 'string', help: 'LB timeout connect: how long a connect to a silent host waits (default 5s)' },
  compare: { type: 'string', help: 'what if, live: a second cluster with KNOB=VALUE changed (e.g. topology=external), same seed, same actions, side by side' },
  compareScenario: { type: 'string', help: 'what if, live: a second cluster set up as this lesson or scenario file (same seed, same actions)' },
  color: { type: 'boolean', shownAs: '--no-color', help: 'no colours (NO_COLOR is honoured too)' },
  help: { type: 'boolean', help: 'show this help' },
  version: { type: 'boolean', help: 'show the version' },
};

export const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export type RawFlags = Record<string, string | boolean | undefined>;

export interface Options {
  headless: boolean;
  listScenarios: boolean;
  /** A scenario file to lint, or null. */
  lint: string | null;
  /** The lesson step to start at (1 = the start), or null. */
  step: number | null;
  /** Presenter mode from the start (--present). */
  present: boolean;
  config: Config;
  seedGiven: boolean;
  speed: number;
  durationMs: number | null;
  snapshotEveryMs: number | null;
  scenario: string | null;
  script: string | null;
  record: string | null;
  title: string | null;
  size: { cols: number; rows: number };
  noColor: boolean;
  /** The keystroke overlay: on when recording the dashboard unless --no-keys, or with --show-keys. */
  showKeys: boolean;
}

export class UsageError extends Error {}

function int(flags: RawFlags, name: string, min: number, max: number): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  const text = String(v).trim();
  if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${kebab(name)} must be an integer from ${min} to ${max} (got "${v}")`);
  }
  return Number(text);
}

function oneOf<T extends string>(flags: RawFlags, name: string, allowed: readonly T[]): T | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  if (!allowed.includes(v as T)) throw new UsageError(`--${kebab(name)} must be one of ${allowed.join(', ')} (got "${v}")`);
  return v as T;
}

const LATENCY = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*(?:-\s*(\d+(?:\.\d+)?)\s*(ms|s)?)?\s*$/;

/** --net-latency: "10ms-50ms", "10-50ms", "0.5ms" (fractions of a millisecond allowed). */
function latencyRange(flags: RawFlags): { netLatencyMinMs?: number; netLatencyMaxMs?: number } {
  const v = flags.netLatency;
  if (v === undefined) return {};
  const m = LATENCY.exec(String(v));
  const bad = () => new UsageError(`--net-latency must be MIN-MAX or one duration, like 10ms-50ms or 1ms (got "${v}")`);
  if (!m) throw bad();
  const unitOf = (u: string | undefined, fallback: string | undefined) => ((u ?? fallback ?? 'ms') === 's' ? 1000 : 1);
  const lo = Number(m[1]) * unitOf(m[2], m[4]);
  const hi = m[3] === undefined ? lo : Number(m[3]) * unitOf(m[4], undefined);
  if (!(hi >= lo)) throw bad();
  return { netLatencyMinMs: lo, netLatencyMaxMs: hi };
}

function duration(flags: RawFlags, name: string, min: number, max: number): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  const ms = parseDuration(String(v));
  if (ms === null || ms < min || ms > max) {
    throw new UsageError(`--${kebab(name)} must be a duration from ${formatDuration(min)} to ${formatDuration(max)}, like 15s, 100ms or 2m (got "${v}")`);
  }
  return ms;
}

/** Turns raw flags into options, or throws a UsageError with one line naming the flag. */
export function toOptions(flags: RawFlags, randomSeed: () => number): Options {
  const masters = int(flags, 'masters', LIMITS.masters.min, LIMITS.masters.max);
  const etcd = int(flags, 'etcd', LIMITS.etcdMembers.min, LIMITS.etcdMembers.max);
  const workers = int(flags, 'workers', LIMITS.workers.min, LIMITS.workers.max);
  const replicas = int(flags, 'replicas', LIMITS.replicas.min, LIMITS.replicas.max);
  const rps = int(flags, 'rps', LIMITS.rps.min, LIMITS.rps.max);
  const seed = int(flags, 'seed', LIMITS.seed.min, LIMITS.seed.max);
  const topology = oneOf<Topology>(flags, 'topology', ['stacked', 'external']);
  const lb = oneOf<LbAlgorithm>(flags, 'lb', ['roundrobin', 'leastconn', 'random']);
  const lbCheck = oneOf<LbCheck>(flags, 'lbCheck', ['readyz', 'tls']);
  let speed = 1;
  if (flags.speed !== undefined) {
    const x = Number(String(flags.speed).replace(/x$/i, ''));
    if (!/^\d+(\.\d+)?x?$/i.test(String(flags.speed).trim()) || !(x >= 0.25 && x <= 64)) {
      throw new UsageError(`--speed must be a number from 0.25 to 64 (got "${flags.speed}")`);
    }
    speed = x;
  }
  const knobs = {
    leaseDurationMs: duration(flags, 'leaseDuration', LIMITS.leaseDurationMs.min, LIMITS.leaseDurationMs.max),
    renewDeadlineMs: duration(flags, 'renewDeadline', LIMITS.renewDeadlineMs.min, LIMITS.renewDeadlineMs.max),
    retryPeriodMs: duration(flags, 'retryPeriod', LIMITS.retryPeriodMs.min, LIMITS.retryPeriodMs.max),
    etcdHeartbeatMs: duration(flags, 'etcdHeartbeat', LIMITS.etcdHeartbeatMs.min, LIMITS.etcdHeartbeatMs.max),
    etcdElectionTimeoutMs: duration(flags, 'etcdElectionTimeout', LIMITS.etcdElectionTimeoutMs.min, LIMITS.etcdElectionTimeoutMs.max),
    checkIntervalMs: duration(flags, 'checkInterval', LIMITS.checkIntervalMs.min, LIMITS.checkIntervalMs.max),
    preemptDelayMs: duration(flags, 'preemptDelay', LIMITS.preemptDelayMs.min, LIMITS.preemptDelayMs.max),
    fall: int(flags, 'fall', LIMITS.fall.min, LIMITS.fall.max),
    rise: int(flags, 'rise', LIMITS.rise.min, LIMITS.rise.max),
    retries: int(flags, 'retries', LIMITS.retries.min, LIMITS.retries.max),
    ...latencyRange(flags),
    connectTimeoutMs: duration(flags, 'connectTimeout', LIMITS.connectTimeoutMs.min, LIMITS.connectTimeoutMs.max),
    preVote: flags.preVote === undefined ? undefined : Boolean(flags.preVote),
    redispatch: flags.redispatch === undefined ? undefined : Boolean(flags.redispatch),
    lbCheck,
  };
  const definedKnobs = Object.fromEntries(Object.entries(knobs).filter(([, v]) => v !== undefined));
  const config = defaultConfig({
    ...(masters !== undefined && { masters }),
    ...(etcd !== undefined && { etcdMembers: etcd }),
    ...(workers !== undefined && { workers }),
    ...(replicas !== undefined && { replicas }),
    ...(rps !== undefined && { rps }),
    ...(topology && { topology }),
    ...(lb && { lbAlgorithm: lb }),
    ...(flags.lbPair ? { lbPair: true } : {}),
    seed: seed ?? randomSeed(),
    knobs: definedKnobs,
  });
  const problems = validateKnobs(config.knobs);
  if (problems.length) throw new UsageError(problems[0]);
  const durationMs = duration(flags, 'duration', 100, 24 * 3_600_000) ?? null;
  const snapshotEveryMs = duration(flags, 'snapshotEvery', 100, 24 * 3_600_000) ?? null;
  let size = { cols: 120, rows: 36 };
  if (flags.size !== undefined) {
    const m = /^\s*(\d{1,4})\s*[xX×]\s*(\d{1,4})\s*$/.exec(String(flags.size));
    const cols = m ? Number(m[1]) : NaN;
    const rows = m ? Number(m[2]) : NaN;
    if (!m || cols < 40 || rows < 12 || cols > 1000 || rows > 500) {
      throw new UsageError(`--size must be COLSxROWS from 40x12 to 1000x500, like 120x36 (got "${flags.size}")`);
    }
    size = { cols, rows };
  }
  const str = (name: string): string | null => {
    const v = flags[name];
    if (v === undefined) return null;
    if (String(v).trim() === '') throw new UsageError(`--${kebab(name)} needs a value`);
    return String(v);
  };
  const record = str('record');
  if (record !== null && !record.endsWith('.cast')) throw new UsageError(`--record must name a .cast file (got "${record}")`);
  const title = str('title');
  if (title !== null && record === null) throw new UsageError('--title names a recording: use it with --record FILE.cast');
  if (flags.keys === false && flags.showKeys === true) throw new UsageError('--show-keys and --no-keys contradict each other: use one');
  if (flags.snapshotEvery !== undefined && !flags.headless) throw new UsageError('--snapshot-every only applies with --headless');
  if (flags.step !== undefined && (flags.scenario === undefined || flags.headless)) throw new UsageError('--step starts a lesson at a step: use it with --scenario, without --headless');
  if (flags.present === true && (flags.headless || flags.compare !== undefined || flags.compareScenario !== undefined)) throw new UsageError('--present lays out the live dashboard: not with --headless or --compare');
  if (flags.size !== undefined && flags.headless && record === null) throw new UsageError('--size sets the size of a recording or of the dashboard: with --headless use it with --record FILE.cast');
  if (flags.duration !== undefined && !flags.headless) throw new UsageError('--duration only applies with --headless');
  return {
    headless: Boolean(flags.headless),
    listScenarios: Boolean(flags.listScenarios),
    lint: str('lint'),
    step: flags.step === undefined ? null : int(flags, 'step', 1, 1000)!,
    present: flags.present === true,
    config,
    seedGiven: seed !== undefined,
    speed,
    durationMs,
    snapshotEveryMs,
    scenario: str('scenario'),
    script: str('script'),
    record,
    title,
    size,
    noColor: flags.color === false || (process.env.NO_COLOR ?? '') !== '',
    showKeys: flags.keys === false ? false : flags.showKeys === true || record !== null,
  };
}

export function helpText(): string {
  const lines = [
    'Usage',
    '  $ kube-ha-lab                      the live dashboard (needs a terminal)',
    '  $ kube-ha-lab --headless           run without UI, print NDJSON events and snapshots',
    '  $ kube-ha-lab --list-scenarios     the built-in lessons',
    '  $ kube-ha-lab sweep ...            what if: outages over many seeds and settings (sweep --help)',
    '  $ kube-ha-lab export IN.cast OUT.svg|OUT.gif   a recording as an animated SVG or GIF (export --help)',
    '',
    'Options',
  ];
  for (const [name, f] of Object.entries(FLAGS)) {
    const flag = f.shownAs ?? (f.type === 'string' ? `--${kebab(name)} <value>` : `--${kebab(name)}`);
    lines.push(`  ${flag.padEnd(32)} ${f.help}`);
  }
  lines.push('', 'Examples',
    '  $ kube-ha-lab --seed 7 --topology external',
    '  $ kube-ha-lab --headless --duration 10m --seed 7 --script faults.json',
    '  $ kube-ha-lab --headless --scenario 03-active-standby-leases',
    '  $ kube-ha-lab --headless --scenario 03-active-standby-leases --record demo.cast --size 120x36',
    '  $ kube-ha-lab export demo.cast demo.svg        (or demo.gif; see kube-ha-lab export --help)',
    '  $ kube-ha-lab --seed 7 --compare topology=external   (stacked vs external etcd, live, side by side)');
  return lines.join('\n');
}
