// `kube-ha-lab sweep` flags: a strict scan (one line for every problem, as the main command's),
// then options. Cluster knobs are the CLI's own flags: fixed (`--lease-duration 30s`) or varied
// (`--vary lease-duration=10s,15s,30s`); in a sweep --workers counts threads, so the cluster's
// worker nodes are set with --vary workers=N.
import { FLAGS, kebab, type RawFlags } from './flags.js';
import { distance } from './argv.js';
import { KNOB_FLAGS, knobNamed, knobValue, gridSize, type Vary } from './sweep-grid.js';
import { UsageError } from './flags.js';
import { parseDuration, formatDuration } from '../sim/duration.js';
import { LIMITS } from '../sim/config.js';
import { DEFAULT_TABLE_MEASURES, MEASURES, measureFlagName, measureNamed, type Measure } from '../sweep/measures.js';

export type SweepFormat = 'table' | 'ndjson' | 'csv';

export interface SweepArgs {
  help: boolean;
  scenario: string | null;
  script: string | null;
  seeds: number;
  seedFrom: number;
  vary: Vary[];
  /** Cluster flags given outside --vary (camelCase names, toOptions values). */
  fixed: RawFlags;
  threads: number | null;
  format: SweepFormat;
  /** Null: the format's default (the table's five columns, every measure in ndjson/csv). */
  measures: Measure[] | null;
  durationMs: number | null;
  yes: boolean;
  noColor: boolean;
}

/** The sweep's own flags (kebab-case) and whether they take a value. */
const SWEEP_FLAGS: Record<string, { value: boolean; help: string }> = {
  scenario: { value: true, help: 'the fault: a sweep scenario (see below), a lesson or a scenario file' },
  script: { value: true, help: 'the fault: a file of timed actions (JSON or YAML)' },
  seeds: { value: true, help: 'runs per grid point, seeds 1..N (default 100)' },
  'seed-from': { value: true, help: 'first seed (default 1)' },
  vary: { value: true, help: 'KNOB=V1,V2,... a knob and its values; repeat to form a grid' },
  workers: { value: true, help: 'threads (default: all cores)' },
  format: { value: true, help: 'table | ndjson | csv (default table)' },
  measure: { value: true, help: 'measures to show, comma-separated (default: api-degraded,failed-requests,writes-unavailable,kcm-leaderless,green-after)' },
  duration: { value: true, help: 'length of each run (default: the scenario\'s; a script: 60s or 30s after its last action)' },
  yes: { value: false, help: 'run a grid of more than 10,000 points' },
  color: { value: false, help: '--no-color: no colours (NO_COLOR is honoured too)' },
  help: { value: false, help: 'show this help' },
};

export const MAX_POINTS = 10_000;
export const MAX_SEEDS = 1_000_000;
export const MAX_RUNS = 5_000_000;
const MAX_THREADS = 256;

function suggest(name: string): string | null {
  const known = [...Object.keys(SWEEP_FLAGS), ...Object.keys(KNOB_FLAGS).map(kebab).filter((k) => k !== 'workers')];
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== null && bestD <= Math.max(1, Math.floor(name.length / 4)) ? `--${best}` : null;
}

