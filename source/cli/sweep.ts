// `kube-ha-lab sweep`: every grid point × every seed, run in parallel, reduced to distributions of
// the outage ledger's measures. Results on stdout only (table, NDJSON or CSV); a progress line on
// stderr when it is a terminal; Ctrl+C stops and prints what is done; bad input: one line, exit 2.
import type { Writable } from 'node:stream';
import type { Config } from '../sim/types.js';
import { defaultConfig } from '../sim/config.js';
import { kebab, UsageError, type RawFlags } from './flags.js';
import { parseSweepArgs, sweepHelp, defaultMeasures, type SweepArgs } from './sweep-args.js';
import { gridPoints, knobValue, pointConfig } from './sweep-grid.js';
import { faultCatalog, scenarioPlan, scriptEntries } from './sweep-plan.js';
import type { Plan } from '../sweep/plan.js';
import { runSweep } from '../sweep/pool.js';
import { summarise } from '../sweep/aggregate.js';
import { toCsv, toNdjson, type PointReport } from '../sweep/format-data.js';
import { toTable } from '../sweep/format-table.js';
import { Progress } from '../sweep/progress.js';
import { terminalSize } from '../ui/terminal-size.js';

const NAME = 'kube-ha-lab';

export interface SweepIo {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Where Ctrl+C comes from (the process, or a test's emitter). */
  signals?: { once(ev: 'SIGINT', f: () => void): unknown; off(ev: 'SIGINT', f: () => void): unknown };
}

export interface PreparedSweep {
  args: SweepArgs;
  plan: Plan;
  configs: Config[];
  /** Per point: [knob in kebab-case, value as given]. */
  vary: [string, string][][];
}

const describePoint = (p: [string, string][]) => p.map(([k, v]) => `${k}=${v}`).join(' ');

/** Everything checked before a run starts. Throws UsageError with one line. */
export function prepareSweep(argv: readonly string[], env: NodeJS.ProcessEnv): PreparedSweep | { help: string } {
  const args = parseSweepArgs(argv, env);
  if (args.help) return { help: sweepHelp(faultCatalog()) };
  const scenario = args.scenario ? scenarioPlan(args.scenario, args.durationMs) : null;
  const base: Config = scenario ? scenario.scenario.config : defaultConfig();
  const fixed: RawFlags = args.fixed;
  pointConfig(base, fixed, {});
  // Each value on its own first, so a bad one gets the flag's own message.
  for (const v of args.vary) {
    for (const x of v.values) {
      try {
        pointConfig(base, fixed, { [v.knob]: knobValue(v.knob, x) });
      } catch (e) {
        // A rule between knobs (lease > renew deadline) does not name the value: say which one.
        if (e instanceof UsageError && !e.message.includes('(got ')) throw new UsageError(`${e.message} (at ${kebab(v.knob)}=${x})`);
        throw e;
      }
    }
  }
  const points = gridPoints(args.vary);
  const configs = points.map((p) => {
    try {
      return pointConfig(base, fixed, Object.fromEntries(p.map(([k, x]) => [k, knobValue(k, x)])));
    } catch (e) {
      if (e instanceof UsageError) throw new UsageError(`${e.message} (at ${describePoint(p.map(([k, x]) => [kebab(k), x]))})`);
      throw e;
    }
  });
  let plan: Plan;
  if (scenario) plan = scenario;
  else {
    // A script names nodes: check it against every distinct cluster of the grid.
    const checked = new Map<string, ReturnType<typeof scriptEntries>>();
    configs.forEach((c, i) => {
      const key = JSON.stringify([c.masters, c.etcdMembers, c.topology, c.workers, c.lbPair]);
      if (checked.has(key)) return;
      try {
        checked.set(key, scriptEntries(args.script!, c));
      } catch (e) {
        const at = describePoint(points[i].map(([k, x]) => [kebab(k), x]));
        if (e instanceof UsageError && at) throw new UsageError(`${e.message} (at ${at})`);
        throw e;
      }
    });
    plan = { kind: 'script', name: args.script!, entries: [...checked.values()][0], durationMs: args.durationMs };
  }
  return { args, plan, configs, vary: points.map((p) => p.map(([k, x]) => [kebab(k), x] as [string, string])) };
}

/** Writes the results; resolves with the write error, if any (a reader that went away: EPIPE). */
function write(out: Writable, text: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    if (text === '') return resolve(null);
    out.once('error', (e) => resolve(e));
    out.write(text, (e) => resolve(e ?? null));
  });
}

/** A reader that stopped early is no error (exit 0, quietly); anything else is one line, exit 74. */
function writeFailed(io: SweepIo, e: NodeJS.ErrnoException | null): number | null {
  if (!e) return null;
  if (e.code === 'EPIPE') return 0;
  io.stderr.write(`${NAME}: cannot write the output (${e.code ?? e.message})\n`);
  return 74;
}

export async function runSweepCommand(argv: readonly string[], io: SweepIo): Promise<number> {
  let prepared;
  try {
    prepared = prepareSweep(argv, io.env);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${NAME}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if ('help' in prepared) {
    return writeFailed(io, await write(io.stdout, `\n  ${NAME} sweep: distributions of outages over seeds and settings\n\n${prepared.help.replace(/^/gm, '  ')}\n\n`)) ?? 0;
  }
  const { args, plan, configs, vary } = prepared;
  const progress = io.stderr.isTTY ? new Progress(io.stderr) : null;
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  io.signals?.once('SIGINT', onSigint);
  let outcome;
  try {
    outcome = await runSweep({
      plan,
      configs,
      seedFrom: args.seedFrom,
      seeds: args.seeds,
      threads: args.threads ?? undefined,
      signal: stop.signal,
      onProgress: progress ? (d, t) => progress.update(d, t) : undefined,
    });
  } finally {
    io.signals?.off('SIGINT', onSigint);
    progress?.clear();
  }
  const measures = defaultMeasures(args);
  const reports: PointReport[] = [];
  outcome.points.forEach((p, i) => {
    const summary = summarise(p);
    if (summary) reports.push({ vary: vary[i], summary });
  });
  const knobs = args.vary.map((v) => kebab(v.knob));
  const text = args.format === 'ndjson' ? toNdjson(reports, measures)
    : args.format === 'csv' ? toCsv(reports, knobs, measures)
    : toTable(reports, knobs, measures, { color: !args.noColor && Boolean(io.stdout.isTTY), width: io.stdout.isTTY ? terminalSize(io.stdout).cols : undefined, title: `${plan.name}: ${outcome.runsDone.toLocaleString('en-US')} runs, seeds ${args.seedFrom}..${args.seedFrom + args.seeds - 1}` });
  const failed = writeFailed(io, await write(io.stdout, text));
  if (failed !== null) return failed;
  if (outcome.interrupted) {
    io.stderr.write(`${NAME}: interrupted: ${outcome.runsDone.toLocaleString('en-US')} of ${outcome.runsTotal.toLocaleString('en-US')} runs done; the results above cover those\n`);
    return 130;
  }
  return 0;
}