function int(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max} (got "${text}")`);
  }
  return Number(text);
}

/** Parses the arguments after `sweep`; throws UsageError with one line. */
export function parseSweepArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SweepArgs {
  const given = new Map<string, string | boolean>();
  const varies: string[] = [];
  const fixed: RawFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') { given.set('help', true); continue; }
    if (!arg.startsWith('--') || arg === '--') throw new UsageError(`sweep: unexpected argument "${arg}" (options start with --; see sweep --help)`);
    const body = arg.slice(2);
    const eq = body.indexOf('=');
    let name = eq >= 0 ? body.slice(0, eq) : body;
    const inline = eq >= 0 ? body.slice(eq + 1) : undefined;
    let negated = false;
    const knobOf = (n: string) => (n !== 'workers' && /^[a-z][a-z0-9-]*$/.test(n) && KNOB_FLAGS[n.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] ? n.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) : null);
    const isSwitch = (n: string) => SWEEP_FLAGS[n]?.value === false || (knobOf(n) !== null && FLAGS[knobOf(n)!].type === 'boolean');
    if (!SWEEP_FLAGS[name] && !knobOf(name) && name.startsWith('no-') && isSwitch(name.slice(3))) {
      name = name.slice(3);
      negated = true;
    }
    const knob = knobOf(name);
    if (!SWEEP_FLAGS[name] && !knob) {
      const hint = suggest(name);
      throw new UsageError(`sweep: unknown option --${name}${hint ? ` (did you mean ${hint}?)` : ' (see sweep --help)'}`);
    }
    if (name !== 'vary' && given.has(name)) throw new UsageError(`--${name} was given more than once`);
    let value: string | boolean;
    if (isSwitch(name)) {
      if (inline !== undefined && !['true', 'false'].includes(inline)) throw new UsageError(`--${name} is a switch and takes no value (got "${inline}")`);
      value = negated ? false : inline !== 'false';
    } else {
      if (inline !== undefined) value = inline;
      else {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`--${name} needs a value (see sweep --help)`);
        value = next;
        i++;
      }
    }
    given.set(name, value);
    if (name === 'vary') varies.push(String(value));
    else if (knob) fixed[knob] = value;
  }

  const str = (n: string): string | null => {
    const v = given.get(n);
    if (v === undefined) return null;
    if (String(v).trim() === '') throw new UsageError(`--${n} needs a value`);
    return String(v);
  };

  const vary: Vary[] = [];
  for (const spec of varies) {
    const m = /^([^=]+)=(.*)$/.exec(spec);
    if (!m) throw new UsageError(`--vary must be KNOB=V1,V2,... like lease-duration=10s,15s,30s (got "${spec}")`);
    const k = knobNamed(m[1].trim());
    if ('error' in k) throw new UsageError(k.error);
    const name = kebab(k.knob);
    if (vary.some((v) => v.knob === k.knob)) throw new UsageError(`--vary ${name} was given more than once (list its values once: ${name}=A,B,C)`);
    if (k.knob in fixed) throw new UsageError(`--${name} is both fixed and varied; give it once`);
    const values = m[2].split(',').map((x) => x.trim());
    if (values.some((x) => x === '')) throw new UsageError(`--vary ${name}: an empty value (got "${m[2]}")`);
    const dup = values.find((x, i) => values.indexOf(x) !== i);
    if (dup !== undefined) throw new UsageError(`--vary ${name}: "${dup}" is listed twice`);
    for (const x of values) knobValue(k.knob, x);
    vary.push({ knob: k.knob, values });
  }

  const help = given.get('help') === true;
  const scenario = str('scenario');
  const script = str('script');
  if (!help) {
    if (!scenario && !script) throw new UsageError('sweep needs a fault to run: --scenario NAME|FILE or --script FILE (see sweep --help)');
    if (scenario && script) throw new UsageError('sweep: --scenario and --script cannot be combined; give one');
  }
  const seeds = given.has('seeds') ? int('seeds', str('seeds')!, 1, MAX_SEEDS) : 100;
  const seedFrom = given.has('seed-from') ? int('seed-from', str('seed-from')!, LIMITS.seed.min, LIMITS.seed.max) : 1;
  if (seedFrom + seeds - 1 > LIMITS.seed.max) throw new UsageError(`--seed-from ${seedFrom} with --seeds ${seeds} goes past the last seed ${LIMITS.seed.max}`);
  const threads = given.has('workers') ? int('workers', str('workers')!, 1, MAX_THREADS) : null;
  const format = str('format') ?? 'table';
  if (!['table', 'ndjson', 'csv'].includes(format)) throw new UsageError(`--format must be one of table, ndjson, csv (got "${format}")`);
  let measures: Measure[] | null = null;
  const mw = str('measure');
  if (mw !== null) {
    measures = [];
    for (const word of mw.split(',')) {
      const m = measureNamed(word);
      if (!m) throw new UsageError(`--measure: unknown measure "${word.trim()}" (one of ${MEASURES.map(measureFlagName).join(', ')})`);
      if (!measures.includes(m)) measures.push(m);
    }
  }
  let durationMs: number | null = null;
  const d = str('duration');
  if (d !== null) {
    durationMs = parseDuration(d);
    if (durationMs === null || durationMs < 1000 || durationMs > 3_600_000) {
      throw new UsageError(`--duration must be a duration from ${formatDuration(1000)} to ${formatDuration(3_600_000)}, like 60s or 2m (got "${d}")`);
    }
  }
  const yes = given.get('yes') === true;
  const points = gridSize(vary);
  if (points > MAX_POINTS && !yes) throw new UsageError(`the grid has ${points.toLocaleString('en-US')} points (more than ${MAX_POINTS.toLocaleString('en-US')}); add --yes to run it`);
  // Every run's values are kept until the end (about 100 bytes a run), for exact quantiles.
  if (points * seeds > MAX_RUNS) throw new UsageError(`${(points * seeds).toLocaleString('en-US')} runs (${points.toLocaleString('en-US')} points × ${seeds.toLocaleString('en-US')} seeds) is more than a sweep holds (${MAX_RUNS.toLocaleString('en-US')}); use fewer seeds or points`);
  return {
    help,
    scenario,
    script,
    seeds,
    seedFrom,
    vary,
    fixed,
    threads,
    format: format as SweepFormat,
    measures,
    durationMs,
    yes,
    noColor: given.get('color') === false || (env.NO_COLOR ?? '') !== '',
  };
}

export const defaultMeasures = (a: SweepArgs): readonly Measure[] => a.measures ?? (a.format === 'table' ? DEFAULT_TABLE_MEASURES : MEASURES);

export function sweepHelp(faults: readonly { name: string; title: string }[]): string {
  const lines = [
    'Usage',
    '  $ kube-ha-lab sweep --scenario NAME|FILE [--vary KNOB=V1,V2,...]... [options]',
    '  $ kube-ha-lab sweep --script FILE [--vary KNOB=V1,V2,...]... [options]',
    '',
    'Runs the fault at every point of the grid for every seed and prints, per point, the',
    'distribution of each outage-ledger measure (min, p50, p90, p99, max) and the share of runs',
    'in which clients saw a failure.',
    '',
    'Options',
  ];
  for (const [name, f] of Object.entries(SWEEP_FLAGS)) lines.push(`  ${(f.value ? `--${name} <value>` : `--${name}`).padEnd(24)} ${f.help}`);
  lines.push('', 'Knobs (for --vary, or fixed as --KNOB VALUE; --workers is threads, so: --vary workers=N)',
    `  ${Object.keys(KNOB_FLAGS).map(kebab).join(', ')}`,
    '', 'Measures (for --measure)', `  ${MEASURES.map(measureFlagName).join(', ')}`,
    '', 'Sweep scenarios', ...faults.map((f) => `  ${f.name.padEnd(22)} ${f.title}`),
    '', 'Examples',
    '  $ kube-ha-lab sweep --scenario crash-kcm-leader --seeds 1000 --vary lease-duration=15s,30s --vary lb-check=readyz,tls',
    '  $ kube-ha-lab sweep --scenario crash-etcd-leader --vary topology=stacked,external --format ndjson');
  return lines.join('\n');
}
